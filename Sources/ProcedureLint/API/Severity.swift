/// How serious a finding is; `error` findings fail `sop lint` and block `sop approve`.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
  /// Worth a look; never fails a run.
  case suggestion
  /// Should be fixed; fails only when the caller asks for it.
  case warning
  /// Must be fixed.
  case error

  private var rank: Int {
    switch self {
    case .suggestion: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  /// Orders severities from `suggestion` to `error`.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

  /// The SARIF `level` for this severity (`suggestion` is SARIF's `note`).
  public var sarifLevel: String {
    switch self {
    case .suggestion: return "note"
    case .warning: return "warning"
    case .error: return "error"
    }
  }
}
