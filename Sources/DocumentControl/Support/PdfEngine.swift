import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Prints one local HTML page to a PDF file. `sop pdf` injects headless Chromium; tests may inject a fake.
public protocol PdfEngine: Sendable {
  /// Prints `page` (a `file:` URL) to `output`, using `workFolder` (empty, private) for anything else it
  /// writes. Throws a sentence for the person running sop when it cannot.
  func printPDF(page: URL, to output: URL, workFolder: URL) throws(PdfEngineError)
}

/// Why a page could not be printed: a sentence naming the page and what happened.
public struct PdfEngineError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The message.
  public var description: String

  /// Creates an error.
  public init(_ description: String) {
    self.description = description
  }
}

/// Headless Chromium's print-to-PDF, run as a child process with a time limit.
public struct ChromiumEngine: PdfEngine {
  /// The executable names looked for on `PATH`, in order.
  public static let executableNames = ["chromium", "chromium-browser", "google-chrome"]
  /// What to install when none is found.
  public static let installHint = "apt-get install chromium"

  /// The Chromium executable.
  public var executable: String
  /// How long one page may take before Chromium is stopped.
  public var timeout: TimeInterval

  /// Creates an engine that runs `executable`.
  public init(executable: String, timeout: TimeInterval = 120) {
    self.executable = executable
    self.timeout = timeout
  }

  /// The first Chromium on `searchPath` (a `PATH` value), or nil when there is none.
  public static func find(searchPath: String, timeout: TimeInterval = 120) -> ChromiumEngine? {
    for folder in searchPath.split(separator: ":") where !folder.isEmpty {
      for name in executableNames {
        let path = String(folder) + "/" + name
        if access(path, X_OK) == 0 { return ChromiumEngine(executable: path, timeout: timeout) }
      }
    }
    return nil
  }

  public func printPDF(page: URL, to output: URL, workFolder: URL) throws(PdfEngineError) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    // --no-sandbox: Chromium's sandbox refuses to run as root, as CI jobs and containers do. The page is our
    // own HTML, with a Content-Security-Policy that forbids scripts and remote loads.
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
      "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
      "--user-data-dir=" + workFolder.appendingPathComponent("profile").path, "--no-pdf-header-footer",
      // Virtual time lets the page finish loading and laying out before printing however busy the machine
      // is, and unhinted fonts keep glyph positions independent of the rasteriser: both for the same bytes
      // from the same snapshot (one master list differed between two runs on a loaded machine).
      "--virtual-time-budget=10000", "--font-render-hinting=none",
      "--print-to-pdf=" + output.path, page.absoluteString,
    ]
    var environment = ProcessInfo.processInfo.environment
    // Chromium writes the PDF dates in local time; UTC keeps their length and form fixed for normalising.
    environment["TZ"] = "UTC"
    environment["HOME"] = workFolder.path
    process.environment = environment
    // Chromium's chatter goes to a file, not a pipe: nothing has to be drained while it runs, and a pipe end
    // inherited by the other lane's Chromium (started at the same moment) could never hold sop up.
    let log = workFolder.appendingPathComponent("chromium.log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let logHandle = FileHandle(forWritingAtPath: log.path)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = logHandle ?? FileHandle.nullDevice
    process.standardError = logHandle ?? FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    let name = page.lastPathComponent
    do {
      try process.run()
    } catch {
      try? logHandle?.close()
      throw PdfEngineError("could not start \(executable): \(error.localizedDescription)")
    }
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      if finished.wait(timeout: .now() + 5) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        finished.wait()
      }
      try? logHandle?.close()
      throw PdfEngineError(
        "\(executable) did not finish printing \(name) within \(Int(timeout)) s and was stopped; nothing was written")
    }
    try? logHandle?.close()
    let bytes = (try? Data(contentsOf: output)) ?? Data()
    guard process.terminationReason == .exit, process.terminationStatus == 0, bytes.starts(with: Array("%PDF-".utf8))
    else {
      let how =
        process.terminationReason == .uncaughtSignal
        ? "was killed by signal \(process.terminationStatus)" : "exited with status \(process.terminationStatus)"
      throw PdfEngineError(
        "\(executable) \(how) without printing \(name); nothing was written. Its last words: "
          + Self.lastLines(of: log))
    }
  }

  /// The last few lines Chromium logged, without its routine complaints about D-Bus.
  static func lastLines(of log: URL) -> String {
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    let lines = text.split(separator: "\n").filter { !$0.contains("dbus") && !$0.isEmpty }
    let last = lines.suffix(3).joined(separator: " | ")
    return last.isEmpty ? "(none)" : String(last.prefix(600))
  }
}
