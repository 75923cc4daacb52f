import ArgumentParser
import DocumentControl
import DocumentModel
import Foundation

/// Options every subcommand accepts.
struct GlobalOptions: ParsableArguments {
  @Option(name: .customShort("C"), help: ArgumentHelp("Run as if sop was started in PATH.", valueName: "path"))
  var directory: String?

  /// The folder to work in.
  var path: String { directory ?? FileManager.default.currentDirectoryPath }

  /// Opens the repository, mapping failure to exit 2.
  func open() throws -> DocumentRepository {
    if let directory, !FileManager.default.fileExists(atPath: directory) {
      throw fail(.invalidArgument("\(directory): no such folder"))
    }
    do {
      let repository = try DocumentRepository(discoveringFrom: path)
      repository.notify = { printError("sop: \($0)") }
      return repository
    } catch {
      throw fail(error)
    }
  }
}

/// Output formats for reports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// Writes a line to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Prints a workflow error and returns the exit code to throw (2 for input errors, 1 for refusals).
func fail(_ error: ControlError) -> ExitCode {
  printError("sop: \(error.description)")
  return ExitCode(error.isInputError ? 2 : 1)
}

/// Writes UTF-8 bytes and a newline to standard output, as `print` writes a string without making one of them:
/// what `print` buffered goes first.
func printLine(_ bytes: [UInt8]) {
  fflush(nil)
  for part in [bytes, [10]] {
    part.withUnsafeBytes { buffer in
      var written = 0
      while written < buffer.count {
        let count = write(1, buffer.baseAddress! + written, buffer.count - written)
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { return }
        written += count
      }
    }
  }
}

/// Ends the process with `code` once a command has written everything, without returning: returning frees the
/// report, the repository and libgit2's object cache one allocation at a time (0.025 s after a cold status of
/// 5,000 documents), which the system takes back whole at exit. Standard output is flushed by `exit` as always.
func endWithoutFreeing(_ code: Int32) -> Never {
  Foundation.exit(code)
}

/// Encodes a report as stable JSON: sorted keys, pretty printed, slashes unescaped.
func jsonText<T: Encodable>(_ value: T) -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  guard let data = try? encoder.encode(value) else { return "{}" }
  return String(decoding: data, as: UTF8.self)
}

/// The current time, or `SOP_NOW` (ISO 8601 or `@seconds`) for reproducible runs.
func currentTime() -> Date {
  let environment = ProcessInfo.processInfo.environment
  if let text = environment["SOP_NOW"], let date = parseTime(text) { return date }
  return Date()
}

/// The approval time: git's `GIT_COMMITTER_DATE` when set (as git honours it), else the current time.
func approvalTime() -> Date {
  if let text = ProcessInfo.processInfo.environment["GIT_COMMITTER_DATE"], let date = parseTime(text) {
    return date
  }
  return currentTime()
}

/// Parses `@1700000000 [+0000]` or ISO 8601 (`2026-01-31T10:00:00Z`).
func parseTime(_ text: String) -> Date? {
  let trimmed = text.trimmingCharacters(in: .whitespaces)
  if trimmed.hasPrefix("@"), let seconds = Double(trimmed.dropFirst().split(separator: " ").first ?? "") {
    return Date(timeIntervalSince1970: seconds)
  }
  return ISO8601DateFormatter().date(from: trimmed)
}

/// Pads text to a width in terminal columns (CJK characters take two) for aligned columns.
func padded(_ text: String, _ width: Int) -> String {
  let columns = displayWidth(text)
  return columns >= width ? text : text + String(repeating: " ", count: width - columns)
}

/// Text cut to at most `width` terminal columns, with "…" where it was cut.
func truncated(_ text: String, width: Int) -> String {
  guard displayWidth(text) > width else { return text }
  var result = ""
  for character in text {
    if displayWidth(result + String(character)) > width - 1 { break }
    result.append(character)
  }
  return result + "…"
}
