import DocumentModel
import Foundation
import GitStore

/// Whole Unix seconds of a request's clock (`SOP_NOW`, `GIT_COMMITTER_DATE`): a time git cannot
/// store is bad input, not a trap.
func unixSeconds(_ date: Date) throws(ControlError) -> Int64 {
  guard let seconds = Int64(exactly: date.timeIntervalSince1970.rounded(.down)) else {
    throw .invalidArgument("the time \(date.timeIntervalSince1970) is outside the range of git's times")
  }
  return seconds
}

/// Formats times as ISO 8601 UTC (`2026-11-27T05:04:30Z`), the only time format in sop's JSON,
/// with the model's arithmetic `UTCDate` (no calendars or formatters per call).
public enum UTCTime {
  /// The ISO 8601 UTC text of a Unix time.
  public static func iso(_ seconds: Int64) -> String {
    UTCDate(seconds: Int(seconds)).isoText
  }

  /// The ISO 8601 UTC text of a date.
  public static func iso(_ date: Date) -> String { UTCDate(date).isoText }

  /// `2026-11-27 05:04 UTC`, for people.
  public static func readable(_ seconds: Int64) -> String {
    let text = iso(seconds)
    return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5)) + " UTC"
  }

  /// The date part only, `2026-11-27`.
  public static func day(_ date: Date) -> String { UTCDate(date).dayText }
}

/// One signature as the JSON of `status` shows it.
public struct ApprovalEntry: Codable, Sendable, Hashable {
  /// The signer's email.
  public var email: String
  /// The signer's printed name.
  public var name: String
  /// The role the signature fills.
  public var role: String
  /// The approval commit id.
  public var commit: String
  /// ISO 8601 UTC time.
  public var time: String

  init(_ record: ApprovalRecord) {
    email = record.email
    name = record.name
    role = record.role
    commit = record.commit.hex
    time = UTCTime.iso(record.time)
  }
}

/// A document's derived state (a contract: the JSON of `sop status`).
public struct DocumentStatusEntry: Codable, Sendable {
  /// The id.
  public var id: String
  /// The title.
  public var title: String
  /// The type.
  public var type: String
  /// The path.
  public var path: String
  /// The owner's email.
  public var owner: String
  /// `approved`, `draft` or `obsolete`.
  public var state: String
  /// Approved contents so far (a draft shows its last approved revision).
  public var revision: Int
  /// The blob id of the current content.
  public var blob: String
  /// Signatures on the current content.
  public var approvals: [ApprovalEntry]
  /// Roles still needed for the current content.
  public var missing: [String]
  /// The last approval or review time of the approved content, or nil.
  public var lastApproved: String?
  /// When the next review is due, or nil.
  public var nextReview: String?
  /// Whether the next review date has passed.
  public var reviewOverdue: Bool

  enum CodingKeys: String, CodingKey {
    case id, title, type, path, owner, state, revision, blob, approvals, missing, lastApproved, nextReview
    case reviewOverdue
  }

  /// Encodes every key, writing null rather than dropping absent dates, so scripts see stable keys.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(type, forKey: .type)
    try container.encode(path, forKey: .path)
    try container.encode(owner, forKey: .owner)
    try container.encode(state, forKey: .state)
    try container.encode(revision, forKey: .revision)
    try container.encode(blob, forKey: .blob)
    try container.encode(approvals, forKey: .approvals)
    try container.encode(missing, forKey: .missing)
    try container.encode(lastApproved, forKey: .lastApproved)
    try container.encode(nextReview, forKey: .nextReview)
    try container.encode(reviewOverdue, forKey: .reviewOverdue)
  }
}

/// The state of `sop.yml` itself.
public struct PolicyStatusEntry: Codable, Sendable {
  /// `approved` when the committed sop.yml is the one in effect, else `draft`.
  public var state: String
  /// Policy versions that took effect (the root is 1).
  public var revision: Int
  /// The blob of the committed sop.yml.
  public var blob: String
  /// The blob of the sop.yml in effect.
  public var effectiveBlob: String
  /// Admin signatures collected on the committed sop.yml while it is pending.
  public var approvals: [ApprovalEntry]
  /// How many more admin signatures it needs.
  public var missing: Int
}

/// The output of `sop status` (a contract).
public struct StatusReport: Codable, Sendable {
  /// Documents sorted by id.
  public var documents: [DocumentStatusEntry]
  /// Files that look like documents but could not be read, sorted.
  public var problems: [FileProblem]
  /// The state of sop.yml.
  public var policy: PolicyStatusEntry?
}

/// One revision in `sop log`.
public struct RevisionLogEntry: Codable, Sendable {
  /// The revision number.
  public var revision: Int
  /// The approved blob.
  public var blob: String
  /// ISO 8601 time the revision became approved.
  public var approvedAt: String
  /// Its approval signatures.
  public var approvals: [SignatureEntry]
  /// Later periodic reviews.
  public var reviews: [SignatureEntry]
  /// The change commits since the previous revision, oldest first.
  public var changes: [ChangeEntry]
}

/// A signature with everything 21 CFR 11.50 asks to show.
public struct SignatureEntry: Codable, Sendable, Hashable {
  /// The printed name.
  public var name: String
  /// The email.
  public var email: String
  /// The role.
  public var role: String
  /// ISO 8601 UTC time.
  public var time: String
  /// "Approved" or "Reviewed".
  public var meaning: String
  /// The key's SHA-256 fingerprint.
  public var fingerprint: String
  /// The commit id.
  public var commit: String

  init(_ record: ApprovalRecord) {
    name = record.name
    email = record.email
    role = record.role
    time = UTCTime.iso(record.time)
    meaning = record.meaning
    fingerprint = record.fingerprint
    commit = record.commit.hex
  }
}

/// A change commit in `sop log`.
public struct ChangeEntry: Codable, Sendable, Hashable {
  /// The commit id.
  public var commit: String
  /// The subject line.
  public var subject: String
  /// The author's name.
  public var author: String
  /// The author's email.
  public var email: String
  /// ISO 8601 UTC author time.
  public var time: String

  init(_ record: ChangeRecord) {
    commit = record.commit.hex
    subject = record.subject
    author = record.authorName
    email = record.authorEmail
    time = UTCTime.iso(record.time)
  }
}

/// The output of `sop log ID` (a contract).
public struct DocumentLog: Codable, Sendable {
  /// The id.
  public var id: String
  /// The current title (empty for POLICY).
  public var title: String
  /// The current state.
  public var state: String
  /// Revisions, oldest first.
  public var revisions: [RevisionLogEntry]
  /// Changes not yet approved, oldest first.
  public var pendingChanges: [ChangeEntry]
  /// Signatures on the current content that do not yet complete a revision.
  public var pendingApprovals: [SignatureEntry]
}

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
}
