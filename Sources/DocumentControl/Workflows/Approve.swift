import DocumentModel
import Foundation
import GitStore
import Signatures

/// What `sop approve` is asked to do.
public struct ApprovalRequest: Sendable {
  /// Document ids (or `POLICY`) to approve in one commit.
  public var ids: [String]
  /// The signing key path; nil means git's `user.signingkey`.
  public var keyPath: String?
  /// Free text added to the commit message body.
  public var message: String?
  /// The approval time (the committer date the signature covers).
  public var now: Date
  /// `sop review`: only unchanged approved content may be signed (a periodic review).
  public var isReview: Bool
  /// `sop approve --editorial`: sign with `Change: editorial` (the lighter path for a small change).
  public var isEditorial = false
  /// `sop approve --no-retraining`: sign with `Retraining: not-required` (training carries over).
  public var waivesRetraining = false

  /// Creates a request.
  public init(ids: [String], keyPath: String? = nil, message: String? = nil, now: Date, isReview: Bool = false) {
    self.ids = ids
    self.keyPath = keyPath
    self.message = message
    self.now = now
    self.isReview = isReview
  }
}

/// One document in an approval commit and where it stands afterwards.
public struct ApprovedDocument: Codable, Sendable {
  /// The id.
  public var id: String
  /// The approved blob.
  public var blob: String
  /// The state after this approval.
  public var state: DocumentState
  /// The revision after this approval.
  public var revision: Int
  /// Roles still needed.
  public var missing: [String]
  /// When the next periodic review is due after this signature (ISO 8601 UTC), or nil.
  public var nextReview: String?
}

/// The result of `sop approve`.
public struct ApprovalOutcome: Codable, Sendable {
  /// The approval commit.
  public var commit: String
  /// The signer's printed name.
  public var signer: String
  /// The signer's key fingerprint.
  public var fingerprint: String
  /// The documents approved.
  public var documents: [ApprovedDocument]
  /// How many times the branch had moved and the commit was rebuilt.
  public var retries: Int
}

extension DocumentRepository {
  /// Signs an approval commit for the documents and puts it on the current branch with compare-and-swap.
  ///
  /// Nothing is written unless every document passes every check; a lost race rebuilds the commit on the
  /// new tip, as long as the documents' content there is still what was reviewed.
  public func approve(
    _ request: ApprovalRequest, signer makeSigner: (String) -> any MessageSigner, maxAttempts: Int = 30
  ) throws(ControlError) -> ApprovalOutcome {
    let keyPath = try resolveKeyPath(request.keyPath)
    defer { keyPath.cleanup() }
    let key: SSHPublicKey
    do {
      key = try publicKey(forKeyFile: keyPath.path)
    } catch {
      throw .signing(error)
    }
    var pinned: [String: ObjectID] = [:]
    let (committed, head, plan, retries) = try appendSignedCommit(
      signer: makeSigner(keyPath.path), now: request.now, maxAttempts: maxAttempts
    ) { head throws(ControlError) -> ApprovalPlan in
      var builder = LedgerBuilder(repository: git)
      let plan = try planApproval(request: request, head: head, key: key, pinned: pinned, builder: &builder)
      if pinned.isEmpty { pinned = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.id, $0.blob) }) }
      return plan
    }
    // The ledger already walked, with this one commit appended: no second walk of the whole history.
    var builder = plan.builder
    var appended = try builder.appending(committed, onto: head)
    if let appended {
      // The next status reads it instead of walking again.
      storeAppendedLedger(appended, builder: builder)
    } else {
      appended = try ledger(at: committed)
    }
    guard let after = appended else { throw .refused("could not read back approval \(committed.hex)") }
    let policy = after.effectivePolicy?.policy
    let documents = plan.items.map { item -> ApprovedDocument in
      guard let stored = item.stored else {
        let inEffect = after.effectivePolicy?.blob == item.blob
        return ApprovedDocument(
          id: item.id, blob: item.blob.hex, state: inEffect ? .approved : .draft,
          revision: after.effectivePolicy?.revision ?? 0, missing: inEffect ? [] : [ApprovalRules.adminRole],
          nextReview: nil)
      }
      let history = after.documents[stored.id] ?? DocumentHistory()
      let entry = statusEntry(
        stored, history: history, policy: policy ?? plan.policy, effective: after.effectivePolicy, now: request.now)
      return ApprovedDocument(
        id: item.id, blob: item.blob.hex, state: entry.state, revision: entry.revision, missing: entry.missing,
        nextReview: entry.nextReview)
    }
    return ApprovalOutcome(
      commit: committed.hex, signer: plan.person.name, fingerprint: key.fingerprint, documents: documents,
      retries: retries)
  }

  private struct PlannedItem {
    var id: String
    var blob: ObjectID
    var stored: StoredDocument?
    var revisionLabel: String
  }

  private struct ApprovalPlan: SignedCommitPlan {
    var person: Person
    var policy: Policy
    var items: [PlannedItem]
    var message: String
    /// The walk the plan was made from, to append the new commit to.
    var builder: LedgerBuilder
    var signerIdentity: Person { person }
  }

  private func planApproval(
    request: ApprovalRequest, head: ObjectID, key: SSHPublicKey, pinned: [String: ObjectID],
    builder: inout LedgerBuilder
  ) throws(ControlError) -> ApprovalPlan {
    // From the ledger cache when it holds this walk or one to carry on (`ledgerToAppend`): the signed content
    // is still read from git at `head` below.
    let ledger = try ledgerToAppend(at: head, builder: &builder)
    guard let effective = ledger.effectivePolicy else { throw .noPolicy(revision: "HEAD") }
    guard let person = effective.person(for: key) else { throw .unregisteredKey(fingerprint: key.fingerprint) }
    let (_, committedPolicyBlob) = try policy(at: head)
    // The policy in effect selects the documents, as for status and publish.
    let inventory = try inventory(at: head, policy: effective.policy)
    var toLint: [StoredDocument] = []
    var items: [PlannedItem] = []
    var seen = Set<String>()
    guard !request.ids.isEmpty else { throw .invalidArgument("name at least one document id to approve") }
    for text in request.ids where seen.insert(text).inserted {
      if text == DocumentID.policy.rawValue {
        if request.isReview {
          throw .refused("sop.yml is not reviewed; approve a change to it with sop approve POLICY")
        }
        if request.isEditorial { throw .refused("a change to sop.yml is never editorial") }
        if ApprovalRules.judgePolicySigner(person) != nil {
          throw .notAuthorised(id: text, person: person.name, needed: [ApprovalRules.adminRole])
        }
        guard committedPolicyBlob != effective.blob else {
          throw .refused("the committed sop.yml is already the policy in effect; there is nothing to approve")
        }
        if (ledger.pendingPolicyApprovals[committedPolicyBlob] ?? []).contains(where: { $0.email == person.email }) {
          throw .alreadySigned(id: text, person: person.name)
        }
        try requireCommitted(id: text, path: Policy.fileName)
        if let expected = pinned[text], expected != committedPolicyBlob { throw .contentMoved(id: text) }
        items.append(PlannedItem(id: text, blob: committedPolicyBlob, stored: nil, revisionLabel: "policy change"))
        continue
      }
      guard let id = DocumentID(text), let stored = inventory.documents[id] else { throw .unknownDocument(id: text) }
      if let paths = inventory.ambiguous[id] { throw .ambiguousID(id: text, paths: paths) }
      if let expected = pinned[text], expected != stored.blob { throw .contentMoved(id: text) }
      try requireCommitted(id: text, path: stored.path)
      let frontMatter = stored.document.frontMatter
      guard effective.policy.types[frontMatter.type] != nil else {
        throw .unknownType(frontMatter.type, known: effective.policy.types.keys.sorted())
      }
      let history = ledger.documents[id] ?? DocumentHistory()
      let approvedRevision = history.revision(withContent: stored.contentKey)
      if request.isEditorial {
        let words = approvedRevision == nil ? try editorialWords(of: stored, history: history) : nil
        if approvedRevision != nil {
          throw .refused("\(text) is unchanged since its revision in force; there is no change to approve")
        }
        if let violation = EditorialChange.violation(
          id: id, path: effective.policy.types[frontMatter.type]?.editorial, history: history, words: words,
          attachmentsChanged: history.inForce.map { $0.attachments != stored.attachments } ?? false)
        {
          throw .refused("not an editorial change: \(violation.message)")
        }
      }
      if request.isReview, approvedRevision == nil {
        throw .refused(
          history.inForce.map {
            "\(text) changed since revision \($0.number), so there is nothing unchanged to review; "
              + "the change needs approval: sop approve \(text)"
          } ?? "\(text) has never been approved; a review confirms approved content: sop approve \(text)")
      }
      // The same rules the ledger applies when it counts this signature (Ledger/ApprovalRules.swift).
      switch ApprovalRules.judgeSigner(
        person, id: id, contentKey: stored.contentKey, content: frontMatter, history: history, policy: effective.policy)
      {
      case .failure(let violation):
        // The very sentence `verify` records for the same signature made with stock git.
        throw .ruleViolation(violation)
      case .success:
        break
      }
      if approvedRevision == nil {
        if (history.pending[stored.contentKey] ?? []).contains(where: { $0.email == person.email }) {
          throw .alreadySigned(id: text, person: person.name)
        }
        // A draft nobody in the policy can complete is refused with the reason status gives.
        let entry = statusEntry(
          stored, history: history, policy: effective.policy, effective: effective, now: request.now)
        if let stuck = entry.stuck { throw .refused("signing cannot complete \(id): \(stuck)") }
        toLint.append(stored)
        if frontMatter.status == .obsolete {
          let referrers = referrers(of: id, inventory: inventory, ledger: ledger)
          if !referrers.isEmpty {
            notify(
              "warning: this approves the withdrawal of \(text), but approved documents still refer to it: "
                + referrers.joined(separator: ", "))
          }
        }
      }
      let label =
        approvedRevision.map { request.isReview ? "revision \($0.number)" : "review of revision \($0.number)" }
        ?? "revision \(history.revisions.count + 1)"
      items.append(PlannedItem(id: text, blob: stored.blob, stored: stored, revisionLabel: label))
    }
    // ISO 9001 7.5.2 c and 21 CFR 11.10(f): content with lint errors is not signed. One lint pass for all
    // documents: listing the tree and indexing the other documents once, not once per id.
    let blocking = try blockingFindings(for: toLint, at: head, inventory: inventory, policy: effective.policy)
    if !blocking.isEmpty { throw .lintErrors(blocking) }
    let subject =
      items.count == 1
      ? "\(request.isReview ? "Review" : "Approve") \(items[0].id) \(items[0].revisionLabel)"
      : "\(request.isReview ? "Review" : "Approve") " + items.map(\.id).joined(separator: ", ")
    var message = subject + "\n\n"
    if let body = request.message?.trimmingCharacters(in: .whitespacesAndNewlines), !body.isEmpty {
      message += body + "\n\n"
    }
    message += items.map { "Approves: \($0.id) \($0.blob.hex)" }.joined(separator: "\n") + "\n"
    if request.isEditorial { message += "Change: editorial\n" }
    if request.waivesRetraining {
      message += "\(ApprovalRules.retrainingTrailerKey.capitalized): \(ApprovalRules.retrainingNotRequired)\n"
    }
    return ApprovalPlan(
      person: person, policy: effective.policy, items: items, message: message, builder: builder)
  }

  /// Words changed in the body since the revision in force (nil when the front matter changed).
  func editorialWords(of stored: StoredDocument, history: DocumentHistory) throws(ControlError) -> Int? {
    guard let inForce = history.inForce else { return nil }
    let old = try viaGit { () throws(GitError) in try git.blob(inForce.blob) }
    let new = try viaGit { () throws(GitError) in try git.blob(stored.blob) }
    return EditorialChange.changedWords(from: old, to: new)
  }

  private func requireCommitted(id: String, path: String) throws(ControlError) {
    guard git.workingDirectory != nil else { return }
    let isEdited: Bool = try viaGit { () throws(GitError) in try git.hasUncommittedChanges(at: path) }
    if isEdited { throw .uncommittedEdits(id: id, path: path) }
  }

  /// A signing key path, possibly a temporary file holding git's `key::` literal.
  struct KeyPath {
    var path: String
    var temporary: URL?

    func cleanup() {
      if let temporary { try? FileManager.default.removeItem(at: temporary) }
    }
  }

  /// The key to sign with: `--key`, else git's `user.signingkey` (a path, `~/` path or `key::` literal).
  func resolveKeyPath(_ explicit: String?) throws(ControlError) -> KeyPath {
    var value = explicit
    if value == nil {
      value = (try? git.configValue("user.signingkey")) ?? nil
    }
    guard var path = value, !path.isEmpty else { throw .noSigningKey }
    if path.hasPrefix("key::") {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-key-\(UUID().uuidString)")
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("signing.pub")
        try Data((String(path.dropFirst(5)) + "\n").utf8).write(to: file)
        return KeyPath(path: file.path, temporary: folder)
      } catch {
        throw .write(path: folder.path, reason: "\(error)")
      }
    }
    if path.hasPrefix("~/") {
      path = (ProcessInfo.processInfo.environment["HOME"] ?? "") + path.dropFirst(1)
    }
    guard FileManager.default.fileExists(atPath: path) else {
      throw .invalidArgument("signing key \(path) does not exist")
    }
    return KeyPath(path: path, temporary: nil)
  }
}
