import Crypto
import DocumentModel
import Foundation
import GitStore
import ParallelWork

/// The bytes of the documents publish last read (`.git/sop/document-blobs`), so a publish reads one file instead of
/// inflating 5,000 loose objects (twice each: GitStore checks every loose object before libgit2 reads it).
///
/// Content-addressed and checked on use: a blob is taken from the file only when git's own id of the bytes found
/// there (SHA-1 of `blob <length>\0` and the bytes) is the id asked for, so a damaged, stale or forged file can only
/// make sop read the blob from git, never change what it reads. The file is `magic | version | count | entries`,
/// each entry `id (20 bytes) | length (uvarint) | bytes`; anything that does not parse is no file. Publish only;
/// `verify` never reads it (docs/architecture.md, "Document blob records").
enum DocumentBlobCache {
  static let formatVersion: UInt32 = 1
  static let magic = Array("sop-document-blob".utf8)
  static let headerSize = magic.count + 4 + 8
  /// The largest file read: 20,000 documents of 10 KB take 200 MB; a larger one is not read.
  static let maximumSize = 512 << 20

  /// The entries of `bytes` by id, as ranges of `bytes` not yet checked; none when the file is not intact.
  static func index(_ bytes: [UInt8]) -> [ObjectID: Range<Int>] {
    guard bytes.count >= headerSize, Array(bytes[0..<magic.count]) == magic else { return [:] }
    var reader = LedgerCache.Reader(bytes: bytes, at: magic.count)
    guard let version = try? reader.fixed(4), version == UInt64(formatVersion), let count = try? reader.fixed(8),
      count <= UInt64(bytes.count - headerSize) / 21
    else { return [:] }
    var entries: [ObjectID: Range<Int>] = [:]
    // Each entry takes at least 21 bytes (its id and a length), but a file of forged counts must not make one
    // huge reservation up front: the table grows as entries are really read.
    entries.reserveCapacity(Int(min(count, 1 << 16)))
    for _ in 0..<count {
      guard let id = try? reader.oid(), let length = try? reader.count() else { return [:] }
      entries[id] = reader.index..<(reader.index + length)
      reader.index += length
    }
    return reader.index == bytes.count ? entries : [:]
  }

  /// The file for `blobs`, in id order so the same blobs always give the same file. Built in one buffer: the file
  /// is as large as the documents, and a second copy would raise publish's peak memory by as much.
  static func encode(_ blobs: [ObjectID: ArraySlice<UInt8>]) -> Data {
    var file = Data(capacity: blobs.values.reduce(headerSize) { $0 + $1.count + 30 })
    file.append(contentsOf: magic)
    withUnsafeBytes(of: formatVersion.littleEndian) { file.append(contentsOf: $0) }
    withUnsafeBytes(of: UInt64(blobs.count).littleEndian) { file.append(contentsOf: $0) }
    for (id, bytes) in blobs.sorted(by: { $0.key < $1.key }) {
      var writer = LedgerCache.Writer()
      writer.oid(id)
      writer.uvarint(UInt64(bytes.count))
      file.append(contentsOf: writer.bytes)
      file.append(contentsOf: bytes)
    }
    return file
  }

  /// Whether `bytes` are the blob `id`: git's object id is SHA-1 of the header and the content.
  static func isBlob(_ id: ObjectID, _ bytes: ArraySlice<UInt8>) -> Bool {
    var hash = Insecure.SHA1()
    hash.update(data: Array("blob \(bytes.count)\0".utf8))
    bytes.withUnsafeBytes { hash.update(bufferPointer: $0) }
    return LowercaseHex.hex(Array(hash.finalize())) == id.hex
  }
}

/// Lowercase hex of bytes.
enum LowercaseHex {
  private static let digits = Array("0123456789abcdef".utf8)
  static func hex(_ bytes: [UInt8]) -> String {
    var out = [UInt8]()
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

extension DocumentRepository {
  var documentBlobCacheFile: URL {
    URL(fileURLWithPath: git.gitDirectory).appendingPathComponent("sop/document-blobs")
  }

  /// `inventory(at:policy:)` for publish: the same inventory, with each document's bytes taken from the document
  /// blob records when they are that blob, else read from git; the records are then replaced when they lacked, or
  /// held no longer wanted, more than 1/32 of the documents read.
  func publishingInventory(at commit: ObjectID, policy: Policy) throws(ControlError) -> Inventory {
    let files: [TreeFile] = try viaGit { () throws(GitError) in try git.files(inCommit: commit) }
    let selection = DocumentSelection(patterns: policy.documents)
    var seen = Set<ObjectID>()
    let wanted = files.filter { $0.isRegularFile && selection.includes($0.path) && seen.insert($0.blob).inserted }
    let stored = readDocumentBlobFile()
    let index = DocumentBlobCache.index(stored)
    // Checked in parallel: SHA-1 of every document is most of what reading them from the file costs.
    let fromFile: [ArraySlice<UInt8>?] = concurrentMap(count: wanted.count) { position in
      guard let range = index[wanted[position].blob] else { return nil }
      let bytes = stored[range]
      return DocumentBlobCache.isBlob(wanted[position].blob, bytes) ? bytes : nil
    }
    let missing = wanted.indices.filter { fromFile[$0] == nil }.map { wanted[$0] }
    // A blob that fails to read here is read again by the inventory, which says why.
    var read = SignaturePrecheck.inParallel(missing, like: git) { repository, file in try? repository.blob(file.blob) }
    for file in missing where read[file] == nil {
      if let bytes = try? git.blob(file.blob) { read[file] = bytes }
    }
    var blobs: [ObjectID: ArraySlice<UInt8>] = [:]
    blobs.reserveCapacity(wanted.count)
    for (position, file) in wanted.enumerated() {
      if let bytes = fromFile[position] ?? read[file].map({ ArraySlice($0) }) { blobs[file.blob] = bytes }
    }
    let parsed: [ParsedDocument?] = concurrentMap(count: wanted.count) { position in
      guard let bytes = blobs[wanted[position].blob] else { return nil }
      return try? ParsedDocument(path: wanted[position].path, data: Data(bytes))
    }
    var byBlob: [ObjectID: ParsedDocument] = [:]
    for (position, file) in wanted.enumerated() { byBlob[file.blob] = parsed[position] }
    let inventory = try inventory(of: files, policy: policy, parsed: byBlob)
    // Rewriting the whole file (20 MB for 5,000 documents) for the few documents a republish changed cost more
    // than reading those few from git: it is rewritten once more than 1/32 of the documents are not in it, or it
    // holds more than that many documents no longer wanted.
    let slack = wanted.count / 32
    let unused = index.count - (wanted.count - missing.count)
    if missing.count > slack || unused > slack {
      LedgerCache.store(DocumentBlobCache.encode(blobs), at: documentBlobCacheFile)
    }
    return inventory
  }

  /// The record file's bytes, or none when it is missing, unreadable, changing or over the size limit. Read
  /// straight into one array (not through `Data`, which would hold a second copy for a moment).
  private func readDocumentBlobFile() -> [UInt8] {
    LedgerCache.readFile(at: documentBlobCacheFile, limit: DocumentBlobCache.maximumSize) ?? []
  }
}
