import DocumentModel
import Foundation
import GitStore

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
  /// For a revision approved on the editorial path, the words changed; nil for a full approval.
  public var editorialWords: Int?
  /// Training records on this revision, oldest first.
  public var training: [TrainingLogEntry] = []
  /// `required`, or `not-required` when every counting approval waived retraining (docs/training.md).
  public var retraining = "required"

  enum CodingKeys: String, CodingKey {
    case revision, blob, approvedAt, approvals, reviews, changes, revoked, editorialWords, training, retraining
  }

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
    try container.encode(editorialWords, forKey: .editorialWords)
    try container.encode(training, forKey: .training)
    try container.encode(retraining, forKey: .retraining)
  }
}

/// A training record, as `sop log` shows it under its revision.
public struct TrainingLogEntry: Codable, Sendable, Hashable {
  /// The trained person's email.
  public var email: String
  /// Their printed name.
  public var name: String
  /// ISO 8601 UTC time of the record.
  public var time: String
  /// The signer's email.
  public var by: String
  /// `acknowledged` or `trained`.
  public var kind: TrainingKind
  /// The record commit.
  public var commit: String

  init(_ record: TrainingRecord) {
    email = record.email
    name = record.name
    time = UTCTime.iso(record.time)
    by = record.by
    kind = record.kind
    commit = record.commit.hex
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
