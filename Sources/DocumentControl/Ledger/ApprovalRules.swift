import DocumentModel
import GitStore
import Signatures

/// A rule of docs/approvals.md that a signature fails, with the kind `verify` reports and the reason.
///
/// `sop approve` refuses with the same reason the ledger records, because both ask these rules.
public struct RuleViolation: Error, Sendable, Hashable {
  /// The problem kind.
  public var kind: ProblemKind
  /// A sentence naming the person, the document and the rule.
  public var message: String
}

/// What a qualifying signature on a document's content is.
enum SignerStanding: Equatable {
  /// A signature towards a new revision, able to fill these roles.
  case approval(eligible: [String])
  /// A periodic review of the content in force.
  case review(eligible: [String])

  var eligible: [String] {
    switch self {
    case .approval(let roles), .review(let roles): return roles
    }
  }
}

/// The counting rules of docs/approvals.md ("When an approval counts" and the History model), one function
/// per rule. The history walk (`LedgerBuilder`) and `sop approve` both call these and nothing else, so a
/// rule change is one edit here.
enum ApprovalRules {
  /// The special role filled by a document's own owner.
  static let ownerRole = "owner"
  /// The role that approves changes to `sop.yml` and may be needed to publish.
  static let adminRole = "admin"

  /// Rule 3: an approval is a commit with exactly one parent and that parent's tree.
  static func isEmptyCommit(parents: [ObjectID], tree: ObjectID, parentTree: ObjectID?) -> RuleViolation? {
    guard parents.count == 1 else {
      return RuleViolation(
        kind: .contentChanged,
        message: parents.isEmpty
          ? "an approval commit needs a parent holding the approved content"
          : "a merge commit never approves; approvals are empty commits with one parent")
    }
    guard parentTree == tree else {
      return RuleViolation(
        kind: .contentChanged, message: "the approval commit changes files; approvals must be empty commits")
    }
    return nil
  }

  /// Rule 4 (H6): the content names this id and carries the type whose prefix the id has.
  static func contentIdentity(id: DocumentID, content: FrontMatter, policy: Policy) -> RuleViolation? {
    guard content.id == id else {
      return RuleViolation(kind: .contentMismatch, message: "the approved content is \(content.id), not \(id)")
    }
    guard let type = policy.types[content.type] else {
      return RuleViolation(
        kind: .contentMismatch,
        message: "type '\(content.type)' of \(id) is not defined in the effective sop.yml")
    }
    guard id.rawValue.hasPrefix(type.prefix + "-") else {
      return RuleViolation(
        kind: .contentMismatch,
        message: "\(id) has type '\(content.type)', whose prefix is \(type.prefix); "
          + "an id's prefix fixes its type")
    }
    return nil
  }

  /// Rule 5: the roles a content needs: its type's, together with those of the revision in force when the
  /// type changes (the stricter of old and new).
  static func requiredRoles(contentType: String, inForceType: String?, policy: Policy) -> [String] {
    var roles = policy.types[contentType]?.approvals ?? []
    if let inForceType, inForceType != contentType {
      for role in policy.types[inForceType]?.approvals ?? [] where !roles.contains(role) { roles.append(role) }
    }
    return roles
  }

  /// `a.caseInsensitiveCompare(b) == .orderedSame`, by bytes when both are ASCII, where that is ASCII case
  /// folding (the walk compares an address for every approval, and Foundation's comparison was a fortieth of
  /// it); any other pair through Foundation, as before.
  static func sameIgnoringCase(_ a: String, _ b: String) -> Bool {
    let (x, y) = (a.utf8, b.utf8)
    guard x.allSatisfy({ $0 < 0x80 }), y.allSatisfy({ $0 < 0x80 }) else {
      return a.caseInsensitiveCompare(b) == .orderedSame
    }
    func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
    return x.count == y.count && zip(x, y).allSatisfy { lower($0) == lower($1) }
  }

  /// Rule 5: which of the required roles a person can fill (`owner` is the content's owner).
  static func eligibleRoles(_ person: Person, required: [String], owner: String) -> [String] {
    var roles: [String] = []
    for role in required where !roles.contains(role) {
      let holds =
        role == ownerRole ? sameIgnoringCase(person.email, owner) : person.roles.contains(role)
      if holds { roles.append(role) }
    }
    return roles
  }

  /// Rule 6: whether the person authored (or committed) a change since the revision in force.
  static func isAuthor(_ person: Person, authors: Set<String>) -> Bool {
    authors.contains(person.email.lowercased())
  }

  /// The pseudo-role `missing` names when every role is filled but only by authors (`self-approval: as-owner`).
  static let independentSigner = "independent"

  /// Rule 6, completion: with `self-approval: as-owner`, a revision needs at least one signature from a person
  /// who authored none of its changes.
  static func hasIndependentSigner(_ signatures: [ApprovalRecord], authors: Set<String>, policy: Policy) -> Bool {
    policy.selfApproval != .asOwner || signatures.contains { !authors.contains($0.email.lowercased()) }
  }

  /// The signatures with roles assigned when they complete a revision (every role, a different person each,
  /// and rule 6's independent signer), else nil.
  static func completion(
    required: [String], signatures: [ApprovalRecord], authors: Set<String>, policy: Policy
  ) -> [ApprovalRecord]? {
    guard hasIndependentSigner(signatures, authors: authors, policy: policy) else { return nil }
    return RoleAssignment.complete(required: required, approvals: signatures)
  }

  /// What still blocks a draft: the roles no signature fills yet, and the independent signer rule 6 needs.
  static func missing(
    required: [String], signatures: [ApprovalRecord], authors: Set<String>, policy: Policy
  ) -> [String] {
    var missing = RoleAssignment.missing(required: required, approvals: signatures)
    // Anyone who fills a role other than owner is independent by rule 6, so the pseudo-role is shown only when
    // no such role is left to fill.
    if !hasIndependentSigner(signatures, authors: authors, policy: policy), missing.allSatisfy({ $0 == ownerRole }) {
      missing.append(independentSigner)
    }
    return missing
  }

  /// Why nobody in the policy can complete a draft, or nil when someone can: for each missing role, is there a
  /// person with a key who holds it and may sign it? (Issue: owners who write their own procedures, or a
  /// role nobody holds, used to leave a document waiting for ever.)
  static func stuckReason(
    id: DocumentID, missing: [String], content: FrontMatter, history: DocumentHistory, signatures: [ApprovalRecord],
    policy: Policy
  ) -> String? {
    let signed = Set(signatures.map { $0.email.lowercased() })
    let authors = history.authorsSinceRevision
    func canSign(_ person: Person, as role: String) -> Bool {
      guard !person.keys.isEmpty, !signed.contains(person.email.lowercased()) else { return false }
      let holds =
        role == ownerRole
        ? sameIgnoringCase(person.email, content.owner) : person.roles.contains(role)
      guard holds else { return false }
      guard isAuthor(person, authors: authors) else { return true }
      switch policy.selfApproval {
      case .always: return true
      case .asOwner: return role == ownerRole
      case .never: return false
      }
    }
    for role in missing {
      if role == independentSigner {
        let independent = policy.people.contains { person in
          !person.keys.isEmpty && !isAuthor(person, authors: authors) && !signed.contains(person.email.lowercased())
            && !eligibleRoles(
              person,
              required: requiredRoles(contentType: content.type, inForceType: history.inForce?.type, policy: policy),
              owner: content.owner
            ).isEmpty
        }
        if !independent {
          return "\(id) needs a signature from someone who wrote none of its changes, and nobody with a key and a "
            + "role it needs is left; add a role to a person who did not write it (sop.yml, approved by an admin)"
        }
        continue
      }
      if policy.people.contains(where: { canSign($0, as: role) }) { continue }
      let holders = policy.people.filter { person in
        role == ownerRole
          ? sameIgnoringCase(person.email, content.owner) : person.roles.contains(role)
      }
      if holders.isEmpty {
        return role == ownerRole
          ? "\(id)'s owner \(content.owner) is not a person in the sop.yml in effect; add them, or change the owner"
          : "nobody in the sop.yml in effect holds the role \(role) that \(id) needs; give it to someone (an admin "
            + "approves the sop.yml change)"
      }
      let names = holders.map(\.name).joined(separator: ", ")
      if holders.allSatisfy({ $0.keys.isEmpty }) {
        return "\(role) for \(id) can only be signed by \(names), who has no key in sop.yml; add their public key"
      }
      return "\(role) for \(id) can only be signed by \(names), who wrote changes to it or already signed "
        + "(self-approval: \(policy.selfApproval.rawValue)); give the role to someone else, or have another person "
        + "make the change"
    }
    return nil
  }

  /// Rules 4–6 for one signer of document `id` at `content`: whether the signature qualifies, and as what.
  static func judgeSigner(
    _ person: Person, id: DocumentID, contentKey: ObjectID, content: FrontMatter, history: DocumentHistory,
    policy: Policy
  ) -> Result<SignerStanding, RuleViolation> {
    if let violation = contentIdentity(id: id, content: content, policy: policy) { return .failure(violation) }
    let isReview = history.revision(withContent: contentKey) != nil
    let required = requiredRoles(
      contentType: content.type, inForceType: isReview ? nil : history.inForce?.type, policy: policy)
    let eligible = eligibleRoles(person, required: required, owner: content.owner)
    guard !eligible.isEmpty else {
      return .failure(
        RuleViolation(
          kind: .notAuthorised,
          message: "\(person.name) holds none of the roles \(id) needs (\(required.joined(separator: ", ")))"))
    }
    if isReview { return .success(.review(eligible: eligible)) }
    guard isAuthor(person, authors: history.authorsSinceRevision) else {
      return .success(.approval(eligible: eligible))
    }
    switch policy.selfApproval {
    case .always:
      return .success(.approval(eligible: eligible))
    case .asOwner where eligible.contains(ownerRole):
      return .success(.approval(eligible: [ownerRole]))
    case .asOwner:
      return .failure(
        RuleViolation(
          kind: .selfApproval,
          message: "\(person.name) authored changes to \(id) since its last approved revision and may sign it only "
            + "as its owner (self-approval: as-owner)"))
    case .never:
      return .failure(
        RuleViolation(
          kind: .selfApproval,
          message: "\(person.name) authored changes to \(id) since its last approved revision and may not sign it "
            + "(self-approval: never)"))
    }
  }

  /// Why nobody can ever approve a change to this policy, or nil: fewer admins with a key than
  /// `policy-approvals` asks for leaves `sop.yml` locked for good.
  static func policyLock(_ policy: Policy) -> String? {
    let admins = policy.people.filter { person in
      person.roles.contains(adminRole) && person.keys.contains { (try? SSHPublicKey(authorizedKey: $0)) != nil }
    }
    guard admins.count < policy.policyApprovals else { return nil }
    return "sop.yml can never change: policy-approvals needs \(policy.policyApprovals) admin signature(s) but "
      + "only \(admins.count) admin(s) have a key (\(admins.map(\.name).joined(separator: ", ")))"
      + "; fix it in a fresh repository, or ask for help: a locked root policy cannot be approved away"
  }

  /// The FIDO flag bit that says the authenticator verified the user (PIN or biometric), PROTOCOL.u2f.
  static let userVerifiedFlag: UInt8 = 0x04

  /// Rule 1 for FIDO keys: with `security-keys: {user-verification: true}`, an `sk-` signature must carry the
  /// user-verification flag (user presence is checked by every verification already).
  static func securityKeyViolation(keyAlgorithm: String, flags: UInt8?, policy: Policy) -> RuleViolation? {
    guard policy.requiresUserVerification, keyAlgorithm.hasPrefix("sk-") else { return nil }
    guard let flags, flags & userVerifiedFlag != 0 else {
      return RuleViolation(
        kind: .badSignature,
        message: "the security key did not verify the user (no PIN or biometric), which sop.yml's "
          + "security-keys: {user-verification: true} requires")
    }
    return nil
  }

  /// The admin rule for `POLICY`: only admins of the policy in effect approve a change to it.
  static func judgePolicySigner(_ person: Person) -> RuleViolation? {
    guard person.roles.contains(adminRole) else {
      return RuleViolation(kind: .notAuthorised, message: "\(person.name) is not an admin under the effective sop.yml")
    }
    return nil
  }

  /// H4: the signatures that still qualify under `policy`, with their eligible roles recomputed. A signer
  /// whose key is no longer registered to them, or who lost every role the content needs, drops out.
  static func stillQualifying(
    _ records: [ApprovalRecord], id: DocumentID, contentKey: ObjectID, content: FrontMatter,
    history: DocumentHistory, policy: EffectivePolicy
  ) -> [ApprovalRecord] {
    records.compactMap { record in
      guard let person = policy.person(fingerprint: record.fingerprint),
        sameIgnoringCase(person.email, record.email),
        case .success(let standing) = judgeSigner(
          person, id: id, contentKey: contentKey, content: content, history: history, policy: policy.policy)
      else { return nil }
      var copy = record
      copy.eligibleRoles = standing.eligible
      return copy
    }
  }

  /// H4 for `POLICY`: pending admin signatures that still qualify under the policy in effect.
  static func stillQualifyingAdmins(_ records: [ApprovalRecord], policy: EffectivePolicy) -> [ApprovalRecord] {
    records.filter { record in
      guard let person = policy.person(fingerprint: record.fingerprint),
        sameIgnoringCase(person.email, record.email)
      else { return false }
      return judgePolicySigner(person) == nil
    }
  }
}

// MARK: - Training records (docs/training.md, T4 and T5)

extension ApprovalRules {
  /// `Acknowledges: <ID> <blob>`, as `sop acknowledge` writes it.
  static let acknowledgementTrailerKey = "acknowledges"
  /// `Trained: <ID> <blob> <attendee email>`, as `sop train` writes it.
  static let trainingTrailerKey = "trained"
  /// `Retraining: not-required` on an approval (`sop approve --no-retraining`).
  static let retrainingTrailerKey = "retraining"
  /// The one value of the retraining trailer.
  static let retrainingNotRequired = "not-required"

  /// T4: the revision of `id` whose content `blob` is, when it is approved and not revoked.
  static func trainableRevision(blob: ObjectID, history: DocumentHistory?) -> Result<Int, RuleViolation> {
    guard let revision = history?.revisions.last(where: { $0.blob == blob && $0.revocation == nil }) else {
      return .failure(
        RuleViolation(
          kind: .contentMismatch,
          message: "blob \(blob.short) is no approved revision in force of this document here; only approved "
            + "content can be trained on"))
    }
    return .success(revision.number)
  }

  /// T5: whether `signer` may record training given to `attendee` (`sop train`), both under `policy`.
  static func judgeTrainer(_ signer: Person, attendee email: String, policy: Policy) -> Result<Person, RuleViolation> {
    guard !Set(signer.roles).isDisjoint(with: policy.trainingRecorders) else {
      return .failure(
        RuleViolation(
          kind: .notAuthorised,
          message: "\(signer.name) holds none of the training-recorders roles "
            + "(\(policy.trainingRecorders.joined(separator: ", "))), so cannot record training given to others"))
    }
    guard let attendee = policy.person(email: email) else {
      return .failure(
        RuleViolation(kind: .notAuthorised, message: "attendee \(email) is not a person in the sop.yml in effect"))
    }
    return .success(attendee)
  }

  /// Whether an approval commit waives retraining (`Retraining: not-required`).
  static func waivesRetraining(_ trailers: [Trailer]) -> Bool {
    trailers.contains {
      $0.key.lowercased() == retrainingTrailerKey
        && $0.value.trimmingCharacters(in: .whitespaces).lowercased() == retrainingNotRequired
    }
  }
}
