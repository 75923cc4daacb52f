import CLibgit2

/// A git object id (20 bytes: SHA-1 repositories).
///
/// Held as its 20 bytes inline, not as hex text: a walk of a long history holds several ids for each commit
/// and changed path (commit, tree, parents, blobs), and as 40-character strings each was a heap allocation
/// of 80 bytes (a cold status of 20,000 documents in 60,000 commits had about ten groups of 4.8 MB of them).
public struct ObjectID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  /// The bytes, big-endian: comparing the words in order compares the ids as git (and their hex) sorts them.
  private let high: UInt64
  private let middle: UInt64
  private let low: UInt32

  private init(high: UInt64, middle: UInt64, low: UInt32) {
    self.high = high
    self.middle = middle
    self.low = low
  }

  /// Creates an id from hex, or nil when `hex` is not 40 lowercase hex digits.
  public init?(hex: String) {
    guard let id = Self.parse(hex.utf8) else { return nil }
    self = id
  }

  /// Creates an id from 40 lowercase hex digits given as bytes (a line of a raw object), or nil.
  init?(hexDigits: some Collection<UInt8>) {
    guard let id = Self.parse(hexDigits) else { return nil }
    self = id
  }

  private static func parse(_ digits: some Collection<UInt8>) -> ObjectID? {
    guard digits.count == 40 else { return nil }
    var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var index = 0
    for digit in digits {
      let value: UInt64
      switch digit {
      case 48...57: value = UInt64(digit - 48)
      case 97...102: value = UInt64(digit - 87)
      default: return nil
      }
      switch index {
      case 0..<16: words.0 = words.0 << 4 | value
      case 16..<32: words.1 = words.1 << 4 | value
      default: words.2 = words.2 << 4 | value
      }
      index += 1
    }
    return ObjectID(high: words.0, middle: words.1, low: UInt32(words.2))
  }

  init(_ oid: git_oid) {
    var bytes = oid.id
    self = withUnsafeBytes(of: &bytes) { raw in
      ObjectID(
        high: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
        middle: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
        low: UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
    }
  }

  var oid: git_oid {
    var oid = git_oid()
    withUnsafeMutableBytes(of: &oid.id) { raw in
      raw.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
      raw.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
      raw.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
    }
    return oid
  }

  /// The id whose 20 bytes (as git stores an id) start at `offset` in `bytes`, or nil when fewer follow.
  public init?(bytes: [UInt8], at offset: Int) {
    guard offset >= 0, bytes.count - offset >= 20 else { return nil }
    self = bytes.withUnsafeBytes { raw in
      ObjectID(
        high: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
        middle: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)),
        low: UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self)))
    }
  }

  /// Appends the id's 20 bytes (as git stores an id) to `bytes`.
  public func append(to bytes: inout [UInt8]) {
    for index in 0..<20 { bytes.append(byte(index)) }
  }

  /// Byte `index` (0 to 19) of the id.
  private func byte(_ index: Int) -> UInt8 {
    switch index {
    case 0..<8: UInt8(truncatingIfNeeded: high >> (8 * (7 - index)))
    case 8..<16: UInt8(truncatingIfNeeded: middle >> (8 * (15 - index)))
    default: UInt8(truncatingIfNeeded: low >> (8 * (19 - index)))
    }
  }

  /// The id in lowercase hex.
  public var hex: String {
    String(unsafeUninitializedCapacity: 40) { buffer in
      for index in 0..<20 {
        let value = byte(index)
        buffer[2 * index] = Self.digits[Int(value >> 4)]
        buffer[2 * index + 1] = Self.digits[Int(value & 0x0f)]
      }
      return 40
    }
  }

  private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

  /// The first seven digits, as git prints them.
  public var short: String { String(hex.prefix(7)) }
  /// The hex id.
  public var description: String { hex }
  /// Hashes the first eight bytes only. An id is a SHA-1 digest, so they alone spread ids as well as all twenty
  /// do, and the sets and dictionaries of ids a history walk looks up several times per commit then hash one
  /// word instead of three. Equal ids still hash equally, and `Hasher` is still seeded per process: ids that
  /// share a bucket still need the same first eight bytes of their SHA-1, 2^64 tries each to craft.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(high)
  }

  /// Orders ids by their bytes, which is the order of their hex.
  public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
    (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
  }

  /// Decodes from hex.
  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let id = ObjectID(hex: text) else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an object id"))
    }
    self = id
  }

  /// Encodes as hex.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(hex)
  }
}

/// A person and moment as git records them on a commit or tag.
public struct GitSignature: Sendable, Hashable {
  /// The name.
  public var name: String
  /// The email.
  public var email: String
  /// Seconds since 1970 (UTC).
  public var time: Int64
  /// The author's offset from UTC, in minutes.
  public var offsetMinutes: Int

  /// Creates a signature.
  public init(name: String, email: String, time: Int64, offsetMinutes: Int = 0) {
    self.name = name
    self.email = email
    self.time = time
    self.offsetMinutes = offsetMinutes
  }

  init(_ pointer: UnsafePointer<git_signature>) {
    name = pointer.pointee.name.map { String(cString: $0) } ?? ""
    email = pointer.pointee.email.map { String(cString: $0) } ?? ""
    time = pointer.pointee.when.time
    offsetMinutes = Int(pointer.pointee.when.offset)
  }
}

/// A commit copied out of libgit2.
public struct Commit: Sendable, Hashable {
  /// The commit id.
  public var id: ObjectID
  /// The root tree id.
  public var tree: ObjectID
  /// Parent ids, first parent first.
  public var parents: [ObjectID]
  /// Who wrote the change.
  public var author: GitSignature
  /// Who made the commit.
  public var committer: GitSignature
  /// The full message.
  public var message: String

  /// The first line of the message.
  public var subject: String {
    String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
  }

  /// The trailers (`Key: value` lines of the last paragraph), in order.
  public var trailers: [Trailer] { Trailer.parse(message) }
}

/// One `Key: value` trailer line from a commit message.
public struct Trailer: Sendable, Hashable {
  /// The key, e.g. `Approves`.
  public var key: String
  /// The value after `": "`.
  public var value: String

  /// Parses the trailer block: the last paragraph, if every line in it is `Key: value`.
  ///
  /// Read as bytes when the message is ASCII without a carriage return, where bytes and Characters are one and
  /// the same (only CR LF joins two ASCII scalars into one Character, and the only ASCII letters and numbers
  /// are A–Z, a–z and 0–9); any other message by Characters (`parseByCharacters`), as before. The walk parses
  /// the trailers of every approval (13,000 on the signed benchmark), and Character iteration was most of it.
  public static func parse(_ message: String) -> [Trailer] {
    let bytes = Array(message.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return parseByCharacters(message) }
    let newline = UInt8(ascii: "\n")
    let space = UInt8(ascii: " ")
    var lines = bytes.split(separator: newline, omittingEmptySubsequences: false)
    while let last = lines.last, last.allSatisfy({ $0 == space }) { lines.removeLast() }
    guard let blank = lines.lastIndex(where: { $0.allSatisfy { $0 == space } }) else { return [] }
    var trailers: [Trailer] = []
    for line in lines[(blank + 1)...] {
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return [] }
      let key = line[..<colon]
      guard
        !key.isEmpty,
        key.allSatisfy({
          ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D
        })
      else { return [] }
      let value = line[(colon + 1)...].drop { $0 == space }
      trailers.append(Trailer(key: String(decoding: key, as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
    }
    return trailers
  }

  /// `parse` by Characters: for any message that is not plain ASCII without carriage returns.
  static func parseByCharacters(_ message: String) -> [Trailer] {
    var lines = message.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    while let last = lines.last, last.allSatisfy({ $0 == " " }) { lines.removeLast() }
    guard let blank = lines.lastIndex(where: { $0.allSatisfy { $0 == " " } }) else { return [] }
    var trailers: [Trailer] = []
    for line in lines[(blank + 1)...] {
      guard let colon = line.firstIndex(of: ":") else { return [] }
      let key = line[..<colon]
      guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return [] }
      let value = line[line.index(after: colon)...].drop { $0 == " " }
      trailers.append(Trailer(key: String(key), value: String(value)))
    }
    return trailers
  }
}

/// A file in a tree: its path, blob and mode.
public struct TreeFile: Sendable, Hashable {
  /// The path relative to the repository root.
  public var path: String
  /// The blob id.
  public var blob: ObjectID
  /// The git file mode (0o100644, 0o100755, 0o120000 for a symlink, 0o160000 for a submodule).
  public var mode: UInt32

  /// Whether the entry is a regular file (not a symlink or submodule).
  public var isRegularFile: Bool { mode == 0o100644 || mode == 0o100755 }
}

/// How a path changed in a commit against its first parent.
public struct ChangedPath: Sendable, Hashable {
  /// The path after the change (or the deleted path).
  public var path: String
  /// The blob before, nil when added.
  public var oldBlob: ObjectID?
  /// The blob after, nil when deleted.
  public var newBlob: ObjectID?
}

/// A commit in a history walk with the paths it changed against its first parent.
public struct HistoryEntry: Sendable {
  /// The commit.
  public var commit: Commit
  /// Paths changed against the first parent (everything, for a root commit).
  public var changes: [ChangedPath]

  /// Creates an entry.
  public init(commit: Commit, changes: [ChangedPath]) {
    self.commit = commit
    self.changes = changes
  }
}

/// A signature stored in an object header and the exact bytes it signs.
public struct StoredSignature: Sendable, Hashable {
  /// The armored signature, without a final newline.
  public var signature: String
  /// The object content the signature covers.
  public var signedData: [UInt8]
}

/// A reference and the object it points at.
public struct ReferenceTarget: Sendable, Hashable {
  /// The full name, e.g. `refs/tags/published/3`.
  public var name: String
  /// The object the reference points at (a tag object for annotated tags).
  public var target: ObjectID
}
