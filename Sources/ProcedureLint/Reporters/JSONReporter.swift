/// Renders a report as pretty-printed JSON with sorted keys: `{"findings": [...], "summary": {...}}`.
///
/// The text is exactly what `JSONEncoder` makes of the `Codable` report with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` (a test holds the two together), written directly:
/// a repository-wide run has thousands of findings, and the generic encoder spent more time on them
/// than the rules that found them.
public enum JSONReporter {
  /// The report as JSON; each finding is flat, its metrics beside the fixed keys.
  public static func render(_ report: LintReport) -> String {
    var writer = PrettyJSONWriter()
    writer.openObject()
    writer.key("findings", depth: 1)
    writer.openArray()
    for (index, finding) in report.findings.enumerated() {
      writer.separator(isFirst: index == 0, depth: 2)
      write(finding, to: &writer)
    }
    writer.closeArray(isEmpty: report.findings.isEmpty, depth: 1)
    writer.bytes.append(UInt8(ascii: ","))
    writer.key("summary", depth: 1)
    writer.openObject()
    let summary = report.summary
    let counts = [
      ("errors", summary.errors), ("files", summary.files), ("suggestions", summary.suggestions),
      ("warnings", summary.warnings),
    ]
    for (index, (name, value)) in counts.enumerated() {
      if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
      writer.key(name, depth: 2)
      writer.integer(value)
    }
    writer.closeObject(depth: 1)
    writer.closeObject(depth: 0)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// One value of a finding, in key order.
  private enum Value {
    case text(String)
    case integer(Int)
    case number(Double)
  }

  private static func write(_ finding: Finding, to writer: inout PrettyJSONWriter) {
    var members: [(key: String, value: Value)] = [
      ("column", .integer(finding.column)), ("line", .integer(finding.line)), ("message", .text(finding.message)),
      ("path", .text(finding.path)), ("rule", .text(finding.rule)), ("severity", .text(finding.severity.rawValue)),
    ]
    for (name, value) in finding.metrics where !Finding.fixedKeys.contains(name) {
      // The same choice as `Finding.encode(to:)`: whole numbers without a fraction.
      members.append((name, Finding.isWhole(value) ? .integer(Int(value)) : .number(value)))
    }
    // Keys are compared as `JSONEncoder` compares them with `.sortedKeys`: by their UTF-8 bytes.
    members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    writer.openObject()
    for (index, member) in members.enumerated() {
      if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
      writer.key(member.key, depth: 3)
      switch member.value {
      case .text(let text): writer.string(text)
      case .integer(let number): writer.integer(number)
      case .number(let number): writer.number(number)
      }
    }
    writer.closeObject(depth: 2)
  }
}

/// Appends JSON in `JSONEncoder`'s pretty layout: two spaces per level, `" : "` after keys.
private struct PrettyJSONWriter {
  var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(1 << 16) }

  mutating func openObject() { bytes.append(UInt8(ascii: "{")) }
  mutating func openArray() { bytes.append(UInt8(ascii: "[")) }

  mutating func closeObject(depth: Int) {
    newline(depth: depth)
    bytes.append(UInt8(ascii: "}"))
  }

  /// `JSONEncoder` writes an empty array as `[`, a blank line and `]`.
  mutating func closeArray(isEmpty: Bool, depth: Int) {
    if isEmpty { bytes.append(UInt8(ascii: "\n")) }
    newline(depth: depth)
    bytes.append(UInt8(ascii: "]"))
  }

  /// The comma before an array element (none before the first) and its indentation.
  mutating func separator(isFirst: Bool, depth: Int) {
    if !isFirst { bytes.append(UInt8(ascii: ",")) }
    newline(depth: depth)
  }

  mutating func key(_ name: String, depth: Int) {
    newline(depth: depth)
    string(name)
    bytes.append(contentsOf: " : ".utf8)
  }

  mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

  /// A number as `JSONEncoder` writes it: Swift's shortest round-trip form without a trailing `.0`.
  /// JSON has no NaN or infinity, so those are `null`.
  mutating func number(_ value: Double) {
    if value.isFinite {
      let text = value.description
      bytes.append(contentsOf: (text.hasSuffix(".0") ? text.dropLast(2) : Substring(text)).utf8)
    } else {
      bytes.append(contentsOf: "null".utf8)
    }
  }

  /// A string with `"`, `\` and control characters escaped, everything else as is.
  mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
      case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
      case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
      case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
      case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
      case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
      case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
      case 0x00..<0x20:
        bytes.append(contentsOf: #"\u00"#.utf8)
        bytes.append(Self.hexDigits[Int(byte >> 4)])
        bytes.append(Self.hexDigits[Int(byte & 0x0F)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private mutating func newline(depth: Int) {
    bytes.append(UInt8(ascii: "\n"))
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
  }
}
