import Crypto
import Foundation
import GitStore

/// Parsed `published/N` tags kept across runs (`.git/sop/snapshot-tags/<tag object id>`): every snapshot tag lists
/// every document, and each publish and render needs every earlier tag's list (redline bases, effective dates,
/// the chain), so parsing them all again from git grew with every snapshot (docs/architecture.md, "Snapshot tag
/// records").
///
/// A tag object never changes, so a record named by its id, holding the name it was read under, is exact. A
/// record holds what a parse gives except the signed payload and the signature: a tag that is verified or
/// rendered is always read from git (`DocumentRepository.freshlyRead`). The file is `magic | version | length |
/// SHA-256 of the payload | payload`; a missing, short, corrupt, other-version or other-name file is read as no
/// record and the tag is parsed from git, and any failure to write is ignored. `verify` never reads these.
///
/// A record may hold its entries as changes to another tag's (its base, named by that tag's object id, normally
/// the snapshot before it): runs of the base's entries kept or left out, and entries of its own. Consecutive
/// snapshots differ in a few documents, so reading 50 tags of 5,000 documents no longer builds 250,000 entries
/// from bytes; the entries kept share the base's strings. The base is exact by its id as the record is by its
/// own, and a record whose base is not read in the same run (missing, damaged, not a snapshot now) is no record.
enum SnapshotTagCache {
  static let formatVersion: UInt32 = 2
  static let magic = Array("sop-snapshot-tag".utf8)
  static let headerSize = magic.count + 4 + 8 + 32
  /// Far above any real tag (5,000 documents take about 200 KB); a larger file is not read.
  static let maximumSize = 64 << 20

  /// One step of a record's entries given as changes to its base's.
  enum Change: Equatable {
    /// The base's next `count` entries.
    case keep(Int)
    /// The base's next `count` entries left out.
    case skip(Int)
    /// An entry of this tag's own.
    case entry(SnapshotEntry)
  }

  /// Changes that turn `base` into `entries` (both sorted by id), or nil when a plain list is as short.
  static func changes(from base: [SnapshotEntry], to entries: [SnapshotEntry]) -> [Change]? {
    var changes: [Change] = []
    func add(_ change: Change) {
      switch (changes.last, change) {
      case (.keep(let count)?, .keep(let more)): changes[changes.count - 1] = .keep(count + more)
      case (.skip(let count)?, .skip(let more)): changes[changes.count - 1] = .skip(count + more)
      default: changes.append(change)
      }
    }
    var next = 0
    for entry in entries {
      while next < base.count, base[next] != entry, base[next].id == entry.id || base[next] < entry {
        add(.skip(1))
        next += 1
      }
      if next < base.count, base[next] == entry {
        add(.keep(1))
        next += 1
      } else {
        add(.entry(entry))
      }
    }
    // The base's last entries left out are said too, so `changedFrom` lists every entry removed.
    if next < base.count { add(.skip(base.count - next)) }
    // Worth it only when most entries are kept; the result is checked by applying it.
    guard changes.count * 4 < entries.count, apply(changes, to: base) == entries else { return nil }
    return changes
  }

  /// `base` with `changes` applied; nil when they run past its end or stop before it (every entry of the base must
  /// be kept or skipped, or `changedFrom` would not list them all).
  static func apply(_ changes: [Change], to base: [SnapshotEntry]) -> [SnapshotEntry]? {
    var entries: [SnapshotEntry] = []
    entries.reserveCapacity(base.count)
    var next = 0
    for change in changes {
      switch change {
      case .keep(let count):
        guard count > 0, count <= base.count - next else { return nil }
        entries.append(contentsOf: base[next..<next + count])
        next += count
      case .skip(let count):
        guard count > 0, count <= base.count - next else { return nil }
        next += count
      case .entry(let entry):
        entries.append(entry)
      }
    }
    return next == base.count ? entries : nil
  }

  /// What `changes` to `base`'s entries added and left out.
  static func changedFrom(_ base: SnapshotTag, by changes: [Change]) -> SnapshotTag.ChangedFrom {
    var result = SnapshotTag.ChangedFrom(base: base.object, added: [], removed: [])
    var next = 0
    for change in changes {
      switch change {
      case .keep(let count): next += count
      case .skip(let count):
        result.removed += base.entries[next..<min(next + count, base.entries.count)]
        next += count
      case .entry(let entry): result.added.append(entry)
      }
    }
    return result
  }

  /// The record of `tag`, its entries as changes to `base`'s when that is shorter.
  static func encode(_ tag: SnapshotTag, base: SnapshotTag? = nil) -> Data {
    var writer = LedgerCache.Writer()
    writer.string(tag.name)
    writer.int(tag.number)
    writer.oid(tag.object)
    writer.oid(tag.commit)
    writer.string(tag.tagger.name)
    writer.string(tag.tagger.email)
    writer.int64(tag.tagger.time)
    writer.int(tag.tagger.offsetMinutes)
    writer.string(tag.innerName)
    writer.optional(tag.previous) { $0.oid($1) }
    func write(_ writer: inout LedgerCache.Writer, _ entry: SnapshotEntry) {
      writer.string(entry.id)
      writer.int(entry.revision)
      writer.string(entry.blob)
      writer.bool(entry.isWithdrawn)
    }
    if let base, base.object != tag.object, let changes = changes(from: base.entries, to: tag.entries) {
      writer.bool(true)
      writer.oid(base.object)
      writer.array(changes) { writer, change in
        switch change {
        case .keep(let count):
          writer.uvarint(0)
          writer.int(count)
        case .skip(let count):
          writer.uvarint(1)
          writer.int(count)
        case .entry(let entry):
          writer.uvarint(2)
          write(&writer, entry)
        }
      }
    } else {
      writer.bool(false)
      writer.array(tag.entries, write)
    }
    return framedCacheFile(
      magic: magic, version: formatVersion, number: UInt64(writer.bytes.count), payload: writer.bytes)
  }

  /// The tag in `data` when it is an intact record of this version for `object` read as `name`, and its base, if
  /// it has one, is a tag `base` gives (by object id); nil otherwise.
  static func decode(
    _ data: Data, name: String, object: ObjectID, base: (ObjectID) -> SnapshotTag? = { _ in nil }
  ) -> SnapshotTag? {
    decode(bytes: [UInt8](data), name: name, object: object, base: base)
  }

  static func decode(
    bytes all: [UInt8], name: String, object: ObjectID, base: (ObjectID) -> SnapshotTag?
  ) -> SnapshotTag? {
    guard let length = framedCacheNumber(all, magic: magic, version: formatVersion, maximumSize: maximumSize),
      length == UInt64(all.count - headerSize)
    else { return nil }
    var reader = LedgerCache.Reader(bytes: all, at: headerSize)
    guard let tag = try? reader.snapshotTag(base: base), reader.index == all.count, tag.name == name,
      tag.object == object
    else { return nil }
    return tag
  }
}

/// `magic | version (4 bytes) | number (8 bytes, a length or a count) | SHA-256 of the payload | payload`, the
/// framing of the record files in `.git/sop`.
func framedCacheFile(magic: [UInt8], version: UInt32, number: UInt64, payload: [UInt8]) -> Data {
  var file = Data(magic)
  withUnsafeBytes(of: version.littleEndian) { file.append(contentsOf: $0) }
  withUnsafeBytes(of: number.littleEndian) { file.append(contentsOf: $0) }
  file.append(contentsOf: SHA256.hash(data: payload))
  file.append(contentsOf: payload)
  return file
}

/// The `number` of a file framed by `framedCacheFile`, when it is intact: no larger than `maximumSize`, with this
/// `magic` and `version`, and a payload (from `framedCacheHeaderSize(magic:)` on) whose SHA-256 is the one stored.
/// Nil otherwise. What the number must say about the payload is each format's own check.
func framedCacheNumber(_ bytes: [UInt8], magic: [UInt8], version: UInt32, maximumSize: Int) -> UInt64? {
  let headerSize = framedCacheHeaderSize(magic: magic)
  guard bytes.count >= headerSize, bytes.count <= maximumSize, bytes[0..<magic.count].elementsEqual(magic) else {
    return nil
  }
  var header = LedgerCache.Reader(bytes: bytes, at: magic.count)
  guard let stored = try? header.fixed(4), stored == UInt64(version), let number = try? header.fixed(8),
    SHA256.hash(data: bytes[headerSize...]).elementsEqual(bytes[(headerSize - 32)..<headerSize])
  else { return nil }
  return number
}

/// Where the payload of a file framed by `framedCacheFile` with `magic` starts.
func framedCacheHeaderSize(magic: [UInt8]) -> Int { magic.count + 4 + 8 + 32 }

extension LedgerCache.Reader {
  fileprivate mutating func snapshotTag(base: (ObjectID) -> SnapshotTag?) throws(LedgerCache.Unusable) -> SnapshotTag {
    let name = try string()
    let number = try int()
    let object = try oid()
    let commit = try oid()
    let tagger = GitSignature(name: try string(), email: try string(), time: try int64(), offsetMinutes: try int())
    let innerName = try string()
    let previous = try optional { (reader: inout LedgerCache.Reader) throws(LedgerCache.Unusable) in try reader.oid() }
    func entry(_ reader: inout LedgerCache.Reader) throws(LedgerCache.Unusable) -> SnapshotEntry {
      SnapshotEntry(
        id: try reader.string(), revision: try reader.int(), blob: try reader.string(), isWithdrawn: try reader.bool())
    }
    let entries: [SnapshotEntry]
    var changedFrom: SnapshotTag.ChangedFrom?
    if try bool() {
      let baseObject = try oid()
      guard baseObject != object, let baseTag = base(baseObject) else { throw LedgerCache.Unusable() }
      let changes = try array { (reader: inout LedgerCache.Reader) throws(LedgerCache.Unusable) in
        switch try reader.uvarint() {
        case 0: return SnapshotTagCache.Change.keep(try reader.int())
        case 1: return .skip(try reader.int())
        case 2: return .entry(try entry(&reader))
        default: throw LedgerCache.Unusable()
        }
      }
      guard let applied = SnapshotTagCache.apply(changes, to: baseTag.entries) else { throw LedgerCache.Unusable() }
      entries = applied
      changedFrom = SnapshotTagCache.changedFrom(baseTag, by: changes)
    } else {
      entries = try array(entry)
    }
    var tag = SnapshotTag(
      name: name, number: number, object: object, commit: commit, tagger: tagger, entries: entries, payload: [],
      signature: nil, innerName: innerName, previous: previous, isCached: true)
    tag.changedFrom = changedFrom
    return tag
  }
}

extension DocumentRepository {
  var snapshotTagCacheFolder: URL {
    URL(fileURLWithPath: git.gitDirectory).appendingPathComponent("sop/snapshot-tags")
  }

  /// The record of tag `object` read as `name`, or nil when there is no intact one (or its base is not in `read`).
  func cachedSnapshotTag(name: String, object: ObjectID, read: [ObjectID: SnapshotTag] = [:]) -> SnapshotTag? {
    let file = snapshotTagCacheFolder.appendingPathComponent(object.hex)
    guard let bytes = LedgerCache.readFile(at: file, limit: SnapshotTagCache.maximumSize) else { return nil }
    return SnapshotTagCache.decode(bytes: bytes, name: name, object: object) { read[$0] }
  }

  /// Every `published/N` tag as `snapshotTags(from:)` gives it, each taken from its record when there is an intact
  /// one and otherwise parsed from git and recorded. Records hold no payload or signature (`isCached`): whatever
  /// is verified or rendered must go through `freshlyRead`. For publish and render only; `verify` never reads them.
  func snapshotTagsUsingRecords(from references: [(name: String, object: ObjectID)]? = nil) throws(ControlError)
    -> [SnapshotTag]
  {
    let listed: [(name: String, object: ObjectID)]
    if let references { listed = references } else { listed = try snapshotReferences() }
    var tags: [SnapshotTag] = []
    // In the order of their numbers, so a record's base (the snapshot before it) is read before it.
    let numbered = listed.compactMap { reference -> (number: Int, name: String, object: ObjectID)? in
      guard let number = Int(reference.name.dropFirst(Self.snapshotPrefix.count)), number >= 1 else { return nil }
      return (number, reference.name, reference.object)
    }.sorted { $0.number < $1.number }
    var read: [ObjectID: SnapshotTag] = [:]
    for reference in numbered {
      let number = reference.number
      let memoKey = "record \(reference.name) \(reference.object.hex)"
      // A record's number must be its name's: publish counts on from the highest one.
      if let known = parsedSnapshotTags[memoKey]
        ?? cachedSnapshotTag(name: reference.name, object: reference.object, read: read),
        known.number == number
      {
        parsedSnapshotTags[memoKey] = known
        tags.append(known)
        read[known.object] = known
        continue
      }
      let parsed: SnapshotTag?
      do {
        parsed = try snapshotTag(name: reference.name, object: reference.object)
      } catch {
        throw .git(error)  // a damaged tag object is named, never skipped
      }
      guard let parsed else { continue }
      LedgerCache.store(
        SnapshotTagCache.encode(parsed, base: tags.last),
        at: snapshotTagCacheFolder.appendingPathComponent(parsed.object.hex))
      tags.append(parsed)
      read[parsed.object] = parsed
    }
    return tags.sorted { $0.number < $1.number }
  }

  /// `tags` with the one at `index` read from git when it came from a record, so it has its signed payload and
  /// signature for verifying and rendering. Should git's parse differ from the record in anything (a record
  /// forged with a valid checksum), every tag is read from git instead, so the output is what it is without records.
  func freshlyRead(_ index: Int, of tags: [SnapshotTag], references: [(name: String, object: ObjectID)]?)
    throws(ControlError) -> [SnapshotTag]
  {
    guard tags.indices.contains(index), tags[index].isCached else { return tags }
    let recorded = tags[index]
    let parsed: SnapshotTag?
    do {
      parsed = try snapshotTag(name: recorded.name, object: recorded.object)
    } catch {
      throw .git(error)
    }
    guard let parsed, parsed.hasSameParse(as: recorded) else { return try snapshotTags(from: references) }
    var result = tags
    result[index] = parsed
    return result
  }
}

extension SnapshotTag {
  /// Whether every field a record keeps is equal.
  func hasSameParse(as other: SnapshotTag) -> Bool {
    name == other.name && number == other.number && object == other.object && commit == other.commit
      && tagger == other.tagger && entries == other.entries && innerName == other.innerName
      && previous == other.previous
  }
}
