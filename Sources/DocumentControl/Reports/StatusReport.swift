import DocumentModel
import Foundation
import GitStore

/// The output of `sop status` (a contract).
public struct StatusReport: Codable, Sendable {
  /// Documents sorted by id.
  public var documents: [DocumentStatusEntry]
  /// Files that look like documents but could not be read, sorted.
  public var problems: [FileProblem]
  /// The state of sop.yml.
  public var policy: PolicyStatusEntry?
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
  /// The lighter path, when this draft is a small enough change for it; nil otherwise.
  public var editorial: EditorialStatus?

  enum CodingKeys: String, CodingKey {
    case id, title, type, path, owner, state, revision, blob, approvals, missing, lastApproved, nextReview
    case reviewOverdue, stuck, editorial
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
    try container.encode(editorial, forKey: .editorial)
    try container.encode(reviewOverdue, forKey: .reviewOverdue)
  }
}

/// A draft's editorial path: the roles still missing on it (signing with `sop approve --editorial`) and the
/// words changed since the revision in force.
public struct EditorialStatus: Codable, Sendable, Hashable {
  /// Roles of `editorial.approvals` no editorial signature fills yet.
  public var missing: [String]
  /// Words inserted plus deleted in the body since the revision in force.
  public var words: Int
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
