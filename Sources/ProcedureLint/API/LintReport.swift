/// The findings of one lint run, sorted by path, line and column, with their counts.
public struct LintReport: Codable, Sendable {
  /// Counts of files and findings by severity.
  public struct Summary: Codable, Sendable, Hashable {
    /// How many files were linted.
    public var files: Int
    /// How many findings are errors.
    public var errors: Int
    /// How many findings are warnings.
    public var warnings: Int
    /// How many findings are suggestions.
    public var suggestions: Int

    /// Creates a summary.
    public init(files: Int, errors: Int, warnings: Int, suggestions: Int) {
      self.files = files
      self.errors = errors
      self.warnings = warnings
      self.suggestions = suggestions
    }
  }

  /// Findings in path, line, column order.
  public let findings: [Finding]
  /// Counts of files and findings.
  public let summary: Summary

  /// Creates a report, sorting `findings` and counting them.
  public init(findings: [Finding], fileCount: Int) {
    self.init(sortedFindings: findings.sorted(by: Self.precedes), fileCount: fileCount)
  }

  /// Creates a report from findings already in report order.
  private init(sortedFindings findings: [Finding], fileCount: Int) {
    self.findings = findings
    var counts: [Severity: Int] = [:]
    for finding in findings { counts[finding.severity, default: 0] += 1 }
    summary = Summary(
      files: fileCount, errors: counts[.error] ?? 0, warnings: counts[.warning] ?? 0,
      suggestions: counts[.suggestion] ?? 0)
  }

  /// Whether any finding is an error (the CLI exits non-zero).
  public var hasErrors: Bool { summary.errors > 0 }

  /// The report without findings below `minimumSeverity`; the file count stays.
  public func filtered(minimumSeverity: Severity) -> LintReport {
    // Filtering keeps the order, so there is nothing to sort again.
    LintReport(sortedFindings: findings.filter { $0.severity >= minimumSeverity }, fileCount: summary.files)
  }

  /// The report order: path, line, column (as an editor reads a line), then rule and message so that ties
  /// stay stable.
  static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.path != rhs.path { return lhs.path < rhs.path }
    if lhs.line != rhs.line { return lhs.line < rhs.line }
    if lhs.column != rhs.column { return lhs.column < rhs.column }
    if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
    return lhs.message < rhs.message
  }
}
