import DocumentModel
import GitStore
import Signatures

/// Why a workflow could not run or refused to act. Every case is a sentence for the person at the terminal.
public enum ControlError: Error, CustomStringConvertible {
  /// libgit2 failed.
  case git(GitError)
  /// The repository has no commits yet.
  case noCommits(path: String)
  /// No `sop.yml` at the revision asked for.
  case noPolicy(revision: String)
  /// `sop.yml` or a document could not be read.
  case document(DocumentModelError)
  /// No document with this id (`nearest`: a committed id one typo away).
  case unknownDocument(id: String, nearest: String? = nil)
  /// The document is in the work tree but not committed yet.
  case uncommittedDocument(id: String, path: String)
  /// HEAD is detached, so there is no branch to put an approval on.
  case detachedHead
  /// The document has edits in the work tree or index that are not committed.
  case uncommittedEdits(id: String, path: String)
  /// No signing key was given and git has none configured.
  case noSigningKey
  /// The key is not registered to anyone in the effective policy.
  case unregisteredKey(fingerprint: String)
  /// The signer holds none of the roles the document still needs.
  case notAuthorised(id: String, person: String, needed: [String])
  /// The signer already signed this exact content.
  case alreadySigned(id: String, person: String)
  /// Lint found errors (as `path:line:column: rule: message` lines); content with errors is not signed.
  case lintErrors([String])
  /// Signing failed.
  case signing(SignatureError)
  /// Another process kept moving the branch; gave up after retries.
  case contention(attempts: Int)
  /// The document changed on the branch while approving.
  case contentMoved(id: String)
  /// `sop init` found an existing `sop.yml`.
  case policyExists(path: String)
  /// A file could not be written.
  case write(path: String, reason: String)
  /// The document type is unknown.
  case unknownType(String, known: [String])
  /// A command-line value is not acceptable.
  case invalidArgument(String)
  /// The person may not publish.
  case notPublisher(person: String, roles: [String])
  /// Any other refusal, already phrased.
  case refused(String)
  /// A counting rule refuses the signature: the same reason `verify` gives (Ledger/ApprovalRules.swift).
  case ruleViolation(RuleViolation)
  /// The repository is a shallow clone: its history cannot be judged (H10).
  case shallowHistory
  /// The mainline ends at a root other than the pinned one (H1).
  case untrustedRoot(found: ObjectID, pinned: ObjectID)
  /// Nothing is pinned and the history has more than one root commit (H1).
  case ambiguousRoots([ObjectID])
  /// Two or more files carry this id (H7).
  case ambiguousID(id: String, paths: [String])

  /// Whether the error is bad input or usage (exit 2) rather than a refusal or problem (exit 1).
  public var isInputError: Bool {
    switch self {
    case .git, .noCommits, .noPolicy, .document, .unknownDocument, .uncommittedDocument, .noSigningKey, .policyExists,
      .write, .unknownType, .invalidArgument, .shallowHistory, .untrustedRoot, .ambiguousRoots:
      return true
    case .signing(let error):
      if case .signingFailed = error { return false }
      return true
    default:
      return false
    }
  }

  /// The message.
  public var description: String {
    switch self {
    case .git(let error): return error.message
    case .noCommits(let path): return "\(path) has no commits yet; commit your documents first"
    case .noPolicy(let revision):
      return "no sop.yml at \(revision); run 'sop init' or commit a sop.yml at the repository root"
    case .document(let error): return error.description
    case .unknownDocument(let id, let nearest):
      if let nearest { return "no document with id \(id); did you mean \(nearest)? (see 'sop status')" }
      return "no document with id \(id) (see 'sop status')"
    case .uncommittedDocument(let id, let path):
      return "\(id) (\(path)) is in the work tree but not committed yet; sop reads committed content only: "
        + "git add \(path) && git commit"
    case .detachedHead: return "HEAD is detached; check out a branch before approving"
    case .uncommittedEdits(let id, let path):
      return "\(id) (\(path)) has uncommitted edits; sign only what is stored: commit them first (which makes you an "
        + "author of this revision), or discard them with: git restore --staged --worktree -- \(path)"
    case .noSigningKey:
      return "no signing key: pass --key PATH or set git config user.signingkey"
    case .unregisteredKey(let fingerprint):
      return "key \(fingerprint) is not registered to anyone in the sop.yml in effect; to register it, add the "
        + "line of its .pub file to your entry's keys: [...] in sop.yml, commit, and have an admin run "
        + "'sop approve POLICY'"
    case .notAuthorised(let id, let person, let needed):
      return "\(person) holds none of the roles \(id) still needs (\(needed.joined(separator: ", ")))"
    case .alreadySigned(let id, let person): return "\(person) has already signed this content of \(id)"
    case .lintErrors(let findings):
      return "lint found " + counted(findings.count, "error") + "; fix them before signing:\n"
        + findings.map { "  \($0)" }.joined(separator: "\n")
    case .signing(let error): return error.description
    case .contention(let attempts): return "the branch kept moving; gave up after \(attempts) attempts"
    case .contentMoved(let id): return "\(id) changed on the branch while approving; review the new content"
    case .policyExists(let path): return "\(path) already exists; sop init never overwrites it"
    case .write(let path, let reason): return "could not write \(path): \(reason)"
    case .unknownType(let type, let known):
      return "unknown document type '\(type)'; sop.yml defines: \(known.joined(separator: ", "))"
    case .invalidArgument(let message): return message
    case .notPublisher(let person, let roles):
      return "\(person) may not publish; publishing needs one of the roles \(roles.joined(separator: ", "))"
    case .refused(let message): return message
    case .ruleViolation(let violation): return violation.message
    case .shallowHistory:
      return "this is a shallow clone, so sop cannot read the whole history it must judge; "
        + "fetch it with 'git fetch --unshallow' (in CI, check out with full history, e.g. fetch-depth: 0)"
    case .untrustedRoot(let found, let pinned):
      return "this history starts at root commit \(found.hex), but this repository trusts root \(pinned.hex) "
        + "(git config sop.root); the history was replaced or an unrelated history was merged as first parent. "
        + "If the new root is genuine, confirm it with your team and run: git config sop.root \(found.hex)"
    case .ambiguousRoots(let roots):
      return "this history has \(roots.count) root commits (\(roots.map(\.hex).joined(separator: ", "))) and none is "
        + "pinned; pin the one your team trusts with: git config sop.root <commit>"
    case .ambiguousID(let id, let paths):
      return "\(id) is ambiguous: \(paths.joined(separator: " and ")) all carry it; give each document its own id "
        + "before approving or publishing"
    }
  }
}
