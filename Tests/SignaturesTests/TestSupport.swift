import Crypto
import Foundation
import Signatures
import Testing

/// What a finished subprocess left behind.
struct ProcessResult {
  let status: Int32
  let standardOutput: String
  let standardError: String
}

/// Raised when a test's own setup (ssh-keygen, files) fails, so the failure names the step.
struct SetupFailure: Error, CustomStringConvertible {
  let description: String
}

/// A throwaway directory with HOME pointed at it, so no test reads the developer's SSH config or agent.
final class Sandbox: Sendable {
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("sop-sig-test-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: directory)
  }

  /// The environment for every subprocess: inherited PATH, private HOME, no agent unless asked.
  var environment: [String: String] {
    var environment = ["HOME": directory.path, "PATH": "/usr/local/bin:/usr/bin:/bin"]
    if let path = ProcessInfo.processInfo.environment["PATH"] { environment["PATH"] = path }
    return environment
  }

  func path(_ name: String) -> String {
    directory.appendingPathComponent(name).path
  }

  /// Runs a tool with stdin from `input` (or /dev/null) and collects its output through files.
  @discardableResult
  func run(
    _ executable: String, _ arguments: [String], input: Data? = nil,
    environment extra: [String: String] = [:]
  ) throws -> ProcessResult {
    let id = UUID().uuidString
    let inputURL = directory.appendingPathComponent("stdin-\(id)")
    let outputURL = directory.appendingPathComponent("stdout-\(id)")
    let errorURL = directory.appendingPathComponent("stderr-\(id)")
    try (input ?? Data()).write(to: inputURL)
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    defer {
      for url in [inputURL, outputURL, errorURL] { try? FileManager.default.removeItem(at: url) }
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    process.environment = environment.merging(extra) { _, new in new }
    let inputHandle = try FileHandle(forReadingFrom: inputURL)
    let outputHandle = try FileHandle(forWritingTo: outputURL)
    let errorHandle = try FileHandle(forWritingTo: errorURL)
    process.standardInput = inputHandle
    process.standardOutput = outputHandle
    process.standardError = errorHandle
    try process.run()
    process.waitUntilExit()
    try? inputHandle.close()
    try? outputHandle.close()
    try? errorHandle.close()
    return ProcessResult(
      status: process.terminationStatus,
      standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
      standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
  }

  /// Runs a tool and throws with its stderr unless it exits 0.
  @discardableResult
  func runChecked(
    _ executable: String, _ arguments: [String], input: Data? = nil,
    environment extra: [String: String] = [:]
  ) throws -> ProcessResult {
    let result = try run(executable, arguments, input: input, environment: extra)
    guard result.status == 0 else {
      throw SetupFailure(
        description:
          "\(executable) \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.standardError)")
    }
    return result
  }

  /// Generates a key with ssh-keygen and returns the private key path (the public key is `path.pub`).
  func generateKey(_ type: KeyKind, name: String? = nil, passphrase: String = "") throws -> String {
    let keyPath = path(name ?? "key-\(type.rawValue)")
    try runChecked(
      "ssh-keygen",
      ["-q", "-t", type.keygenType] + type.bitsArguments
        + ["-N", passphrase, "-C", "tester@example.com", "-f", keyPath])
    return keyPath
  }

  /// Signs with the real ssh-keygen and returns its armored output exactly as written to the .sig file.
  func keygenSignature(
    keyPath: String, message: Data, namespace: String = "git", extraOptions: [String] = []
  ) throws -> String {
    let messagePath = path("message-\(UUID().uuidString)")
    try message.write(to: URL(fileURLWithPath: messagePath))
    try runChecked(
      "ssh-keygen", ["-Y", "sign", "-n", namespace, "-f", keyPath] + extraOptions + [messagePath])
    let signature = try String(contentsOfFile: messagePath + ".sig", encoding: .utf8)
    try? FileManager.default.removeItem(atPath: messagePath)
    try? FileManager.default.removeItem(atPath: messagePath + ".sig")
    return signature
  }

  func write(_ text: String, to name: String) throws -> String {
    let target = path(name)
    try text.write(toFile: target, atomically: true, encoding: .utf8)
    return target
  }
}

/// The key types ssh-keygen can make on this machine without hardware.
enum KeyKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case ed25519
  case ecdsa
  case rsa

  var keygenType: String { rawValue }

  var bitsArguments: [String] {
    switch self {
    case .ed25519: return []
    case .ecdsa: return ["-b", "256"]
    case .rsa: return ["-b", "3072"]
    }
  }

  var algorithm: String {
    switch self {
    case .ed25519: return "ssh-ed25519"
    case .ecdsa: return "ecdsa-sha2-nistp256"
    case .rsa: return "ssh-rsa"
    }
  }

  var testDescription: String { rawValue }
}

/// Messages that exercise empty input, binary bytes, newlines and multi-block hashing.
let sampleMessages: [Data] = [
  Data(),
  Data("tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@example.com> 1700000000 +0000\n\nmsg\n".utf8),
  Data((0..<256).map { UInt8($0) }),
  Data(repeating: 0x61, count: 100_000),
  Data("no trailing newline".utf8),
]

/// A minimal SSH wire writer for building synthetic fixtures independently of the module's own encoder.
struct FixtureWriter {
  var bytes: [UInt8] = []

  mutating func uint32(_ value: UInt32) {
    bytes += [UInt8(value >> 24 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
  }

  mutating func string<C: Collection>(_ raw: C) where C.Element == UInt8 {
    uint32(UInt32(raw.count))
    bytes += raw
  }

  mutating func string(_ text: String) {
    string(Array(text.utf8))
  }

  mutating func raw<C: Collection>(_ raw: C) where C.Element == UInt8 {
    bytes += raw
  }

  /// An SSH mpint for a non-negative big-endian magnitude.
  mutating func mpint(_ magnitude: [UInt8]) {
    var trimmed = Array(magnitude.drop(while: { $0 == 0 }))
    if let first = trimmed.first, first & 0x80 != 0 { trimmed.insert(0, at: 0) }
    string(trimmed)
  }
}

/// Armors a blob the way ssh-keygen does (70 columns, final newline).
func armorFixture(_ blob: [UInt8]) -> String {
  let encoded = Data(blob).base64EncodedString()
  var lines = ["-----BEGIN SSH SIGNATURE-----"]
  var index = encoded.startIndex
  while index < encoded.endIndex {
    let end = encoded.index(index, offsetBy: 70, limitedBy: encoded.endIndex) ?? encoded.endIndex
    lines.append(String(encoded[index..<end]))
    index = end
  }
  lines.append("-----END SSH SIGNATURE-----")
  return lines.joined(separator: "\n") + "\n"
}

/// Decodes the blob inside an armored signature for tests that tamper with it.
func dearmorFixture(_ armored: String) throws -> [UInt8] {
  let body = armored.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
  guard let data = Data(base64Encoded: body) else { throw SetupFailure(description: "bad fixture base64") }
  return [UInt8](data)
}

/// The SSHSIG data that gets signed, built independently from PROTOCOL.sshsig.
func sshsigSignedData(message: Data, namespace: String, hash: String) -> [UInt8] {
  var writer = FixtureWriter()
  writer.raw(Array("SSHSIG".utf8))
  writer.string(namespace)
  writer.string([UInt8]())
  writer.string(hash)
  writer.string(hashFixture(message, hash))
  return writer.bytes
}

/// Builds a complete SSHSIG blob from parts.
func sshsigBlob(publicKey: [UInt8], namespace: String, hash: String, signature: [UInt8]) -> [UInt8] {
  var writer = FixtureWriter()
  writer.raw(Array("SSHSIG".utf8))
  writer.uint32(1)
  writer.string(publicKey)
  writer.string(namespace)
  writer.string([UInt8]())
  writer.string(hash)
  writer.string(signature)
  return writer.bytes
}

/// SHA-2 of `message` by name, for fixtures.
func hashFixture(_ message: Data, _ hash: String) -> [UInt8] {
  hash == "sha256" ? Array(SHA256.hash(data: message)) : Array(SHA512.hash(data: message))
}
