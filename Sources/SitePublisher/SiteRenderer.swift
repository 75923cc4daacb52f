import Crypto
import DocumentModel
import Foundation
import ParallelWork

/// Renders a published snapshot as a static site: index, one page per document, changes, assets, manifest.
///
/// Pure and deterministic: the same snapshot always gives byte-identical files, so a site can be re-rendered
/// from its tag and compared with `manifest.json`.
public struct SiteRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// Renders every file of the site, sorted by path.
  public func render(_ snapshot: SiteSnapshot) -> [SiteFile] {
    let layout = PageLayout(snapshot: snapshot)
    let effective = Self.effectiveDocuments(of: snapshot)

    // Document pages are independent, so render (and hash) them in parallel into fixed slots: the output
    // order stays deterministic whatever the scheduling.
    let pages = concurrentMap(count: effective.count) { index -> [(file: SiteFile, hash: String)] in
      let entry = effective[index]
      guard let path = entry.page else { return [] }
      let attachments = Self.attachmentFiles(of: entry.document)
      var links: [String: String] = [:]
      for (attachment, file) in zip(entry.document.attachments, attachments) {
        links[attachment.source] = DocumentPage.root + file.path
      }
      let bytes = Array(DocumentPage(layout: layout, document: entry.document, links: links).render().utf8)
      return [(SiteFile(path: path, bytes: bytes), SiteManifest.sha256Hex(bytes))]
        + attachments.map { ($0, SiteManifest.sha256Hex($0.bytes)) }
    }.flatMap { $0 }
    var files = pages.map(\.file)
    var hashes = Dictionary(pages.map { ($0.file.path, $0.hash) }, uniquingKeysWith: { first, _ in first })
    var byID: [String: (document: SiteDocument, page: String?)] = [:]
    for entry in effective { byID[entry.document.id] = entry }
    var shared = [
      file(SitePaths.index, IndexPage(layout: layout, documents: effective).render()),
      file(SitePaths.changes, ChangesPage(layout: layout, pages: byID).render()),
      file(SitePaths.stylesheet, SiteAssets.stylesheet),
      file(SitePaths.script, SiteAssets.searchScript),
    ]
    if let training = snapshot.training {
      shared.append(file(SitePaths.training, TrainingPage(layout: layout, training: training, pages: byID).render()))
    }
    for shared in shared { hashes[shared.path] = SiteManifest.sha256Hex(shared.bytes) }
    files += shared
    files.append(SiteManifest.file(for: snapshot, documents: effective, hashes: hashes))
    return files.sorted { $0.path < $1.path }
  }

  /// The site files of a document's attachments, in its order (none when the id is not a safe file name).
  static func attachmentFiles(of document: SiteDocument) -> [SiteFile] {
    document.attachments.enumerated().compactMap { index, attachment in
      SitePaths.attachment(for: document.id, index: index, source: attachment.source).map {
        SiteFile(path: $0, bytes: attachment.bytes)
      }
    }
  }

  private func file(_ path: String, _ text: String) -> SiteFile {
    SiteFile(path: path, bytes: Array(text.utf8))
  }

  /// The documents to list as effective: withdrawn ids and repeated ids left out, in id order, each with
  /// its page path (nil when the id is not a safe file name, so no page is written for it).
  static func effectiveDocuments(of snapshot: SiteSnapshot) -> [(document: SiteDocument, page: String?)] {
    let withdrawn = Set(snapshot.withdrawn.map(\.id))
    var seen = Set<String>()
    var result: [(document: SiteDocument, page: String?)] = []
    let ordered = snapshot.documents.enumerated().sorted { left, right in
      if left.element.id != right.element.id {
        return DocumentOrder.areInIncreasingOrder(left.element.id, right.element.id)
      }
      return left.offset < right.offset
    }
    for (_, document) in ordered where !withdrawn.contains(document.id) {
      guard seen.insert(document.id).inserted else { continue }
      result.append((document, SitePaths.documentPage(for: document.id)))
    }
    return result
  }
}

/// Orders ids as `DocumentID` does (QP-9 before QP-10); ids that do not parse sort after, by text.
enum DocumentOrder {
  static func areInIncreasingOrder(_ left: String, _ right: String) -> Bool {
    switch (DocumentID(left), DocumentID(right)) {
    case (let left?, let right?): return left < right
    case (.some, nil): return true
    case (nil, .some): return false
    case (nil, nil): return left < right
    }
  }
}
