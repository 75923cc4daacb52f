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
    render(snapshot, reusing: nil).files
  }

  /// A rendered site, with what a later render may reuse.
  public struct Rendering: Sendable {
    /// Every file of the site, sorted by path.
    public var files: [SiteFile]
    /// The key and page hash of every document page, for `PageReuse.recorded` next time.
    public var records: [PageKey: PageHash]
    /// The document pages rendered, by path.
    public var rendered: [String]
    /// The document pages taken from the previous site, by path.
    public var reused: [String]
    /// The search words of every effective document page, by its key, for `PageReuse.recordedWords` next time.
    public var words: [PageKey: String] = [:]
    /// The hash of every document page, by path, for the site-file record.
    public var pageHashes: [String: PageHash] = [:]
    /// The files of `files` besides the document pages and their attachments' copies (`DocumentPages.files`).
    public var rest: [SiteFile] = []
  }

  /// Renders every file of the site, taking a document's page from `reuse` when a record says its inputs gave
  /// exactly the bytes the previous site holds; the files are the same as without `reuse`.
  public func render(_ snapshot: SiteSnapshot, reusing reuse: PageReuse?) -> Rendering {
    renderDocuments(snapshot, reusing: reuse).finished()
  }

  /// The document pages of a site (and their attachments' copies), and what the rest of the site is made from:
  /// `finished()` gives the whole `Rendering`, as `render` does. A writer can put these files in place while the
  /// rest (the index, changes and search pages, the manifest) is made on another thread.
  public struct DocumentPages: Sendable {
    /// The document pages and the copies of their attachments, in the order of the documents.
    public var files: [SiteFile]
    fileprivate var snapshot: SiteSnapshot
    fileprivate var layout: PageLayout
    fileprivate var effective: [(document: SiteDocument, page: String?)]
    fileprivate var withdrawn: [(record: WithdrawnDocument, page: String)]
    fileprivate var pages: [(files: [(file: SiteFile, hash: String)], search: SearchIndex.Entry?, record: PageRecord?)]

    /// Every file of the site, with the rest made.
    public func finished() -> Rendering {
      SiteRenderer.finish(self)
    }
  }

  /// The document pages of `snapshot`, as `render` makes them.
  public func renderDocuments(_ snapshot: SiteSnapshot, reusing reuse: PageReuse?) -> DocumentPages {
    let layout = PageLayout(snapshot: snapshot)
    let effective = Self.effectiveDocuments(of: snapshot)
    let withdrawn = Self.withdrawnDocuments(of: snapshot, effective: effective)
    let links = DocumentLinks(effective: effective, withdrawn: withdrawn.map(\.record))
    let linkDigest = PageKey.Links(links)

    // Document pages are independent, so render (and hash) them in parallel into fixed slots: the output
    // order stays deterministic whatever the scheduling. Each effective page also gives its search entry.
    let pages = concurrentMap(count: effective.count + withdrawn.count) {
      index -> (files: [(file: SiteFile, hash: String)], search: SearchIndex.Entry?, record: PageRecord?)? in
      guard index < effective.count else {
        let entry = withdrawn[index - effective.count]
        let bytes = Array(WithdrawnPage(layout: layout, record: entry.record, links: links).render().utf8)
        return ([(SiteFile(path: entry.page, bytes: bytes), SiteManifest.sha256Hex(bytes))], nil, nil)
      }
      let entry = effective[index]
      guard let path = entry.page else { return nil }
      let document = entry.document
      let copies = Self.attachmentFiles(of: document)
      let attachments = Dictionary(copies.map { ($0.source, "../" + $0.file.path) }, uniquingKeysWith: { a, _ in a })
      let key = PageKey(path: path, document: document, layout: layout, links: linkDigest, attachments: attachments)
      let page: (file: SiteFile, hash: PageHash, isReused: Bool)
      switch reuse?.page(key, at: path) {
      case .bytes(let bytes, let hash)?: page = (SiteFile(path: path, bytes: bytes), hash, true)
      case .unchanged(let identity, let hash)?: page = (SiteFile(path: path, unchanged: identity), hash, true)
      case nil:
        let bytes = Array(
          DocumentPage(layout: layout, document: document, links: links, attachments: attachments).render().utf8)
        page = (SiteFile(path: path, bytes: bytes), PageHash(of: bytes), false)
      }
      // The words depend on the text alone, which the key covers.
      let words = reuse?.recordedWords[key] ?? SearchIndex.words(of: document.markdown)
      let search = SearchIndex.Entry(
        id: document.id, page: path, title: document.title, type: document.type, owner: document.ownerName,
        words: words)
      let files =
        [(page.file, page.hash.hex)]
        + copies.map { ($0.file, SiteManifest.sha256Hex($0.file.bytes)) }
      return (files, search, PageRecord(path: path, key: key, hash: page.hash, isReused: page.isReused))
    }.compactMap { $0 }
    return DocumentPages(
      files: pages.flatMap { $0.files.map(\.file) }, snapshot: snapshot, layout: layout, effective: effective,
      withdrawn: withdrawn, pages: pages)
  }

  /// The rest of the site around `documents`: `render`'s result.
  fileprivate static func finish(_ documents: DocumentPages) -> Rendering {
    let (snapshot, layout, effective, withdrawn, pages) = (
      documents.snapshot, documents.layout, documents.effective, documents.withdrawn, documents.pages
    )
    let records = pages.compactMap(\.record)
    var files = documents.files
    var hashes = Dictionary(
      pages.flatMap { $0.files.map { ($0.file.path, $0.hash) } }, uniquingKeysWith: { first, _ in first })
    var byID: [String: (document: SiteDocument, page: String?)] = [:]
    for entry in effective { byID[entry.document.id] = entry }
    let withdrawnPages = Dictionary(withdrawn.map { ($0.record.id, $0.page) }, uniquingKeysWith: { first, _ in first })
    var shared = [
      file(SitePaths.index, IndexPage(layout: layout, documents: effective).render()),
      file(SitePaths.changes, ChangesPage(layout: layout, pages: byID, withdrawnPages: withdrawnPages).render()),
      file(SitePaths.stylesheet, SiteAssets.stylesheet),
      file(SitePaths.script, SiteAssets.searchScript),
      file(SitePaths.searchIndex, SearchIndex.script(pages.compactMap(\.search))),
    ]
    if let training = snapshot.training {
      shared.append(file(SitePaths.training, TrainingPage(layout: layout, training: training, pages: byID).render()))
    }
    for shared in shared { hashes[shared.path] = SiteManifest.sha256Hex(shared.bytes) }
    let rest = shared + [SiteManifest.file(for: snapshot, documents: effective, hashes: hashes)]
    files += rest
    return Rendering(
      files: files.sorted { $0.path < $1.path },
      records: Dictionary(records.map { ($0.key, $0.hash) }, uniquingKeysWith: { first, _ in first }),
      rendered: records.filter { !$0.isReused }.map(\.path), reused: records.filter(\.isReused).map(\.path),
      words: Dictionary(
        pages.compactMap { page in page.record.flatMap { record in page.search.map { (record.key, $0.words) } } },
        uniquingKeysWith: { first, _ in first }),
      pageHashes: Dictionary(records.map { ($0.path, $0.hash) }, uniquingKeysWith: { first, _ in first }), rest: rest)
  }

  /// How one document page was made.
  fileprivate struct PageRecord: Sendable {
    var path: String
    var key: PageKey
    var hash: PageHash
    var isReused: Bool
  }

  /// The copies of a document's attachments: each path once, in path order, numbered from 1 into
  /// `files/<ID>/`; none when the id is not a safe file name.
  static func attachmentFiles(of document: SiteDocument) -> [(source: String, file: SiteFile)] {
    var seen = Set<String>()
    var result: [(source: String, file: SiteFile)] = []
    for attachment in document.attachments.sorted(by: { $0.path < $1.path }) {
      guard seen.insert(attachment.path).inserted,
        let path = SitePaths.attachment(number: result.count + 1, of: document.id, path: attachment.path)
      else { continue }
      result.append((attachment.path, SiteFile(path: path, bytes: attachment.bytes)))
    }
    return result
  }

  /// The withdrawn documents that get a page: not effective under the same id, a safe id, each id once, in id
  /// order.
  static func withdrawnDocuments(
    of snapshot: SiteSnapshot, effective: [(document: SiteDocument, page: String?)]
  ) -> [(record: WithdrawnDocument, page: String)] {
    let effectiveIDs = Set(effective.map(\.document.id))
    var seen = Set<String>()
    var result: [(record: WithdrawnDocument, page: String)] = []
    for record in snapshot.withdrawn.sorted(by: { DocumentOrder.areInIncreasingOrder($0.id, $1.id) })
    where !effectiveIDs.contains(record.id) {
      guard seen.insert(record.id).inserted, let page = SitePaths.documentPage(for: record.id) else { continue }
      result.append((record, page))
    }
    return result
  }

  private static func file(_ path: String, _ text: String) -> SiteFile {
    SiteFile(path: path, bytes: Array(text.utf8))
  }

  /// The documents to list as effective: withdrawn ids and repeated ids left out, in id order, each with
  /// its page path (nil when the id is not a safe file name, so no page is written for it).
  static func effectiveDocuments(of snapshot: SiteSnapshot) -> [(document: SiteDocument, page: String?)] {
    let withdrawn = Set(snapshot.withdrawn.map(\.id))
    var seen = Set<String>()
    var result: [(document: SiteDocument, page: String?)] = []
    // Each id's sort key computed once, not at every comparison.
    let keys = snapshot.documents.map { DocumentOrder.Key($0.id) }
    let ordered = snapshot.documents.indices.sorted { left, right in
      if snapshot.documents[left].id != snapshot.documents[right].id { return keys[left] < keys[right] }
      return left < right
    }.map { snapshot.documents[$0] }
    for document in ordered where !withdrawn.contains(document.id) {
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

  /// What `areInIncreasingOrder` compares, for one id: its parse's prefix, number and text (as `DocumentID.<`
  /// compares them), or the text alone when it does not parse.
  struct Key: Comparable {
    var parsed: (prefix: String, number: Int)?
    var text: String

    init(_ id: String) {
      parsed = DocumentID(id).map { ($0.prefix, $0.number) }
      text = id
    }

    static func < (left: Key, right: Key) -> Bool {
      switch (left.parsed, right.parsed) {
      case (let one?, let other?): return (one.prefix, one.number, left.text) < (other.prefix, other.number, right.text)
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return left.text < right.text
      }
    }

    static func == (left: Key, right: Key) -> Bool { !(left < right) && !(right < left) }
  }
}
