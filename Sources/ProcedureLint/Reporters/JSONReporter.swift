import DocumentModel

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

  /// The fixed keys in the order `.sortedKeys` puts them (by UTF-8 bytes).
  private static let fixedKeyOrder = ["column", "line", "message", "path", "rule", "severity"]

  private static func write(_ finding: Finding, to writer: inout PrettyJSONWriter) {
    // Only the few metric names are sorted; they are merged with the fixed keys, which are in order
    // already. Keys are compared as `JSONEncoder` compares them with `.sortedKeys`: by their UTF-8 bytes.
    var metrics: [(String, Double)] = []
    metrics.reserveCapacity(finding.metrics.count)
    for (name, value) in finding.metrics where !Finding.fixedKeys.contains(name) { metrics.append((name, value)) }
    if metrics.count > 1 { metrics.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) } }
    var next = 0
    writer.openObject()
    for (index, key) in fixedKeyOrder.enumerated() {
      while next < metrics.count, metrics[next].0.utf8.lexicographicallyPrecedes(key.utf8) {
        writeMetric(metrics[next], isFirst: index == 0 && next == 0, to: &writer)
        next += 1
      }
      if index > 0 || next > 0 { writer.bytes.append(UInt8(ascii: ",")) }
      writer.key(key, depth: 3)
      switch index {
      case 0: writer.integer(finding.column)
      case 1: writer.integer(finding.line)
      case 2: writer.string(finding.message)
      case 3: writer.string(finding.path)
      case 4: writer.string(finding.rule)
      default: writer.string(finding.severity.rawValue)
      }
    }
    while next < metrics.count {
      writeMetric(metrics[next], isFirst: false, to: &writer)
      next += 1
    }
    writer.closeObject(depth: 2)
  }

  /// One metric member; the same choice as `Finding.encode(to:)`: whole numbers without a fraction.
  private static func writeMetric(_ metric: (String, Double), isFirst: Bool, to writer: inout PrettyJSONWriter) {
    if !isFirst { writer.bytes.append(UInt8(ascii: ",")) }
    writer.key(metric.0, depth: 3)
    if Finding.isWhole(metric.1) { writer.integer(Int(metric.1)) } else { writer.number(metric.1) }
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

  /// Digits written in place: a `String` per number cost more than the rest of the number's line.
  mutating func integer(_ value: Int) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
    }
  }

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
    JSONString.append(text, to: &bytes)
  }

  /// A line feed and the indentation of each level written (findings' members are at depth 3).
  private static let newlines = (0...3).map {
    [UInt8(ascii: "\n")] + Array(repeating: UInt8(ascii: " "), count: $0 * 2)
  }

  private mutating func newline(depth: Int) {
    bytes.append(contentsOf: Self.newlines[depth])
  }
}
