import Foundation

/// Renders a report as pretty-printed JSON with sorted keys: `{"findings": [...], "summary": {...}}`.
public enum JSONReporter {
  /// The report as JSON; each finding is flat, its metrics beside the fixed keys.
  public static func render(_ report: LintReport) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(report) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}
