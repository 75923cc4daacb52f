/// Renders a report as `path:line:column: severity rule-id: message` lines and a summary line.
///
/// A file with many findings gets a summary line first, and findings of one rule in one file after the
/// first few are counted instead of listed, unless every finding is asked for (`sop lint --all`). JSON
/// and SARIF always hold everything.
public enum TextReporter {
  /// Findings of one rule listed per file before the rest are counted.
  public static let findingsPerRule = 5
  /// A file with more findings than this gets a summary line before them.
  public static let summaryThreshold = 10

  /// One line per finding, then the summary; ANSI colours only when `isColored` (the CLI decides, e.g. on a
  /// TTY). Without `showsAll`, repeated findings of one rule in one file are capped at `findingsPerRule`.
  public static func render(_ report: LintReport, isColored: Bool = false, showsAll: Bool = false) -> String {
    var lines: [String] = []
    lines.reserveCapacity(report.findings.count + 1)
    var start = 0
    let findings = report.findings
    while start < findings.count {
      var end = start
      while end < findings.count, findings[end].path == findings[start].path { end += 1 }
      let file = findings[start..<end]
      if file.count > summaryThreshold {
        var counts: [Severity: Int] = [:]
        for finding in file { counts[finding.severity, default: 0] += 1 }
        let summary =
          "\(file.first!.path): \(TextMetrics.count(file.count, "finding")) (\(TextMetrics.count(counts[.error] ?? 0, "error")), "
          + "\(TextMetrics.count(counts[.warning] ?? 0, "warning")), "
          + "\(TextMetrics.count(counts[.suggestion] ?? 0, "suggestion")))"
        lines.append(isColored ? "\(bold)\(summary)\(reset)" : summary)
      }
      var shown: [String: Int] = [:]
      var hidden: [(rule: String, count: Int)] = []
      for finding in file {
        let count = shown[finding.rule, default: 0]
        shown[finding.rule] = count + 1
        guard showsAll || count < findingsPerRule else {
          if let index = hidden.firstIndex(where: { $0.rule == finding.rule }) {
            hidden[index].count += 1
          } else {
            hidden.append((finding.rule, 1))
          }
          continue
        }
        lines.append(line(finding, isColored: isColored))
      }
      for (rule, count) in hidden {
        lines.append(
          "\(file.first!.path): \(TextMetrics.count(count, "more \(rule) finding", "more \(rule) findings")) "
            + "not shown (run with --all to see them)")
      }
      start = end
    }
    lines.append(summaryLine(report.summary))
    return lines.joined(separator: "\n")
  }

  private static func line(_ finding: Finding, isColored: Bool) -> String {
    let location = "\(finding.path):\(finding.line):\(finding.column):"
    let severity = finding.severity.rawValue
    if isColored {
      return "\(bold)\(location)\(reset) \(color(finding.severity))\(severity)\(reset) "
        + "\(dim)\(finding.rule):\(reset) \(finding.message)"
    }
    return "\(location) \(severity) \(finding.rule): \(finding.message)"
  }

  /// `12 files: 2 errors, 5 warnings, 3 suggestions`.
  public static func summaryLine(_ summary: LintReport.Summary) -> String {
    "\(TextMetrics.count(summary.files, "file")): \(TextMetrics.count(summary.errors, "error")), "
      + "\(TextMetrics.count(summary.warnings, "warning")), \(TextMetrics.count(summary.suggestions, "suggestion"))"
  }

  private static let bold = "\u{1B}[1m"
  private static let dim = "\u{1B}[2m"
  private static let reset = "\u{1B}[0m"

  private static func color(_ severity: Severity) -> String {
    switch severity {
    case .error: return "\u{1B}[1;31m"
    case .warning: return "\u{1B}[33m"
    case .suggestion: return "\u{1B}[36m"
    }
  }
}
