import DocumentModel
import Foundation
import GitStore

extension DocumentRepository {
  /// Walks history from `commit` once and derives every document's revisions and every problem.
  public func ledger(at commit: ObjectID) throws(ControlError) -> ApprovalLedger {
    var builder = LedgerBuilder(repository: git)
    return try ledger(at: commit, builder: &builder)
  }

  /// Walks history from `commit` with `builder`, which keeps its state so a new commit can be appended.
  func ledger(at commit: ObjectID, builder: inout LedgerBuilder) throws(ControlError) -> ApprovalLedger {
    let pinned = try pinnedRoot()
    let ledger = try builder.build(from: commit, trustedRoot: pinned)
    if pinned == nil {
      // H1: trust on first use, only for a history with a single root (the builder refuses more).
      if (try? git.setConfigValue(Self.rootConfigKey, ledger.root.hex)) != nil {
        notify(
          "trusting root commit \(ledger.root.hex) from now on (first use; pinned as git config "
            + "\(Self.rootConfigKey)); compare it with the id your team recorded")
      }
    }
    return ledger
  }

  /// The git configuration key that pins the trusted root commit (H1 in docs/approvals.md).
  public static let rootConfigKey = "sop.root"

  /// The pinned root commit, or nil when nothing is pinned yet.
  public func pinnedRoot() throws(ControlError) -> ObjectID? {
    let value: String?
    do {
      value = try git.configValue(Self.rootConfigKey)
    } catch {
      throw .git(error)
    }
    guard let value else { return nil }
    guard let id = ObjectID(hex: value.trimmingCharacters(in: .whitespaces)) else {
      throw .invalidArgument("git config \(Self.rootConfigKey) is '\(value)', not a 40-hex commit id")
    }
    return id
  }

  /// The inventory with derived states at `revision` (HEAD when nil), judged as of `now`.
  public func status(at revision: String?, now: Date) throws(ControlError) -> StatusReport {
    let state = try committedState(at: revision)
    let documents = state.inventory.documents.values.sorted { $0.id < $1.id }.map { stored in
      statusEntry(
        stored, history: state.ledger.documents[stored.id] ?? DocumentHistory(), policy: state.rules,
        effective: state.ledger.effectivePolicy, now: now)
    }
    var problems = state.inventory.problems
    if let lock = state.ledger.effectivePolicy.flatMap({ ApprovalRules.policyLock($0.policy) }) {
      problems.append(FileProblem(path: Policy.fileName, line: 1, message: "policy-locked: " + lock))
      problems.sort()
    }
    return StatusReport(
      documents: documents, problems: problems,
      policy: policyStatus(ledger: state.ledger, committedBlob: state.policyBlob))
  }

  /// What `status` and `todo` read: the inventory selected and judged by the policy in effect, the ledger,
  /// the committed `sop.yml` blob, and the policy whose rules apply.
  func committedState(at revision: String?) throws(ControlError) -> (
    inventory: Inventory, ledger: ApprovalLedger, policyBlob: ObjectID, rules: Policy
  ) {
    let commit = try commit(revision)
    let (policy, policyBlob) = try policy(at: commit, revisionName: revision ?? "HEAD")
    // The committed sop.yml only guesses the selection so the inventory can be read while history is walked;
    // the policy in effect decides which files are documents and judges them, so a pending sop.yml
    // that selects differently means reading the inventory again.
    var (inventory, ledger) = try inventoryAndLedger(at: commit, policy: policy)
    if let effective = ledger.effectivePolicy, effective.blob != policyBlob {
      inventory = try self.inventory(at: commit, policy: effective.policy, pending: policy)
    }
    return (inventory, ledger, policyBlob, ledger.effectivePolicy?.policy ?? policy)
  }

  /// Reads the inventory on a second thread (with its own repository handle) while walking history.
  func inventoryAndLedger(at commit: ObjectID, policy: Policy) throws(ControlError) -> (Inventory, ApprovalLedger) {
    final class Box: @unchecked Sendable {
      var inventory: Result<Inventory, ControlError>?
    }
    let box = Box()
    let group = DispatchGroup()
    let gitDirectory = git.gitDirectory
    DispatchQueue.global().async(group: group) {
      box.inventory = Result { () throws(ControlError) -> Inventory in
        try DocumentRepository(discoveringFrom: gitDirectory).inventory(at: commit, policy: policy)
      }
    }
    let ledger: Result<ApprovalLedger, ControlError> = Result { () throws(ControlError) -> ApprovalLedger in
      try self.ledger(at: commit)
    }
    group.wait()
    return (try box.inventory!.get(), try ledger.get())
  }

  func statusEntry(
    _ stored: StoredDocument, history: DocumentHistory, policy: Policy, effective: EffectivePolicy?, now: Date
  )
    -> DocumentStatusEntry
  {
    let frontMatter = stored.document.frontMatter
    let type = policy.types[frontMatter.type]
    let approved = history.revision(withBlob: stored.blob)
    var state = DocumentState.draft
    var approvals: [ApprovalRecord] = []
    var missing: [String] = []
    var stuck: String?
    var lastApproved: Int64?
    if let approved {
      state = frontMatter.status == .obsolete ? .obsolete : .approved
      approvals = approved.approvals
      lastApproved = approved.lastApprovedOrReviewed
    } else {
      // H4: only signatures that still qualify under the policy in effect fill a role.
      var pending = history.pending[stored.blob] ?? []
      if let effective {
        pending = ApprovalRules.stillQualifying(
          pending, id: stored.id, blob: stored.blob, content: frontMatter, history: history, policy: effective)
      }
      let required = ApprovalRules.requiredRoles(
        contentType: frontMatter.type, inForceType: history.inForce?.type, policy: policy)
      approvals = RoleAssignment.best(required: required, approvals: pending).assignment
      missing = ApprovalRules.missing(
        required: required, signatures: pending, authors: history.authorsSinceRevision, policy: policy)
      stuck = ApprovalRules.stuckReason(
        id: stored.id, missing: missing, content: frontMatter, history: history, signatures: pending, policy: policy)
      lastApproved = history.inForce?.lastApprovedOrReviewed
    }
    var nextReview: Date?
    if let lastApproved, let interval = type?.reviewEvery, state != .obsolete {
      nextReview = interval.adding(to: Date(timeIntervalSince1970: TimeInterval(lastApproved)))
    }
    return DocumentStatusEntry(
      id: frontMatter.id.rawValue, title: frontMatter.title, type: frontMatter.type, path: stored.path,
      owner: frontMatter.owner, state: state, revision: approved?.number ?? history.inForce?.number ?? 0,
      blob: stored.blob.hex, approvals: approvals.map(ApprovalEntry.init), missing: missing,
      lastApproved: lastApproved.map(UTCTime.iso), nextReview: nextReview.map(UTCTime.iso),
      reviewOverdue: nextReview.map { $0 < now } ?? false, stuck: stuck)
  }

  func policyStatus(ledger: ApprovalLedger, committedBlob: ObjectID) -> PolicyStatusEntry? {
    guard let effective = ledger.effectivePolicy else { return nil }
    let pending = ledger.pendingPolicyApprovals[committedBlob] ?? []
    let inEffect = effective.blob == committedBlob
    return PolicyStatusEntry(
      state: inEffect ? .approved : .draft, revision: effective.revision, blob: committedBlob.hex,
      effectiveBlob: effective.blob.hex, approvals: inEffect ? [] : pending.map(ApprovalEntry.init),
      missing: inEffect ? 0 : max(0, effective.policy.policyApprovals - pending.count))
  }

  /// The change history of one document (or `POLICY`) as of `revision`.
  public func log(id text: String, at revision: String?) throws(ControlError) -> DocumentLog {
    let commit = try commit(revision)
    let ledger = try ledger(at: commit)
    if text == DocumentID.policy.rawValue {
      let revisions = ledger.policyVersions.map { version in
        RevisionLogEntry(
          revision: version.revision, blob: version.blob.hex, approvedAt: UTCTime.iso(version.time),
          approvals: version.approvals.map(SignatureEntry.init), reviews: [], changes: [], revoked: nil)
      }
      let committed: ObjectID?
      do {
        committed = try git.blobID(at: Policy.fileName, inCommit: commit)
      } catch {
        throw .git(error)
      }
      let inEffect = committed == ledger.effectivePolicy?.blob
      let pending = committed.flatMap { ledger.pendingPolicyApprovals[$0] } ?? []
      return DocumentLog(
        id: text, title: "Repository policy (sop.yml)", state: inEffect ? .approved : .draft,
        revisions: revisions, pendingChanges: [], pendingApprovals: pending.map(SignatureEntry.init))
    }
    let (policy, _) = try self.policy(at: commit, revisionName: revision ?? "HEAD")
    let inventory = try inventory(at: commit, policy: policy)
    guard let id = DocumentID(text), let stored = inventory.documents[id] else {
      throw missingDocument(text, inventory: inventory, policy: policy)
    }
    let history = ledger.documents[id] ?? DocumentHistory()
    let entry = statusEntry(
      stored, history: history, policy: ledger.effectivePolicy?.policy ?? policy, effective: ledger.effectivePolicy,
      now: Date())
    let revisions = history.revisions.map { revision in
      RevisionLogEntry(
        revision: revision.number, blob: revision.blob.hex, approvedAt: UTCTime.iso(revision.approvedAt),
        approvals: revision.approvals.map(SignatureEntry.init), reviews: revision.reviews.map(SignatureEntry.init),
        changes: revision.changes.map(ChangeEntry.init), revoked: revision.revocation.map(RevocationEntry.init))
    }
    return DocumentLog(
      id: id.rawValue, title: stored.document.frontMatter.title, state: entry.state, revisions: revisions,
      pendingChanges: entry.state == .draft ? history.changesSinceRevision.map(ChangeEntry.init) : [],
      pendingApprovals: entry.state == .draft ? (history.pending[stored.blob] ?? []).map(SignatureEntry.init) : [])
  }

  /// Audits every approval commit reachable from HEAD (and `published/*` tags).
  public func verify(at revision: String? = nil) throws(ControlError) -> VerifyReport {
    let commit = try commit(revision)
    let ledger = try ledger(at: commit)
    var problems = ledger.problems
    if let effective = ledger.effectivePolicy {
      // H7: an id two files share at the tip is a problem, whichever of them a signer meant.
      let inventory = try inventory(at: commit, policy: effective.policy)
      for (id, paths) in inventory.ambiguous {
        problems.append(
          VerificationProblem(
            commit: commit.hex, document: id.rawValue, kind: .duplicateID,
            message: "\(paths.joined(separator: " and ")) all carry the id \(id); approve and publish refuse it"))
      }
    }
    if let lock = ledger.effectivePolicy.flatMap({ ApprovalRules.policyLock($0.policy) }) {
      problems.append(
        VerificationProblem(
          commit: commit.hex, document: DocumentID.policy.rawValue, kind: .policyLocked, message: lock))
    }
    let tagProblems = try verifyPublishedTags(ledger: ledger)
    problems.append(contentsOf: tagProblems.problems)
    problems.sort()
    return VerifyReport(
      ok: problems.isEmpty, problems: problems, checkedCommits: ledger.approvalCommits,
      checkedTags: tagProblems.count, root: ledger.root.hex)
  }

  /// The content of a document (front matter included) that `selector` names (HEAD when nil): a commit,
  /// `rN`, `published/N` or `work` (see `ContentSelector`).
  public func show(id text: String, at selector: String?) throws(ControlError) -> [UInt8] {
    let parsed = ContentSelector(selector ?? "HEAD")
    if parsed == .revision(0) {
      throw .invalidArgument("r0 is the empty content before revision 1; show r1 or later (see 'sop log \(text)')")
    }
    return try content(of: text, at: parsed).bytes
  }
}
