import DocumentModel
import Foundation
import GitStore
import SitePublisher

/// One side of `sop diff`.
public struct DiffSide: Codable, Sendable {
  /// The selector as given (`r2`, `published/1`, `HEAD`, `work`).
  public var selector: String
  /// The blob id, or nil for the work tree and `r0`.
  public var blob: String?
  /// The commit that holds it, or nil for `r0`.
  public var commit: String?

  /// Writes null for an absent blob or commit rather than dropping the key, so scripts see stable keys.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(selector, forKey: .selector)
    try container.encode(blob, forKey: .blob)
    try container.encode(commit, forKey: .commit)
  }
}

/// A piece of a changed block: unchanged, deleted or inserted text.
public struct DiffPiece: Codable, Sendable, Hashable {
  /// `equal`, `delete` or `insert`.
  public var operation: String
  /// The words, as they stood in the source.
  public var text: String
  /// Whether a space separates it from the piece before.
  public var spaced: Bool
}

/// A block (front-matter line, heading, paragraph, list item, table row, code) with a change.
public struct DiffBlock: Codable, Sendable, Hashable {
  /// `front-matter`, `heading`, `paragraph`, `list-item`, `quote`, `code` or `table-row`.
  public var kind: String
  /// A list marker such as `3.`, or empty.
  public var marker: String
  /// The pieces in reading order.
  public var pieces: [DiffPiece]
}

/// The output of `sop diff` (a contract: docs/cli.md).
public struct DocumentDiff: Codable, Sendable {
  /// The id.
  public var id: String
  /// The title of the newer side (of the older when the newer does not parse).
  public var title: String
  /// The older side.
  public var from: DiffSide
  /// The newer side.
  public var to: DiffSide
  /// The commits that changed the document after `from` and up to `to`, oldest first.
  public var changes: [ChangeEntry]
  /// Whether the work tree file differs from the committed one (only when `to` is `work`).
  public var uncommittedEdits: Bool
  /// The changed blocks, in reading order; unchanged blocks are left out.
  public var blocks: [DiffBlock]
  /// Words inserted.
  public var insertedWords: Int
  /// Words deleted.
  public var deletedWords: Int
  /// False when a passage was too large to compare word by word and is shown whole.
  public var wordLevel: Bool
  /// Whether people who must know the document are trained again on the newer side (docs/training.md):
  /// `required`, or `not-required` when every approval of it (so far, for a draft) says
  /// `Retraining: not-required`; nil for `POLICY` and the work tree.
  public var retraining: String?

  enum CodingKeys: String, CodingKey {
    case id, title, from, to, changes, uncommittedEdits, blocks, insertedWords, deletedWords, wordLevel, retraining
  }

  /// Encodes every key (`retraining` is null when it does not apply).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(title, forKey: .title)
    try container.encode(from, forKey: .from)
    try container.encode(to, forKey: .to)
    try container.encode(changes, forKey: .changes)
    try container.encode(uncommittedEdits, forKey: .uncommittedEdits)
    try container.encode(blocks, forKey: .blocks)
    try container.encode(insertedWords, forKey: .insertedWords)
    try container.encode(deletedWords, forKey: .deletedWords)
    try container.encode(wordLevel, forKey: .wordLevel)
    try container.encode(retraining, forKey: .retraining)
  }
}

extension DocumentRepository {
  /// What changed in document `id` between two contents, word by word, with the change commits between
  /// them. Defaults: the revision in force against the committed content at HEAD.
  public func diff(id text: String, from: String?, to: String?) throws(ControlError) -> DocumentDiff {
    let head = try commit(nil)
    let ledger = try ledger(at: head)
    let isPolicy = text == DocumentID.policy.rawValue
    let revisions =
      isPolicy ? ledger.policyVersions.count : DocumentID(text).flatMap { ledger.documents[$0]?.revisions.count } ?? 0
    let fromSelector = from.map(ContentSelector.init) ?? .revision(revisions)
    let toSelector = to.map(ContentSelector.init) ?? .commit("HEAD")
    // The newer side first: an unknown id is reported as such, not as a missing revision.
    let new = try content(of: text, at: toSelector, ledger: ledger)
    let old = try content(of: text, at: fromSelector, ledger: ledger)
    let redline = Redline.compare(oldBlocks: Self.diffBlocks(old.bytes), newBlocks: Self.diffBlocks(new.bytes))
    var changes: [ChangeRecord] = []
    if !isPolicy, let id = DocumentID(text), let history = ledger.documents[id], let toCommit = new.commit {
      let all = history.revisions.flatMap(\.changes) + history.changesSinceRevision
      for change in all {
        let isBeforeTo = (try? git.isDescendant(toCommit, of: change.commit)) ?? false
        let isBeforeFrom = old.commit.map { (try? git.isDescendant($0, of: change.commit)) ?? false } ?? false
        if isBeforeTo && !isBeforeFrom && !changes.contains(change) { changes.append(change) }
      }
    }
    var uncommitted = false
    if toSelector == .work, let path = new.path {
      uncommitted = (try? git.hasUncommittedChanges(at: path)) ?? false
    }
    let title = Self.title(of: new.bytes) ?? Self.title(of: old.bytes) ?? ""
    var retraining: String?
    if !isPolicy, let id = DocumentID(text), let blob = new.blob, toSelector != .work {
      // Signatures are kept by content key: with attachments, the blob and its files in that commit's tree.
      var key = blob
      if let commit = new.commit, let path = new.path,
        let body = try? DocumentText(path: path, data: Data(new.bytes)).body,
        let attachments = try? DocumentContent.attachments(
          body: body, path: path,
          file: { (candidate: String) throws(GitError) -> TreeFile? in
            try git.treeFile(at: candidate, inCommit: commit)
          })
      {
        key = DocumentContent.key(blob: blob, attachments: attachments)
      }
      retraining = Self.retraining(of: blob, key: key, history: ledger.documents[id] ?? DocumentHistory())
    }
    return DocumentDiff(
      id: text, title: isPolicy ? "Repository policy (sop.yml)" : title,
      from: DiffSide(selector: fromSelector.description, blob: old.blob?.hex, commit: old.commit?.hex),
      to: DiffSide(selector: toSelector.description, blob: new.blob?.hex, commit: new.commit?.hex),
      changes: changes.map(ChangeEntry.init), uncommittedEdits: uncommitted,
      blocks: redline.blocks.filter { !$0.isUnchanged }.map(DiffBlock.init),
      insertedWords: redline.insertedWords, deletedWords: redline.deletedWords, wordLevel: redline.isWordLevel,
      retraining: retraining)
  }

  /// Whether content `blob` needs retraining: an approved revision's own answer, or for a draft whether every
  /// signature so far waives it (none yet: required).
  static func retraining(of blob: ObjectID, key: ObjectID, history: DocumentHistory) -> String {
    let waived =
      history.revisions.last(where: { $0.contentKey == key })?.carriesTrainingOver
      ?? history.pending[key].map { !$0.isEmpty && $0.allSatisfy(\.waivesRetraining) } ?? false
    return waived ? ApprovalRules.retrainingNotRequired : "required"
  }

  /// A content as the redline compares it: each front-matter line, then the body's blocks. A file whose
  /// front matter cannot be split (or `sop.yml`) is compared line by line.
  static func diffBlocks(_ bytes: [UInt8]) -> [TextBlock] {
    let lines = { (text: String) in
      text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
    guard let text = try? DocumentText(path: "", data: Data(bytes)) else {
      return lines(String(decoding: bytes, as: UTF8.self)).map { TextBlock(kind: .metadata, marker: "", text: $0) }
    }
    return lines(text.frontMatterYAML).map { TextBlock(kind: .metadata, marker: "", text: $0) }
      + Redline.textBlocks(of: text.body)
  }

  private static func title(of bytes: [UInt8]) -> String? {
    (try? ParsedDocument(path: "", data: Data(bytes)))?.frontMatter.title
  }
}

extension DiffBlock {
  init(_ block: RedlineBlock) {
    switch block.kind {
    case .metadata: kind = "front-matter"
    case .heading: kind = "heading"
    case .paragraph: kind = "paragraph"
    case .listItem: kind = "list-item"
    case .quote: kind = "quote"
    case .code: kind = "code"
    case .tableRow: kind = "table-row"
    }
    marker = block.marker
    pieces = block.segments.map { DiffPiece(operation: $0.operation.rawValue, text: $0.text, spaced: $0.isSpaced) }
  }
}
