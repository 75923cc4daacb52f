/// A document identifier such as `QP-004`: capital letters and digits, a hyphen, a number.
public struct DocumentID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
  /// The identifier exactly as written.
  public let rawValue: String

  /// The id under which `sop.yml` itself is approved.
  public static let policy = DocumentID(unchecked: "POLICY")

  /// Creates an id, or nil when `text` does not match `^[A-Z][A-Z0-9]*-[0-9]+$`.
  public init?(_ text: String) {
    guard DocumentID.isValid(text) else { return nil }
    rawValue = text
  }

  private init(unchecked text: String) {
    rawValue = text
  }

  /// Whether `text` matches `^[A-Z][A-Z0-9]*-[0-9]+$` (which also rules out `/` and `..`).
  public static func isValid(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard let hyphen = bytes.lastIndex(of: UInt8(ascii: "-")), hyphen > 0, hyphen < bytes.count - 1
    else { return false }
    guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[0]) else { return false }
    let isUpperOrDigit: (UInt8) -> Bool = {
      (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
    }
    return bytes[1..<hyphen].allSatisfy(isUpperOrDigit)
      && bytes[(hyphen + 1)...].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
  }

  /// The part before the hyphen, e.g. `QP`.
  public var prefix: String { String(rawValue[..<(rawValue.lastIndex(of: "-") ?? rawValue.endIndex)]) }

  /// The number after the hyphen, e.g. 4 for `QP-004`.
  public var number: Int {
    guard let hyphen = rawValue.lastIndex(of: "-") else { return 0 }
    return Int(rawValue[rawValue.index(after: hyphen)...]) ?? 0
  }

  /// Orders ids by prefix, then number, then text, so `QP-9` comes before `QP-10`.
  public static func < (lhs: DocumentID, rhs: DocumentID) -> Bool {
    (lhs.prefix, lhs.number, lhs.rawValue) < (rhs.prefix, rhs.number, rhs.rawValue)
  }

  /// The id as written.
  public var description: String { rawValue }

  /// Decodes and validates an id from a YAML or JSON string.
  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let id = DocumentID(text) ?? (text == "POLICY" ? .policy : nil) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription:
            "'\(text)' is not a document id (expected capitals and digits, a hyphen, a number, e.g. QP-004)"))
    }
    self = id
  }

  /// Encodes the id as its text.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
