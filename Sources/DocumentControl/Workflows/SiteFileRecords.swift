import Crypto
import Foundation
import SitePublisher

/// The site-file record (`.git/sop/site-files`): for the folder the last site was written into, each document
/// page sop wrote there with the SHA-256 of its bytes and its stat identity (`FileIdentity`: device, inode, size,
/// modification and change times in nanoseconds, as git's index keeps them). The next publish or render takes a
/// page whose file still has the recorded identity as holding the recorded bytes, and links it without reading it
/// (docs/architecture.md, "Site-file records"); any other page is read and compared as before.
///
/// The file is `magic | version | count | SHA-256 of the payload | payload`, the payload the folder's path, then
/// each record `path | hash (32 bytes) | device | inode | size | modified s | ns | changed s | ns` (unsigned
/// varints, sizes and times zigzag). A short, corrupt, other-version or other-folder file is read as no records,
/// and any failure to write is ignored.
enum SiteFileRecords {
  static let formatVersion: UInt32 = 1
  static let magic = Array("sop-site-files".utf8)
  static let headerSize = magic.count + 4 + 8 + 32
  /// The largest file read; a larger one is read as no records.
  static let maximumSize = 64 << 20

  typealias Record = (hash: PageHash, identity: FileIdentity)

  static func encode(folder: String, _ records: [String: Record]) -> Data {
    var writer = LedgerCache.Writer()
    writer.string(folder)
    // Sorted, so the same records always give the same file.
    for (path, record) in records.sorted(by: { $0.key < $1.key }) {
      writer.string(path)
      writer.bytes += record.hash.bytes
      let identity = record.identity
      writer.uvarint(identity.device)
      writer.uvarint(identity.inode)
      writer.int64(identity.size)
      writer.int64(identity.modifiedSeconds)
      writer.int64(identity.modifiedNanoseconds)
      writer.int64(identity.changedSeconds)
      writer.int64(identity.changedNanoseconds)
    }
    return framedCacheFile(magic: magic, version: formatVersion, number: UInt64(records.count), payload: writer.bytes)
  }

  /// The records in `data` when it is an intact file of this version describing `folder`; none otherwise.
  static func decode(_ data: Data, folder: String) -> [String: Record] {
    let bytes = [UInt8](data)
    // Each record takes at least 1 + 32 + 7 bytes: a larger count is corrupt and must not reserve memory.
    guard let count = framedCacheNumber(bytes, magic: magic, version: formatVersion, maximumSize: maximumSize),
      count <= UInt64(bytes.count - headerSize) / 40
    else { return [:] }
    var reader = LedgerCache.Reader(bytes: bytes, at: headerSize)
    guard let recordedFolder = try? reader.string(), recordedFolder == folder else { return [:] }
    var records: [String: Record] = [:]
    records.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard let path = try? reader.string(), bytes.count - reader.index >= 32,
        let hash = PageHash(digest: Array(bytes[reader.index..<reader.index + 32]))
      else { return [:] }
      reader.index += 32
      guard let device = try? reader.uvarint(), let inode = try? reader.uvarint(), let size = try? reader.int64(),
        let modifiedSeconds = try? reader.int64(), let modifiedNanoseconds = try? reader.int64(),
        let changedSeconds = try? reader.int64(), let changedNanoseconds = try? reader.int64()
      else { return [:] }
      records[path] = (
        hash,
        FileIdentity(
          device: device, inode: inode, size: size, modifiedSeconds: modifiedSeconds,
          modifiedNanoseconds: modifiedNanoseconds, changedSeconds: changedSeconds,
          changedNanoseconds: changedNanoseconds)
      )
    }
    return reader.index == bytes.count ? records : [:]
  }
}

extension DocumentRepository {
  var siteFilesFile: URL { URL(fileURLWithPath: git.gitDirectory).appendingPathComponent("sop/site-files") }

  /// The records of the last site written, when it was written into `directory`; none when the file is missing,
  /// too large, not intact or of another folder.
  func readSiteFiles(of directory: URL) -> [String: SiteFileRecords.Record] {
    guard let bytes = LedgerCache.readFile(at: siteFilesFile, limit: SiteFileRecords.maximumSize) else { return [:] }
    return SiteFileRecords.decode(Data(bytes), folder: directory.standardizedFileURL.path)
  }

  /// Replaces the records with those of the site just written into `directory`: each document page `written` put
  /// there whose file is settled (`SiteWriter.identities`), with its hash. A failure changes nothing but speed.
  func storeSiteFiles(
    of directory: URL, pages: [String: PageHash], written: [String: FileInode],
    read: [String: SiteFileRecords.Record]
  ) {
    let identities = SiteWriter.identities(of: written.filter { pages[$0.key] != nil }, in: directory)
    var records: [String: SiteFileRecords.Record] = [:]
    records.reserveCapacity(identities.count)
    for (path, identity) in identities {
      if let hash = pages[path] { records[path] = (hash, identity) }
    }
    // Nothing to write when the folder's pages are the ones recorded (a publish with nothing new, say): linking
    // changes a file's change time, so this is rare, but it costs nothing to check.
    guard
      records.count != read.count
        || records.contains(where: { path, record in
          read[path].map { $0.hash != record.hash || $0.identity != record.identity } ?? true
        })
    else { return }
    LedgerCache.store(SiteFileRecords.encode(folder: directory.standardizedFileURL.path, records), at: siteFilesFile)
  }
}
