import Crypto
import Foundation
import SitePublisher

/// The page records (`.git/sop/page-records`): for each document page of the last site rendered, the digest of
/// its inputs (`PageKey`) and of the bytes they gave (`PageHash`), so the next publish or render can take an
/// unchanged page from the previous site instead of rendering it (docs/architecture.md, "Page records").
///
/// Kept in `.git`, not in the site folder: whoever can edit the folder can edit what is there. The file is
/// `magic | version | count | SHA-256 of the payload | payload` with 64 bytes per record (key, then hash); a
/// short, corrupt or other-version file is read as no records, and any failure to write is ignored.
enum PageRecords {
  static let formatVersion: UInt32 = 1
  static let magic = Array("sop-page-records".utf8)
  static let headerSize = magic.count + 4 + 8 + 32

  static func encode(_ records: [PageKey: PageHash]) -> Data {
    var payload: [UInt8] = []
    payload.reserveCapacity(records.count * 64)
    // Sorted, so the same records always give the same file.
    for (key, hash) in records.sorted(by: { $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }) {
      payload += key.bytes
      payload += hash.bytes
    }
    var file = Data(magic)
    withUnsafeBytes(of: formatVersion.littleEndian) { file.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt64(records.count).littleEndian) { file.append(contentsOf: $0) }
    file.append(contentsOf: SHA256.hash(data: payload))
    file.append(contentsOf: payload)
    return file
  }

  /// The records in `data`, or none when it is not an intact file of this version.
  static func decode(_ data: Data) -> [PageKey: PageHash] {
    let bytes = [UInt8](data)
    // The limit read from disk (`readPageRecords`) is the one for search words, which are larger.
    guard
      let count = framedCacheNumber(
        bytes, magic: magic, version: formatVersion, maximumSize: SearchWordRecords.maximumSize),
      count <= UInt64((bytes.count - headerSize) / 64), bytes.count - headerSize == Int(count) * 64
    else { return [:] }
    var records: [PageKey: PageHash] = [:]
    records.reserveCapacity(Int(count))
    var offset = headerSize
    while offset < bytes.count {
      if let key = PageKey(digest: Array(bytes[offset..<offset + 32])),
        let hash = PageHash(digest: Array(bytes[offset + 32..<offset + 64]))
      {
        records[key] = hash
      }
      offset += 64
    }
    return records
  }
}

extension DocumentRepository {
  var pageRecordsFile: URL { URL(fileURLWithPath: git.gitDirectory).appendingPathComponent("sop/page-records") }

  /// The records of the last render, or none when the file is missing or not intact.
  func readPageRecords() -> [PageKey: PageHash] {
    guard let bytes = LedgerCache.readFile(at: pageRecordsFile, limit: SearchWordRecords.maximumSize) else {
      return [:]
    }
    return PageRecords.decode(Data(bytes))
  }

  /// Replaces the records with those of the render just written; a failure changes nothing but speed.
  func storePageRecords(_ records: [PageKey: PageHash]) {
    LedgerCache.store(PageRecords.encode(records), at: pageRecordsFile)
  }
}

/// The search words of each document page of the last site rendered (`.git/sop/search-words`), by the page's
/// `PageKey`: the key covers the page's text, and the words are a function of the text alone, so a republish
/// takes them from here instead of splitting every document again (docs/architecture.md, "Page records").
///
/// The file is `magic | version | count | SHA-256 of the payload | payload`, each record `key (32 bytes) | length
/// (uvarint) | words`; a short, corrupt or other-version file is read as no records, and any failure to write is
/// ignored. A record for other inputs is never matched, as its key differs.
enum SearchWordRecords {
  static let formatVersion: UInt32 = 1
  static let magic = Array("sop-search-words".utf8)
  static let headerSize = magic.count + 4 + 8 + 32
  /// The largest file read; a larger one is read as no records.
  static let maximumSize = 256 << 20

  static func encode(_ words: [PageKey: String]) -> Data {
    var writer = LedgerCache.Writer()
    // Sorted, so the same records always give the same file.
    for (key, text) in words.sorted(by: { $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }) {
      writer.bytes += key.bytes
      writer.string(text)
    }
    return framedCacheFile(magic: magic, version: formatVersion, number: UInt64(words.count), payload: writer.bytes)
  }

  /// The records in `data`, or none when it is not an intact file of this version.
  static func decode(_ data: Data) -> [PageKey: String] {
    let bytes = [UInt8](data)
    guard let count = framedCacheNumber(bytes, magic: magic, version: formatVersion, maximumSize: maximumSize),
      count <= UInt64(bytes.count - headerSize) / 33
    else { return [:] }
    var reader = LedgerCache.Reader(bytes: bytes, at: headerSize)
    var records: [PageKey: String] = [:]
    records.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard bytes.count - reader.index >= 32, let key = PageKey(digest: Array(bytes[reader.index..<reader.index + 32]))
      else { return [:] }
      reader.index += 32
      guard let text = try? reader.string() else { return [:] }
      records[key] = text
    }
    return reader.index == bytes.count ? records : [:]
  }
}

extension DocumentRepository {
  var searchWordsFile: URL { URL(fileURLWithPath: git.gitDirectory).appendingPathComponent("sop/search-words") }

  /// The search words of the last render, or none when the file is missing, too large or not intact.
  func readSearchWords() -> [PageKey: String] {
    guard let bytes = LedgerCache.readFile(at: searchWordsFile, limit: SearchWordRecords.maximumSize) else {
      return [:]
    }
    return SearchWordRecords.decode(Data(bytes))
  }

  /// Replaces the search words with those of the render just written, unless they are the ones read; a failure
  /// changes nothing but speed.
  func storeSearchWords(_ words: [PageKey: String], read: [PageKey: String]) {
    guard words.count != read.count || words.keys.contains(where: { read[$0] == nil }) else { return }
    LedgerCache.store(SearchWordRecords.encode(words), at: searchWordsFile)
  }
}
