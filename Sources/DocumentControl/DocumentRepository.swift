import DocumentModel
import Foundation
import GitStore

/// A problem with a file that looks like a document: where it is and what is wrong.
public struct FileProblem: Codable, Sendable, Hashable, Comparable {
  /// The path relative to the repository root.
  public var path: String
  /// The 1-based line.
  public var line: Int
  /// The 1-based column.
  public var column: Int
  /// What is wrong and what to do.
  public var message: String

  /// Creates a problem.
  public init(path: String, line: Int, column: Int = 1, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  /// Creates a problem from a model error.
  public init(_ error: DocumentModelError) {
    self.init(path: error.path, line: error.line, column: error.column, message: error.message)
  }

  /// Orders problems by path, line, column.
  public static func < (lhs: FileProblem, rhs: FileProblem) -> Bool {
    (lhs.path, lhs.line, lhs.column, lhs.message) < (rhs.path, rhs.line, rhs.column, rhs.message)
  }
}

/// A controlled document as stored in one commit.
public struct StoredDocument: Sendable {
  /// The path relative to the repository root.
  public var path: String
  /// The blob id of its content.
  public var blob: ObjectID
  /// Its parsed content.
  public var document: ParsedDocument
  /// Files its body links or embeds, by repository path (docs/approvals.md, "Attachments").
  public var attachments: [String: ObjectID] = [:]

  /// The document's id.
  public var id: DocumentID { document.frontMatter.id }
  /// What approvals are keyed by: the blob, or a digest of the blob and the attachments.
  public var contentKey: ObjectID { DocumentContent.key(blob: blob, attachments: attachments) }

  /// Creates a stored document.
  public init(path: String, blob: ObjectID, document: ParsedDocument, attachments: [String: ObjectID] = [:]) {
    self.path = path
    self.blob = blob
    self.document = document
    self.attachments = attachments
  }
}

/// The documents of one commit, and the files that look like documents but could not be read.
public struct Inventory: Sendable {
  /// Documents by id, one per id (the first path in path order wins a duplicate).
  public var documents: [DocumentID: StoredDocument]
  /// Ids that two or more files carry, with every such path (H7: approve and publish refuse them).
  public var ambiguous: [DocumentID: [String]] = [:]
  /// Problems, sorted.
  public var problems: [FileProblem]
}

/// A git repository under document control: it opens the repository, reads `sop.yml` and documents.
public final class DocumentRepository {
  /// The underlying git repository.
  public let git: Repository
  /// Receives one-line notices worth a person's attention (the library never prints; the CLI writes them
  /// to standard error).
  public var notify: @Sendable (String) -> Void = { _ in }
  /// The `published/N` tags parsed so far, by name and tag object id: a tag object never changes, and a
  /// publish reads every tag again after making its own (each lists every document).
  var parsedSnapshotTags: [String: SnapshotTag] = [:]

  /// Opens the repository containing `path`.
  public init(discoveringFrom path: String) throws(ControlError) {
    do {
      git = try Repository.discover(from: path)
    } catch {
      throw .git(error)
    }
  }

  /// Opens the repository git's environment names, as a server-side hook sees it (quarantined objects
  /// included).
  public init(fromGitEnvironment: Void) throws(ControlError) {
    do {
      git = try Repository.openFromEnvironment()
    } catch {
      throw .git(error)
    }
  }

  /// The work tree root.
  public var root: String { git.workingDirectory ?? git.gitDirectory }

  /// The commit `revision` names (HEAD when nil).
  public func commit(_ revision: String?) throws(ControlError) -> ObjectID {
    try translatingErrors {
      guard let revision else {
        guard let head = try git.headCommit() else { throw ControlError.noCommits(path: root) }
        return head
      }
      return try git.resolveCommit(revision)
    }
  }

  /// The `sop.yml` stored in a commit, decoded, with its blob id.
  public func policy(at commit: ObjectID, revisionName: String = "HEAD") throws(ControlError) -> (
    policy: Policy, blob: ObjectID
  ) {
    do {
      guard let file = try git.treeFile(at: Policy.fileName, inCommit: commit) else {
        throw ControlError.noPolicy(revision: revisionName)
      }
      return (try Policy.decode(data: Data(try git.blob(file.blob))), file.blob)
    } catch let error as ControlError {
      throw error
    } catch let error as GitError {
      throw .git(error)
    } catch let error as DocumentModelError {
      throw .document(error)
    } catch {
      throw .refused("\(error)")
    }
  }

  /// Reads every controlled document in a commit, as git stores it (symlinks are never followed).
  /// `pending` is a committed `sop.yml` not in effect yet, named in messages about people it adds.
  public func inventory(at commit: ObjectID, policy: Policy, pending: Policy? = nil) throws(ControlError)
    -> Inventory
  {
    let files: [TreeFile] = try viaGit { () throws(GitError) in try git.files(inCommit: commit) }
    return try inventory(of: files, policy: policy, pending: pending)
  }

  /// The inventory of a commit whose files are `files`. `parsed` holds documents the caller parsed already, by
  /// blob (the walk of history keeps those at the tip); each is used only where it was parsed with the path
  /// it has here. The rest are read and parsed on all cores.
  func inventory(
    of files: [TreeFile], policy: Policy, pending: Policy? = nil, parsed walked: [ObjectID: ParsedDocument] = [:]
  ) throws(ControlError) -> Inventory {
    let byPath = Dictionary(files.map { ($0.path, $0) }) { first, _ in first }
    let selection = DocumentSelection(patterns: policy.documents)
    let toRead = files.filter { file in
      file.isRegularFile && selection.includes(file.path) && walked[file.blob]?.path != file.path
    }
    // Read ahead; a blob that fails to read or parse here is read again below, which says why.
    let readAhead = SignaturePrecheck.inParallel(toRead, like: git) { repository, file -> ParsedDocument? in
      guard let bytes = try? repository.blob(file.blob) else { return nil }
      return try? ParsedDocument(path: file.path, data: Data(bytes))
    }
    var documents: [DocumentID: StoredDocument] = [:]
    var ambiguous: [DocumentID: [String]] = [:]
    var problems: [FileProblem] = []
    for file in files where selection.includes(file.path) {
      guard file.isRegularFile else {
        let kind = file.mode == 0o120000 ? "a symbolic link" : "not a regular file"
        problems.append(
          FileProblem(
            path: file.path, line: 1,
            message: "is \(kind); sop reads only what git stores as a file and never follows links"))
        continue
      }
      do {
        let parsed: ParsedDocument
        if let known = walked[file.blob], known.path == file.path {
          parsed = known
        } else if let known = readAhead[file] {
          parsed = known
        } else {
          parsed = try ParsedDocument(path: file.path, data: Data(try git.blob(file.blob)))
        }
        let id = parsed.frontMatter.id
        if let first = documents[id] {
          ambiguous[id, default: [first.path]].append(file.path)
          problems.append(
            FileProblem(
              path: file.path, line: line(of: "id", in: parsed),
              message: "duplicate id \(id): \(first.path) already uses it; give this document a new id"))
          continue
        }
        problems.append(contentsOf: validate(parsed, policy: policy, pending: pending))
        let attachments = try DocumentContent.attachments(body: parsed.text.body, path: file.path) { byPath[$0] }
        documents[id] = StoredDocument(path: file.path, blob: file.blob, document: parsed, attachments: attachments)
      } catch let error as DocumentModelError {
        problems.append(FileProblem(error))
      } catch let error as GitError {
        // An unreadable blob is damage to the repository, not a problem with the document: leaving the
        // document out would change the answer.
        throw .git(error)
      } catch {
        problems.append(FileProblem(path: file.path, line: 1, message: "\(error)"))
      }
    }
    return Inventory(documents: documents, ambiguous: ambiguous, problems: problems.sorted())
  }

  /// Checks that the type and owner exist in the policy.
  func validate(_ document: ParsedDocument, policy: Policy, pending: Policy? = nil) -> [FileProblem] {
    var problems: [FileProblem] = []
    let frontMatter = document.frontMatter
    if policy.types[frontMatter.type] == nil {
      problems.append(
        FileProblem(
          path: document.path, line: line(of: "type", in: document),
          message: "type '\(frontMatter.type)' is not defined in sop.yml (known: "
            + policy.types.keys.sorted().joined(separator: ", ") + ")"))
    } else if let violation = ApprovalRules.contentIdentity(id: frontMatter.id, content: frontMatter, policy: policy) {
      problems.append(
        FileProblem(path: document.path, line: line(of: "type", in: document), message: violation.message))
    }
    if policy.person(email: frontMatter.owner) == nil {
      problems.append(
        FileProblem(
          path: document.path, line: line(of: "owner", in: document),
          message: pending?.person(email: frontMatter.owner) != nil
            ? "owner '\(frontMatter.owner)' is listed in the committed sop.yml, but that change is not in effect "
              + "yet; an admin must approve it first (sop approve POLICY)"
            : "owner '\(frontMatter.owner)' is not a person in sop.yml"))
    }
    return problems
  }

  /// The file line of a front-matter key, for messages.
  func line(of key: String, in document: ParsedDocument) -> Int {
    let lines = document.text.frontMatterYAML.split(separator: "\n", omittingEmptySubsequences: false)
    let index = lines.firstIndex { $0.hasPrefix("\(key):") } ?? 0
    return document.text.frontMatterLineOffset + index + 1
  }
}
