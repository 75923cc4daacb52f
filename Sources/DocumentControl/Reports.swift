import DocumentModel
import Foundation
import GitStore

/// Formats times as ISO 8601 UTC (`2026-11-27T05:04:30Z`), the only time format in sop's JSON,
/// with the model's arithmetic `UTCDate` (no calendars or formatters per call).
public enum UTCTime {
  /// The ISO 8601 UTC text of a Unix time.
  public static func iso(_ seconds: Int64) -> String {
    iso(Date(timeIntervalSince1970: TimeInterval(seconds)))
  }

  /// The ISO 8601 UTC text of a date.
  public static func iso(_ date: Date) -> String { UTCDate(date).isoText }

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

/// Where a document (or `sop.yml`) stands (raw values are the JSON and text spelling, a contract).
public enum DocumentState: String, Codable, Sendable, CaseIterable {
  /// The content at the tip is the revision in force.
  case approved
  /// The content at the tip is not approved (yet).
  case draft
  /// The revision in force withdraws the document (`status: obsolete`).
  case obsolete
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
  public var state: DocumentState
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
  /// Why nobody in the policy in effect can complete this draft, and what to change; nil when someone can.
  public var stuck: String?

  enum CodingKeys: String, CodingKey {
    case id, title, type, path, owner, state, revision, blob, approvals, missing, lastApproved, nextReview
    case reviewOverdue, stuck
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
    try container.encode(stuck, forKey: .stuck)
    try container.encode(reviewOverdue, forKey: .reviewOverdue)
  }
}

/// The state of `sop.yml` itself.
public struct PolicyStatusEntry: Codable, Sendable {
  /// `approved` when the committed sop.yml is the one in effect, else `draft`.
  public var state: DocumentState
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
  /// Set when a signer revoked an approval of this revision: it keeps its number but is not in force.
  public var revoked: RevocationEntry?

  enum CodingKeys: String, CodingKey { case revision, blob, approvedAt, approvals, reviews, changes, revoked }

  /// Encodes every key (`revoked` is null when the revision was not revoked).
  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(revision, forKey: .revision)
    try container.encode(blob, forKey: .blob)
    try container.encode(approvedAt, forKey: .approvedAt)
    try container.encode(approvals, forKey: .approvals)
    try container.encode(reviews, forKey: .reviews)
    try container.encode(changes, forKey: .changes)
    try container.encode(revoked, forKey: .revoked)
  }
}

/// A withdrawn approval, as `sop log` shows it.
public struct RevocationEntry: Codable, Sendable, Hashable {
  /// The revoking commit.
  public var commit: String
  /// The approval commit withdrawn.
  public var approval: String
  /// Who revoked it.
  public var name: String
  /// Their email.
  public var email: String
  /// ISO 8601 UTC time.
  public var time: String
  /// Why.
  public var reason: String

  init(_ revocation: Revocation) {
    commit = revocation.commit.hex
    approval = revocation.approval.hex
    name = revocation.name
    email = revocation.email
    time = UTCTime.iso(revocation.time)
    reason = revocation.reason
  }
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
  public var state: DocumentState
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
  /// The root commit the history was trusted from (H1: pinned as `git config sop.root`).
  public var root: String
}
