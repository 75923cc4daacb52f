import DocumentModel
import Foundation
import FuzzSupport
import GitStore
import SitePublisher

@testable import DocumentControl

/// The files sop keeps in `.git/sop`, which must be ignored (and rebuilt) when missing, stale, corrupt or hostile:
/// never a trap, a hang or wrong output. The whole input is read as each file; then, past the checksum, the input
/// less its first three bytes is read as the payload of a correctly framed file of the format the first byte
/// chooses (the next two give the record count where the format's header holds one). Whatever decodes must encode
/// and decode again to the same value, and hold no more elements than the input has bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let input = Array(UnsafeBufferPointer(start: data, count: size))
  for format in Format.allCases { format.check(input) }
  guard input.count >= 3 else { return 0 }
  let format = Format.allCases[Int(input[0]) % Format.allCases.count]
  let payload = Array(input[3...])
  format.check(format.framed(payload, count: UInt64(input[1]) | UInt64(input[2]) << 8))
  return 0
}

enum Format: CaseIterable {
  case ledger, checkpoints, pageRecords, searchWords, siteFiles, snapshotTag, verifiedSnapshot, documentBlobs

  /// `payload` in a file of this format that passes its header checks (magic, version, length or `count`, SHA-256).
  func framed(_ payload: [UInt8], count: UInt64) -> [UInt8] {
    switch self {
    case .ledger:
      return Array(
        framedCacheFile(
          magic: LedgerCache.magic, version: LedgerCache.formatVersion, number: UInt64(payload.count),
          payload: payload))
    case .checkpoints: return payload
    case .pageRecords:
      return Array(
        framedCacheFile(
          magic: PageRecords.magic, version: PageRecords.formatVersion, number: UInt64(payload.count / 64),
          payload: payload))
    case .searchWords:
      return Array(
        framedCacheFile(
          magic: SearchWordRecords.magic, version: SearchWordRecords.formatVersion, number: count, payload: payload))
    case .siteFiles:
      return Array(
        framedCacheFile(
          magic: SiteFileRecords.magic, version: SiteFileRecords.formatVersion, number: count, payload: payload))
    case .snapshotTag:
      return Array(
        framedCacheFile(
          magic: SnapshotTagCache.magic, version: SnapshotTagCache.formatVersion, number: UInt64(payload.count),
          payload: payload))
    case .verifiedSnapshot:
      return Array(
        framedCacheFile(
          magic: VerifiedSnapshotRecord.magic, version: VerifiedSnapshotRecord.formatVersion, number: 0,
          payload: payload))
    case .documentBlobs:
      var file = DocumentBlobCache.magic
      withUnsafeBytes(of: DocumentBlobCache.formatVersion.littleEndian) { file.append(contentsOf: $0) }
      withUnsafeBytes(of: count.littleEndian) { file.append(contentsOf: $0) }
      return file + payload
    }
  }

  /// Decodes `file` as this format; what decodes must survive encoding and decoding again.
  func check(_ file: [UInt8]) {
    switch self {
    case .ledger: checkLedger(file)
    case .checkpoints: checkCheckpoints(file)
    case .pageRecords:
      let records = PageRecords.decode(Data(file))
      bounded(records.count, file)
      guard !records.isEmpty else { return }
      require(PageRecords.decode(PageRecords.encode(records)) == records, "page records")
    case .searchWords:
      let words = SearchWordRecords.decode(Data(file))
      bounded(words.count, file)
      guard !words.isEmpty else { return }
      require(SearchWordRecords.decode(SearchWordRecords.encode(words)) == words, "search words")
    case .siteFiles: checkSiteFiles(file)
    case .snapshotTag: checkSnapshotTag(file)
    case .verifiedSnapshot:
      guard let record = VerifiedSnapshotRecord.decode(file) else { return }
      bounded(record.checkpoints.count, file)
      require(
        VerifiedSnapshotRecord.decode(Array(VerifiedSnapshotRecord.encode(record))) == record, "verified snapshot")
    case .documentBlobs:
      let index = DocumentBlobCache.index(file)
      bounded(index.count, file)
      guard !index.isEmpty else { return }
      var blobs: [ObjectID: ArraySlice<UInt8>] = [:]
      for (id, range) in index {
        require(range.lowerBound >= 0 && range.upperBound <= file.count, "document blob range")
        blobs[id] = file[range]
      }
      let encoded = [UInt8](DocumentBlobCache.encode(blobs))
      let again = DocumentBlobCache.index(encoded)
      require(again.count == index.count, "document blobs count")
      for (id, range) in again { require(encoded[range] == blobs[id], "document blob \(id.hex)") }
    }
  }
}

/// The policy every policy version of a ledger is decoded to (as its `sop.yml` blob would be in a repository).
let fixturePolicy = try! Policy.decode(
  data: Data(
    """
    version: 1
    organisation: Fuzz
    people:
      - email: a@example.com
        name: A
        roles: [quality]
    types:
      procedure:
        prefix: QP
        approvals: [quality]
        review-every: 12 months
    """.utf8))

func checkLedger(_ file: [UInt8]) {
  guard let cached = LedgerCache.decode(Data(file), key: nil, policy: { _ in fixturePolicy }) else { return }
  let ledger = cached.ledger
  for count in [
    ledger.documents.count, ledger.problems.count, ledger.policyVersions.count, cached.reachable.count,
    ledger.pendingPolicyApprovals.count, ledger.approvedBlobs.count,
    ledger.documents.values.reduce(0) { $0 + $1.revisions.count + $1.training.count },
  ] {
    bounded(count, file)
  }
  // Read under its own key, the file gives the same ledger.
  require(LedgerCache.decode(Data(file), key: cached.key, policy: { _ in fixturePolicy }) != nil, "ledger by its key")
  // The encoder puts things in its own order (sorted, checkpoints each once), so one round trip gives its form,
  // and that form is stable from then on.
  let once = encode(cached)
  guard let decoded = LedgerCache.decode(once, key: nil, policy: { _ in fixturePolicy }) else {
    fatalError("a re-encoded ledger does not decode")
  }
  require(encode(decoded) == once, "ledger round trip")
  require(decoded.reachable.count == Set(cached.reachable).count, "reachable commits")
  require(decoded.ledger.documents.count == ledger.documents.count, "documents")
}

func encode(_ cached: LedgerCache.Cached) -> Data {
  LedgerCache.encode(
    cached.ledger, reachable: cached.reachable, root: cached.key.root, checkpoints: cached.key.checkpoints,
    state: cached.walk)
}

func checkCheckpoints(_ file: [UInt8]) {
  let all = LedgerCache.checkpoints(in: file, of: nil)
  bounded(all.count, file)
  guard !all.isEmpty else { return }
  // Every checkpoint is one branch's: the branches' lists add up to the whole.
  var branches = Set<String>()
  for line in String(decoding: file, as: UTF8.self).split(separator: "\n") {
    let parts = line.split(separator: " ")
    if parts.count == 2, ObjectID(hex: String(parts[1])) != nil { branches.insert(String(parts[0])) }
  }
  let counted = branches.reduce(0) { $0 + LedgerCache.checkpoints(in: file, of: $1).count }
  require(counted == all.count, "\(counted) checkpoints by branch, \(all.count) in all")
}

func checkSiteFiles(_ file: [UInt8]) {
  // The records name their folder first; read it to ask for that folder's records.
  let header = framedCacheHeaderSize(magic: SiteFileRecords.magic)
  guard file.count > header else { return }
  var reader = LedgerCache.Reader(bytes: file, at: header)
  guard let folder = try? reader.string() else { return }
  let records = SiteFileRecords.decode(Data(file), folder: folder)
  bounded(records.count, file)
  guard !records.isEmpty else { return }
  require(SiteFileRecords.decode(Data(file), folder: folder + "/other").isEmpty, "site files of another folder")
  let again = SiteFileRecords.decode(SiteFileRecords.encode(folder: folder, records), folder: folder)
  require(again.count == records.count, "site files count")
  for (path, record) in records {
    require(again[path]?.hash == record.hash && again[path]?.identity == record.identity, "site file \(path)")
  }
}

/// The tag every record kept as changes is read against (whatever base it names): longer than the sample's
/// snapshots, so the seeds' changes apply to it.
let baseEntries = (1...40).map {
  SnapshotEntry(
    id: "QP-\(100 + $0)", revision: $0 % 3 + 1, blob: String(repeating: "a", count: 40), isWithdrawn: $0 % 7 == 0)
}

func baseTag(_ object: ObjectID) -> SnapshotTag {
  let entries = baseEntries
  return SnapshotTag(
    name: "published/1", number: 1, object: object, commit: object,
    tagger: GitSignature(name: "A", email: "a@example.com", time: 0), entries: entries, payload: [], signature: nil,
    innerName: "published/1", previous: nil)
}

func checkSnapshotTag(_ file: [UInt8]) {
  // A record must hold the name and tag object it is read for; read them from the payload to ask for those.
  let header = framedCacheHeaderSize(magic: SnapshotTagCache.magic)
  guard file.count > header else { return }
  var reader = LedgerCache.Reader(bytes: file, at: header)
  guard let name = try? reader.string(), (try? reader.int()) != nil, let object = try? reader.oid() else { return }
  var base: SnapshotTag?
  guard
    let tag = SnapshotTagCache.decode(
      bytes: file, name: name, object: object,
      base: {
        base = baseTag($0)
        return base
      })
  else { return }
  require(tag.entries.count <= file.count + (base?.entries.count ?? 0), "\(tag.entries.count) entries")
  require(tag.isCached && tag.payload.isEmpty && tag.signature == nil, "a record holds no payload")
  require(SnapshotTagCache.decode(bytes: file, name: name + "x", object: object, base: baseTag) == nil, "other name")
  // Changes list what they add and what they leave out: every other entry is one of the base's, kept.
  if let changed = tag.changedFrom, let base {
    require(changed.base == base.object, "changed from its base")
    require(changed.added.count + base.entries.count - changed.removed.count == tag.entries.count, "changed entries")
  }
  let encoded = [UInt8](SnapshotTagCache.encode(tag, base: base))
  guard
    let again = SnapshotTagCache.decode(
      bytes: encoded, name: name, object: object, base: { base?.object == $0 ? base : nil })
  else { fatalError("a re-encoded snapshot tag record does not decode") }
  require(again.hasSameParse(as: tag), "snapshot tag round trip")
}

func bounded(_ count: Int, _ file: [UInt8]) {
  require(count <= file.count, "\(count) elements from \(file.count) bytes")
}

func require(_ condition: Bool, _ what: @autoclosure () -> String) {
  if !condition { fatalError("CacheFiles: \(what())") }
}

@_cdecl("FuzzCacheFiles_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
