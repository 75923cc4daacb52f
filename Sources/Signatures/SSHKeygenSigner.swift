import Foundation

/// Signs by running `ssh-keygen -Y sign`, exactly as git does with `gpg.format=ssh`.
///
/// This is the route for encrypted keys, keys held by ssh-agent (pass the `.pub` path) and FIDO keys.
public struct SSHKeygenSigner: MessageSigner {
  /// The key given to `ssh-keygen -f`: a private key file, or a public key whose private half is in the agent.
  public let keyPath: String
  /// The ssh-keygen to run: a path, or a name looked up in `PATH`.
  public let executable: String
  /// The environment for ssh-keygen (e.g. `SSH_AUTH_SOCK`, `HOME`); nil inherits this process's.
  public let environment: [String: String]?

  /// Creates a signer for `keyPath`; nothing is checked until `sign` runs.
  public init(keyPath: String, executable: String = "ssh-keygen", environment: [String: String]? = nil) {
    self.keyPath = keyPath
    self.executable = executable
    self.environment = environment
  }

  /// Runs `ssh-keygen -Y sign -n namespace -f key` on a private temp copy of `message`.
  public func sign(_ message: Data, namespace: String) throws(SignatureError) -> String {
    try validateNamespace(namespace)
    let toolURL = try resolveExecutable()
    let fileManager = FileManager.default
    // A private directory keeps the message and signature away from other users on shared machines.
    let directory = fileManager.temporaryDirectory
      .appendingPathComponent("sop-sign-\(UUID().uuidString)", isDirectory: true)
    do {
      try fileManager.createDirectory(
        at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    } catch {
      throw .signerUnavailable(executable: executable, reason: "cannot create a temporary directory")
    }
    defer { try? fileManager.removeItem(at: directory) }
    let messageURL = directory.appendingPathComponent("message")
    let signatureURL = directory.appendingPathComponent("message.sig")
    do {
      try message.write(to: messageURL)
    } catch {
      throw .signerUnavailable(executable: executable, reason: "cannot write the message to sign")
    }

    let (status, errorOutput) = try run(
      toolURL, arguments: ["-Y", "sign", "-n", namespace, "-f", keyPath, messageURL.path])
    guard status == 0 else {
      throw .signingFailed(keyPath: keyPath, status: status, message: errorOutput)
    }
    guard let data = try? Data(contentsOf: signatureURL),
      let armored = String(data: data, encoding: .utf8)
    else {
      throw .signingFailed(
        keyPath: keyPath, status: status, message: "it reported success but wrote no signature file")
    }
    // git stores the signature without ssh-keygen's final newline (see `MessageSigner`).
    var trimmed = Substring(armored)
    while trimmed.last?.isNewline == true { trimmed = trimmed.dropLast() }
    return String(trimmed)
  }

  private var effectiveEnvironment: [String: String] {
    environment ?? ProcessInfo.processInfo.environment
  }

  /// Finds the executable the way a shell would, using the signer's own PATH.
  private func resolveExecutable() throws(SignatureError) -> URL {
    let fileManager = FileManager.default
    if executable.contains("/") {
      guard fileManager.isExecutableFile(atPath: executable) else {
        throw .signerUnavailable(executable: executable, reason: "it is not an executable file")
      }
      return URL(fileURLWithPath: executable)
    }
    let searchPath = effectiveEnvironment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in searchPath.split(separator: ":") where !directory.isEmpty {
      let candidate = "\(directory)/\(executable)"
      if fileManager.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
    }
    throw .signerUnavailable(executable: executable, reason: "it was not found in PATH (\(searchPath))")
  }

  /// Runs the tool with stdin from /dev/null and returns its exit status and trimmed stderr.
  private func run(_ toolURL: URL, arguments: [String]) throws(SignatureError) -> (Int32, String) {
    let process = Process()
    process.executableURL = toolURL
    process.arguments = arguments
    process.environment = effectiveEnvironment
    let errorPipe = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errorPipe
    do {
      try process.run()
    } catch {
      throw .signerUnavailable(executable: toolURL.path, reason: error.localizedDescription)
    }
    // Drain stderr before waiting so a chatty ssh-keygen cannot block on a full pipe.
    let errorData = errorPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errorText = String(decoding: errorData, as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let status =
      process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    return (status, errorText)
  }
}
