import Foundation
import GitStore

/// The verified-snapshot record (`.git/sop/verified-snapshot`): the latest `published/N` tag that publish judged
/// valid, named by its tag object's id, with the tagged commit, the pinned root and the checkpoints its judgement
/// was made under. The next publish, whose latest tag is that very object, need not walk the history of the tag's
/// commit from scratch again to judge it (docs/architecture.md, "The verified-snapshot record").
///
/// Judging a tag depends on the tag object (its id fixes its bytes), the ledger at its commit (fixed by the
/// commit id, the pinned root and the checkpoints in that commit's history: `HistoryOrder` leaves out the rest)
/// and this code. So the record is used only for the same tag object, commit and root, when the checkpoints
/// now are the recorded ones followed only by checkpoints that are not in the commit's history (`isVouched`).
/// The file is `magic | version | 0 | SHA-256 of the payload | payload`; a missing, short, corrupt or
/// other-version file is read as no record, and any failure to write is ignored. `verify`, `guard` and `render`
/// never read it.
enum VerifiedSnapshotRecord {
  static let formatVersion: UInt32 = 1
  static let magic = Array("sop-verified-snapshot".utf8)
  static let headerSize = framedCacheHeaderSize(magic: magic)
  /// Far above any real file (a checkpoint takes 20 bytes); a larger file is not read.
  static let maximumSize = 16 << 20

  struct Record: Equatable {
    var tag: ObjectID
    var commit: ObjectID
    var root: ObjectID
    /// The checkpoints as the judgement had them, each once, oldest first.
    var checkpoints: [ObjectID]
  }

  static func encode(_ record: Record) -> Data {
    var writer = LedgerCache.Writer()
    writer.oid(record.tag)
    writer.oid(record.commit)
    writer.oid(record.root)
    writer.array(record.checkpoints) { $0.oid($1) }
    return framedCacheFile(magic: magic, version: formatVersion, number: 0, payload: writer.bytes)
  }

  /// The record in `bytes` when they are an intact file of this version; nil otherwise.
  static func decode(_ bytes: [UInt8]) -> Record? {
    guard framedCacheNumber(bytes, magic: magic, version: formatVersion, maximumSize: maximumSize) == 0 else {
      return nil
    }
    var reader = LedgerCache.Reader(bytes: bytes, at: headerSize)
    guard let tag = try? reader.oid(), let commit = try? reader.oid(), let root = try? reader.oid(),
      let checkpoints = try? reader.array({ (reader: inout LedgerCache.Reader) throws(LedgerCache.Unusable) in
        try reader.oid()
      }),
      reader.index == bytes.count
    else { return nil }
    return Record(tag: tag, commit: commit, root: root, checkpoints: checkpoints)
  }

  /// `checkpoints` each once, at its first place: the order `HistoryOrder` takes them in.
  static func distinct(_ checkpoints: [ObjectID]) -> [ObjectID] {
    var seen = Set<ObjectID>()
    return checkpoints.filter { seen.insert($0).inserted }
  }
}

extension DocumentRepository {
  var verifiedSnapshotFile: URL {
    URL(fileURLWithPath: git.gitDirectory).appendingPathComponent("sop/verified-snapshot")
  }

  /// The pinned root and the checkpoints now, which a judgement about to begin is made under; nil when no root is
  /// pinned (then nothing is recorded).
  func verifiedSnapshotConditions() -> (root: ObjectID, checkpoints: [ObjectID])? {
    guard let root = try? pinnedRoot() else { return nil }
    return (root, VerifiedSnapshotRecord.distinct(checkpoints()))
  }

  /// Records that `tag` was judged valid under `conditions`, read before the judgement began: a checkpoint added
  /// since by another sop is one more than the record names, so the next publish judges again unless it descends
  /// from the tag's commit, and a root pinned since differs from the record's. For publish only, after a judgement
  /// that found no problem.
  func recordVerifiedSnapshot(_ tag: SnapshotTag, under conditions: (root: ObjectID, checkpoints: [ObjectID])?) {
    guard let conditions else { return }
    let record = VerifiedSnapshotRecord.Record(
      tag: tag.object, commit: tag.commit, root: conditions.root, checkpoints: conditions.checkpoints)
    LedgerCache.store(VerifiedSnapshotRecord.encode(record), at: verifiedSnapshotFile)
  }

  /// Whether the verified-snapshot record holds a judgement of exactly `tag` that a judgement now would repeat:
  /// the same tag object and commit, the same pinned root, and the checkpoints now the recorded ones followed
  /// only by the tag's commit or commits whose first-parent chain reaches it (descendants, so not in its history,
  /// and left out of a walk of it). Anything else, a checkpoint file rewritten included, is no record.
  func isVouched(_ tag: SnapshotTag) -> Bool {
    guard let bytes = LedgerCache.readFile(at: verifiedSnapshotFile, limit: VerifiedSnapshotRecord.maximumSize),
      let record = VerifiedSnapshotRecord.decode(bytes), record.tag == tag.object, record.commit == tag.commit,
      let root = try? pinnedRoot(), record.root == root
    else { return false }
    let now = VerifiedSnapshotRecord.distinct(checkpoints())
    guard now.count >= record.checkpoints.count, now.starts(with: record.checkpoints) else { return false }
    for added in now.dropFirst(record.checkpoints.count) where added != tag.commit {
      guard descends(added, from: tag.commit, within: 256) else { return false }
    }
    return true
  }

  /// Whether `commit`'s first-parent chain reaches `ancestor` within `steps` commits (not counting `commit`).
  private func descends(_ commit: ObjectID, from ancestor: ObjectID, within steps: Int) -> Bool {
    var cursor = commit
    for _ in 0..<steps {
      guard let parent = (try? git.commit(cursor))?.parents.first else { return false }
      if parent == ancestor { return true }
      cursor = parent
    }
    return false
  }
}
