import DocumentModel
import Foundation
import GitStore
import Signatures

/// What `sop serve`'s enrolment did: the key line, and the pending `sop.yml` change that adds it.
public struct KeyEnrolment: Codable, Sendable {
  /// The person's email.
  public var email: String
  /// The key as a line for `sop.yml` (and `sop keys`).
  public var keyLine: String
  /// The key's SHA-256 fingerprint.
  public var fingerprint: String
  /// The commit that changed `sop.yml`, or nil when it could not be changed automatically.
  public var commit: String?
  /// Why no commit was made (then the key line is to be added by hand), or nil.
  public var manualReason: String?
  /// Whether the person was not listed in `sop.yml` before (they are added without roles).
  public var isNewPerson: Bool
}

extension DocumentRepository {
  /// Commits `sop.yml` with `key` added to the person `email` (added without roles when not listed) on the
  /// current branch, unsigned, as a pending policy change: nothing takes effect until an admin approves it
  /// (docs/approvals.md), so the commit needs no trust. The work tree and index are left alone, except that a
  /// checked-out `sop.yml` still equal to the old one is updated too, so `git status` stays clean.
  public func enrolKey(_ key: SSHPublicKey, email: String, name: String, now: Date) throws(ControlError)
    -> KeyEnrolment
  {
    let keyLine = "\(key.openSSHString) \(email)"
    func manual(_ reason: String, isNew: Bool) -> KeyEnrolment {
      KeyEnrolment(
        email: email, keyLine: keyLine, fingerprint: key.fingerprint, commit: nil, manualReason: reason,
        isNewPerson: isNew)
    }
    let currentBranch: String? = try viaGit { () throws(GitError) in try git.currentBranch() }
    guard let branch = currentBranch else { throw .detachedHead }
    let head = try commit(nil)
    let (committed, policyBlob) = try policy(at: head)
    let isNew = committed.person(email: email) == nil
    if committed.people.contains(where: { person in person.keys.contains { $0.hasPrefix(key.openSSHString) } }) {
      throw .refused("this passkey is already listed in sop.yml")
    }
    let ledger = try ledger(at: head)
    if ledger.effectivePolicy?.policy.changesMustBeSigned == true {
      return manual("sop.yml says changes: signed, and this server holds no key to sign a change", isNew: isNew)
    }
    let oldBytes: [UInt8] = try viaGit { () throws(GitError) in try git.blob(policyBlob) }
    guard let text = String(bytes: oldBytes, encoding: .utf8),
      let edited = PolicyKeyEdit.addingKey(keyLine, email: email, name: name, to: text)
    else {
      return manual("sop.yml is laid out in a way this server does not edit automatically", isNew: isNew)
    }
    let time = try unixSeconds(now)
    let author = GitSignature(name: name, email: email, time: time)
    let committer = GitSignature(name: "sop serve", email: "sop-serve@localhost", time: time)
    let message =
      "Enrol a passkey for \(name) <\(email)>\n\nKey \(key.fingerprint), added by sop serve; it signs nothing "
      + "until an admin approves this sop.yml change.\n"
    let made: ObjectID = try viaGit { () throws(GitError) in
      let tree = try git.tree(git.commit(head).tree, settingFile: Policy.fileName, to: Array(edited.utf8))
      let buffer = try git.commitBuffer(
        tree: tree, parents: [head], author: author, committer: committer, message: message)
      let made = try git.createCommit(buffer: buffer, signature: nil)
      try git.updateReference(branch, to: made, expected: head, logMessage: "sop serve: enrol \(email)")
      return made
    }
    if let workTree = git.workingDirectory,
      case let file = URL(fileURLWithPath: workTree).appendingPathComponent(Policy.fileName),
      let current = try? Data(contentsOf: file), [UInt8](current) == oldBytes
    {
      try? Data(edited.utf8).write(to: file, options: .atomic)
      _ = try? git.stage(Policy.fileName)
    }
    return KeyEnrolment(
      email: email, keyLine: keyLine, fingerprint: key.fingerprint, commit: made.hex, manualReason: nil,
      isNewPerson: isNew)
  }
}
