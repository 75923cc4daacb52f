import DocumentModel
import Foundation
import GitStore
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
    let parts = line.split(separator: " ")
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

  /// Orders entries by document id.
  public static func < (lhs: SnapshotEntry, rhs: SnapshotEntry) -> Bool {
    (DocumentID(lhs.id) ?? .policy, lhs.blob) < (DocumentID(rhs.id) ?? .policy, rhs.blob)
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
  /// Where the site was written.
  public var outputDirectory: URL
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
}

extension DocumentRepository {
  static let snapshotPrefix = "published/"

  /// Publishes the approved revision of every document as a signed tag and renders its site.
  public func publish(_ request: PublishRequest, signer makeSigner: (String) -> any MessageSigner)
    throws(ControlError) -> PublishOutcome
  {
    let head = try commit(nil)
    let ledger = try ledger(at: head)
    guard let effective = ledger.effectivePolicy else { throw .noPolicy(revision: "HEAD") }
    let keyPath = try resolveKeyPath(request.keyPath)
    defer { keyPath.cleanup() }
    let key: SSHPublicKey
    do {
      key = try publicKey(forKeyFile: keyPath.path)
    } catch {
      throw .signing(error)
    }
    guard let person = effective.person(for: key) else { throw .unregisteredKey(fingerprint: key.fingerprint) }
    guard person.roles.contains(where: effective.policy.publishRoles.contains) else {
      throw .notPublisher(person: person.name, roles: effective.policy.publishRoles)
    }
    // Refuse a foreign output folder before anything is signed or written.
    do {
      try SiteWriter().checkTarget(request.outputDirectory)
    } catch {
      throw .invalidArgument(error.description)
    }
    let entries = try effectiveEntries(ledger: ledger)
    let (policy, _) = try self.policy(at: head)
    let inventory = try inventory(at: head, policy: policy)
    let neverApproved = inventory.documents.keys.filter { (ledger.documents[$0]?.revisions.isEmpty ?? true) }
      .sorted().map(\.rawValue)
    let existing = try snapshotTags()
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
        let tagger = GitSignature(name: person.name, email: person.email, time: time)
        let payload: String
        let signature: String
        do {
          payload = try TagObject(object: head, name: name, tagger: tagger, message: message).unsignedText()
        } catch {
          throw .git(error)
        }
        do {
          signature = try signer.sign(Data(payload.utf8), namespace: "git")
        } catch let error as SignatureError {
          throw ControlError.signing(error)
        } catch {
          throw ControlError.refused("signing failed: \(error)")
        }
        do {
          _ = try git.createTag(buffer: payload + signature + "\n")
          // Read the tag back from git, so the first rendering uses exactly what `render` will read.
          allTags = try snapshotTags()
          created = allTags.first { $0.name == name }
          break
        } catch let error as GitError where error.isExisting {
          continue  // Another publisher took this number: compare-and-swap on the tag name.
        } catch let error as GitError {
          throw .git(error)
        } catch {
          throw .refused("\(error)")
        }
      }
      guard let created else { throw .contention(attempts: 30) }
      tag = created
      isNew = true
    }
    try renderSite(tag: tag, among: allTags, to: request.outputDirectory)
    return PublishOutcome(
      tag: tag.name, isNewTag: isNew, entries: tag.entries, neverApproved: neverApproved,
      outputDirectory: request.outputDirectory)
  }

  /// Renders the site of an existing `published/N` tag into `directory`, byte-identical to its first rendering.
  public func render(tag name: String, to directory: URL) throws(ControlError) {
    let full = name.hasPrefix(Self.snapshotPrefix) ? name : Self.snapshotPrefix + name
    let tags = try snapshotTags()
    guard let tag = tags.first(where: { $0.name == full || $0.name == name }) else {
      throw .invalidArgument("no snapshot tag \(name) (see git tag -l 'published/*')")
    }
    try renderSite(tag: tag, among: tags, to: directory)
  }

  /// The latest approved content of every document that has one, as snapshot entries sorted by id.
  func effectiveEntries(ledger: ApprovalLedger) throws(ControlError) -> [SnapshotEntry] {
    var entries: [SnapshotEntry] = []
    for (id, history) in ledger.documents {
      guard let latest = history.revisions.last else { continue }
      let frontMatter = try frontMatter(ofBlob: latest.blob)
      entries.append(
        SnapshotEntry(
          id: id.rawValue, revision: latest.number, blob: latest.blob.hex,
          isWithdrawn: frontMatter?.status == .obsolete))
    }
    return entries.sorted()
  }

  /// Every `published/N` tag, parsed, sorted by N.
  func snapshotTags() throws(ControlError) -> [SnapshotTag] {
    do throws(GitError) {
      var tags: [SnapshotTag] = []
      for reference in try git.references(matching: "refs/tags/\(Self.snapshotPrefix)*") {
        let name = String(reference.name.dropFirst("refs/tags/".count))
        guard let number = Int(name.dropFirst(Self.snapshotPrefix.count)) else { continue }
        let raw = try git.rawObject(reference.target)
        guard raw.type == "tag" else { continue }
        let tag: TagObject
        do {
          tag = try TagObject(parsing: raw.data)
        } catch {
          throw GitError(operation: "read \(name)", code: error.code, message: "\(name) is \(error.message)")
        }
        let entries = tag.message.split(separator: "\n").compactMap { SnapshotEntry(line: String($0)) }
        tags.append(
          SnapshotTag(
            name: name, number: number, object: reference.target, commit: try git.peelToCommit(reference.target),
            tagger: tag.tagger ?? GitSignature(name: "", email: "", time: 0), entries: entries.sorted(),
            payload: tag.signedData, signature: tag.signature))
      }
      return tags.sorted { $0.number < $1.number }
    } catch {
      throw .git(error)
    }
  }

  func frontMatter(ofBlob blob: ObjectID) throws(ControlError) -> FrontMatter? {
    try parsedDocument(blob: blob)?.frontMatter
  }

  /// The document stored in a blob, or nil when it does not parse.
  private func parsedDocument(blob: ObjectID) throws(ControlError) -> ParsedDocument? {
    let bytes: [UInt8]
    do {
      bytes = try git.blob(blob)
    } catch {
      throw .git(error)
    }
    return try? ParsedDocument(path: blob.hex, data: Data(bytes))
  }

  /// Builds the snapshot value of a tag from git alone, then renders and writes it.
  private func renderSite(tag: SnapshotTag, among tags: [SnapshotTag], to directory: URL) throws(ControlError) {
    let snapshot = try siteSnapshot(of: tag, earlierTags: tags.filter { $0.number < tag.number })
    let files = SiteRenderer().render(snapshot)
    do {
      try SiteWriter().write(files, to: directory)
    } catch {
      throw .invalidArgument(error.description)
    }
  }

  func siteSnapshot(of tag: SnapshotTag, earlierTags: [SnapshotTag]) throws(ControlError) -> SiteSnapshot {
    let ledger = try ledger(at: tag.commit)
    let policy = ledger.effectivePolicy?.policy
    let previous = earlierTags.last
    let previousEntries = Dictionary(
      (previous?.entries ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    /// The revision of `id` published before `blob`, from the newest earlier snapshot that had other content.
    func previouslyPublished(_ id: String, blob: String) -> SnapshotEntry? {
      for earlier in earlierTags.reversed() {
        if let entry = earlier.entries.first(where: { $0.id == id && !$0.isWithdrawn }), entry.blob != blob {
          return entry
        }
      }
      return nil
    }
    let tagDate = Date(timeIntervalSince1970: TimeInterval(tag.tagger.time))
    func signer(_ record: ApprovalRecord) -> SitePublisher.Signer {
      SitePublisher.Signer(
        name: record.name, email: record.email, role: record.role,
        time: Date(timeIntervalSince1970: TimeInterval(record.time)), fingerprint: record.fingerprint,
        commit: record.commit.hex, meaning: record.meaning)
    }
    var documents: [SiteDocument] = []
    var withdrawn: [WithdrawnDocument] = []
    var paths: [DocumentID: String] = [:]
    var counts = ["approved": 0, "draft": 0, "obsolete": 0]
    if let policy, let inventory = try? inventory(at: tag.commit, policy: policy) {
      for (id, stored) in inventory.documents {
        paths[id] = stored.path
        let state = statusEntry(
          stored, history: ledger.documents[id] ?? DocumentHistory(), policy: policy, now: tagDate
        ).state
        counts[state, default: 0] += 1
      }
    }
    for entry in tag.entries {
      guard let id = DocumentID(entry.id), let blob = ObjectID(hex: entry.blob),
        let parsed = try parsedDocument(blob: blob)
      else { continue }
      let history = ledger.documents[id] ?? DocumentHistory()
      let frontMatter = parsed.frontMatter
      guard
        let revision = history.revisions.first(where: { $0.blob == blob && $0.number == entry.revision })
          ?? history.revisions.last(where: { $0.blob == blob })
      else {
        continue
      }
      if entry.isWithdrawn {
        withdrawn.append(
          WithdrawnDocument(
            id: entry.id, title: frontMatter.title, revision: entry.revision,
            date: Date(timeIntervalSince1970: TimeInterval(revision.approvedAt))))
        continue
      }
      var nextReview: Date?
      if let interval = policy?.types[frontMatter.type]?.reviewEvery {
        nextReview = interval.adding(to: Date(timeIntervalSince1970: TimeInterval(revision.lastApprovedOrReviewed)))
      }
      let owner = policy?.person(email: frontMatter.owner)
      var previousMarkdown: String?
      var previousRevision: Int?
      if let earlier = previouslyPublished(entry.id, blob: entry.blob), let blob = ObjectID(hex: earlier.blob) {
        previousMarkdown = try parsedDocument(blob: blob)?.text.body
        previousRevision = earlier.revision
      }
      let records = history.revisions.filter { $0.number <= revision.number }.map { revision in
        SitePublisher.RevisionRecord(
          revision: revision.number, date: Date(timeIntervalSince1970: TimeInterval(revision.approvedAt)),
          signatures: revision.approvals.map(signer), changeSubjects: revision.changes.map(\.subject))
      }
      documents.append(
        SiteDocument(
          id: entry.id, title: frontMatter.title, type: frontMatter.type, path: paths[id] ?? "",
          ownerName: owner?.name ?? frontMatter.owner, ownerEmail: frontMatter.owner, revision: entry.revision,
          blob: entry.blob, markdown: parsed.text.body, nextReview: nextReview,
          signatures: revision.approvals.map(signer), history: records, previousMarkdown: previousMarkdown,
          previousRevision: previousRevision))
    }
    let changes = SnapshotChanges(
      added: tag.entries.filter { !$0.isWithdrawn && previousEntries[$0.id] == nil }.map(\.id),
      revised: tag.entries.filter { entry in
        !entry.isWithdrawn && previousEntries[entry.id].map { !$0.isWithdrawn && $0.blob != entry.blob } == true
      }.map(\.id),
      withdrawn: tag.entries.filter { $0.isWithdrawn && previousEntries[$0.id]?.isWithdrawn != true }.map(\.id))
    let publisher = ledger.effectivePolicy?.policy.person(email: tag.tagger.email)
    let fingerprint = tag.signature.flatMap { try? SSHSignature(armored: $0).publicKey.fingerprint } ?? ""
    let role = publisher?.roles.first(where: { (policy?.publishRoles ?? ["admin"]).contains($0) }) ?? ""
    return SiteSnapshot(
      tag: tag.name, commit: tag.commit.hex, effectiveDate: tagDate, organisation: policy?.organisation ?? "",
      publisher: SitePublisher.Signer(
        name: publisher?.name ?? tag.tagger.name, email: tag.tagger.email, role: role, time: tagDate,
        fingerprint: fingerprint, commit: tag.object.hex, meaning: "Published"),
      tagFingerprint: fingerprint, documents: documents, withdrawn: withdrawn, changes: changes,
      stateCounts: counts, previousTag: previous?.name)
  }
}
