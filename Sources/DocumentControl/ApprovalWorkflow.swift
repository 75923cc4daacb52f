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

  /// Creates a request.
  public init(ids: [String], keyPath: String? = nil, message: String? = nil, now: Date) {
    self.ids = ids
    self.keyPath = keyPath
    self.message = message
    self.now = now
  }
}

/// One document in an approval commit and where it stands afterwards.
public struct ApprovedDocument: Codable, Sendable {
  /// The id.
  public var id: String
  /// The approved blob.
  public var blob: String
  /// The state after this approval.
  public var state: String
  /// The revision after this approval.
  public var revision: Int
  /// Roles still needed.
  public var missing: [String]
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
    let currentBranch: String?
    do {
      currentBranch = try git.currentBranch()
    } catch {
      throw .git(error)
    }
    guard let branch = currentBranch else { throw .detachedHead }
    let keyPath = try resolveKeyPath(request.keyPath)
    let key: SSHPublicKey
    do {
      key = try publicKey(forKeyFile: keyPath.path)
    } catch {
      throw .signing(error)
    }
    let signer = makeSigner(keyPath.path)
    defer { keyPath.cleanup() }
    var pinned: [String: ObjectID] = [:]
    let time = try unixSeconds(request.now)
    for attempt in 0..<maxAttempts {
      let head = try commit(nil)
      let plan = try planApproval(request: request, head: head, key: key, pinned: pinned)
      if pinned.isEmpty { pinned = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.id, $0.blob) }) }
      let committed: ObjectID
      do {
        let tree = try git.commit(head).tree
        let identity = GitSignature(name: plan.person.name, email: plan.person.email, time: time)
        let buffer = try git.commitBuffer(
          tree: tree, parents: [head], author: identity, committer: identity, message: plan.message)
        let signature: String
        do {
          signature = try signer.sign(Data(buffer.utf8), namespace: "git")
        } catch let error as SignatureError {
          throw ControlError.signing(error)
        } catch {
          throw ControlError.refused("signing failed: \(error)")
        }
        committed = try git.createCommit(buffer: buffer, signature: signature)
        try git.updateReference(
          branch, to: committed, expected: head, logMessage: "sop approve: \(plan.message.prefix { $0 != "\n" })")
      } catch let error as GitError where error.isModified || error.isLocked {
        // Another approver landed first: back off a little and rebuild on the new tip.
        usleep(UInt32.random(in: 2_000...20_000) * UInt32(min(attempt + 1, 5)))
        continue
      } catch let error as GitError {
        throw .git(error)
      } catch let error as ControlError {
        throw error
      } catch {
        throw .refused("\(error)")
      }
      let after = try ledger(at: committed)
      let policy = after.effectivePolicy?.policy
      let documents = plan.items.map { item -> ApprovedDocument in
        if item.id == DocumentID.policy.rawValue {
          let inEffect = after.effectivePolicy?.blob == item.blob
          return ApprovedDocument(
            id: item.id, blob: item.blob.hex, state: inEffect ? "approved" : "draft",
            revision: after.effectivePolicy?.revision ?? 0, missing: inEffect ? [] : ["admin"])
        }
        let history = after.documents[DocumentID(item.id)!] ?? DocumentHistory()
        let entry = statusEntry(
          item.stored!, history: history, policy: policy ?? plan.policy, now: request.now)
        return ApprovedDocument(
          id: item.id, blob: item.blob.hex, state: entry.state, revision: entry.revision, missing: entry.missing)
      }
      return ApprovalOutcome(
        commit: committed.hex, signer: plan.person.name, fingerprint: key.fingerprint, documents: documents,
        retries: attempt)
    }
    throw .contention(attempts: maxAttempts)
  }

  private struct PlannedItem {
    var id: String
    var blob: ObjectID
    var stored: StoredDocument?
    var revisionLabel: String
  }

  private struct ApprovalPlan {
    var person: Person
    var policy: Policy
    var items: [PlannedItem]
    var message: String
  }

  private func planApproval(
    request: ApprovalRequest, head: ObjectID, key: SSHPublicKey, pinned: [String: ObjectID]
  ) throws(ControlError) -> ApprovalPlan {
    let ledger = try ledger(at: head)
    guard let effective = ledger.effectivePolicy else { throw .noPolicy(revision: "HEAD") }
    guard let person = effective.person(for: key) else { throw .unregisteredKey(fingerprint: key.fingerprint) }
    let (committedPolicy, committedPolicyBlob) = try policy(at: head)
    let inventory = try inventory(at: head, policy: committedPolicy)
    var items: [PlannedItem] = []
    var seen = Set<String>()
    guard !request.ids.isEmpty else { throw .invalidArgument("name at least one document id to approve") }
    for text in request.ids where seen.insert(text).inserted {
      if text == DocumentID.policy.rawValue {
        guard person.roles.contains("admin") else {
          throw .notAuthorised(id: text, person: person.name, needed: ["admin"])
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
      if let expected = pinned[text], expected != stored.blob { throw .contentMoved(id: text) }
      try requireCommitted(id: text, path: stored.path)
      let frontMatter = stored.document.frontMatter
      guard let type = effective.policy.types[frontMatter.type] else {
        throw .unknownType(frontMatter.type, known: effective.policy.types.keys.sorted())
      }
      let history = ledger.documents[id] ?? DocumentHistory()
      let approvedRevision = history.revision(withBlob: stored.blob)
      let eligible = eligibleRoles(person, required: type.approvals, owner: frontMatter.owner)
      guard !eligible.isEmpty else {
        throw .notAuthorised(id: text, person: person.name, needed: type.approvals)
      }
      if approvedRevision == nil {
        if !effective.policy.allowsSelfApproval, history.authorsSinceRevision.contains(person.email.lowercased()) {
          throw .selfApproval(id: text, person: person.name)
        }
        if (history.pending[stored.blob] ?? []).contains(where: { $0.email == person.email }) {
          throw .alreadySigned(id: text, person: person.name)
        }
        // ISO 9001 7.5.2 c and 21 CFR 11.10(f): content with lint errors is not signed.
        let blocking = try blockingFindings(
          for: stored, at: head, inventory: inventory, policy: effective.policy)
        if !blocking.isEmpty { throw .lintErrors(blocking) }
      }
      let label =
        approvedRevision.map { "review of revision \($0.number)" } ?? "revision \(history.revisions.count + 1)"
      items.append(PlannedItem(id: text, blob: stored.blob, stored: stored, revisionLabel: label))
    }
    let subject =
      items.count == 1
      ? "Approve \(items[0].id) \(items[0].revisionLabel)"
      : "Approve " + items.map(\.id).joined(separator: ", ")
    var message = subject + "\n\n"
    if let body = request.message?.trimmingCharacters(in: .whitespacesAndNewlines), !body.isEmpty {
      message += body + "\n\n"
    }
    message += items.map { "Approves: \($0.id) \($0.blob.hex)" }.joined(separator: "\n") + "\n"
    return ApprovalPlan(person: person, policy: effective.policy, items: items, message: message)
  }

  private func requireCommitted(id: String, path: String) throws(ControlError) {
    guard git.workingDirectory != nil else { return }
    let isEdited: Bool
    do {
      isEdited = try git.hasUncommittedChanges(at: path)
    } catch {
      throw .git(error)
    }
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
