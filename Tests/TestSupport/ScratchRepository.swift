import Foundation

/// The result of running a process in a test.
public struct ProcessResult: Sendable {
  /// The exit status.
  public let status: Int32
  /// Everything written to standard output.
  public let stdout: String
  /// Everything written to standard error.
  public let stderr: String
  /// Whether the process was killed because it ran past its time limit.
  public var timedOut = false
}

/// Runs `executable` with `arguments` in `directory`, with exactly `environment`, and captures output.
///
/// With a `timeout`, a process still running after that many seconds is killed and the result says
/// `timedOut`, so a hang fails a test instead of blocking the suite.
public func runProcess(
  _ executable: String, _ arguments: [String], in directory: URL, environment: [String: String],
  input: String? = nil, timeout: TimeInterval? = nil
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
  process.arguments = executable.hasPrefix("/") ? arguments : [executable] + arguments
  process.currentDirectoryURL = directory
  process.environment = environment
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  let inputPipe = Pipe()
  process.standardInput = inputPipe
  try process.run()
  let killer = DispatchWorkItem { [process] in
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }
  if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer) }
  if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
  try? inputPipe.fileHandleForWriting.close()
  // Read both pipes before waiting so a chatty process never blocks on a full pipe.
  let group = DispatchGroup()
  nonisolated(unsafe) var errData = Data()
  group.enter()
  DispatchQueue.global().async {
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  killer.cancel()
  var result = ProcessResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errData, as: UTF8.self))
  result.timedOut = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
  return result
}

/// A throwaway git repository in a temp folder, isolated from the user's global git configuration.
public final class ScratchRepository: @unchecked Sendable {
  /// The work tree root.
  public let url: URL
  /// A private HOME for git and ssh-keygen.
  public let home: URL
  /// The author and committer used by `commit`.
  public var identity = (name: "Test Author", email: "author@example.test")
  /// The commit time used by `commit`; each commit advances it by a minute.
  public var clock: Int = 1_700_000_000

  /// Creates an empty repository on branch `main`.
  public init() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("sop-test-\(UUID().uuidString)")
    url = base.appendingPathComponent("repo")
    home = base.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    try git("init", "-q", "-b", "main")
  }

  deinit { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }

  /// The isolated environment: no system or global config, fixed identities and dates.
  public var environment: [String: String] {
    let date = "@\(clock) +0000"
    return [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": home.path, "XDG_CONFIG_HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1",
      "GIT_CONFIG_GLOBAL": home.appendingPathComponent(".gitconfig").path,
      "GIT_AUTHOR_NAME": identity.name, "GIT_AUTHOR_EMAIL": identity.email, "GIT_AUTHOR_DATE": date,
      "GIT_COMMITTER_NAME": identity.name, "GIT_COMMITTER_EMAIL": identity.email, "GIT_COMMITTER_DATE": date,
      "LC_ALL": "C",
    ]
  }

  /// Runs git in the repository and returns its trimmed standard output; throws on a non-zero exit.
  @discardableResult
  public func git(_ arguments: String...) throws -> String {
    try git(arguments)
  }

  /// Runs git with an argument array.
  @discardableResult
  public func git(_ arguments: [String], extraEnvironment: [String: String] = [:]) throws -> String {
    let result = try runProcess(
      "git", arguments, in: url, environment: environment.merging(extraEnvironment) { _, new in new })
    guard result.status == 0 else {
      throw ScratchError(message: "git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
    }
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Writes a file (creating folders) relative to the work tree.
  public func write(_ path: String, _ content: String) throws {
    try write(path, Data(content.utf8))
  }

  /// Writes raw bytes relative to the work tree.
  public func write(_ path: String, _ data: Data) throws {
    let file = url.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
  }

  /// Stages everything and commits it as `identity`, advancing the clock; returns the commit id.
  @discardableResult
  public func commitAll(_ message: String) throws -> String {
    clock += 60
    try git("add", "-A")
    try git("commit", "-q", "--allow-empty", "-m", message)
    return try git("rev-parse", "HEAD")
  }

  /// Generates an unencrypted ed25519 key; returns the private key path and the public key line.
  public func makeKey(_ name: String, type: String = "ed25519") throws -> (path: String, publicKey: String) {
    let path = home.appendingPathComponent(name).path
    let result = try runProcess(
      "ssh-keygen", ["-q", "-t", type, "-N", "", "-C", name, "-f", path], in: home, environment: environment)
    guard result.status == 0 else { throw ScratchError(message: "ssh-keygen failed: \(result.stderr)") }
    let publicKey = try String(contentsOfFile: path + ".pub", encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return (path, publicKey)
  }

  /// Makes a signed empty commit with stock git (`git commit -S`, gpg.format=ssh) as `identity`.
  @discardableResult
  public func signedEmptyCommit(_ message: String, key: String, allowEmpty: Bool = true) throws -> String {
    clock += 60
    var arguments = [
      "-c", "gpg.format=ssh", "-c", "user.signingkey=\(key)", "commit", "-q", "-S", "-m", message,
    ]
    if allowEmpty { arguments.append("--allow-empty") }
    try git(arguments)
    return try git("rev-parse", "HEAD")
  }

  /// Makes an SSH-signed annotated tag of HEAD with stock git (`git tag -s`, gpg.format=ssh).
  public func signedTag(_ name: String, message: String, key: String, extraEnvironment: [String: String] = [:])
    throws
  {
    try git(
      ["-c", "gpg.format=ssh", "-c", "user.signingkey=\(key)", "tag", "-s", "-m", message, name],
      extraEnvironment: extraEnvironment)
  }
}

/// A failure in test scaffolding.
public struct ScratchError: Error, CustomStringConvertible {
  /// What went wrong.
  public let message: String

  /// Creates an error.
  public init(message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
