import Foundation

/// Why a piece of SSH wire data could not be read; callers wrap it in the right `SignatureError`.
struct WireError: Error {
  let reason: String
}

/// Reads the SSH wire encoding (RFC 4251 §5) from a byte buffer, checking every length against what is left.
struct WireReader {
  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  init(_ data: Data) {
    self.bytes = [UInt8](data)
  }

  var isAtEnd: Bool { offset == bytes.count }
  var remainingCount: Int { bytes.count - offset }

  mutating func readBytes(_ count: Int, _ field: String) throws(WireError) -> [UInt8] {
    guard count >= 0, count <= remainingCount else {
      throw WireError(reason: "\(field) is truncated (needs \(count) bytes, \(remainingCount) left)")
    }
    let slice = Array(bytes[offset..<offset + count])
    offset += count
    return slice
  }

  mutating func readUInt8(_ field: String) throws(WireError) -> UInt8 {
    try readBytes(1, field)[0]
  }

  mutating func readUInt32(_ field: String) throws(WireError) -> UInt32 {
    let raw = try readBytes(4, field)
    return raw.reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
  }

  /// Reads a length-prefixed `string`; the length is checked before any allocation.
  mutating func readString(_ field: String) throws(WireError) -> [UInt8] {
    let length = try readUInt32("length of \(field)")
    guard Int(length) <= remainingCount else {
      throw WireError(
        reason: "\(field) claims \(length) bytes but only \(remainingCount) remain")
    }
    return try readBytes(Int(length), field)
  }

  /// Reads a `string` that must be valid UTF-8 text without NUL bytes.
  mutating func readText(_ field: String) throws(WireError) -> String {
    let raw = try readString(field)
    guard !raw.contains(0), let text = String(validating: raw, as: UTF8.self) else {
      throw WireError(reason: "\(field) is not valid text")
    }
    return text
  }

  func expectEnd(_ context: String) throws(WireError) {
    guard isAtEnd else {
      throw WireError(reason: "\(context) has \(remainingCount) unexpected trailing bytes")
    }
  }
}

/// Builds SSH wire encoding; used for signed data, signature blobs and test fixtures.
struct WireWriter {
  private(set) var bytes: [UInt8] = []

  mutating func appendRaw<S: Sequence>(_ raw: S) where S.Element == UInt8 {
    bytes.append(contentsOf: raw)
  }

  mutating func appendUInt8(_ value: UInt8) {
    bytes.append(value)
  }

  mutating func appendUInt32(_ value: UInt32) {
    bytes.append(contentsOf: [
      UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
      UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value),
    ])
  }

  mutating func appendString<S: Collection>(_ raw: S) where S.Element == UInt8 {
    appendUInt32(UInt32(raw.count))
    bytes.append(contentsOf: raw)
  }

  mutating func appendString(_ text: String) {
    appendString(Array(text.utf8))
  }

  var data: Data { Data(bytes) }
}
