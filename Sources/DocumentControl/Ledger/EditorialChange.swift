import DocumentModel
import Foundation
import GitStore
import SitePublisher

/// The editorial path (docs/approvals.md, "Editorial changes"): a small change to the body may be approved by
/// the type's `editorial.approvals` alone. sop knows exactly which words changed, so anyone can check later
/// that an editorial revision really was small.
enum EditorialChange {
  /// The trailer that marks an approval as editorial: `Change: editorial`.
  static let trailerKey = "change"
  static let trailerValue = "editorial"

  /// Words inserted plus deleted in the body from `old` to `new`, or nil when the front matter differs (a
  /// change of id, title, type, owner, status or related is never editorial) or either does not parse.
  static func changedWords(from old: [UInt8], to new: [UInt8]) -> Int? {
    guard let before = try? DocumentText(path: "", data: Data(old)),
      let after = try? DocumentText(path: "", data: Data(new)),
      before.frontMatterYAML == after.frontMatterYAML
    else { return nil }
    let redline = Redline.compare(
      oldBlocks: Redline.textBlocks(of: before.body), newBlocks: Redline.textBlocks(of: after.body))
    return redline.insertedWords + redline.deletedWords
  }

  /// Why a change of `words` words (nil: front matter changed) may not take the editorial path, or nil.
  /// `attachmentsChanged`: a linked or embedded file differs from the revision in force's, which is never
  /// editorial (a photo or drawing can change a procedure as much as any words).
  static func violation(
    id: DocumentID, path: EditorialPath?, history: DocumentHistory, words: Int?, attachmentsChanged: Bool = false
  ) -> RuleViolation? {
    func refuse(_ message: String) -> RuleViolation { RuleViolation(kind: .notEditorial, message: message) }
    guard let path else { return refuse("\(id)'s type has no editorial path in sop.yml") }
    guard history.inForce != nil else {
      return refuse("\(id) has never been approved; its first revision needs the full approvals")
    }
    guard let words else {
      return refuse("the change to \(id) touches its front matter, which is never an editorial change")
    }
    guard !attachmentsChanged else {
      return refuse("the change to \(id) replaces a picture or file it links to, which is never an editorial change")
    }
    guard words <= path.maxChangedWords else {
      return refuse("\(words) words changed in \(id); the editorial limit is \(path.maxChangedWords)")
    }
    let (inARow, wordsSinceFull) = editorialRun(history)
    guard inARow < path.maxInARow else {
      return refuse(
        "\(id) has had \(inARow) editorial revisions in a row (the limit is \(path.maxInARow)); this change "
          + "needs the full approvals")
    }
    guard wordsSinceFull + words <= path.maxChangedWords * 3 else {
      return refuse(
        "\(wordsSinceFull + words) words have changed in \(id) since its last full approval (the limit is "
          + "\(path.maxChangedWords * 3)); this change needs the full approvals")
    }
    return nil
  }

  /// The policy with `type` needing only the editorial path's roles: editorial signatures are judged by the
  /// same rules as any approval (distinct persons, self-approval, H4) against those roles.
  static func narrowed(_ policy: EffectivePolicy, type: String, path: EditorialPath) -> EffectivePolicy {
    var narrowed = policy.policy
    narrowed.types[type]?.approvals = path.approvals
    return EffectivePolicy(
      policy: narrowed, blob: policy.blob, revision: policy.revision, approvals: [], since: policy.since,
      time: policy.time)
  }

  /// The editorial signatures with roles assigned when they fill the path, or the roles still missing.
  static func assignment(
    _ path: EditorialPath, signatures: [ApprovalRecord], id: DocumentID, contentKey: ObjectID, content: FrontMatter,
    history: DocumentHistory, policy: EffectivePolicy
  ) -> (assigned: [ApprovalRecord]?, missing: [String]) {
    let effective = narrowed(policy, type: content.type, path: path)
    let qualifying = ApprovalRules.stillQualifying(
      signatures.filter(\.isEditorial), id: id, contentKey: contentKey, content: content, history: history,
      policy: effective)
    let authors = history.authorsSinceRevision
    return (
      ApprovalRules.completion(
        required: path.approvals, signatures: qualifying, authors: authors, policy: effective.policy),
      ApprovalRules.missing(
        required: path.approvals, signatures: qualifying, authors: authors, policy: effective.policy)
    )
  }

  /// How many editorial revisions in force follow the last full one, and how many words they changed.
  static func editorialRun(_ history: DocumentHistory) -> (count: Int, words: Int) {
    var count = 0
    var words = 0
    for revision in history.revisions.reversed() where revision.revocation == nil {
      guard revision.isEditorial else { break }
      count += 1
      words += revision.changedWords ?? 0
    }
    return (count, words)
  }
}
