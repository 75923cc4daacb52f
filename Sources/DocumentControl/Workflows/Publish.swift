import DocumentModel
import Foundation
import GitStore
import ParallelWork
import Signatures
import SitePublisher

/// What `sop publish` is asked to do.
public struct PublishRequest: Sendable {
  /// The signing key path; nil means git's `user.signingkey`.
  public var keyPath: String?
  /// The folder to render the site into.
  public var outputDirectory: URL
  /// Free text for the tag message.
  public var message: String?
  /// The tag time.
  public var now: Date

  /// Creates a request.
  public init(keyPath: String?, outputDirectory: URL, message: String?, now: Date) {
    self.keyPath = keyPath
    self.outputDirectory = outputDirectory
    self.message = message
    self.now = now
  }
}

/// One line of a snapshot tag: a document's id, revision and approved blob.
public struct SnapshotEntry: Codable, Sendable, Hashable, Comparable {
  /// The id.
  public var id: String
  /// The approved revision.
  public var revision: Int
  /// The approved blob.
  public var blob: String
  /// Whether the approved content is obsolete, so the document is withdrawn.
  public var isWithdrawn: Bool

  /// The tag-message line: `<ID> r<revision> <blob>` (plus ` withdrawn`).
  public var line: String { "\(id) r\(revision) \(blob)" + (isWithdrawn ? " withdrawn" : "") }

  /// Parses a tag-message line, or nil when the line is not one.
  public init?(line: String) {
    let parts = Self.split(line, at: UInt8(ascii: " "))
    guard parts.count == 3 || (parts.count == 4 && parts[3] == "withdrawn"), DocumentID(String(parts[0])) != nil,
      parts[1].hasPrefix("r"), parts[1].utf8.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 }),
      let revision = Int(parts[1].dropFirst()), ObjectID(hex: String(parts[2])) != nil
    else { return nil }
    self.init(id: String(parts[0]), revision: revision, blob: String(parts[2]), isWithdrawn: parts.count == 4)
  }

  /// Creates an entry.
  public init(id: String, revision: Int, blob: String, isWithdrawn: Bool) {
    self.id = id
    self.revision = revision
    self.blob = blob
    self.isWithdrawn = isWithdrawn
  }

  /// `text.split(separator:)` at the ASCII character `separator`, by bytes when that gives the same pieces: when
  /// `text` is ASCII without a carriage return, each byte is one Character (CR LF is a single Character, and
  /// beyond ASCII a combining mark joins the space before it), else by Characters. A snapshot tag lists every
  /// document, and every publish and render reads every tag: grapheme breaking was most of that reading.
  static func split(_ text: String, at separator: UInt8) -> [Substring] {
    guard text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
      return text.split(separator: Character(Unicode.Scalar(separator)))
    }
    return text.utf8.split(separator: separator).map { Substring($0) }
  }

  /// Orders entries by document id.
  public static func < (lhs: SnapshotEntry, rhs: SnapshotEntry) -> Bool {
    (lhs.sortKey.id, lhs.blob) < (rhs.sortKey.id, rhs.blob)
  }

  /// The key `<` compares: the parsed id, then the blob.
  var sortKey: (id: DocumentID, blob: String) { (DocumentID(id) ?? .policy, blob) }
}

extension Array where Element == SnapshotEntry {
  /// Sorted as `<` orders them, each id parsed once instead of at every comparison: a snapshot tag lists every
  /// document, and every earlier tag is parsed on each publish and render.
  /// The key holds the id's prefix and number as `DocumentID.<` compares them, computed once per entry too:
  /// computing them at every comparison was most of the sort (each prefix a new String). The positions are sorted,
  /// not the entries with their keys, so the sort moves integers instead of copying strings (with the same stable
  /// sort, so entries with equal keys keep their order as before).
  func sortedByID() -> [SnapshotEntry] {
    let keys: [(prefix: String, number: Int, id: String)] = map { entry in
      let id = entry.sortKey.id
      return (id.prefix, id.number, id.rawValue)
    }
    let order = indices.sorted { left, right in
      if keys[left].prefix != keys[right].prefix { return keys[left].prefix < keys[right].prefix }
      if keys[left].number != keys[right].number { return keys[left].number < keys[right].number }
      if keys[left].id != keys[right].id { return keys[left].id < keys[right].id }
      return self[left].blob < self[right].blob
    }
    return order.map { self[$0] }
  }
}

/// The result of `sop publish`.
public struct PublishOutcome: Sendable {
  /// The tag name, e.g. `published/3`.
  public var tag: String
  /// Whether a new tag was created (false when the effective set had not changed).
  public var isNewTag: Bool
  /// The documents in the snapshot.
  public var entries: [SnapshotEntry]
  /// Documents left out because they were never approved.
  public var neverApproved: [String]
  /// Documents left out because every approved revision was revoked (`sop revoke`).
  public var revoked: [String]
  /// Where the site was written.
  public var outputDirectory: URL
  /// Which document pages were rendered and which taken unchanged from the previous site.
  public var pages = SitePages(rendered: [], reused: [])
}

/// The document pages of a site written: rendered, or taken from the previous site (`PageReuse`).
public struct SitePages: Sendable, Equatable {
  /// Paths of the pages rendered.
  public var rendered: [String]
  /// Paths of the pages whose recorded inputs and bytes matched the previous site's file, which was reused.
  public var reused: [String]
  /// The reused pages whose file still had the identity the site-file record took of it, linked without being
  /// read (a subset of `reused`).
  public var linkedByIdentity: [String] = []
}

/// Keeps `value` alive a moment longer and lets it go on another thread. Freeing what a publish of 5,000 documents
/// built (the ledger, the inventory, the snapshot tags, the site snapshot: millions of objects) took 25 ms at the
/// end of every publish; `sop publish` exits right after, and its memory goes back with the process, while a
/// server frees it off the request's path. The delay is only so that the caller's own references are gone by
/// then, which makes the freeing happen there rather than in the caller.
func releaseLater<Value: Sendable>(_ value: Value) {
  DispatchQueue.global(qos: .background).asyncAfter(deadline: .now() + .milliseconds(250)) {
    withExtendedLifetime(value) {}
  }
}

/// A document's revision, the key of effective dates: a pair, not a string made for every entry of every snapshot.
struct CarriedRevision: Hashable {
  var id: String
  var revision: Int
}

/// A parsed `published/N` tag.
struct SnapshotTag {
  var name: String
  var number: Int
  var object: ObjectID
  var commit: ObjectID
  var tagger: GitSignature
  var entries: [SnapshotEntry]
  var payload: [UInt8]
  var signature: String?
  /// The name the tag object itself carries (`tag <name>` header): a replayed snapshot keeps its old one.
  var innerName: String
  /// The object id of `published/N-1` this tag names (`Previous:` line); nil for the first and for
  /// tags made before the chain existed.
  var previous: ObjectID?
  /// Whether this came from a snapshot tag record (`SnapshotTagCache`), without `payload` and `signature`.
  var isCached = false
  /// For a record kept as changes to another tag's: that tag, the entries this one has of its own (every other
  /// entry is one of the base's, in the same order) and the base's entries it left out.
  var changedFrom: ChangedFrom?

  struct ChangedFrom {
    var base: ObjectID
    var added: [SnapshotEntry]
    var removed: [SnapshotEntry]
  }

  /// The entries of document `id`, in their order. Entries are sorted by id (`sortedByID`), so those of one id lie
  /// in the run of entries with its sort key, found by binary search.
  func entries(withID id: String) -> [SnapshotEntry] {
    func key(_ text: String) -> (String, Int, String) {
      let parsed = DocumentID(text) ?? .policy
      return (parsed.prefix, parsed.number, parsed.rawValue)
    }
    let wanted = key(id)
    var low = 0
    var high = entries.count
    while low < high {
      let middle = (low + high) / 2
      if key(entries[middle].id) < wanted { low = middle + 1 } else { high = middle }
    }
    var found: [SnapshotEntry] = []
    while low < entries.count, key(entries[low].id) == wanted {
      if entries[low].id == id { found.append(entries[low]) }
      low += 1
    }
    return found
  }
}

extension DocumentRepository {
  static let snapshotPrefix = "published/"

  /// Publishes the approved revision of every document as a signed tag and renders its site.
  public func publish(_ request: PublishRequest, signer makeSigner: (String) -> any MessageSigner)
    throws(ControlError) -> PublishOutcome
  {
    let head = try commit(nil)
    // The pinned root and the checkpoints before any judgement here: a verified-snapshot record names these,
    // never what another sop may change meanwhile, so such a change makes the next publish judge again.
    let judgedUnder = verifiedSnapshotConditions()
    let ledger = try ledger(at: head)
    guard let effective = ledger.effectivePolicy else { throw .noPolicy(revision: "HEAD") }
    let keyPath = try resolveKeyPath(request.keyPath)
    defer { keyPath.cleanup() }
    let key = try signingPublicKey(keyPath)
    guard let person = effective.person(for: key) else { throw .unregisteredKey(fingerprint: key.fingerprint) }
    guard person.roles.contains(where: effective.policy.publishRoles.contains) else {
      throw .notPublisher(person: person.name, roles: effective.policy.publishRoles)
    }
    // Refuse a foreign output folder before anything is signed or written. Publishes into one folder take
    // turns from here on, so the later one sees the earlier one's tag and reuses it.
    let siteLock: SiteLock
    do {
      siteLock = try SiteLock(for: request.outputDirectory)
      try SiteWriter().checkTarget(request.outputDirectory)
    } catch {
      throw .invalidArgument(error.description)
    }
    git.removeFinishedReferenceLocks(in: "refs/tags/" + String(Self.snapshotPrefix.dropLast()))
    // The policy in effect decides which files are documents; an id two files share is refused (H7).
    let inventory = try publishingInventory(at: head, policy: effective.policy)
    if let (id, paths) = inventory.ambiguous.min(by: { $0.key < $1.key }) {
      throw .ambiguousID(id: id.rawValue, paths: paths)
    }
    let entries = try effectiveEntries(ledger: ledger, inventory: inventory)
    for entry in entries where entry.isWithdrawn {
      guard let id = DocumentID(entry.id) else { continue }
      let referrers = referrers(of: id, inventory: inventory, ledger: ledger)
      if !referrers.isEmpty {
        notify(
          "warning: \(entry.id) is withdrawn, but approved documents still refer to it: "
            + referrers.joined(separator: ", "))
      }
    }
    let neverApproved = inventory.documents.keys.filter { (ledger.documents[$0]?.revisions.isEmpty ?? true) }
      .sorted().map(\.rawValue)
    let revoked = inventory.documents.keys.filter { id in
      ledger.documents[id].map { !$0.revisions.isEmpty && $0.inForce == nil } ?? false
    }.sorted().map(\.rawValue)
    // One reading of the references for both the tags and their chain: another publisher may add one meanwhile.
    let references = try snapshotReferences()
    // The earlier tags from their records; the latest, which is verified, from git.
    var existing = try snapshotTagsUsingRecords(from: references)
    existing = try freshlyRead(existing.count - 1, of: existing, references: references)
    // A snapshot is never reused or built on unverified: a forged latest tag would credit a signer who
    // never signed, or hide a deleted one (H12 in docs/approvals.md).
    if let latest = existing.last {
      var problems: [VerificationProblem]
      if isVouched(latest), ledger.policyAtCommit.keys.contains(latest.commit) {
        // The very tag object was judged valid by a publish before, under this root and these checkpoints as far
        // as its commit's history goes (docs/architecture.md, "The verified-snapshot record"); it is still in
        // the history being published.
        problems = []
      } else {
        var ledgers: [ObjectID: ApprovalLedger] = [ledger.tip: ledger]
        // Its commit's ledger is walked from scratch, but the documents at the tip, read and parsed above,
        // are not read again: after an approval nearly all of them are unchanged since the latest snapshot.
        var known: [ObjectID: ParsedDocument] = [:]
        for stored in inventory.documents.values { known[stored.blob] = stored.document }
        problems = try verify(latest, in: ledger, ledgers: &ledgers, known: known)
        if problems.isEmpty { recordVerifiedSnapshot(latest, under: judgedUnder) }
      }
      problems += chainProblems(of: existing, tagObjects: references)
      if !problems.isEmpty {
        throw .refused(
          "the published snapshots do not verify, so sop will not build on them: "
            + problems.map(\.message).joined(separator: "; ")
            + ". Investigate with sop verify; a tag that is not a genuine snapshot is removed with git tag -d NAME "
            + "(and on the shared repository)")
      }
    }
    var tag: SnapshotTag
    var allTags = existing
    var isNew = false
    if let latest = existing.last, latest.entries == entries {
      tag = latest
    } else {
      let signer = makeSigner(keyPath.path)
      let time = try unixSeconds(request.now)
      var number = existing.last?.number ?? 0
      var created: SnapshotTag?
      var isTagOfAnother = false
      for _ in 0..<30 {
        // Tag names come from references anyone can push; published/9223372036854775807 has no successor.
        guard number < Int.max else {
          throw .refused("\(Self.snapshotPrefix)\(number) is the highest snapshot number sop can count to")
        }
        number += 1
        let name = Self.snapshotPrefix + String(number)
        var message = "sop snapshot \(name)\n\n"
        if let text = request.message?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
          message += text + "\n\n"
        }
        message += entries.map(\.line).joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
        if let previous = allTags.last(where: { $0.number < number }) {
          message += "\nPrevious: \(previous.object.hex)\n"
        }
        let tagger = GitSignature(name: person.name, email: person.email, time: time)
        let payload = try viaGit { () throws(GitError) in
          try TagObject(object: head, name: name, tagger: tagger, message: message).unsignedText()
        }
        let signature = try signForGit(payload, with: signer)
        do {
          _ = try git.createTag(buffer: payload + signature + "\n")
          // Read the tag back from git, so the first rendering uses exactly what `render` will read.
          allTags = try snapshotTagsUsingRecords()
          if let index = allTags.firstIndex(where: { $0.name == name }) {
            allTags = try freshlyRead(index, of: allTags, references: nil)
            created = allTags.first { $0.name == name }
          }
          break
        } catch let error as GitError where error.isExisting {
          // Another publisher took this number: compare-and-swap on the tag name. If it tagged the same
          // content, use its tag rather than make a second one.
          allTags = try snapshotTagsUsingRecords()
          if let latest = allTags.last, latest.entries == entries {
            // Judged again on the tag as git holds it, not its record: only a tag of the same content is used.
            allTags = try freshlyRead(allTags.count - 1, of: allTags, references: nil)
            if let fresh = allTags.last, !fresh.isCached, fresh.name == latest.name, fresh.entries == entries {
              created = fresh
              isTagOfAnother = true
              break
            }
          }
          number = max(number, allTags.last?.number ?? 0)
        } catch let error as GitError where error.isLocked {
          // A publisher into another folder may be writing this tag right now: look again shortly. A lock
          // that stays (a killed run's) is named, with how to remove it.
          if let stale = git.staleLock(for: "refs/tags/" + name) { throw .git(stale) }
          usleep(100_000)
          number -= 1  // the loop moves on by one: try this number again
        } catch let error as GitError {
          throw .git(error)
        } catch {
          throw .refused("\(error)")
        }
      }
      guard let created else { throw .contention(attempts: 30) }
      tag = created
      isNew = !isTagOfAnother
      // Judged as the next publish would judge it, in the ledger of its commit (HEAD's, read above), so that
      // publish need not walk that history from scratch again while this stays the latest snapshot.
      var ledgers: [ObjectID: ApprovalLedger] = [ledger.tip: ledger]
      if created.commit == ledger.tip, (try? verify(created, in: ledger, ledgers: &ledgers))?.isEmpty == true {
        recordVerifiedSnapshot(created, under: judgedUnder)
      }
    }
    let pages: SitePages
    do {
      pages = try renderSite(
        tag: tag, among: allTags, to: request.outputDirectory, holding: siteLock,
        read: tag.commit == head ? (ledger, inventory) : nil)
    } catch {
      guard isNew else { throw error }
      // The signed tag exists; say so, and how to make its site once the cause is fixed.
      throw .refused(
        "\(tag.name) was created and signed, but its site could not be written: \(error.description) "
          + "Fix that, then run 'sop render \(tag.name) --out \(request.outputDirectory.path)'")
    }
    releaseLater(ledger)
    releaseLater(inventory)
    releaseLater(allTags)
    return PublishOutcome(
      tag: tag.name, isNewTag: isNew, entries: tag.entries, neverApproved: neverApproved, revoked: revoked,
      outputDirectory: request.outputDirectory, pages: pages)
  }

  /// Renders the site of an existing `published/N` tag into `directory`, byte-identical to its first rendering.
  @discardableResult
  public func render(tag name: String, to directory: URL) throws(ControlError) -> SitePages {
    let (tag, tags) = try verifiedSnapshot(named: name, usingRecords: true)
    return try renderSite(tag: tag, among: tags, to: directory)
  }

  /// The snapshot tag `name` (`published/3` or `3`; nil: the latest) once it verifies, with every snapshot tag.
  /// `usingRecords`: the other tags may come from their records (`snapshotTagsUsingRecords`); the one returned is
  /// always read from git.
  func verifiedSnapshot(named name: String?, usingRecords: Bool = false) throws(ControlError) -> (
    tag: SnapshotTag, all: [SnapshotTag]
  ) {
    let references = try snapshotReferences()
    var tags = try usingRecords ? snapshotTagsUsingRecords(from: references) : snapshotTags(from: references)
    func named(in tags: [SnapshotTag]) -> Int? {
      guard let name else { return tags.isEmpty ? nil : tags.count - 1 }
      let full = name.hasPrefix(Self.snapshotPrefix) ? name : Self.snapshotPrefix + name
      return tags.firstIndex { $0.name == full || $0.name == name }
    }
    if let index = named(in: tags) { tags = try freshlyRead(index, of: tags, references: references) }
    guard let tag = named(in: tags).map({ tags[$0] }) else {
      throw .invalidArgument(
        name.map { "no snapshot tag \($0) (see git tag -l 'published/*')" }
          ?? "there is no published snapshot yet; run 'sop publish' first")
    }
    // A site is never rendered from a snapshot that does not verify (forged, replayed or out of history).
    let atTag = try ledger(at: tag.commit)
    var ledgers: [ObjectID: ApprovalLedger] = [atTag.tip: atTag]
    let problems =
      try verify(tag, in: atTag, ledgers: &ledgers)
      + chainProblems(of: tags, tagObjects: references).filter { $0.document == tag.name }
    if !problems.isEmpty {
      throw .invalidArgument(
        "\(tag.name) does not verify, so sop will not render it: "
          + problems.map(\.message).joined(separator: "; "))
    }
    return (tag, tags)
  }

  /// The revision in force of every document at the tip that has one, as snapshot entries sorted by id (H5:
  /// a document no longer in the repository is not in force).
  func effectiveEntries(ledger: ApprovalLedger, inventory: Inventory) throws(ControlError) -> [SnapshotEntry] {
    var entries: [SnapshotEntry] = []
    for (id, history) in ledger.documents where inventory.documents[id] != nil {
      guard let latest = history.inForce else { continue }
      // The tip's parse, when the revision in force is what the tip holds (as it usually is), saves a read.
      let stored = inventory.documents[id]
      let frontMatter =
        try stored?.blob == latest.blob ? stored?.document.frontMatter : frontMatter(ofBlob: latest.blob)
      entries.append(
        SnapshotEntry(
          id: id.rawValue, revision: latest.number, blob: latest.blob.hex,
          isWithdrawn: frontMatter?.status == .obsolete))
    }
    return entries.sortedByID()
  }

  /// Every `published/N` reference, with the object it points at.
  func snapshotReferences() throws(ControlError) -> [(name: String, object: ObjectID)] {
    do {
      return try git.references(matching: "refs/tags/\(Self.snapshotPrefix)*").map {
        (String($0.name.dropFirst("refs/tags/".count)), $0.target)
      }
    } catch {
      throw .git(error)
    }
  }

  /// Every `published/N` tag that is a tag object pointing at a commit, parsed, sorted by N. `sop verify`
  /// reports the references that are not.
  func snapshotTags(from references: [(name: String, object: ObjectID)]? = nil) throws(ControlError) -> [SnapshotTag] {
    var tags: [SnapshotTag] = []
    let listed: [(name: String, object: ObjectID)]
    if let references { listed = references } else { listed = try snapshotReferences() }
    for reference in listed {
      do {
        if let tag = try snapshotTag(name: reference.name, object: reference.object) { tags.append(tag) }
      } catch {
        throw .git(error)  // a damaged tag object is named, never skipped
      }
    }
    return tags.sorted { $0.number < $1.number }
  }

  /// The `published/N` tag `name` whose tag object is `object`, parsed; nil when it is not one (the name is
  /// no whole number from 1, or the object is not an annotated tag of a commit). A damaged tag is an error
  /// naming it.
  func snapshotTag(name: String, object: ObjectID) throws(GitError) -> SnapshotTag? {
    guard let number = Int(name.dropFirst(Self.snapshotPrefix.count)), number >= 1 else { return nil }
    let parsedKey = "\(name) \(object.hex)"
    if let known = parsedSnapshotTags[parsedKey] { return known }
    let raw = try git.rawObject(object)
    guard raw.type == "tag" else { return nil }
    let tag: TagObject
    do {
      tag = try TagObject(parsing: raw.data)
    } catch {
      throw GitError(operation: "read \(name)", code: error.code, message: "\(name) is \(error.message)")
    }
    // A snapshot names a commit directly; a tag of a tree, a blob or another tag is not one.
    guard tag.type == "commit" else { return nil }
    let lines = SnapshotEntry.split(tag.message, at: UInt8(ascii: "\n"))
    let previous = lines.last { $0.hasPrefix("Previous: ") }.flatMap {
      ObjectID(hex: String($0.dropFirst("Previous: ".count)))
    }
    let entries = lines.compactMap { SnapshotEntry(line: String($0)) }
    let parsed = SnapshotTag(
      name: name, number: number, object: object, commit: try git.peelToCommit(object),
      tagger: tag.tagger ?? GitSignature(name: "", email: "", time: 0), entries: entries.sortedByID(),
      payload: tag.signedData, signature: tag.signature, innerName: tag.name, previous: previous)
    parsedSnapshotTags[parsedKey] = parsed
    return parsed
  }

  func frontMatter(ofBlob blob: ObjectID) throws(ControlError) -> FrontMatter? {
    try parsedDocument(blob: blob)?.frontMatter
  }

  /// The document stored in a blob, or nil when it does not parse.
  private func parsedDocument(blob: ObjectID) throws(ControlError) -> ParsedDocument? {
    let bytes: [UInt8] = try viaGit { () throws(GitError) in try git.blob(blob) }
    return try? ParsedDocument(path: blob.hex, data: Data(bytes))
  }

  /// Builds the snapshot value of a tag from git alone, then renders and writes it. A document page whose
  /// inputs the page records hold, with the bytes the folder's previous site has, is taken from there rather
  /// than rendered (`PageReuse`); the files written are the same either way.
  /// `read` is the tag commit's ledger and inventory, when the caller has them already.
  private func renderSite(
    tag: SnapshotTag, among tags: [SnapshotTag], to directory: URL, holding lock: SiteLock? = nil,
    read: (ledger: ApprovalLedger, inventory: Inventory)? = nil
  ) throws(ControlError) -> SitePages {
    let snapshot = try siteSnapshot(
      of: tag, earlierTags: tags.filter { $0.number < tag.number }, read: read)
    let words = readSearchWords()
    // Pages whose file still has the identity the site-file record took of it are linked without being read; the
    // others are read and compared (docs/architecture.md, "Site-file records").
    let siteFiles = readSiteFiles(of: directory)
    let root = directory.standardizedFileURL.path
    var reuse = PageReuse(
      recorded: readPageRecords(), words: words,
      unchanged: { path in
        // `path` is the renderer's own page path, never one read from the record.
        guard let record = siteFiles[path], FileIdentity.ofUnshared(root + "/" + path) == record.identity else {
          return nil
        }
        return record
      },
      previous: { SiteWriter.previousFile($0, in: directory) })
    var rendering: SiteRenderer.Rendering
    var written: [String: FileInode]
    do {
      do {
        // The document pages are put in the new folder while the rest of the site (the index, changes and search
        // pages, the manifest) is made on another thread; the folder is swapped in only once both are done.
        let documents = SiteRenderer().renderDocuments(snapshot, reusing: reuse)
        let rest = InBackground { documents.finished() }
        written = try SiteWriter().write(documents.files, then: { rest.value.rest }, to: directory, holding: lock)
        rendering = rest.value
      } catch .previousFileChanged {
        // A recorded file changed between the check and the link: read and compare every page instead.
        reuse.unchanged = { _ in nil }
        rendering = SiteRenderer().render(snapshot, reusing: reuse)
        written = try SiteWriter().write(rendering.files, to: directory, holding: lock)
      }
    } catch {
      throw .invalidArgument(error.description)
    }
    storePageRecords(rendering.records)
    storeSearchWords(rendering.words, read: words)
    storeSiteFiles(of: directory, pages: rendering.pageHashes, written: written, read: siteFiles)
    let pages = SitePages(
      rendered: rendering.rendered, reused: rendering.reused,
      linkedByIdentity: rendering.files.filter { $0.previous != nil }.map(\.path))
    releaseLater(snapshot)
    releaseLater(rendering)
    return pages
  }

  /// The site of `tag`. `read`, when given, must be the ledger of `tag.commit` and its inventory under the policy
  /// in effect there (publish passes those it read at HEAD when it tags HEAD), used instead of reading the ledger
  /// cache and every document's blob again.
  func siteSnapshot(
    of tag: SnapshotTag, earlierTags: [SnapshotTag], read: (ledger: ApprovalLedger, inventory: Inventory)? = nil
  ) throws(ControlError) -> SiteSnapshot {
    let ledger: ApprovalLedger
    if let read { ledger = read.ledger } else { ledger = try self.ledger(at: tag.commit) }
    let policy = ledger.effectivePolicy?.policy
    let previous = earlierTags.last
    let previousEntries = Dictionary(
      (previous?.entries ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let previousRevisions = Self.previouslyPublished(tag.entries, earlierTags: earlierTags)
    let tagDate = Date(timeIntervalSince1970: TimeInterval(tag.tagger.time))
    typealias Carried = CarriedRevision
    let firstCarried = Self.firstCarried(by: earlierTags + [tag])
    func signer(_ record: ApprovalRecord) -> SitePublisher.Signer {
      SitePublisher.Signer(
        name: record.name, email: record.email, role: record.role,
        time: Date(timeIntervalSince1970: TimeInterval(record.time)), fingerprint: record.fingerprint,
        commit: record.commit.hex, meaning: record.meaning, comment: record.comment)
    }
    var documents: [SiteDocument] = []
    var withdrawn: [WithdrawnDocument] = []
    var paths: [DocumentID: String] = [:]
    var counts = Dictionary(uniqueKeysWithValues: DocumentState.allCases.map { ($0.rawValue, 0) })
    var training: SiteTraining?
    // The documents the inventory parsed, by blob: a tag's blobs are nearly all at its commit.
    var parsedBlobs: [ObjectID: ParsedDocument] = [:]
    func parse(_ blob: ObjectID) throws(ControlError) -> ParsedDocument? {
      if let known = parsedBlobs[blob] { return known }
      return try parsedDocument(blob: blob)
    }
    if let policy {
      let inventory: Inventory
      if let read { inventory = read.inventory } else { inventory = try self.inventory(at: tag.commit, policy: policy) }
      for stored in inventory.documents.values { parsedBlobs[stored.blob] = stored.document }
      if let effective = ledger.effectivePolicy, !effective.policy.training.isEmpty {
        training = Self.siteTraining(
          TrainingMatrix(ledger: ledger, inventory: inventory, policy: effective.policy)
            .report(person: nil, document: nil, now: tagDate))
      }
      for (id, stored) in inventory.documents {
        paths[id] = stored.path
        let state = statusEntry(
          stored, history: ledger.documents[id] ?? DocumentHistory(), policy: policy,
          effective: ledger.effectivePolicy, now: tagDate
        ).state
        counts[state.rawValue, default: 0] += 1
      }
    }
    // Every line of the tag becomes a page, or nothing is written: a site that leaves a document out
    // would disagree with the signed tag it claims to show.
    func unshowable(_ entry: SnapshotEntry, _ why: String) -> ControlError {
      .invalidArgument(
        "\(tag.name) lists \(entry.line), but \(why); no site was written. Run 'sop verify' and "
          + "'git fsck --full' to find the damage")
    }
    for entry in tag.entries {
      guard let id = DocumentID(entry.id), let blob = ObjectID(hex: entry.blob) else {
        throw unshowable(entry, "that line is not a document id and blob")
      }
      guard let parsed = try parse(blob) else {
        throw unshowable(entry, "blob \(entry.blob) is not a readable document")
      }
      let history = ledger.documents[id] ?? DocumentHistory()
      let frontMatter = parsed.frontMatter
      guard
        let revision = history.revisions.first(where: { $0.blob == blob && $0.number == entry.revision })
          ?? history.revisions.last(where: { $0.blob == blob })
      else {
        throw unshowable(entry, "the history of \(tag.commit.short) holds no approval of that content")
      }
      if entry.isWithdrawn {
        var record = WithdrawnDocument(
          id: entry.id, title: frontMatter.title, revision: entry.revision,
          date: firstCarried[Carried(id: entry.id, revision: entry.revision)] ?? tagDate)
        record.type = frontMatter.type
        record.path = paths[id] ?? ""
        record.signatures = revision.approvals.map(signer)
        // `sop withdraw` writes "Withdraw <ID>" and the reason below it; a withdrawal made by hand names its
        // reason in its last change commit.
        let withdrawal =
          revision.changes.last { $0.subject == "Withdraw \(entry.id)" } ?? revision.changes.last
        record.reason = withdrawal.map { $0.reason.isEmpty ? $0.subject : $0.reason } ?? ""
        if let last = history.revisions.last(where: { $0.number < revision.number && $0.revocation == nil }) {
          record.lastInForce = last.number
          record.lastInForceEffective = firstCarried[Carried(id: entry.id, revision: last.number)]
          record.lastInForceMarkdown = try parse(last.blob)?.text.body
        }
        withdrawn.append(record)
        continue
      }
      var nextReview: Date?
      if let interval = policy?.types[frontMatter.type]?.reviewEvery {
        nextReview = interval.adding(to: Date(timeIntervalSince1970: TimeInterval(revision.lastApprovedOrReviewed)))
      }
      let owner = policy?.person(email: frontMatter.owner)
      var previousMarkdown: String?
      var previousRevision: Int?
      if let earlier = previousRevisions[entry.id]?[entry.blob], let blob = ObjectID(hex: earlier.blob) {
        previousMarkdown = try parse(blob)?.text.body
        previousRevision = earlier.revision
      }
      let records = history.revisions.filter { $0.number <= revision.number }.map { revision in
        var record = SitePublisher.RevisionRecord(
          revision: revision.number, date: Date(timeIntervalSince1970: TimeInterval(revision.approvedAt)),
          signatures: revision.approvals.map(signer), changeSubjects: revision.changes.map(\.subject),
          editorialWords: revision.isEditorial ? revision.changedWords : nil)
        var authors: [String] = []
        for change in revision.changes where !authors.contains(change.authorName) {
          authors.append(change.authorName)
        }
        record.authors = authors
        record.effectiveDate = firstCarried[Carried(id: entry.id, revision: revision.number)]
        return record
      }
      var document = SiteDocument(
        id: entry.id, title: frontMatter.title, type: frontMatter.type, path: paths[id] ?? "",
        ownerName: owner?.name ?? frontMatter.owner, ownerEmail: frontMatter.owner, revision: entry.revision,
        blob: entry.blob, markdown: parsed.text.body, nextReview: nextReview,
        signatures: revision.approvals.map(signer), history: records, previousMarkdown: previousMarkdown,
        previousRevision: previousRevision)
      document.related = frontMatter.related.map(\.rawValue)
      document.effectiveDate = firstCarried[Carried(id: entry.id, revision: entry.revision)] ?? tagDate
      // The approved bytes, from the revision's own record, never from the tip (docs/approvals.md).
      for (path, attachment) in revision.attachments.sorted(by: { $0.key < $1.key }) {
        let bytes = try viaGit { () throws(GitError) in try git.blob(attachment) }
        document.attachments.append(SiteAttachment(path: path, bytes: bytes))
      }
      documents.append(document)
    }
    let changes = SnapshotChanges(
      added: tag.entries.filter { !$0.isWithdrawn && previousEntries[$0.id] == nil }.map(\.id),
      revised: tag.entries.filter { entry in
        !entry.isWithdrawn && previousEntries[entry.id].map { !$0.isWithdrawn && $0.blob != entry.blob } == true
      }.map(\.id),
      withdrawn: tag.entries.filter { $0.isWithdrawn && previousEntries[$0.id]?.isWithdrawn != true }.map(\.id))
    let publisher = ledger.effectivePolicy?.policy.person(email: tag.tagger.email)
    let fingerprint = tag.signature.flatMap { try? SSHSignature(armored: $0).publicKey.fingerprint } ?? ""
    let role = publisher?.roles.first(where: { (policy?.publishRoles ?? [ApprovalRules.adminRole]).contains($0) }) ?? ""
    var snapshot = SiteSnapshot(
      tag: tag.name, commit: tag.commit.hex, effectiveDate: tagDate, organisation: policy?.organisation ?? "",
      publisher: SitePublisher.Signer(
        name: publisher?.name ?? tag.tagger.name, email: tag.tagger.email, role: role, time: tagDate,
        fingerprint: fingerprint, commit: tag.object.hex, meaning: "Published"),
      tagFingerprint: fingerprint, documents: documents, withdrawn: withdrawn, changes: changes,
      stateCounts: counts, previousTag: previous?.name)
    snapshot.training = training
    snapshot.suggestChange = policy?.suggestChange
    return snapshot
  }

  /// When each revision came into force: the time of the first of `carriers` (oldest first) that carries it; it
  /// keeps that date (its effective date) in every later snapshot.
  static func firstCarried(by carriers: [SnapshotTag]) -> [CarriedRevision: Date] {
    var firstCarried: [CarriedRevision: Date] = [:]
    var counted: ObjectID?
    for carrier in carriers {
      let date = Date(timeIntervalSince1970: TimeInterval(carrier.tagger.time))
      // A tag recorded as changes to the one just counted carries nothing new in the entries it kept from it.
      let entries = carrier.changedFrom.flatMap { $0.base == counted ? $0.added : nil } ?? carrier.entries
      for entry in entries {
        let key = CarriedRevision(id: entry.id, revision: entry.revision)
        if firstCarried[key] == nil { firstCarried[key] = date }
      }
      counted = carrier.object
    }
    return firstCarried
  }

  /// For each id and blob of the entries in force of `entries`, the revision of that id published before that
  /// blob: the first entry of the id that is not withdrawn in the newest earlier snapshot where that entry has
  /// other content (the redline's base). One pass over the earlier snapshots, newest first, that stops when
  /// every document has found its base, instead of a search of every earlier list per document (quadratic in
  /// the number of documents) or an index of every earlier list (memory growing with every snapshot).
  static func previouslyPublished(_ entries: [SnapshotEntry], earlierTags: [SnapshotTag])
    -> [String: [String: SnapshotEntry]]
  {
    // The blobs of an id still looking for their base, and the last earlier snapshot (counted from the newest)
    // in which an entry of the id was seen: only the first entry of an id in a snapshot counts, as a tag could
    // list one id twice. Ids no longer pending need no such mark, so no set of every id is built per snapshot.
    struct Pending {
      var blobs: [String]
      var seenIn: Int
    }
    var blobsByID: [String: Set<String>] = [:]
    for entry in entries where !entry.isWithdrawn { blobsByID[entry.id, default: []].insert(entry.blob) }
    var pending = blobsByID.mapValues { Pending(blobs: Array($0), seenIn: -1) }
    var found: [String: [String: SnapshotEntry]] = [:]
    // The snapshot looked at just before (the next newer one), when it is recorded as changes to this one: an id
    // whose entries it did not change sees here what it saw there, which changes nothing, so only the ids it
    // changed are looked at.
    var newer: SnapshotTag.ChangedFrom?
    for (number, earlier) in earlierTags.reversed().enumerated() where !pending.isEmpty {
      defer { newer = earlier.changedFrom }
      var entries = earlier.entries
      if let newer, newer.base == earlier.object {
        var ids = Set<String>()
        entries = (newer.added + newer.removed).filter { ids.insert($0.id).inserted }.flatMap {
          earlier.entries(withID: $0.id)
        }
      }
      for entry in entries where !entry.isWithdrawn {
        guard let index = pending.index(forKey: entry.id), pending.values[index].seenIn != number else { continue }
        pending.values[index].seenIn = number
        let blobs = pending.values[index].blobs
        // Most documents are unchanged since the last snapshot: their one pending blob stays as it is.
        if blobs.count == 1, blobs[0] == entry.blob { continue }
        for blob in blobs where blob != entry.blob { found[entry.id, default: [:]][blob] = entry }
        if !blobs.contains(entry.blob) {
          pending.remove(at: index)
        } else {
          pending.values[index].blobs = [entry.blob]
        }
      }
    }
    return found
  }

  /// The matrix as the site shows it: the documents anyone must know, and each person's states.
  static func siteTraining(_ report: TrainingReport) -> SiteTraining {
    var documents = Set<DocumentID>()
    let people = report.people.map { person in
      SiteTrainee(
        name: person.name, email: person.email,
        states: Dictionary(person.documents.map { ($0.id, $0.state.rawValue) }) { first, _ in first })
    }
    for person in report.people { documents.formUnion(person.documents.compactMap { DocumentID($0.id) }) }
    return SiteTraining(documents: documents.sorted().map(\.rawValue), people: people)
  }
}
