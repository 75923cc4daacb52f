import DocumentModel
import Foundation
import GitStore

extension DocumentRepository {
  /// Every document's revisions and every problem at `commit`: the ledger cache's copy when it was built for
  /// exactly this commit, pinned root and checkpoints; else, when the cache holds the walk of a commit on
  /// `commit`'s first-parent chain, that walk carried on over the new commits only
  /// (`LedgerBuilder.resume(from:at:checkpoints:)`); else one walk of history from `commit`. Either walk then
  /// refreshes the cache when `commit` is HEAD. For status, todo, log, training, diff and publish; `sop verify`
  /// and `sop guard` use `ledgerFromScratch(at:)`, which never reads the cache.
  public func ledger(at commit: ObjectID) throws(ControlError) -> ApprovalLedger {
    try ledger(at: commit, keepingParsed: []).ledger
  }

  /// `ledger(at:)`, with the parse of those of `blobs` a walk read (none when the cache answered): status
  /// passes the documents at the tip, so its inventory need not read and parse them a second time.
  func ledger(at commit: ObjectID, keepingParsed blobs: Set<ObjectID>) throws(ControlError) -> (
    ledger: ApprovalLedger, parsed: [ObjectID: ParsedDocument]
  ) {
    let pinned = try pinnedRoot()
    let checkpoints = self.checkpoints()
    let cached = pinned.flatMap { cachedWalk(root: $0) }
    if let cached, cached.key.tip == commit, cached.checkpoints == LedgerCache.Key.canonical(checkpoints, tip: commit) {
      afterWalk(of: cached.ledger, at: commit, pinned: pinned)
      return (cached.ledger, [:])
    }
    var builder = LedgerBuilder(repository: git)
    builder.keepingParsed = blobs
    var resumed: ApprovalLedger?
    if let cached {
      // Anything unexpected on the way (a damaged new commit) is named by the full walk, as without a cache.
      var resuming = LedgerBuilder(repository: git)
      resuming.keepingParsed = blobs
      resumed = try? resuming.resume(from: cached, at: commit, checkpoints: checkpoints)
      if resumed != nil { builder = resuming }
    }
    let ledger: ApprovalLedger
    if let resumed {
      ledger = resumed
    } else {
      ledger = try builder.build(from: commit, trustedRoot: pinned, checkpoints: checkpoints)
    }
    builder.releaseWalk()
    afterWalk(of: ledger, at: commit, pinned: pinned)
    if commit == (try? git.headCommit()) ?? nil {
      // Walked with nothing pinned, the history has a single root (else the walk refuses it), so the walk with
      // that root pinned, as every later run has it, gives this same ledger.
      LedgerCache.store(
        LedgerCache.encode(
          ledger, reachable: builder.reachableCommits, root: pinned ?? ledger.root, checkpoints: checkpoints,
          state: builder.walkState),
        at: ledgerCacheFile)
    }
    return (ledger, builder.parsedDocuments)
  }

  /// Writes the ledger `builder` gives after `sop approve` appended its own commit (one parent, the tip it
  /// walked) to the ledger cache, when that commit is HEAD. A walk of the new tip orders history as the walk
  /// did, with or without the old tip as a checkpoint (a commit with one parent adds one step after it), so
  /// the key is the checkpoints as they are now, when they are the walk's with or without the old tip.
  func storeAppendedLedger(_ ledger: ApprovalLedger, builder: LedgerBuilder) {
    guard let walked = builder.walked, let root = try? pinnedRoot(), root == ledger.root,
      ledger.tip == (try? git.headCommit()) ?? nil, (try? git.commit(ledger.tip))?.parents == [walked.tip]
    else { return }
    let now = checkpoints()
    let canonical = LedgerCache.Key.canonical(now, tip: ledger.tip)
    guard
      canonical == LedgerCache.Key.canonical(walked.checkpoints, tip: ledger.tip)
        || canonical == LedgerCache.Key.canonical(walked.checkpoints + [walked.tip], tip: ledger.tip)
    else { return }
    LedgerCache.store(
      LedgerCache.encode(
        ledger, reachable: builder.reachableCommits, root: root, checkpoints: now, state: builder.walkState),
      at: ledgerCacheFile)
  }

  /// The ledger of `commit` for `sop approve`, with `builder` left holding the walk's state so approve can
  /// append its own commit: the cache's walk when it is of exactly this commit, pinned root and checkpoints, or
  /// that walk carried on over the new commits (as `ledger(at:)` reads it); else one walk of history. Never
  /// writes the cache: approve caches the ledger of the commit it makes (`storeAppendedLedger`).
  ///
  /// The cache only speeds up reading what approve checks before signing (docs/architecture.md, "The ledger
  /// cache"): what is signed is always the content at `commit`, read from git, and `verify` and `guard` judge
  /// the approval from scratch.
  func ledgerToAppend(at commit: ObjectID, builder: inout LedgerBuilder) throws(ControlError) -> ApprovalLedger {
    let pinned = try pinnedRoot()
    let checkpoints = self.checkpoints()
    if let cached = pinned.flatMap({ cachedWalk(root: $0) }) {
      var restoring = LedgerBuilder(repository: git)
      let restored: ApprovalLedger?
      if cached.key.tip == commit, cached.checkpoints == LedgerCache.Key.canonical(checkpoints, tip: commit) {
        restored = restoring.restore(from: cached, checkpoints: checkpoints)
      } else {
        // Anything unexpected on the way (a damaged new commit) is named by the full walk, as without a cache.
        restored = try? restoring.resume(from: cached, at: commit, checkpoints: checkpoints)
      }
      if let restored {
        builder = restoring
        afterWalk(of: restored, at: commit, pinned: pinned)
        return restored
      }
    }
    return try ledger(at: commit, builder: &builder)
  }

  /// Walks history from `commit` once, verifying every signature; never reads or writes the ledger cache.
  /// `sop verify` and `sop guard` (which judges what others push) take this path only.
  /// `known`: blobs the caller read from git (or checked against their ids) and parsed, which the walk need not
  /// read again (publish passes the documents at the tip).
  func ledgerFromScratch(at commit: ObjectID, known: [ObjectID: ParsedDocument] = [:]) throws(ControlError)
    -> ApprovalLedger
  {
    var builder = LedgerBuilder(repository: git)
    builder.knownDocuments = known
    return try ledger(at: commit, builder: &builder)
  }

  /// The ledger a fresh clone computes: no checkpoints, the tip's own first-parent order (H13).
  func ledgerAsFreshClone(at commit: ObjectID) throws(ControlError) -> ApprovalLedger {
    var builder = LedgerBuilder(repository: git)
    return try builder.build(from: commit, trustedRoot: try pinnedRoot())
  }

  /// Walks history from `commit` with `builder`, which keeps its state so a new commit can be appended; never
  /// reads or writes the ledger cache.
  func ledger(at commit: ObjectID, builder: inout LedgerBuilder) throws(ControlError) -> ApprovalLedger {
    let pinned = try pinnedRoot()
    let ledger = try builder.build(from: commit, trustedRoot: pinned, checkpoints: self.checkpoints())
    afterWalk(of: ledger, at: commit, pinned: pinned)
    return ledger
  }

  /// What a walk of `commit` leaves behind, whether it walked or read the cache: the checkpoint of the branch
  /// tip (H13) and, on first use, the pinned root (H1).
  private func afterWalk(of ledger: ApprovalLedger, at commit: ObjectID, pinned: ObjectID?) {
    let branch = (try? git.currentBranch()) ?? nil
    if let branch, commit == ((try? git.referenceTarget(branch)) ?? nil) {
      recordCheckpoint(commit, of: branch, known: self.checkpoints(of: branch), reachable: ledger.policyAtCommit)
    }
    if pinned == nil {
      // H1: trust on first use, only for a history with a single root (the builder refuses more).
      if (try? git.setConfigValue(Self.rootConfigKey, ledger.root.hex)) != nil {
        notify(
          "trusting root commit \(ledger.root.hex) from now on (first use; pinned as git config "
            + "\(Self.rootConfigKey)); compare it with the id your team recorded")
      }
    }
  }

  /// Where the ledger cache is kept (one ledger, of the last HEAD walked; `LedgerCache`).
  var ledgerCacheFile: URL { URL(fileURLWithPath: git.gitDirectory).appendingPathComponent("sop/ledger-cache") }

  /// The cached ledger of `commit`, when the cache is intact, was built under this key, and every commit its
  /// walk reached is still there and sound; nil otherwise, and the caller walks (a shallow clone never uses
  /// it: the walk refuses one; a damaged commit is named by the walk, as without a cache).
  func cachedLedger(at commit: ObjectID, root: ObjectID, checkpoints: [ObjectID]) -> ApprovalLedger? {
    cachedWalk(key: LedgerCache.Key(tip: commit, root: root, checkpoints: checkpoints))?.ledger
  }

  /// The cached walk built with `root` pinned, whatever its tip and checkpoints, under the same conditions.
  func cachedWalk(root: ObjectID) -> LedgerCache.Cached? {
    guard let cached = cachedWalk(key: nil), cached.key.root == root else { return nil }
    return cached
  }

  /// The cached walk built under `key` (any key when nil), when it is intact and its commits are sound.
  private func cachedWalk(key: LedgerCache.Key?) -> LedgerCache.Cached? {
    guard let bytes = LedgerCache.readFile(at: ledgerCacheFile, limit: LedgerCache.maximumSize),
      (try? git.isShallow()) == false
    else { return nil }
    let cached = LedgerCache.decode(Data(bytes), key: key) { blob in
      (try? git.blob(blob)).flatMap { Policy.decodedIfValid($0) }
    }
    guard let cached, git.commitsLookIntact(cached.reachable) else { return nil }
    return cached
  }

  /// Where the tips judged before are kept, one `<branch> <commit>` line each, oldest first (H13).
  var checkpointFile: URL { URL(fileURLWithPath: git.gitDirectory).appendingPathComponent("sop/checkpoints") }

  /// The tips this repository judged before, oldest first, of `branch` or of every branch (the history being
  /// judged keeps those it contains).
  func checkpoints(of branch: String? = nil) -> [ObjectID] {
    guard let bytes = LedgerCache.readFile(at: checkpointFile, limit: LedgerCache.maximumCheckpointsSize) else {
      return []
    }
    return LedgerCache.checkpoints(in: bytes, of: branch)
  }

  /// Remembers `tip` as judged for `branch`; a tip the last checkpoint does not lead to (a rewritten branch)
  /// is said, since what was judged before no longer orders this history.
  func recordCheckpoint(_ tip: ObjectID, of branch: String, known: [ObjectID], reachable: [ObjectID: Int]) {
    guard known.last != tip else { return }
    if let last = known.last, reachable[last] == nil {
      notify(
        "\(branch) no longer contains \(last.hex), which sop judged before: its history was rewritten "
          + "(run sop verify, and ask who force-pushed)")
    }
    let line = "\(branch) \(tip.hex)\n"
    let folder = checkpointFile.deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // Appended without waiting and only to a regular file: a named pipe in its place must not block (as
    // `LedgerCache.readFile`); whatever is not a regular file is replaced.
    let descriptor = open(checkpointFile.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0o644)
    var status = stat()
    if descriptor >= 0, fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
      defer { close(descriptor) }
      _ = Array(line.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
    } else {
      if descriptor >= 0 { close(descriptor) }
      LedgerCache.store(Data(line.utf8), at: checkpointFile)
    }
  }

  /// The git configuration key that pins the trusted root commit (H1 in docs/approvals.md).
  public static let rootConfigKey = "sop.root"

  /// The pinned root commit, or nil when nothing is pinned yet.
  public func pinnedRoot() throws(ControlError) -> ObjectID? {
    let value: String? = try viaGit { () throws(GitError) in try git.configValue(Self.rootConfigKey) }
    guard let value else { return nil }
    guard let id = ObjectID(hex: value.trimmingCharacters(in: .whitespaces)) else {
      throw .invalidArgument("git config \(Self.rootConfigKey) is '\(value)', not a 40-hex commit id")
    }
    return id
  }
}
