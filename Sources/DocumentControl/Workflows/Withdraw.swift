import DocumentModel
import Foundation
import GitStore
import Signatures

/// What `sop withdraw` is asked to do.
public struct WithdrawalRequest: Sendable {
  /// The document id.
  public var id: String
  /// Why, written into the commit message.
  public var reason: String
  /// A key to sign the change with (needed with `changes: signed`); nil means git's `user.signingkey` if set.
  public var keyPath: String?
  /// The commit time.
  public var now: Date

  /// Creates a request.
  public init(id: String, reason: String, keyPath: String?, now: Date) {
    self.id = id
    self.reason = reason
    self.keyPath = keyPath
    self.now = now
  }
}

/// The result of `sop withdraw`.
public struct WithdrawalOutcome: Codable, Sendable {
  /// The change commit.
  public var commit: String
  /// The document's path.
  public var path: String
  /// The roles the withdrawal needs, with who can sign each (printed names).
  public var approvers: [RoleApprovers]
  /// Approved documents that still refer to the withdrawn one (by `related:` or by id in their text).
  public var referredToBy: [String]
}

/// A role and the people who may sign it.
public struct RoleApprovers: Codable, Sendable, Hashable {
  /// The role.
  public var role: String
  /// Printed names.
  public var people: [String]
}

extension DocumentRepository {
  /// Sets `status: obsolete` in a document's front matter and commits that change with the reason, as `git
  /// add` + `git commit` would (the work tree and index stay clean). The withdrawal then needs the same
  /// approvals as any change.
  public func withdraw(_ request: WithdrawalRequest, signer makeSigner: (String) -> any MessageSigner)
    throws(ControlError) -> WithdrawalOutcome
  {
    let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !reason.isEmpty else { throw .invalidArgument("say why with --reason TEXT") }
    guard let workTree = git.workingDirectory else { throw .invalidArgument("sop withdraw needs a work tree") }
    let currentBranch: String? = try viaGit { () throws(GitError) in try git.currentBranch() }
    guard let branch = currentBranch else { throw .detachedHead }
    let head = try commit(nil)
    let ledger = try ledger(at: head)
    guard let effective = ledger.effectivePolicy else { throw .noPolicy(revision: "HEAD") }
    let inventory = try inventory(at: head, policy: effective.policy)
    guard let id = DocumentID(request.id), let stored = inventory.documents[id] else {
      throw .unknownDocument(id: request.id)
    }
    if let paths = inventory.ambiguous[id] { throw .ambiguousID(id: request.id, paths: paths) }
    guard stored.document.frontMatter.status != .obsolete else {
      throw .refused(
        "\(request.id) already has status: obsolete; approve the withdrawal with sop approve \(request.id)")
    }
    let isEdited: Bool = try viaGit { () throws(GitError) in try git.hasUncommittedChanges(at: stored.path) }
    if isEdited { throw .uncommittedEdits(id: request.id, path: stored.path) }
    let original: [UInt8] = try viaGit { () throws(GitError) in try git.blob(stored.blob) }
    guard let text = String(bytes: original, encoding: .utf8), let withdrawn = Self.markedObsolete(text) else {
      throw .refused("could not set status: obsolete in \(stored.path); edit it by hand and commit")
    }
    // The edited text must still be the same document, now obsolete.
    guard let parsed = try? ParsedDocument(path: stored.path, data: Data(withdrawn.utf8)),
      parsed.frontMatter.id == id, parsed.frontMatter.status == .obsolete
    else { throw .refused("could not set status: obsolete in \(stored.path); edit it by hand and commit") }

    let file = URL(fileURLWithPath: workTree).appendingPathComponent(stored.path)
    func restore() {
      try? Data(original).write(to: file, options: .atomic)
      _ = try? git.stage(stored.path)
    }
    let committed: ObjectID
    do {
      try Data(withdrawn.utf8).write(to: file, options: .atomic)
      let tree = try git.stage(stored.path)
      let identity = try authorIdentity(time: Int64(request.now.timeIntervalSince1970))
      let message = "Withdraw \(request.id)\n\n\(reason)\n"
      let buffer = try git.commitBuffer(
        tree: tree, parents: [head], author: identity, committer: identity, message: message)
      var signature: String?
      if effective.policy.changesMustBeSigned || request.keyPath != nil {
        let keyPath = try resolveKeyPath(request.keyPath)
        defer { keyPath.cleanup() }
        signature = try makeSigner(keyPath.path).sign(Data(buffer.utf8), namespace: "git")
      }
      committed = try git.createCommit(buffer: buffer, signature: signature)
      try git.updateReference(branch, to: committed, expected: head, logMessage: "sop withdraw: \(request.id)")
    } catch let error as ControlError {
      restore()
      throw error
    } catch let error as GitError {
      restore()
      throw error.isModified ? .refused("the branch moved while withdrawing; run sop withdraw again") : .git(error)
    } catch let error as SignatureError {
      restore()
      throw .signing(error)
    } catch {
      restore()
      throw .write(path: stored.path, reason: "\(error)")
    }
    let required = ApprovalRules.requiredRoles(
      contentType: parsed.frontMatter.type, inForceType: ledger.documents[id]?.inForce?.type, policy: effective.policy)
    let approvers = required.map { role in
      RoleApprovers(
        role: role,
        people: effective.policy.people.filter {
          !$0.keys.isEmpty
            && !ApprovalRules.eligibleRoles($0, required: [role], owner: parsed.frontMatter.owner).isEmpty
        }.map(\.name))
    }
    return WithdrawalOutcome(
      commit: committed.hex, path: stored.path, approvers: approvers,
      referredToBy: referrers(of: id, inventory: inventory, ledger: ledger))
  }

  /// Approved documents (in force at the tip) that refer to `id` by `related:` or by its id in their text.
  func referrers(of id: DocumentID, inventory: Inventory, ledger: ApprovalLedger) -> [String] {
    inventory.documents.values.filter { other in
      guard other.id != id, ledger.documents[other.id]?.revision(withContent: other.contentKey) != nil else {
        return false
      }
      return other.document.frontMatter.related.contains(id) || Self.mentions(id.rawValue, in: other.document.text.body)
    }.map(\.id).sorted().map(\.rawValue)
  }

  /// Whether `text` names `id` as a whole word (`QP-004`, not `QP-0045`).
  static func mentions(_ id: String, in text: String) -> Bool {
    var searchRange = text.startIndex..<text.endIndex
    while let found = text.range(of: id, range: searchRange) {
      let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
      let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
      let isWord = { (character: Character?) in character.map { $0.isLetter || $0.isNumber || $0 == "-" } ?? false }
      if !isWord(before) && !isWord(after) { return true }
      searchRange = found.upperBound..<text.endIndex
    }
    return false
  }

  /// The document text with `status: obsolete` in its front matter (replacing a top-level `status:` line, or
  /// added before the closing `---`), or nil when it has no front matter block.
  static func markedObsolete(_ text: String) -> String? {
    var lines = text.components(separatedBy: "\n")
    let start = 0
    guard let first = lines.first, first.trimmingCharacters(in: CharacterSet(charactersIn: " \r\u{FEFF}")) == "---"
    else { return nil }
    guard
      let end = lines.indices.dropFirst(start + 1).first(where: {
        let line = lines[$0].trimmingCharacters(in: CharacterSet(charactersIn: " \r"))
        return line == "---" || line == "..."
      })
    else { return nil }
    let carriage = lines[start].hasSuffix("\r") ? "\r" : ""
    if let existing = lines[(start + 1)..<end].firstIndex(where: { $0.hasPrefix("status:") }) {
      lines[existing] = "status: obsolete" + carriage
    } else {
      lines.insert("status: obsolete" + carriage, at: end)
    }
    return lines.joined(separator: "\n")
  }

  /// The author of a change sop commits: `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL`, else git's `user.name` and
  /// `user.email`.
  func authorIdentity(time: Int64) throws(ControlError) -> GitSignature {
    let environment = ProcessInfo.processInfo.environment
    let name = environment["GIT_AUTHOR_NAME"] ?? ((try? git.configValue("user.name")) ?? nil)
    let email = environment["GIT_AUTHOR_EMAIL"] ?? ((try? git.configValue("user.email")) ?? nil)
    guard let name, let email, !name.isEmpty, !email.isEmpty else {
      throw .invalidArgument("tell git who you are first: git config user.name NAME; git config user.email EMAIL")
    }
    return GitSignature(name: name, email: email, time: time)
  }
}
