import Crypto
import DocumentModel
import Foundation
import GitStore
import Signatures

/// The persistent ledger cache (`.git/sop/ledger-cache`): one `ApprovalLedger`, exactly as a walk from its tip
/// gave it, so a later command on the same tip need not walk and verify the whole history again.
///
/// History is immutable, so a ledger is exact for the key it was built under: the tip commit, the pinned root
/// and the checkpoints that ordered the walk (H13), plus the format version. The file is
/// `magic | version | payload length | SHA-256(payload) | payload`; anything that does not match, down to one
/// byte, is not used (the caller walks history and writes it anew). `sop verify` and `sop guard` never read
/// it (`DocumentRepository.ledgerFromScratch(at:)`).
enum LedgerCache {
  /// Bumped whenever the payload layout or the meaning of a ledger field changes.
  static let formatVersion: UInt32 = 3
  static let magic = Array("sop-ledger-cache".utf8)
  static let headerSize = magic.count + 4 + 8 + 32
  /// The largest ledger file read: 20,000 documents and 60,000 commits take 8 MB.
  static let maximumSize = 1 << 30
  /// The largest checkpoints file read: one line of about 60 bytes each time a branch's tip is first judged.
  static let maximumCheckpointsSize = 64 << 20

  /// The key a ledger was built under: its tip, the pinned root and the checkpoints that ordered the walk.
  struct Key: Equatable {
    var tip: ObjectID
    var root: ObjectID
    var checkpoints: [ObjectID]

    /// `checkpoints` as `HistoryOrder` uses them for `tip`: an anchor seen before orders nothing again, and a
    /// last checkpoint that is the tip itself orders nothing the tip does not (so the checkpoint a walk records
    /// for its own tip keeps the cache in use). Checkpoints of other branches stay in the key: a run on another
    /// branch makes the next one here walk again, which is never wrong.
    static func canonical(_ checkpoints: [ObjectID], tip: ObjectID) -> [ObjectID] {
      var seen = Set<ObjectID>()
      var kept = checkpoints.filter { seen.insert($0).inserted }
      if kept.last == tip { kept.removeLast() }
      return kept
    }
  }

  // MARK: Writing

  /// The cache file's bytes for `ledger`, walked with `root` pinned and `checkpoints`, which reached the
  /// commits `reachable`; with the walk's `state`, a later walk of a newer tip can carry on from it.
  static func encode(
    _ ledger: ApprovalLedger, reachable: some Sequence<ObjectID>, root: ObjectID, checkpoints: [ObjectID],
    state: LedgerBuilder.WalkState? = nil
  ) -> Data {
    var writer = Writer()
    writer.oid(ledger.tip)
    writer.oid(root)
    let canonical = Key.canonical(checkpoints, tip: ledger.tip)
    writer.array(canonical) { $0.oid($1) }
    writer.oid(ledger.root)
    writer.int(ledger.approvalCommits)
    // Ids in text order, which is as deterministic as `DocumentID.<` and cheaper: that splits both ids on
    // every comparison, and sorting 5,000 ids twice was 7% of a cold status on the signed benchmark.
    writer.array(ledger.documents.keys.sorted(by: \.rawValue)) { writer, id in
      writer.string(id.rawValue)
      writer.history(ledger.documents[id]!)
    }
    writer.array(ledger.problems) { writer, problem in
      writer.string(problem.commit)
      writer.string(problem.document)
      writer.string(problem.kind.rawValue)
      writer.string(problem.message)
    }
    writer.array(ledger.policyVersions) { writer, version in
      writer.oid(version.blob)
      writer.int(version.revision)
      writer.array(version.approvals) { $0.record($1) }
      writer.oid(version.since)
      writer.int64(version.time)
    }
    let current = ledger.effectivePolicy.flatMap { effective in
      ledger.policyVersions.lastIndex { $0.blob == effective.blob && $0.revision == effective.revision }
    }
    writer.optional(current) { $0.int($1) }
    writer.recordsByKey(ledger.pendingPolicyApprovals)
    // Every reachable commit once, with whether it is on the mainline and the policy in effect there.
    var commits = Set(reachable)
    commits.formUnion(ledger.policyAtCommit.keys)
    commits.formUnion(ledger.mainline)
    writer.array(commits.sorted()) { writer, commit in
      writer.oid(commit)
      let policy = ledger.policyAtCommit[commit]
      writer.bytes.append((ledger.mainline.contains(commit) ? 1 : 0) | (policy == nil ? 0 : 2))
      if let policy { writer.int(policy) }
    }
    writer.array(ledger.approvedBlobs.keys.sorted(by: \.rawValue)) { writer, id in
      writer.string(id.rawValue)
      writer.array(ledger.approvedBlobs[id]!.sorted { $0.key < $1.key }) { writer, entry in
        writer.oid(entry.key)
        writer.int(entry.value)
      }
    }
    writer.optional(state) { $0.state($1) }

    var file = Data(magic)
    withUnsafeBytes(of: formatVersion.littleEndian) { file.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt64(writer.bytes.count).littleEndian) { file.append(contentsOf: $0) }
    file.append(contentsOf: SHA256.hash(data: writer.bytes))
    file.append(contentsOf: writer.bytes)
    return file
  }

  /// Writes `bytes` to `url` atomically (a temporary file beside it, then a rename); any failure, a read-only
  /// `.git` included, leaves things as they were and is not reported.
  static func store(_ bytes: Data, at url: URL) {
    let folder = url.deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let prefix = ".\(url.lastPathComponent)."
    // A temporary file a killed run left is removed once it is old (a young one may be another run's).
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
      let path = folder.appendingPathComponent(name).path
      if let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
        modified < Date(timeIntervalSinceNow: -300)
      {
        try? FileManager.default.removeItem(atPath: path)
      }
    }
    let temporary = folder.appendingPathComponent(
      prefix + "\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max))")
    guard FileManager.default.createFile(atPath: temporary.path, contents: bytes) else { return }
    if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
  }

  // MARK: Reading

  /// The ledger in `bytes` when they are intact, of this format version, and built under `key` (any key when
  /// nil); nil otherwise. `policy` decodes a policy version's `sop.yml` again from its blob (the effective
  /// policy keeps derived tables that are rebuilt, not stored).
  static func decode(_ bytes: Data, key: Key?, policy: (ObjectID) -> Policy?) -> Cached? {
    let all = [UInt8](bytes)
    guard all.count >= headerSize, Array(all[0..<magic.count]) == magic else { return nil }
    var header = Reader(bytes: all, at: magic.count)
    guard let version = try? header.fixed(4), version == UInt64(formatVersion),
      let length = try? header.fixed(8), length == UInt64(all.count - headerSize)
    else { return nil }
    let payload = all[headerSize...]
    guard Array(SHA256.hash(data: payload)) == Array(all[(headerSize - 32)..<headerSize]) else { return nil }
    var reader = Reader(bytes: all, at: headerSize)
    return try? reader.cached(key: key, policy: policy)
  }

  /// A ledger read back, with the commits its walk reached, the key it was built under and the walk's state.
  struct Cached {
    var ledger: ApprovalLedger
    var reachable: [ObjectID]
    var key: Key
    var walk: LedgerBuilder.WalkState?

    /// The checkpoints the walk was ordered by (`Key.canonical`).
    var checkpoints: [ObjectID] { key.checkpoints }
  }

  /// A malformed or mismatched cache.
  struct Unusable: Error {}

  // MARK: Encoding

  struct Writer {
    var bytes: [UInt8] = []

    mutating func uvarint(_ value: UInt64) {
      var rest = value
      while rest >= 0x80 {
        bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
        rest >>= 7
      }
      bytes.append(UInt8(rest))
    }
    mutating func int64(_ value: Int64) { uvarint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }
    mutating func int(_ value: Int) { int64(Int64(value)) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func string(_ value: String) {
      let utf8 = value.utf8
      uvarint(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
    mutating func oid(_ id: ObjectID) {
      id.append(to: &bytes)
    }
    mutating func optional<T>(_ value: T?, _ body: (inout Writer, T) -> Void) {
      bool(value != nil)
      if let value { body(&self, value) }
    }
    mutating func array<T>(_ values: some Collection<T>, _ body: (inout Writer, T) -> Void) {
      uvarint(UInt64(values.count))
      for value in values { body(&self, value) }
    }
    mutating func strings(_ values: some Collection<String>) { array(values.sorted()) { $0.string($1) } }

    mutating func record(_ record: ApprovalRecord) {
      string(record.email)
      string(record.name)
      string(record.role)
      array(record.eligibleRoles) { $0.string($1) }
      oid(record.commit)
      int64(record.time)
      string(record.fingerprint)
      string(record.meaning)
      bool(record.isEditorial)
      optional(record.comment) { $0.string($1) }
      bool(record.waivesRetraining)
    }
    mutating func change(_ change: ChangeRecord) {
      oid(change.commit)
      string(change.subject)
      string(change.authorName)
      string(change.authorEmail)
      int64(change.time)
      string(change.reason)
    }
    mutating func recordsByKey(_ records: [ObjectID: [ApprovalRecord]]) {
      array(records.keys.sorted()) { writer, key in
        writer.oid(key)
        writer.array(records[key]!) { $0.record($1) }
      }
    }
    mutating func revision(_ revision: ApprovedRevision) {
      int(revision.number)
      oid(revision.blob)
      array(revision.approvals) { $0.record($1) }
      int64(revision.approvedAt)
      array(revision.reviews) { $0.record($1) }
      array(revision.changes) { $0.change($1) }
      oid(revision.completingCommit)
      string(revision.type)
      optional(revision.revocation) { writer, revocation in
        writer.oid(revocation.commit)
        writer.oid(revocation.approval)
        writer.string(revocation.name)
        writer.string(revocation.email)
        writer.int64(revocation.time)
        writer.string(revocation.reason)
      }
      bool(revision.isEditorial)
      strings(revision.authors)
      optional(revision.changedWords) { $0.int($1) }
      array(revision.attachments.sorted { $0.key < $1.key }) { writer, entry in
        writer.string(entry.key)
        writer.oid(entry.value)
      }
    }
    mutating func state(_ state: LedgerBuilder.WalkState) {
      array(state.idPaths.keys.sorted(by: \.rawValue)) { writer, id in
        writer.string(id.rawValue)
        writer.strings(state.idPaths[id]!)
      }
      // Each signing key once (a team has a few, its history thousands of approvals), then an index per approval.
      // An approval's key blob is hashed once at most, and not at all when it is the key of the approval before
      // (a signer approves many documents in a row); hashing it twice for each approval was most of this part.
      // The approvals are read by index: each taken as a value was a copy of its documents and key.
      var keys: [Data] = []
      var keyIndex: [Data: Int] = [:]
      var indexOfKey: [Int] = []
      indexOfKey.reserveCapacity(state.signedApprovals.count)
      for index in state.signedApprovals.indices {
        let blob = state.signedApprovals[index].key.blob
        if let last = indexOfKey.last, keys[last] == blob {
          indexOfKey.append(last)
        } else if let known = keyIndex[blob] {
          indexOfKey.append(known)
        } else {
          keyIndex[blob] = keys.count
          indexOfKey.append(keys.count)
          keys.append(blob)
        }
      }
      array(keys) { writer, blob in
        writer.uvarint(UInt64(blob.count))
        writer.bytes.append(contentsOf: blob)
      }
      array(state.signedApprovals.indices) { writer, index in
        writer.oid(state.signedApprovals[index].commit)
        writer.int64(state.signedApprovals[index].time)
        writer.array(state.signedApprovals[index].documents) { $0.string($1) }
        writer.int(indexOfKey[index])
      }
      array(state.revokedApprovals.sorted()) { $0.oid($1) }
      array(state.untrusted.sorted()) { $0.oid($1) }
    }
    mutating func history(_ history: DocumentHistory) {
      array(history.revisions) { $0.revision($1) }
      recordsByKey(history.pending)
      array(history.changesSinceRevision) { $0.change($1) }
      strings(history.authorsSinceRevision)
      array(history.training) { writer, record in
        writer.string(record.email)
        writer.string(record.name)
        writer.int(record.revision)
        writer.int64(record.time)
        writer.string(record.by)
        writer.string(record.byName)
        writer.string(record.kind.rawValue)
        writer.oid(record.commit)
      }
    }
  }

  // MARK: Decoding

  struct Reader {
    let bytes: [UInt8]
    var index: Int

    init(bytes: [UInt8], at index: Int) {
      self.bytes = bytes
      self.index = index
    }

    mutating func byte() throws(Unusable) -> UInt8 {
      guard index < bytes.count else { throw Unusable() }
      defer { index += 1 }
      return bytes[index]
    }
    /// A little-endian unsigned integer of `width` bytes (header fields).
    mutating func fixed(_ width: Int) throws(Unusable) -> UInt64 {
      var value: UInt64 = 0
      for shift in 0..<width { value |= UInt64(try byte()) << (8 * UInt64(shift)) }
      return value
    }
    mutating func uvarint() throws(Unusable) -> UInt64 {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        let next = try byte()
        guard shift < 64 else { throw Unusable() }
        value |= UInt64(next & 0x7f) << shift
        if next < 0x80 { return value }
        shift += 7
      }
    }
    mutating func int64() throws(Unusable) -> Int64 {
      let raw = try uvarint()
      return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }
    mutating func int() throws(Unusable) -> Int { Int(try int64()) }
    mutating func bool() throws(Unusable) -> Bool {
      switch try byte() {
      case 0: return false
      case 1: return true
      default: throw Unusable()
      }
    }
    mutating func count() throws(Unusable) -> Int {
      let value = try uvarint()
      // Every element takes at least one byte: a larger count is corrupt, and must not reserve memory.
      guard value <= UInt64(bytes.count - index) else { throw Unusable() }
      return Int(value)
    }
    mutating func string() throws(Unusable) -> String {
      let length = try count()
      defer { index += length }
      return String(decoding: bytes[index..<(index + length)], as: UTF8.self)
    }
    mutating func oid() throws(Unusable) -> ObjectID {
      guard let id = ObjectID(bytes: bytes, at: index) else { throw Unusable() }
      index += 20
      return id
    }
    mutating func documentID() throws(Unusable) -> DocumentID {
      let text = try string()
      if text == DocumentID.policy.rawValue { return .policy }
      guard let id = DocumentID(text) else { throw Unusable() }
      return id
    }
    mutating func optional<T>(_ body: (inout Reader) throws(Unusable) -> T) throws(Unusable) -> T? {
      try bool() ? try body(&self) : nil
    }
    mutating func array<T>(_ body: (inout Reader) throws(Unusable) -> T) throws(Unusable) -> [T] {
      let count = try count()
      var values: [T] = []
      // A count is checked only against the bytes left (one per element), and an element can be far larger
      // in memory than its byte: reserve a bounded amount and let the array grow as elements are read.
      values.reserveCapacity(min(count, 4096))
      for _ in 0..<count { values.append(try body(&self)) }
      return values
    }
    mutating func strings() throws(Unusable) -> Set<String> {
      Set(try array { (reader: inout Reader) throws(Unusable) in try reader.string() })
    }
    mutating func raw<T: RawRepresentable>(_: T.Type) throws(Unusable) -> T where T.RawValue == String {
      guard let value = T(rawValue: try string()) else { throw Unusable() }
      return value
    }

    mutating func record() throws(Unusable) -> ApprovalRecord {
      var record = ApprovalRecord(
        email: try string(), name: try string(), role: try string(),
        eligibleRoles: try array { (reader: inout Reader) throws(Unusable) in try reader.string() },
        commit: try oid(), time: try int64(), fingerprint: try string(), meaning: try string())
      record.isEditorial = try bool()
      record.comment = try optional { (reader: inout Reader) throws(Unusable) in try reader.string() }
      record.waivesRetraining = try bool()
      return record
    }
    mutating func records() throws(Unusable) -> [ApprovalRecord] {
      try array { (reader: inout Reader) throws(Unusable) in try reader.record() }
    }
    mutating func change() throws(Unusable) -> ChangeRecord {
      ChangeRecord(
        commit: try oid(), subject: try string(), authorName: try string(), authorEmail: try string(),
        time: try int64(), reason: try string())
    }
    mutating func changes() throws(Unusable) -> [ChangeRecord] {
      try array { (reader: inout Reader) throws(Unusable) in try reader.change() }
    }
    mutating func recordsByKey() throws(Unusable) -> [ObjectID: [ApprovalRecord]] {
      let pairs = try array { (reader: inout Reader) throws(Unusable) in (try reader.oid(), try reader.records()) }
      return try Self.unique(pairs)
    }
    mutating func revision() throws(Unusable) -> ApprovedRevision {
      var revision = ApprovedRevision(
        number: try int(), blob: try oid(), approvals: try records(), approvedAt: try int64(), reviews: try records(),
        changes: try changes(), completingCommit: try oid(), type: try string())
      revision.revocation = try optional { (reader: inout Reader) throws(Unusable) in
        Revocation(
          commit: try reader.oid(), approval: try reader.oid(), name: try reader.string(), email: try reader.string(),
          time: try reader.int64(), reason: try reader.string())
      }
      revision.isEditorial = try bool()
      revision.authors = try strings()
      revision.changedWords = try optional { (reader: inout Reader) throws(Unusable) in try reader.int() }
      revision.attachments = try Self.unique(
        try array { (reader: inout Reader) throws(Unusable) in (try reader.string(), try reader.oid()) })
      return revision
    }
    mutating func history() throws(Unusable) -> DocumentHistory {
      var history = DocumentHistory()
      history.revisions = try array { (reader: inout Reader) throws(Unusable) in try reader.revision() }
      history.pending = try recordsByKey()
      history.changesSinceRevision = try changes()
      history.authorsSinceRevision = try strings()
      history.training = try array { (reader: inout Reader) throws(Unusable) in
        TrainingRecord(
          email: try reader.string(), name: try reader.string(), revision: try reader.int(), time: try reader.int64(),
          by: try reader.string(), byName: try reader.string(), kind: try reader.raw(TrainingKind.self),
          commit: try reader.oid())
      }
      return history
    }

    mutating func state() throws(Unusable) -> LedgerBuilder.WalkState {
      let idPaths = try Self.unique(
        try array { (reader: inout Reader) throws(Unusable) in (try reader.documentID(), try reader.strings()) })
      let keys = try array { (reader: inout Reader) throws(Unusable) -> SSHPublicKey in
        let length = try reader.count()
        let blob = Data(reader.bytes[reader.index..<(reader.index + length)])
        reader.index += length
        guard let key = try? SSHPublicKey(blob: blob) else { throw Unusable() }
        return key
      }
      let signedApprovals = try array { (reader: inout Reader) throws(Unusable) in
        let commit = try reader.oid()
        let time = try reader.int64()
        let documents = try reader.array { (reader: inout Reader) throws(Unusable) in try reader.string() }
        let index = try reader.int()
        guard keys.indices.contains(index) else { throw Unusable() }
        return LedgerBuilder.SignedApproval(commit: commit, time: time, documents: documents, key: keys[index])
      }
      let revoked = try array { (reader: inout Reader) throws(Unusable) in try reader.oid() }
      let untrusted = try array { (reader: inout Reader) throws(Unusable) in try reader.oid() }
      return LedgerBuilder.WalkState(
        idPaths: idPaths, signedApprovals: signedApprovals, revokedApprovals: Set(revoked), untrusted: Set(untrusted))
    }

    mutating func cached(key: Key?, policy: (ObjectID) -> Policy?) throws(Unusable) -> Cached {
      let tip = try oid()
      let builtRoot = try oid()
      guard key == nil || (tip == key!.tip && builtRoot == key!.root) else { throw Unusable() }
      // The walk was ordered by the same checkpoints as a walk now would be (H13).
      let checkpoints = try array { (reader: inout Reader) throws(Unusable) in try reader.oid() }
      if let key, Key.canonical(key.checkpoints, tip: tip) != checkpoints { throw Unusable() }
      let root = try oid()
      let approvalCommits = try int()
      let documents = try Self.unique(
        try array { (reader: inout Reader) throws(Unusable) in (try reader.documentID(), try reader.history()) })
      let problems = try array { (reader: inout Reader) throws(Unusable) in
        VerificationProblem(
          commit: try reader.string(), document: try reader.string(), kind: try reader.raw(ProblemKind.self),
          message: try reader.string())
      }
      let policyVersions = try array { (reader: inout Reader) throws(Unusable) -> EffectivePolicy in
        let blob = try reader.oid()
        let revision = try reader.int()
        let approvals = try reader.records()
        let since = try reader.oid()
        let time = try reader.int64()
        guard let decoded = policy(blob) else { throw Unusable() }
        return EffectivePolicy(
          policy: decoded, blob: blob, revision: revision, approvals: approvals, since: since, time: time)
      }
      let current = try optional { (reader: inout Reader) throws(Unusable) in try reader.int() }
      if let current, !policyVersions.indices.contains(current) { throw Unusable() }
      let pendingPolicy = try recordsByKey()
      let commitCount = try count()
      var reachable: [ObjectID] = []
      reachable.reserveCapacity(min(commitCount, 1 << 20))
      var policyAtCommit: [ObjectID: Int] = [:]
      var mainline = Set<ObjectID>()
      for _ in 0..<commitCount {
        let commit = try oid()
        let flags = try byte()
        guard flags < 4 else { throw Unusable() }
        if flags & 1 != 0 { mainline.insert(commit) }
        if flags & 2 != 0 { policyAtCommit[commit] = try int() }
        reachable.append(commit)
      }
      let approvedBlobs = try Self.unique(
        try array { (reader: inout Reader) throws(Unusable) in
          (
            try reader.documentID(),
            try Self.unique(
              try reader.array { (reader: inout Reader) throws(Unusable) in (try reader.oid(), try reader.int()) })
          )
        })
      let walk = try optional { (reader: inout Reader) throws(Unusable) in try reader.state() }
      guard index == bytes.count else { throw Unusable() }
      guard Set(reachable).count == reachable.count else { throw Unusable() }
      let ledger = ApprovalLedger(
        tip: tip, documents: documents, problems: problems, effectivePolicy: current.map { policyVersions[$0] },
        policyVersions: policyVersions, pendingPolicyApprovals: pendingPolicy, policyAtCommit: policyAtCommit,
        approvalCommits: approvalCommits, approvedBlobs: approvedBlobs, root: root, mainline: mainline)
      return Cached(
        ledger: ledger, reachable: reachable, key: Key(tip: tip, root: builtRoot, checkpoints: checkpoints), walk: walk)
    }

    /// A dictionary from pairs whose keys must be distinct.
    private static func unique<Key: Hashable, Value>(_ pairs: [(Key, Value)]) throws(Unusable) -> [Key: Value] {
      var result: [Key: Value] = [:]
      result.reserveCapacity(pairs.count)
      for (key, value) in pairs {
        guard result.updateValue(value, forKey: key) == nil else { throw Unusable() }
      }
      return result
    }
  }
}

extension Sequence {
  /// The elements ordered by a comparable property.
  fileprivate func sorted<Key: Comparable>(by key: (Element) -> Key) -> [Element] {
    sorted { key($0) < key($1) }
  }
}
