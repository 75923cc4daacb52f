import Foundation

/// Everything the site shows about one published snapshot, built by the caller from git.
public struct SiteSnapshot: Codable, Sendable, Equatable {
  /// The snapshot's tag, e.g. `published/3`.
  public var tag: String
  /// The commit the tag points at (40 hex digits).
  public var commit: String
  /// The tag's date; every document in the snapshot is effective from it.
  public var effectiveDate: Date
  /// The organisation named on every page.
  public var organisation: String
  /// Who signed the tag.
  public var publisher: Signer
  /// The fingerprint of the key that signed the tag.
  public var tagFingerprint: String
  /// The effective documents, sorted by id.
  public var documents: [SiteDocument]
  /// Documents that are withdrawn as of this snapshot.
  public var withdrawn: [WithdrawnDocument]
  /// What changed since the previous snapshot.
  public var changes: SnapshotChanges
  /// How many documents are in each state ("approved", "draft", "obsolete") at HEAD.
  public var stateCounts: [String: Int]
  /// The previous snapshot's tag, or nil for the first snapshot.
  public var previousTag: String?
  /// The training matrix as of the snapshot, or nil when `sop.yml` asks for no training.
  public var training: SiteTraining?
  /// The "Suggest a change" URL template of `sop.yml` (`site: {suggest-change: …}`), with `{id}`,
  /// `{revision}` and `{title}` placeholders; nil means no link.
  public var suggestChange: String?

  /// Creates a snapshot.
  public init(
    tag: String, commit: String, effectiveDate: Date, organisation: String, publisher: Signer,
    tagFingerprint: String, documents: [SiteDocument], withdrawn: [WithdrawnDocument],
    changes: SnapshotChanges, stateCounts: [String: Int], previousTag: String?
  ) {
    self.tag = tag
    self.commit = commit
    self.effectiveDate = effectiveDate
    self.organisation = organisation
    self.publisher = publisher
    self.tagFingerprint = tagFingerprint
    self.documents = documents
    self.withdrawn = withdrawn
    self.changes = changes
    self.stateCounts = stateCounts
    self.previousTag = previousTag
  }
}

/// One signature as it is manifested on the site: who, as what, when, meaning, with which key and commit.
public struct Signer: Codable, Sendable, Equatable {
  /// The signer's printed name.
  public var name: String
  /// The signer's email address.
  public var email: String
  /// The role the signer signed in, e.g. `quality`.
  public var role: String
  /// When the signature was made.
  public var time: Date
  /// The fingerprint of the signing key, e.g. `SHA256:…`.
  public var fingerprint: String
  /// The signed commit (40 hex digits).
  public var commit: String
  /// What the signature means: "Approved", "Reviewed" or "Published".
  public var meaning: String
  /// The signer's note, shown beside the signature where an auditor looks for it.
  public var comment: String?

  /// Creates a signer record.
  public init(
    name: String, email: String, role: String, time: Date, fingerprint: String, commit: String,
    meaning: String, comment: String? = nil
  ) {
    self.comment = comment
    self.name = name
    self.email = email
    self.role = role
    self.time = time
    self.fingerprint = fingerprint
    self.commit = commit
    self.meaning = meaning
  }
}

/// One effective document at its published revision.
public struct SiteDocument: Codable, Sendable, Equatable {
  /// The document id, e.g. `QP-004`.
  public var id: String
  /// The document title.
  public var title: String
  /// The document type, e.g. `procedure`.
  public var type: String
  /// The source path in the repository.
  public var path: String
  /// The owner's name.
  public var ownerName: String
  /// The owner's email address.
  public var ownerEmail: String
  /// The published revision number.
  public var revision: Int
  /// The git blob id of the source file at this revision.
  public var blob: String
  /// The Markdown body, without front matter.
  public var markdown: String
  /// When the document is next due for review, if scheduled.
  public var nextReview: Date?
  /// The approvals of this revision.
  public var signatures: [Signer]
  /// Every published revision, for the change history.
  public var history: [RevisionRecord]
  /// The body of the previously published revision, for the redline; nil if there is none.
  public var previousMarkdown: String?
  /// The previously published revision number, if any.
  public var previousRevision: Int?
  /// The ids of the documents its front matter names in `related:`.
  public var related: [String] = []
  /// When this revision came into force: the date of the first snapshot that carried it; nil means the
  /// snapshot's own date.
  public var effectiveDate: Date?
  /// The files the body links or embeds, with their approved bytes (docs/approvals.md, "Attachments"),
  /// copied into the site under `files/<ID>/`.
  public var attachments: [SiteAttachment] = []

  /// Creates a document record.
  public init(
    id: String, title: String, type: String, path: String, ownerName: String, ownerEmail: String,
    revision: Int, blob: String, markdown: String, nextReview: Date?, signatures: [Signer],
    history: [RevisionRecord], previousMarkdown: String?, previousRevision: Int?
  ) {
    self.id = id
    self.title = title
    self.type = type
    self.path = path
    self.ownerName = ownerName
    self.ownerEmail = ownerEmail
    self.revision = revision
    self.blob = blob
    self.markdown = markdown
    self.nextReview = nextReview
    self.signatures = signatures
    self.history = history
    self.previousMarkdown = previousMarkdown
    self.previousRevision = previousRevision
  }
}

/// One published revision of a document in its change history.
public struct RevisionRecord: Codable, Sendable, Equatable {
  /// The revision number.
  public var revision: Int
  /// When the revision was approved.
  public var date: Date
  /// The approvals of the revision.
  public var signatures: [Signer]
  /// The subjects of the commits that changed the document in this revision.
  public var changeSubjects: [String]
  /// For a revision approved on the editorial path, the words it changed; nil for a full approval.
  public var editorialWords: Int?
  /// The authors of the commits that changed the document in this revision, in order, without repeats.
  public var authors: [String] = []
  /// When the revision came into force (the first snapshot that carried it); nil when no snapshot did.
  public var effectiveDate: Date?

  /// Creates a revision record.
  public init(
    revision: Int, date: Date, signatures: [Signer], changeSubjects: [String], editorialWords: Int? = nil
  ) {
    self.revision = revision
    self.date = date
    self.signatures = signatures
    self.changeSubjects = changeSubjects
    self.editorialWords = editorialWords
  }
}

/// A document that is no longer effective.
public struct WithdrawnDocument: Codable, Sendable, Equatable {
  /// The document id.
  public var id: String
  /// The document title.
  public var title: String
  /// The last revision that was effective.
  public var revision: Int
  /// When it was withdrawn: the date of the first snapshot that carried the withdrawal.
  public var date: Date
  /// The document type, e.g. `procedure`.
  public var type: String = ""
  /// The source path in the repository, so links to it can be recognised.
  public var path: String = ""
  /// Why it was withdrawn: the message of the withdrawal commit (`sop withdraw --reason`).
  public var reason: String = ""
  /// The approvals of the withdrawal.
  public var signatures: [Signer] = []
  /// The last revision that was in force before the withdrawal, if any.
  public var lastInForce: Int?
  /// When that revision came into force (the first snapshot that carried it), if any snapshot did.
  public var lastInForceEffective: Date?
  /// The body of that revision, shown for the record.
  public var lastInForceMarkdown: String?

  /// Creates a withdrawn-document record.
  public init(id: String, title: String, revision: Int, date: Date) {
    self.id = id
    self.title = title
    self.revision = revision
    self.date = date
  }
}

/// The ids of documents added, revised and withdrawn since the previous snapshot.
public struct SnapshotChanges: Codable, Sendable, Equatable {
  /// Documents published for the first time.
  public var added: [String]
  /// Documents with a new revision.
  public var revised: [String]
  /// Documents withdrawn.
  public var withdrawn: [String]

  /// Creates a change summary.
  public init(added: [String], revised: [String], withdrawn: [String]) {
    self.added = added
    self.revised = revised
    self.withdrawn = withdrawn
  }
}

/// A file a document links or embeds (a photo, a drawing), with the bytes approved with the document.
public struct SiteAttachment: Codable, Sendable, Equatable {
  /// The file's path in the repository, as the body's links resolve to it.
  public var path: String
  /// The approved bytes.
  public var bytes: [UInt8]

  /// Creates an attachment.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}
