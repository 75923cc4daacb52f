import Crypto
import DocumentModel
import Foundation

/// `manifest.json`: the snapshot's identity and the SHA-256 of every rendered file, so anyone can check that
/// a copy of the site is exactly what sop rendered from the tag.
struct SiteManifest: Encodable, Sendable {
  struct Document: Encodable, Sendable {
    var id: String
    var revision: Int
    var blob: String
    var files: [String: String]
  }

  var tag: String
  var commit: String
  var effectiveDate: String
  var documents: [Document]
  var files: [String: String]

  /// The manifest file, from the SHA-256 of every other file of the site keyed by path.
  static func file(
    for snapshot: SiteSnapshot, documents: [(document: SiteDocument, page: String?)], hashes: [String: String]
  ) -> SiteFile {
    let entries = documents.compactMap { entry -> Document? in
      guard let page = entry.page, let hash = hashes[page] else { return nil }
      var files = [page: hash]
      for copy in SiteRenderer.attachmentFiles(of: entry.document) { files[copy.file.path] = hashes[copy.file.path] }
      return Document(
        id: entry.document.id, revision: entry.document.revision, blob: entry.document.blob, files: files)
    }
    let manifest = SiteManifest(
      tag: snapshot.tag, commit: snapshot.commit, effectiveDate: UTCDate(snapshot.effectiveDate).isoText,
      documents: entries, files: hashes.filter { $0.key != SitePaths.manifest && $0.key != SiteWriter.markerName })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Strings, integers and dictionaries of strings always encode; a failure here would be a Foundation bug.
    let data = try! encoder.encode(manifest)
    return SiteFile(path: SitePaths.manifest, bytes: Array(data) + [UInt8(ascii: "\n")])
  }

  static func sha256Hex(_ bytes: [UInt8]) -> String {
    hex(SHA256.hash(data: bytes))
  }

  /// Lowercase hex of a digest.
  static func hex(_ digest: some Sequence<UInt8>) -> String {
    let hexDigits = Array("0123456789abcdef".utf8)
    var output: [UInt8] = []
    output.reserveCapacity(64)
    for byte in digest {
      output.append(hexDigits[Int(byte >> 4)])
      output.append(hexDigits[Int(byte & 0x0F)])
    }
    return String(decoding: output, as: UTF8.self)
  }
}
