import DocumentModel
import Foundation
import GitStore
import ParallelWork
import Signatures

/// What the walk needs of a stored document: its front matter (identity, type, owner) and the relative
/// link targets of its body, from which its attachments are found in each tree.
struct BlobIdentity: Sendable {
  var frontMatter: FrontMatter
  var linkTargets: [String]
}

/// A signature verdict computed ahead of the ordered walk.
struct SignatureCheck: Sendable {
  var verdict: SignatureVerdict
}

/// Work done on all cores before the ordered walk: it depends on no policy, so only its results are
/// looked up in order.
enum SignaturePrecheck {
  /// Extracts and verifies the signature of every commit that may carry approvals, but those handed to
  /// `early` (whose verdicts the walk asks it for).
  static func checkSignatures(
    of entries: [HistoryEntry], in repository: Repository, early: EarlySignatures? = nil
  ) -> [ObjectID: SignatureCheck] {
    // By index: filtering the entries copied each one kept, strings and arrays.
    let commits = entries.indices.filter {
      mayCarryApprovals(entries[$0].commit.message) && early?.handedOver(entries[$0].commit.id) != true
    }.map { entries[$0].commit.id }
    return inParallel(commits, like: repository) { repository, commit -> SignatureCheck? in
      guard let stored = try? repository.signature(ofCommit: commit) else { return nil }
      return check(stored)
    }
  }

  /// The verdict on a commit's stored signature.
  static func check(_ stored: StoredSignature) -> SignatureCheck {
    SignatureCheck(
      verdict: verifySSHSignature(armored: stored.signature, message: Data(stored.signedData), namespace: "git"))
  }

  /// Signatures verified on other cores while the history walk goes on: the walk's check of every commit
  /// (`Repository.commitReader`) hands over each raw commit that may carry approvals, so the ed25519 work,
  /// most of `sop verify`, starts with the walk instead of after it, and no approval is read a second time.
  /// The ordered walk asks for each verdict as it comes to the commit (`verdict(for:)`), so it judges the
  /// oldest approvals while the newer ones are still being verified.
  ///
  /// A commit whose signature does not split (malformed) or that has none gets no verdict here: the ordered
  /// walk reads it through `Repository.signature(ofCommit:)`, which reports it as before. The split is the
  /// one that read makes (`CommitSignature`), from the same bytes libgit2 checked against the commit's id.
  /// Used by the walk's thread only (the batches' own threads see only the raw commits).
  final class EarlySignatures {
    // Up to 1,024 batches (32,768 approvals, about 20 MB of raw commits) wait: a first pass over history reads
    // commits far faster than one lane verifies them, and every approval refused here was read again and verified
    // after the walk's parse (`checkSignatures`), on both cores while the walk waited (9,000 of the 13,000
    // approvals of the `signed` benchmark were refused at 128 batches).
    private let batches = BackgroundBatches<(ObjectID, [UInt8]), (ObjectID, SignatureCheck)>(
      batchSize: 32, maxBatchesWaiting: 1_024
    ) {
      commit, raw in
      guard case .signed(let stored) = CommitSignature.extract(from: raw) else { return nil }
      return (commit, SignaturePrecheck.check(stored))
    }
    /// The batch each commit handed over went into.
    private var batchOf: [ObjectID: Int] = [:]
    /// The verdicts of the batches collected so far.
    private var verdicts: [ObjectID: SignatureCheck] = [:]
    private var collected = Set<Int>()

    /// Hands over a raw commit (`Repository.commitReader`); one that cannot carry approvals is skipped.
    func add(_ commit: ObjectID, raw: [UInt8]) {
      // The whole object, header too: a word found there costs one needless verification, never a verdict.
      guard mayCarryApprovals(raw) else { return }
      // Refused while 1,024 batches wait, as on a very long history whose walk outruns the verification:
      // `checkSignatures` does those after the walk, as before.
      if let batch = batches.place((commit, raw)) { batchOf[commit] = batch }
    }

    /// Whether `commit` was handed over (and not refused): its verdict, if it has one, is asked of this.
    func handedOver(_ commit: ObjectID) -> Bool {
      batchOf[commit] != nil
    }

    /// The verdict on a commit handed over whose signature splits, once its batch is done; nil for any other.
    func verdict(for commit: ObjectID) -> SignatureCheck? {
      guard let batch = batchOf[commit] else { return nil }
      if collected.insert(batch).inserted {
        for (id, check) in batches.results(ofBatch: batch) where verdicts[id] == nil { verdicts[id] = check }
      }
      return verdicts[commit]
    }

    /// Waits for the batches still running (those of commits the walk did not ask about).
    func finish() {
      _ = batches.finish()
    }
  }

  /// A blob parsed ahead of the walk: what the walk needs of it and, when asked to keep it, the whole parse.
  struct ParsedBlob: Sendable {
    var identity: BlobIdentity?
    var kept: KeptDocument?
  }

  /// A whole parse kept for the caller, behind a reference: inline, a parsed document is most of a kilobyte,
  /// and every blob's result (60,000 in a cold status of 20,000 documents) would carry that much room for it.
  final class KeptDocument: Sendable {
    let document: ParsedDocument
    init(_ document: ParsedDocument) { self.document = document }
  }

  /// Parses the front matter of every changed Markdown blob in history with the document parser (H8: one
  /// parser decides identity). Inflating and parsing these blobs is most of a walk's cost. The whole parse of
  /// each blob in `keeping` is kept (parsed with the first path the walk saw it at): the inventory at the tip
  /// would otherwise read and parse those same blobs again.
  /// Blobs in `known` are not read: their identity is taken from that parse.
  static func parseFrontMatter(
    of entries: [HistoryEntry], in repository: Repository, keeping: Set<ObjectID> = [],
    known: [ObjectID: ParsedDocument] = [:]
  ) -> (identities: [ObjectID: BlobIdentity?], kept: [ObjectID: ParsedDocument]) {
    var pathOf: [ObjectID: String] = [:]
    var blobs: [ObjectID] = []
    var identities: [ObjectID: BlobIdentity?] = [:]
    for entry in entries {
      for change in entry.changes where change.path.hasSuffix(".md") {
        if let blob = change.newBlob, let document = known[blob], identities[blob] == nil {
          identities[blob] = blobIdentity(of: document)
        } else if let blob = change.newBlob, known[blob] == nil, pathOf[blob] == nil {
          pathOf[blob] = change.path
          blobs.append(blob)
        }
      }
    }
    let parts = inParallelParts(blobs, like: repository) { [pathOf] repository, blob -> ParsedBlob? in
      guard let bytes = try? repository.blob(blob) else { return nil }
      let document = try? ParsedDocument(path: pathOf[blob] ?? "", data: Data(bytes))
      return ParsedBlob(
        identity: document.map(blobIdentity(of:)),
        kept: keeping.contains(blob) ? document.map(KeptDocument.init) : nil)
    }
    // Built straight from the workers' arrays: the workers' dictionaries, merged into a third, then mapped
    // twice, held every entry three times over (heaptrack of a cold status with 60,000 changed blobs: 52 MB
    // merged and 17 MB for each worker's).
    identities.reserveCapacity(identities.count + parts.reduce(0) { $0 + $1.count })
    var kept: [ObjectID: ParsedDocument] = [:]
    kept.reserveCapacity(parts.reduce(0) { $0 + $1.lazy.filter { $0.1.kept != nil }.count })
    for part in parts {
      for (blob, parsed) in part {
        identities[blob] = parsed.identity
        if let document = parsed.kept?.document { kept[blob] = document }
      }
    }
    return (identities, kept)
  }

  /// The front matter of a stored document, or nil when the parser rejects it.
  static func identity(of bytes: [UInt8]) -> FrontMatter? {
    try? ParsedDocument(path: "", data: Data(bytes)).frontMatter
  }

  /// The front matter and link targets of a stored document, or nil when the parser rejects it.
  static func blobIdentity(of bytes: [UInt8]) -> BlobIdentity? {
    (try? ParsedDocument(path: "", data: Data(bytes))).map(blobIdentity(of:))
  }

  /// The front matter and link targets of a parsed document.
  static func blobIdentity(of parsed: ParsedDocument) -> BlobIdentity {
    BlobIdentity(
      frontMatter: parsed.frontMatter, linkTargets: AttachmentLinks.targets(in: parsed.text.body).map(\.path))
  }

  /// Runs `work` over `items` on all cores, each worker with its own handle opened like `repository`
  /// (libgit2 handles must not be shared between threads). Items whose work returns nil are left out; the
  /// serial walk computes those itself.
  static func inParallel<Item: Hashable & Sendable, Value: Sendable>(
    _ items: [Item], like repository: Repository, _ work: @Sendable @escaping (Repository, Item) -> Value?
  ) -> [Item: Value] {
    let parts = inParallelParts(items, like: repository, work)
    var merged: [Item: Value] = [:]
    merged.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts {
      for (item, value) in part where merged[item] == nil { merged[item] = value }
    }
    return merged
  }

  /// `inParallel`, with each worker's results as it returned them, in item order.
  static func inParallelParts<Item: Hashable & Sendable, Value: Sendable>(
    _ items: [Item], like repository: Repository, _ work: @Sendable @escaping (Repository, Item) -> Value?
  ) -> [[(Item, Value)]] {
    let gitDirectory = repository.gitDirectory
    let fromEnvironment = repository.openedFromEnvironment
    // The walk checked every commit's loose file before; a worker reading one again need not inflate it twice.
    let checked = repository.checkedSoFar
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, items.count / 64))
    guard workers > 1 else { return [] }
    let chunk = (items.count + workers - 1) / workers
    return concurrentMap(count: workers) { worker -> [(Item, Value)] in
      guard
        let repository = try? Repository.reopen(
          gitDirectory: gitDirectory, fromEnvironment: fromEnvironment, checked: checked)
      else { return [] }
      var part: [(Item, Value)] = []
      for item in items[min(items.count, worker * chunk)..<min(items.count, (worker + 1) * chunk)] {
        if let value = work(repository, item) { part.append((item, value)) }
      }
      return part
    }
  }
}

/// Whether a commit message may carry a signed record's trailer (`Approves:`, `Revokes:`, `Acknowledges:`,
/// `Trained:`): a byte search that skips trailer parsing for the ordinary commits that make up most of history.
func mayCarryApprovals(_ message: String) -> Bool {
  mayCarryApprovals(message.utf8)
}

/// `mayCarryApprovals` for the bytes of a message (or of a whole raw commit).
func mayCarryApprovals(_ message: some Sequence<UInt8>) -> Bool {
  if let found = message.withContiguousStorageIfAvailable(mayCarryApprovals(in:)) { return found }
  return Array(message).withUnsafeBufferPointer(mayCarryApprovals(in:))
}

/// The trailer words, lowercase, each of which ends at a colon.
private let approvalTrailerWords = ["approves", "revokes", "acknowledges", "trained"].map { Array($0.utf8) }

/// Whether `bytes` contain one of the trailer words followed by a colon, ignoring ASCII case: each colon is
/// looked behind (a raw commit has few; its signature's Base64 has none), instead of four passes over every byte.
private func mayCarryApprovals(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
  for position in bytes.indices where bytes[position] == UInt8(ascii: ":") {
    for word in approvalTrailerWords where position >= word.count {
      var matches = true
      for (offset, expected) in word.enumerated() {
        let byte = bytes[position - word.count + offset]
        if (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) != expected {
          matches = false
          break
        }
      }
      if matches { return true }
    }
  }
  return false
}
