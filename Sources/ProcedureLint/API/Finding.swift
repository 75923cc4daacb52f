/// One problem in one document: where it is, which rule found it, and what to do about it.
///
/// Encoded as one flat JSON object: the fixed keys plus each metric (`"words": 34`).
public struct Finding: Codable, Sendable, Hashable {
  /// The rule id, e.g. `sentence-length`.
  public var rule: String
  /// How serious the finding is, after configuration.
  public var severity: Severity
  /// The file, relative to the repository root.
  public var path: String
  /// The 1-based file line of the offending text (front matter included).
  public var line: Int
  /// The 1-based column, in characters of the source line (as editors count).
  public var column: Int
  /// What is wrong and what to do, with the numbers.
  public var message: String
  /// The numbers behind the finding, e.g. `words`, `max`, `grade`.
  public var metrics: [String: Double]
  /// The offending text, normalised; SARIF fingerprints hash it. Not encoded.
  public var excerpt: String

  /// Creates a finding.
  public init(
    rule: String, severity: Severity, path: String, line: Int, column: Int, message: String,
    metrics: [String: Double] = [:], excerpt: String = ""
  ) {
    self.rule = rule
    self.severity = severity
    self.path = path
    self.line = line
    self.column = column
    self.message = message
    self.metrics = metrics
    self.excerpt = excerpt
  }

  /// The keys every finding has; a metric of the same name is never encoded.
  static let fixedKeys: Set<String> = ["rule", "severity", "path", "line", "column", "message"]

  /// Whether a metric is written as a whole number (no fraction).
  static func isWhole(_ value: Double) -> Bool {
    value.rounded() == value && abs(value) < 1e15
  }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Decodes the fixed keys; every other numeric key becomes a metric.
  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    rule = try container.decode(String.self, forKey: Key("rule"))
    severity = try container.decode(Severity.self, forKey: Key("severity"))
    path = try container.decode(String.self, forKey: Key("path"))
    line = try container.decode(Int.self, forKey: Key("line"))
    column = try container.decode(Int.self, forKey: Key("column"))
    message = try container.decode(String.self, forKey: Key("message"))
    var metrics: [String: Double] = [:]
    for key in container.allKeys where !Self.fixedKeys.contains(key.stringValue) {
      if let value = try? container.decode(Double.self, forKey: key) { metrics[key.stringValue] = value }
    }
    self.metrics = metrics
    excerpt = ""
  }

  /// Encodes the fixed keys and the metrics side by side; whole numbers are written without a fraction,
  /// and a metric that is not a number (NaN or infinite, which JSON cannot hold) as null.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(rule, forKey: Key("rule"))
    try container.encode(severity, forKey: Key("severity"))
    try container.encode(path, forKey: Key("path"))
    try container.encode(line, forKey: Key("line"))
    try container.encode(column, forKey: Key("column"))
    try container.encode(message, forKey: Key("message"))
    for (name, value) in metrics where !Self.fixedKeys.contains(name) {
      if Self.isWhole(value) {
        try container.encode(Int(value), forKey: Key(name))
      } else if !value.isFinite {
        try container.encodeNil(forKey: Key(name))
      } else {
        try container.encode(value, forKey: Key(name))
      }
    }
  }
}
