import DocumentModel
import Foundation

/// Where links between documents go on the site: a link to another controlled document's file goes to its
/// page, a bare id in the text links to the document it names, and a link to a document that is not in
/// effect in the snapshot is shown as plain text with a note, never as a dead link.
struct DocumentLinks: Sendable {
  /// What a link to a Markdown file becomes.
  enum Target: Equatable, Sendable {
    /// The page of an effective document: its id and its file name inside `documents/`.
    case page(id: String, href: String)
    /// A withdrawn document: plain text, with a note.
    case withdrawn(id: String)
    /// A Markdown file that is no document in effect in this snapshot (a draft, a file outside the
    /// repository, or no document at all): plain text, with a note.
    case notInSnapshot
  }

  /// Effective documents by id: title and the page's file name inside `documents/` (nil when no page).
  let effective: [String: (title: String, href: String?)]
  /// Withdrawn documents by id: title.
  let withdrawn: [String: String]
  /// Document ids by repository path, for effective and withdrawn documents.
  let byPath: [String: String]

  init(effective: [(document: SiteDocument, page: String?)], withdrawn: [WithdrawnDocument]) {
    var pages: [String: (title: String, href: String?)] = [:]
    var byPath: [String: String] = [:]
    for (document, page) in effective {
      pages[document.id] = (document.title, page.map { String($0.dropFirst("documents/".count)) })
      if !document.path.isEmpty { byPath[document.path] = document.id }
    }
    var gone: [String: String] = [:]
    for record in withdrawn where pages[record.id] == nil {
      gone[record.id] = record.title
      if !record.path.isEmpty, byPath[record.path] == nil { byPath[record.path] = record.id }
    }
    self.effective = pages
    self.withdrawn = gone
    self.byPath = byPath
  }

  /// What a link with the `href` cmark wrote (HTML-escaped, percent-encoded) in the document at `source`
  /// becomes, or nil when it is no relative link to a Markdown file (web links, anchors, attachments).
  func target(ofHref escaped: String, from source: String) -> Target? {
    guard let decoded = Self.relativePath(ofHref: escaped), decoded.lowercased().hasSuffix(".md") else {
      return nil
    }
    guard let path = Self.resolve(decoded, from: source), let id = byPath[path] else { return .notInSnapshot }
    if let page = effective[id], let href = page.href { return .page(id: id, href: href) }
    if withdrawn[id] != nil { return .withdrawn(id: id) }
    return .notInSnapshot
  }

  /// The relative path a link names (`?query` and `#fragment` dropped, `%20`-style escapes decoded), from the
  /// `href` or `src` cmark wrote; nil for links with a scheme, absolute paths and bare fragments. The reading
  /// is `AttachmentLinks`', so the site points at exactly the files the ledger approved with the document.
  static func relativePath(ofHref escaped: String) -> String? {
    AttachmentLinks.relativePath(Array(escaped.replacingOccurrences(of: "&amp;", with: "&").utf8))
  }

  /// The page of the effective document `id` (a file name inside `documents/`), if it has one.
  func page(of id: String) -> String? {
    effective[id]?.href ?? nil
  }

  /// `relative` resolved against the folder of the repository path `source`; nil when it leaves the
  /// repository (the same resolution as the ledger's, `AttachmentLinks.resolve`).
  static func resolve(_ relative: String, from source: String) -> String? {
    AttachmentLinks.resolve(relative, from: source)
  }
}
