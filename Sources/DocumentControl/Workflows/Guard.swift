import DocumentModel
import Foundation
import GitStore

/// One line of a `pre-receive` hook's input: a reference and its old and new values.
public struct ReferenceUpdate: Sendable, Hashable {
  /// The value before the push; nil when the reference is being created.
  public var old: ObjectID?
  /// The value after the push; nil when the reference is being deleted.
  public var new: ObjectID?
  /// The full reference name, e.g. `refs/heads/main`.
  public var name: String

  /// Parses `<old> <new> <ref>` as git writes it to `pre-receive`; nil for anything else.
  public init?(hookLine line: String) {
    let parts = line.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 3, let old = ObjectID(hex: String(parts[0])), let new = ObjectID(hex: String(parts[1])),
      parts[2].hasPrefix("refs/")
    else { return nil }
    let zero = String(repeating: "0", count: 40)
    self.old = parts[0] == zero ? nil : old
    self.new = parts[1] == zero ? nil : new
    self.name = String(parts[2])
  }
}

/// Why `sop guard` rejects one reference update.
public struct GuardRejection: Sendable, Hashable {
  /// The reference.
  public var reference: String
  /// What is wrong and what to do.
  public var reason: String
}

extension DocumentRepository {
  /// Judges the updates of one push as the shared repository's `pre-receive` hook (`sop guard`): nothing
  /// that would add a second root, roll a policy back, delete or move a snapshot, rewrite the default
  /// branch, or add an approval or snapshot that `verify` would flag gets in.
  public func guardPush(_ updates: [ReferenceUpdate]) throws(ControlError) -> [GuardRejection] {
    var rejections: [GuardRejection] = []
    func reject(_ update: ReferenceUpdate, _ reason: String) {
      rejections.append(GuardRejection(reference: update.name, reason: reason))
    }
    let defaultBranch = (try? git.currentBranch()) ?? nil
    // The default branch as it will be after this push: snapshots are judged inside its history.
    var defaultTip = defaultBranch.flatMap { try? git.referenceTarget($0) }
    for update in updates where update.name == defaultBranch { defaultTip = update.new }
    var ledgers: [ObjectID: ApprovalLedger] = [:]
    func ledger(_ tip: ObjectID) throws(ControlError) -> ApprovalLedger {
      if let known = ledgers[tip] { return known }
      let built = try ledgerFromScratch(at: tip)
      ledgers[tip] = built
      return built
    }

    for update in updates {
      if update.name.hasPrefix("refs/tags/" + Self.snapshotPrefix) {
        guard update.old == nil else {
          reject(update, "published snapshots are never deleted or moved; make a new one with sop publish")
          continue
        }
        guard let new = update.new else { continue }
        let name = String(update.name.dropFirst("refs/tags/".count))
        guard let tip = defaultTip else {
          reject(update, "there is no default branch to judge the snapshot against")
          continue
        }
        do {
          let history = try ledger(tip)
          guard let tag = try? snapshotTag(name: name, object: new) else {
            reject(update, "\(name) is not a signed annotated tag of a commit")
            continue
          }
          // The snapshots already on the server, and those this push adds.
          var tags = try snapshotTags().filter { $0.name != name }
          for other in updates where other.name != update.name && other.old == nil {
            guard let object = other.new, other.name.hasPrefix("refs/tags/" + Self.snapshotPrefix) else { continue }
            let otherName = String(other.name.dropFirst("refs/tags/".count))
            if let pushed = try? snapshotTag(name: otherName, object: object) { tags.append(pushed) }
          }
          tags.append(tag)
          tags.sort { $0.number < $1.number }
          var cache = ledgers
          var problems = try verify(tag, in: history, ledgers: &cache)
          problems += chainProblems(of: tags, tagObjects: tags.map { ($0.name, $0.object) }).filter {
            $0.document == name
          }
          if let first = problems.first { reject(update, "\(name): \(first.message)") }
        } catch {
          reject(update, error.description)
        }
        continue
      }
      guard update.name.hasPrefix("refs/heads/") else { continue }
      guard let new = update.new else {
        if update.name == defaultBranch { reject(update, "the default branch holds the record; it is never deleted") }
        continue
      }
      do throws(ControlError) {
        // The tip as it is on the server is judged first: it becomes the checkpoint that orders the new
        // history (H13), so a push cannot re-order what the server already judged.
        let before = try update.old.map(ledger)
        let after = try ledger(new)
        // A fresh clone orders history by the tip's first parents. When that gives another answer than the
        // order the server already judged (H13: the server's tip became a second parent and the merge reverts
        // what it had), every new clone would be misled: refuse, and say how to merge the other way.
        if update.name == defaultBranch, update.old != nil {
          let fresh = try ledgerAsFreshClone(at: new)
          if let difference = Self.firstDifference(after, fresh) {
            reject(
              update,
              "read from its first parents, this history puts \(difference) back in force although the server "
                + "had moved past it; merge with the server's branch as the first parent (git pull, not a merge "
                + "of main into an old commit)")
            continue
          }
        }
        if let old = update.old, let before {
          let fastForward: Bool = try viaGit { () throws(GitError) in try git.isDescendant(new, of: old) }
          if !fastForward, update.name == defaultBranch {
            reject(
              update,
              "this push rewrites the default branch's history (not a fast-forward); approvals and snapshots "
                + "refer to it. Merge instead of rebasing or force-pushing")
            continue
          }
          if update.name == defaultBranch, let kept = before.effectivePolicy,
            after.policyVersions.count < kept.revision || after.policyVersions[kept.revision - 1].blob != kept.blob
          {
            reject(
              update, "this push rolls sop.yml back from policy revision \(kept.revision); approve a new change instead"
            )
            continue
          }
          let known = Set(before.problems.map(\.identity))
          if let added = after.problems.first(where: { !known.contains($0.identity) }) {
            reject(update, "\(added.commit.prefix(12)) \(added.document) \(added.kind.rawValue): \(added.message)")
          }
        } else {
          let baseline = try defaultBranch.flatMap { try? git.referenceTarget($0) }.map(ledger)
          let known = Set((baseline?.problems ?? []).map(\.identity))
          if let added = after.problems.first(where: { !known.contains($0.identity) }) {
            reject(update, "\(added.commit.prefix(12)) \(added.document) \(added.kind.rawValue): \(added.message)")
          }
        }
      } catch {
        reject(update, error.description)
      }
    }
    return rejections
  }
}

extension DocumentRepository {
  /// The first document (or `sop.yml`) whose content in force differs between two ledgers of one tip.
  static func firstDifference(_ judged: ApprovalLedger, _ fresh: ApprovalLedger) -> String? {
    if judged.effectivePolicy?.blob != fresh.effectivePolicy?.blob { return "an older sop.yml" }
    for id in Set(judged.documents.keys).union(fresh.documents.keys).sorted() {
      if judged.documents[id]?.inForce?.blob != fresh.documents[id]?.inForce?.blob { return "an old text of \(id)" }
    }
    return nil
  }
}

extension VerificationProblem {
  /// What a problem is about, without its wording: the guard compares problems before and after a push.
  var identity: String { "\(commit) \(document) \(kind.rawValue)" }
}
