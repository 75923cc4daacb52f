import DocumentModel
import Foundation
import GitStore

extension DocumentRepository {
  /// The inventory with derived states at `revision` (HEAD when nil), judged as of `now`.
  public func status(at revision: String?, now: Date) throws(ControlError) -> StatusReport {
    let state = try committedState(at: revision)
    // Sorted by each id's sort key, computed once (`DocumentID.<` splits both ids at each comparison, and
    // moving whole documents about cost a sixth of a warm status of 5,000 documents).
    let stored = Array(state.inventory.documents.values)
    let order = stored.indices.map { index in
      let id = stored[index].id
      return (key: (id.prefix, id.number, id.rawValue), index: index)
    }.sorted { $0.key < $1.key }
    let documents = order.map { stored[$0.index] }.map { stored in
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

  /// The inventory at `commit` and the ledger. A walk of history parses every changed document, those at the
  /// tip included, so it keeps their parse for the inventory: reading and parsing them a second time was a
  /// quarter of a cold status on a history of unsigned edits. The inventory reads the rest on all cores.
  func inventoryAndLedger(at commit: ObjectID, policy: Policy) throws(ControlError) -> (Inventory, ApprovalLedger) {
    let files: [TreeFile] = try viaGit { () throws(GitError) in try git.files(inCommit: commit) }
    let selection = DocumentSelection(patterns: policy.documents)
    let atTip = Set(files.lazy.filter { $0.isRegularFile && selection.includes($0.path) }.map(\.blob))
    let (ledger, parsed) = try ledger(at: commit, keepingParsed: atTip)
    // After a walk the inventory reads few blobs, and the walk's bound on mapped packs keeps them out of the
    // peak too; from the ledger cache it reads every document on all cores, which the bound would serialise.
    guard !parsed.isEmpty else { return (try inventory(of: files, policy: policy, parsed: parsed), ledger) }
    return (
      try Repository.boundingPackMapping { () throws(ControlError) in
        try inventory(of: files, policy: policy, parsed: parsed)
      }, ledger
    )
  }

  func statusEntry(
    _ stored: StoredDocument, history: DocumentHistory, policy: Policy, effective: EffectivePolicy?, now: Date
  )
    -> DocumentStatusEntry
  {
    let frontMatter = stored.document.frontMatter
    let type = policy.types[frontMatter.type]
    let approved = history.revision(withContent: stored.contentKey)
    var state = DocumentState.draft
    var approvals: [ApprovalRecord] = []
    var missing: [String] = []
    var stuck: String?
    var editorial: EditorialStatus?
    var lastApproved: Int64?
    if let approved {
      state = frontMatter.status == .obsolete ? .obsolete : .approved
      approvals = approved.approvals
      lastApproved = approved.lastApprovedOrReviewed
    } else {
      // H4: only signatures that still qualify under the policy in effect fill a role.
      var pending = history.pending[stored.contentKey] ?? []
      if let effective {
        pending = ApprovalRules.stillQualifying(
          pending, id: stored.id, contentKey: stored.contentKey, content: frontMatter, history: history,
          policy: effective)
      }
      let required = ApprovalRules.requiredRoles(
        contentType: frontMatter.type, inForceType: history.inForce?.type, policy: policy)
      approvals = RoleAssignment.best(required: required, approvals: pending).assignment
      missing = ApprovalRules.missing(
        required: required, signatures: pending, authors: history.authorsSinceRevision, policy: policy)
      stuck = ApprovalRules.stuckReason(
        id: stored.id, missing: missing, content: frontMatter, history: history, signatures: pending, policy: policy)
      if let path = type?.editorial, let effective, let inForce = history.inForce,
        let old = try? git.blob(inForce.blob), let new = try? git.blob(stored.blob),
        let words = EditorialChange.changedWords(from: old, to: new),
        EditorialChange.violation(
          id: stored.id, path: path, history: history, words: words,
          attachmentsChanged: inForce.attachments != stored.attachments) == nil
      {
        let missingEditorial = EditorialChange.assignment(
          path, signatures: pending, id: stored.id, contentKey: stored.contentKey, content: frontMatter,
          history: history,
          policy: effective
        ).missing
        editorial = EditorialStatus(missing: missingEditorial, words: words)
      }
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
      reviewOverdue: nextReview.map { $0 < now } ?? false, stuck: stuck,
      editorial: editorial)
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
}
