import DocumentModel
import Foundation
import GitStore

/// The output of `sop verify` (a contract).
public struct VerifyReport: Codable, Sendable {
  /// True when there are no problems.
  public var ok: Bool
  /// Problems, sorted by commit, document, kind.
  public var problems: [VerificationProblem]
  /// How many approval commits were checked.
  public var checkedCommits: Int
  /// How many `published/*` tags were checked.
  public var checkedTags: Int
  /// The root commit the history was trusted from (H1: pinned as `git config sop.root`).
  public var root: String
}
