import DocumentModel
import Foundation
import GitStore

/// Which content of a document a command means: the one place `sop diff` and `sop show --at` read
/// `rN`, `published/N`, `work` and commits.
public enum ContentSelector: Sendable, Equatable, CustomStringConvertible {
  /// `rN`: the Nth approved revision (`r0`: nothing, before the first revision).
  case revision(Int)
  /// `published/N`: the content the snapshot tag lists for the id.
  case published(Int)
  /// `work`: the file in the work tree, committed or not.
  case work
  /// Anything else: a commit-ish git resolves (`HEAD`, `main~2`, a tag, an id).
  case commit(String)

  /// Reads a selector. `rN` and `published/N` take precedence over branches or tags of those names.
  public init(_ text: String) {
    if text == "work" {
      self = .work
    } else if text.hasPrefix("r"), let number = Int(text.dropFirst()), number >= 0, !text.dropFirst().hasPrefix("+") {
      self = .revision(number)
    } else if text.hasPrefix("published/"), let number = Int(text.dropFirst("published/".count)), number >= 1 {
      self = .published(number)
    } else {
      self = .commit(text)
    }
  }

  /// The selector as the user writes it.
  public var description: String {
    switch self {
    case .revision(let number): return "r\(number)"
    case .published(let number): return "published/\(number)"
    case .work: return "work"
    case .commit(let text): return text
    }
  }
}

/// One content of a document picked by a selector.
public struct SelectedContent: Sendable {
  /// The selector that picked it.
  public var selector: ContentSelector
  /// The stored bytes (empty for `r0`).
  public var bytes: [UInt8]
  /// The blob id (nil for the work tree and `r0`).
  public var blob: ObjectID?
  /// The path it has there.
  public var path: String?
  /// The commit whose history holds it: the approval that completed a revision, a snapshot's commit, the
  /// commit named, HEAD for the work tree; nil for `r0`.
  public var commit: ObjectID?
}

extension DocumentRepository {
  /// The content of document `text` (or `POLICY`) that `selector` names. `ledger` is the ledger at HEAD when
  /// the caller has one (needed for `rN`); it is walked here otherwise.
  public func content(
    of text: String, at selector: ContentSelector, ledger known: ApprovalLedger? = nil
  ) throws(ControlError) -> SelectedContent {
    switch selector {
    case .commit(let revision):
      let commit = try commit(revision)
      if text == DocumentID.policy.rawValue {
        guard let blob = try? git.blobID(at: Policy.fileName, inCommit: commit) else {
          throw .noPolicy(revision: revision)
        }
        return SelectedContent(
          selector: selector, bytes: try blobBytes(blob), blob: blob, path: Policy.fileName, commit: commit)
      }
      let (policy, _) = try self.policy(at: commit, revisionName: revision)
      let inventory = try inventory(at: commit, policy: policy)
      guard let id = DocumentID(text), let stored = inventory.documents[id] else {
        throw missingDocument(text, inventory: inventory, policy: policy)
      }
      return SelectedContent(
        selector: selector, bytes: try blobBytes(stored.blob), blob: stored.blob, path: stored.path, commit: commit)
    case .revision(let number):
      let ledger: ApprovalLedger
      if let known {
        ledger = known
      } else {
        ledger = try self.ledger(at: try commit(nil))
      }
      if number == 0 { return SelectedContent(selector: selector, bytes: [], blob: nil, path: nil, commit: nil) }
      let revisions: [(blob: ObjectID, commit: ObjectID)]
      if text == DocumentID.policy.rawValue {
        revisions = ledger.policyVersions.map { ($0.blob, $0.since) }
      } else {
        guard let id = DocumentID(text) else { throw missingDocument(text, inventory: nil, policy: nil) }
        revisions = (ledger.documents[id]?.revisions ?? []).map { ($0.blob, $0.completingCommit) }
      }
      guard number <= revisions.count else {
        throw .invalidArgument(
          "\(text) has \(counted(revisions.count, "approved revision")); there is no r\(number) "
            + "(see 'sop log \(text)')")
      }
      let revision = revisions[number - 1]
      return SelectedContent(
        selector: selector, bytes: try blobBytes(revision.blob), blob: revision.blob, path: nil,
        commit: revision.commit)
    case .published(let number):
      let name = Self.snapshotPrefix + String(number)
      guard let reference = try snapshotReferences().first(where: { $0.name == name }) else {
        throw .invalidArgument("there is no snapshot \(name) (see 'git tag -l \"published/*\"')")
      }
      let tag: SnapshotTag? = try viaGit { () throws(GitError) in try snapshotTag(name: name, object: reference.object)
      }
      guard let tag else { throw .invalidArgument("\(name) is not a snapshot tag ('sop verify' says why)") }
      guard let entry = tag.entries.first(where: { $0.id == text }), let blob = ObjectID(hex: entry.blob) else {
        throw .invalidArgument("\(text) is not in snapshot \(name)")
      }
      return SelectedContent(
        selector: selector, bytes: try blobBytes(blob), blob: blob, path: nil, commit: tag.commit)
    case .work:
      let head = try commit(nil)
      let relative: String
      if text == DocumentID.policy.rawValue {
        relative = Policy.fileName
      } else {
        let (policy, _) = try self.policy(at: head)
        guard let id = DocumentID(text), let path = workTreeDocuments(policy: policy)[id] else {
          throw missingDocument(text, inventory: nil, policy: policy)
        }
        relative = path
      }
      guard let data = FileManager.default.contents(atPath: root + "/" + relative) else {
        throw .invalidArgument("\(relative) is not in the work tree")
      }
      return SelectedContent(selector: selector, bytes: [UInt8](data), blob: nil, path: relative, commit: head)
    }
  }

  private func blobBytes(_ blob: ObjectID) throws(ControlError) -> [UInt8] {
    do {
      return try git.blob(blob)
    } catch {
      throw .git(error)
    }
  }
}
