/// Renders a report as `path:line:column: severity rule-id: message` lines and a summary line.
public enum TextReporter {
  /// One line per finding, then the summary; ANSI colours only when `isColored` (the CLI decides, e.g. on a TTY).
  public static func render(_ report: LintReport, isColored: Bool = false) -> String {
    var lines: [String] = []
    lines.reserveCapacity(report.findings.count + 1)
    for finding in report.findings {
      let location = "\(finding.path):\(finding.line):\(finding.column):"
      let severity = finding.severity.rawValue
      if isColored {
        lines.append(
          "\(bold)\(location)\(reset) \(color(finding.severity))\(severity)\(reset) "
            + "\(dim)\(finding.rule):\(reset) \(finding.message)")
      } else {
        lines.append("\(location) \(severity) \(finding.rule): \(finding.message)")
      }
    }
    lines.append(summaryLine(report.summary))
    return lines.joined(separator: "\n")
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
