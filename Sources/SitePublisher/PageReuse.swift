import Crypto
import Foundation

/// What lets a republish skip rendering a document's page: records of which inputs gave which page bytes, and a
/// way to read the page the previous site holds.
///
/// A record only says "a page with key K had SHA-256 H"; the key is a digest of everything the page shows
/// (`PageKey`), computed afresh from the snapshot on every render, so no record can change what a page is
/// made of. A page is taken from the previous site only when its bytes hash to the recorded H, so the worst a
/// wrong record does is name bytes that no file holds, and the page is rendered (docs/architecture.md, "Page
/// records").
public struct PageReuse: Sendable {
  /// Page hashes by key, as an earlier render recorded them.
  public var recorded: [PageKey: PageHash]
  /// The search words of pages by key, as an earlier render recorded them (`Rendering.words`). Unlike a page, the
  /// words cannot be checked against bytes in the folder: they are trusted as the ledger cache is (whoever can
  /// write `.git` can do more), and anything damaged is never decoded into them.
  public var recordedWords: [PageKey: String]
  /// The bytes of the previous site's file at a site path, when it can be trusted not to change under us
  /// (`SiteWriter.previousFile`); nil otherwise.
  public var previous: @Sendable (String) -> [UInt8]?
  /// The hash of the bytes the previous site's file at a site path held when its identity was recorded, with that
  /// identity, when the file still has it (the site-file record, docs/architecture.md); nil otherwise, and the
  /// file is read through `previous`.
  public var unchanged: @Sendable (String) -> (hash: PageHash, identity: FileIdentity)?

  /// Creates a reuse source.
  public init(
    recorded: [PageKey: PageHash], words: [PageKey: String] = [:],
    unchanged: @escaping @Sendable (String) -> (hash: PageHash, identity: FileIdentity)? = { _ in nil },
    previous: @escaping @Sendable (String) -> [UInt8]?
  ) {
    self.recorded = recorded
    self.recordedWords = words
    self.unchanged = unchanged
    self.previous = previous
  }

  /// A previous page, as its bytes or as the identity of an unchanged file holding them.
  enum Page {
    case bytes([UInt8], PageHash)
    case unchanged(FileIdentity, PageHash)

    var hash: PageHash {
      switch self {
      case .bytes(_, let hash), .unchanged(_, let hash): return hash
      }
    }
  }

  /// The previous site's page `path` when a record says pages of `key` are `H` and that file holds bytes hashing
  /// to `H`: known by its recorded identity when it still has it, else read and hashed.
  func page(_ key: PageKey, at path: String) -> Page? {
    guard let hash = recorded[key] else { return nil }
    if let known = unchanged(path), known.hash == hash { return .unchanged(known.identity, hash) }
    guard let bytes = previous(path), PageHash(of: bytes) == hash else { return nil }
    return .bytes(bytes, hash)
  }
}

/// A SHA-256 digest of a page's bytes.
public struct PageHash: Hashable, Sendable {
  /// The 32 bytes.
  public let bytes: [UInt8]

  /// The digest of `bytes` as they are, if 32 long.
  public init?(digest: [UInt8]) {
    guard digest.count == 32 else { return nil }
    bytes = digest
  }

  /// The digest of a page.
  public init(of page: [UInt8]) { bytes = Array(SHA256.hash(data: page)) }

  /// Lowercase hex, as `manifest.json` lists it.
  var hex: String { SiteManifest.hex(bytes) }
}

/// A digest of everything a document's page is made of: the document as the snapshot gives it (text, front
/// matter values, revision records, signatures, the previous revision's text, attachments' places), what the
/// page shows of the snapshot (organisation, the training link and count, the overdue badge, the "Suggest a
/// change" template), every link target of the snapshot (id, title, page, path, withdrawn or not), the page's
/// path and `formatVersion`. Two renders with the same key give the same bytes.
public struct PageKey: Hashable, Sendable {
  /// The 32 bytes.
  public let bytes: [UInt8]

  /// Bump whenever a change to sop changes the bytes of any document page: records made by another format
  /// are then never matched. `PageKeyTests` fails when the sample page changes without a bump.
  /// 2: headings carry their anchors (`id="purpose"`).
  public static let formatVersion = 2

  /// The key as stored, if 32 bytes long.
  public init?(digest: [UInt8]) {
    guard digest.count == 32 else { return nil }
    bytes = digest
  }

  init(
    path: String, document: SiteDocument, layout: PageLayout, links: PageKey.Links, attachments: [String: String]
  ) {
    var hasher = KeyHasher()
    hasher.int(Self.formatVersion)
    hasher.string(path)
    hasher.bytes(links.digest)
    let snapshot = layout.snapshot
    hasher.string(snapshot.organisation)
    hasher.bool(snapshot.training != nil)
    let count = snapshot.training?.currentCount(of: document.id)
    hasher.optional(count) {
      $0.int($1.current)
      $0.int($1.total)
    }
    hasher.optional(snapshot.suggestChange) { $0.string($1) }
    // The page shows the snapshot's date only as the overdue badge and, for a document without its own, as the
    // effective date.
    hasher.bool(document.nextReview.map { $0 < snapshot.effectiveDate } ?? false)
    hasher.date(document.effectiveDate ?? snapshot.effectiveDate)
    hasher.document(document)
    hasher.int(attachments.count)
    for (source, href) in attachments.sorted(by: { $0.key < $1.key }) {
      hasher.string(source)
      hasher.string(href)
    }
    bytes = Array(hasher.state.finalize())
  }

  /// A digest of every link target of a snapshot (`DocumentLinks`), computed once per render: a page's body
  /// or `related:` may name any document, so any change to a title, page or path changes every key.
  struct Links: Sendable {
    let digest: [UInt8]

    init(_ links: DocumentLinks) {
      var hasher = KeyHasher()
      hasher.int(links.effective.count)
      for (id, entry) in links.effective.sorted(by: { $0.key < $1.key }) {
        hasher.string(id)
        hasher.string(entry.title)
        hasher.optional(entry.href) { $0.string($1) }
      }
      hasher.int(links.withdrawn.count)
      for (id, title) in links.withdrawn.sorted(by: { $0.key < $1.key }) {
        hasher.string(id)
        hasher.string(title)
      }
      hasher.int(links.byPath.count)
      for (path, id) in links.byPath.sorted(by: { $0.key < $1.key }) {
        hasher.string(path)
        hasher.string(id)
      }
      digest = Array(hasher.state.finalize())
    }
  }
}

/// Feeds values into SHA-256 unambiguously: every string and list is preceded by its length, every optional
/// by a presence byte.
struct KeyHasher {
  var state = SHA256()

  mutating func bytes(_ value: [UInt8]) {
    int(value.count)
    state.update(data: value)
  }
  mutating func int(_ value: Int) {
    withUnsafeBytes(of: Int64(value).littleEndian) { state.update(bufferPointer: $0) }
  }
  mutating func bool(_ value: Bool) { int(value ? 1 : 0) }
  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      int(utf8.count)
      state.update(bufferPointer: UnsafeRawBufferPointer(utf8))
    }
  }
  mutating func date(_ value: Date) {
    withUnsafeBytes(of: value.timeIntervalSince1970.bitPattern.littleEndian) { state.update(bufferPointer: $0) }
  }
  mutating func optional<T>(_ value: T?, _ body: (inout KeyHasher, T) -> Void) {
    bool(value != nil)
    if let value { body(&self, value) }
  }
  mutating func strings(_ values: [String]) {
    int(values.count)
    for value in values { string(value) }
  }

  /// Every stored property of a document (`PageKeyTests` counts them, so a new one is not forgotten), the
  /// attachments by path and content.
  mutating func document(_ document: SiteDocument) {
    string(document.id)
    string(document.title)
    string(document.type)
    string(document.path)
    string(document.ownerName)
    string(document.ownerEmail)
    int(document.revision)
    string(document.blob)
    string(document.markdown)
    optional(document.nextReview) { $0.date($1) }
    signers(document.signatures)
    int(document.history.count)
    for record in document.history {
      int(record.revision)
      date(record.date)
      signers(record.signatures)
      strings(record.changeSubjects)
      optional(record.editorialWords) { $0.int($1) }
      strings(record.authors)
      optional(record.effectiveDate) { $0.date($1) }
    }
    optional(document.previousMarkdown) { $0.string($1) }
    optional(document.previousRevision) { $0.int($1) }
    strings(document.related)
    optional(document.effectiveDate) { $0.date($1) }
    int(document.attachments.count)
    for attachment in document.attachments {
      string(attachment.path)
      bytes(Array(SHA256.hash(data: attachment.bytes)))
    }
  }

  mutating func signers(_ signers: [Signer]) {
    int(signers.count)
    for signer in signers {
      string(signer.name)
      string(signer.email)
      string(signer.role)
      date(signer.time)
      string(signer.fingerprint)
      string(signer.commit)
      string(signer.meaning)
      optional(signer.comment) { $0.string($1) }
    }
  }
}
