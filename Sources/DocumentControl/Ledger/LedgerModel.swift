import DocumentModel
import Foundation
import GitStore
import Signatures

/// One counted signature on a document's content.
public struct ApprovalRecord: Sendable, Hashable {
  /// The signer's email, from the effective policy.
  public var email: String
  /// The signer's printed name, from the effective policy.
  public var name: String
  /// The role this signature fills (assigned when the revision completes).
  public var role: String
  /// Roles the signer could fill for this document.
  public var eligibleRoles: [String]
  /// The approval commit.
  public var commit: ObjectID
  /// The commit's committer time (covered by the signature).
  public var time: Int64
  /// The signing key's SHA-256 fingerprint.
  public var fingerprint: String
  /// "Approved", or "Reviewed" for a periodic review of content already approved.
  public var meaning: String
  /// Whether the commit said `Change: editorial` (and the change qualified).
  public var isEditorial = false
  /// The signer's note (`--message`): the commit message between its subject and its trailers.
  public var comment: String?
  /// Whether the commit said `Retraining: not-required` (`sop approve --no-retraining`).
  public var waivesRetraining = false
}

/// What a counted signature means (raw values are the published and JSON spelling).
public enum SignatureMeaning: String, Sendable, Codable {
  /// The signer approved new content.
  case approved = "Approved"
  /// The signer reviewed content already in force (a periodic review).
  case reviewed = "Reviewed"
}

/// A commit that changed a document between revisions.
public struct ChangeRecord: Sendable, Hashable {
  /// The commit.
  public var commit: ObjectID
  /// Its subject line.
  public var subject: String
  /// Its author's name.
  public var authorName: String
  /// Its author's email.
  public var authorEmail: String
  /// Its author time.
  public var time: Int64
  /// Why, when the commit message says more than its subject (the text before any trailers).
  public var reason: String = ""
}

/// How a training record was made (raw values are the JSON spelling).
public enum TrainingKind: String, Sendable, Codable {
  /// `sop acknowledge`: the person signed that they read and understood the content.
  case acknowledged
  /// `sop train`: a training recorder signed that they trained the person.
  case trained
}

/// A counted record that a person was trained on one revision of a document (docs/training.md).
public struct TrainingRecord: Sendable, Hashable {
  /// The trained person's email, as the policy in effect spells it.
  public var email: String
  /// Their printed name.
  public var name: String
  /// The revision the record's blob is.
  public var revision: Int
  /// The record commit's committer time (covered by the signature).
  public var time: Int64
  /// The signer's email (the person themself for an acknowledgement).
  public var by: String
  /// The signer's printed name.
  public var byName: String
  /// Acknowledged or trained.
  public var kind: TrainingKind
  /// The record commit.
  public var commit: ObjectID
}

/// A signer's withdrawal of their own approval (`sop revoke`: a signed commit with `Revokes: <commit>`).
public struct Revocation: Sendable, Hashable {
  /// The revoking commit.
  public var commit: ObjectID
  /// The approval commit it withdraws.
  public var approval: ObjectID
  /// The signer's printed name and email.
  public var name: String
  /// The signer's email.
  public var email: String
  /// The revoking commit's committer time.
  public var time: Int64
  /// The reason, from the commit message.
  public var reason: String
}

/// A content of a document that became fully approved.
public struct ApprovedRevision: Sendable {
  /// 1 for the first approved content, 2 for the next, …
  public var number: Int
  /// The approved blob.
  public var blob: ObjectID
  /// The signatures that made it approved, with their roles.
  public var approvals: [ApprovalRecord]
  /// When the last required signature landed.
  public var approvedAt: Int64
  /// Later periodic reviews of the same content.
  public var reviews: [ApprovalRecord]
  /// The change commits since the previous revision.
  public var changes: [ChangeRecord]
  /// The commit whose signature completed the revision.
  public var completingCommit: ObjectID
  /// The document type of the approved content (a later change of type needs both types' roles).
  public var type: String
  /// Set when one of its approvals was revoked: the revision keeps its number but is no longer in force.
  public var revocation: Revocation?
  /// Whether it was approved on the editorial path.
  public var isEditorial = false
  /// Who authored its changes (for rule 6 again if it is revoked).
  public var authors: Set<String> = []
  /// For an editorial revision, the words inserted plus deleted since the revision before it.
  public var changedWords: Int?
  /// The approved attachments, by repository path, as they were in the completing commit's tree.
  public var attachments: [String: ObjectID] = [:]

  /// The key its signatures were counted under (docs/approvals.md, "Attachments").
  public var contentKey: ObjectID { DocumentContent.key(blob: blob, attachments: attachments) }

  /// Whether training on the revision before carries over to this one: every counting approval said
  /// `Retraining: not-required` (docs/training.md, "Retraining").
  public var carriesTrainingOver: Bool { !approvals.isEmpty && approvals.allSatisfy(\.waivesRetraining) }

  /// The last approval or review time: the review clock starts here.
  public var lastApprovedOrReviewed: Int64 { max(approvedAt, reviews.map(\.time).max() ?? approvedAt) }
}

/// Everything history says about one document.
public struct DocumentHistory: Sendable {
  /// Approved revisions, oldest first.
  public var revisions: [ApprovedRevision] = []
  /// Signatures collected on contents not (yet) fully approved, by content key (the blob, for a document
  /// without attachments).
  public var pending: [ObjectID: [ApprovalRecord]] = [:]
  /// Change commits since the last approved revision.
  public var changesSinceRevision: [ChangeRecord] = []
  /// Emails of authors and committers of those changes (lowercased).
  public var authorsSinceRevision: Set<String> = []
  /// Training records that count, in history order.
  public var training: [TrainingRecord] = []

  /// The revision in force: the latest one that completed and was not revoked.
  public var inForce: ApprovedRevision? { revisions.last { $0.revocation == nil } }

  /// The revision in force when its content (blob and attachments) has key `key`; nil for any other content,
  /// superseded ones included (H5 in docs/approvals.md: going back to an old text does not make it approved
  /// again).
  public func revision(withContent key: ObjectID) -> ApprovedRevision? {
    guard let last = inForce, last.contentKey == key else { return nil }
    return last
  }
}

/// The kinds of problem `sop verify` reports (a contract).
public enum ProblemKind: String, Codable, Sendable, CaseIterable {
  case unsigned
  case badSignature = "bad-signature"
  case unknownKey = "unknown-key"
  case notAuthorised = "not-authorised"
  case selfApproval = "self-approval"
  case contentMismatch = "content-mismatch"
  case contentChanged = "content-changed"
  /// Two files at the tip carry the same id (H7).
  case duplicateID = "duplicate-id"
  /// A root commit other than the trusted one is reachable from the tip (H1).
  case foreignRoot = "foreign-root"
  /// An approval's committer time is earlier than its parent's (H11).
  case backDated = "back-dated"
  /// With `changes: signed`, a change commit to a document that no registered key signed (H9).
  case unsignedChange = "unsigned-change"
  /// A `published/N` reference that is no snapshot, replays another, or breaks the chain of snapshots.
  case snapshotChain = "snapshot-chain"
  /// A signature by a revoked key, made at or after its revocation time.
  case revokedKey = "revoked-key"
  /// A `Change: editorial` signature on a change that may not take the editorial path.
  case notEditorial = "not-editorial"
  /// The policy in effect has fewer admins with keys than `policy-approvals` needs: it can never change.
  case policyLocked = "policy-locked"
}

/// A problem found in history: a commit (or tag) whose signature does not count, and why.
public struct VerificationProblem: Codable, Sendable, Hashable, Comparable {
  /// The commit or tag object id.
  public var commit: String
  /// The document id the trailer names (or the tag name).
  public var document: String
  /// The kind.
  public var kind: ProblemKind
  /// A sentence.
  public var message: String

  /// Orders problems by commit then document then kind.
  public static func < (lhs: VerificationProblem, rhs: VerificationProblem) -> Bool {
    (lhs.commit, lhs.document, lhs.kind.rawValue, lhs.message)
      < (rhs.commit, rhs.document, rhs.kind.rawValue, rhs.message)
  }
}

/// A policy version that is in effect from some commit on.
public struct EffectivePolicy: Sendable {
  /// The decoded policy.
  public var policy: Policy
  /// The blob of `sop.yml`.
  public var blob: ObjectID
  /// 1 for the root policy, then +1 for each approved change.
  public var revision: Int
  /// The signatures that put it in effect (none for the root).
  public var approvals: [ApprovalRecord]
  /// The commit from which it is in effect.
  public var since: ObjectID
  /// When it took effect.
  public var time: Int64
  /// Keys by SSH key blob: who signed with which key.
  let signers: [Data: Person]
  /// The same people by key fingerprint, for judging a stored signature again (H4).
  let signersByFingerprint: [String: Person]

  init(policy: Policy, blob: ObjectID, revision: Int, approvals: [ApprovalRecord], since: ObjectID, time: Int64) {
    self.policy = policy
    self.blob = blob
    self.revision = revision
    self.approvals = approvals
    self.since = since
    self.time = time
    var signers: [Data: Person] = [:]
    var byFingerprint: [String: Person] = [:]
    for person in policy.people {
      for line in person.keys {
        if let key = try? SSHPublicKey(authorizedKey: line) {
          signers[key.blob] = person
          byFingerprint[key.fingerprint] = person
        }
      }
    }
    self.signers = signers
    self.signersByFingerprint = byFingerprint
  }

  /// The person whose registered key this is.
  public func person(for key: SSHPublicKey) -> Person? { signers[key.blob] }

  /// The person whose registered key has this fingerprint.
  func person(fingerprint: String) -> Person? { signersByFingerprint[fingerprint] }
}

/// The result of one walk over history: every document's revisions and every problem.
public struct ApprovalLedger: Sendable {
  /// The commit the walk started from.
  public var tip: ObjectID
  /// Histories by document id.
  public var documents: [DocumentID: DocumentHistory]
  /// Problems, sorted.
  public var problems: [VerificationProblem]
  /// The policy in effect at the tip, if any.
  public var effectivePolicy: EffectivePolicy?
  /// Every policy version that took effect, oldest first.
  public var policyVersions: [EffectivePolicy]
  /// Signatures on `sop.yml` contents that are not (yet) in effect, by blob.
  public var pendingPolicyApprovals: [ObjectID: [ApprovalRecord]]
  /// The effective policy at each commit (by id), for judging tags.
  var policyAtCommit: [ObjectID: Int]
  /// How many commits carry an `Approves:`, `Revokes:`, `Acknowledges:` or `Trained:` trailer (all are checked).
  public var approvalCommits: Int
  /// Blobs approved for each document at each revision, for checking tags.
  var approvedBlobs: [DocumentID: [ObjectID: Int]]
  /// The root commit this history was trusted from (H1).
  public var root: ObjectID
  /// Every commit of the mainline (the first-parent chain from the tip), for judging tags.
  var mainline: Set<ObjectID>

  /// Whether `blob` is an approved content of `id` (at or before the tip).
  public func isApproved(_ id: DocumentID, blob: ObjectID) -> Bool { approvedBlobs[id]?[blob] != nil }
}
