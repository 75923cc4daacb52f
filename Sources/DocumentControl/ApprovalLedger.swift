import DocumentModel
import Foundation
import GitStore
import Signatures

/// One counted signature on a document's content.
public struct ApprovalRecord: Sendable, Hashable {
  /// The signer's email, from the effective policy.
  public var email: String
  /// The signer's printed name, from the effective policy.
  public var name: String
  /// The role this signature fills (assigned when the revision completes).
  public var role: String
  /// Roles the signer could fill for this document.
  public var eligibleRoles: [String]
  /// The approval commit.
  public var commit: ObjectID
  /// The commit's committer time (covered by the signature).
  public var time: Int64
  /// The signing key's SHA-256 fingerprint.
  public var fingerprint: String
  /// "Approved", or "Reviewed" for a periodic review of content already approved.
  public var meaning: String
}

/// A commit that changed a document between revisions.
public struct ChangeRecord: Sendable, Hashable {
  /// The commit.
  public var commit: ObjectID
  /// Its subject line.
  public var subject: String
  /// Its author's name.
  public var authorName: String
  /// Its author's email.
  public var authorEmail: String
  /// Its author time.
  public var time: Int64
}

/// A content of a document that became fully approved.
public struct ApprovedRevision: Sendable {
  /// 1 for the first approved content, 2 for the next, …
  public var number: Int
  /// The approved blob.
  public var blob: ObjectID
  /// The signatures that made it approved, with their roles.
  public var approvals: [ApprovalRecord]
  /// When the last required signature landed.
  public var approvedAt: Int64
  /// Later periodic reviews of the same content.
  public var reviews: [ApprovalRecord]
  /// The change commits since the previous revision.
  public var changes: [ChangeRecord]
  /// The commit whose signature completed the revision.
  public var completingCommit: ObjectID

  /// The last approval or review time: the review clock starts here.
  public var lastApprovedOrReviewed: Int64 { max(approvedAt, reviews.map(\.time).max() ?? approvedAt) }
}

/// Everything history says about one document.
public struct DocumentHistory: Sendable {
  /// Approved revisions, oldest first.
  public var revisions: [ApprovedRevision] = []
  /// Signatures collected on contents not (yet) fully approved, by blob.
  public var pending: [ObjectID: [ApprovalRecord]] = [:]
  /// Change commits since the last approved revision.
  public var changesSinceRevision: [ChangeRecord] = []
  /// Emails of authors of those changes (lowercased).
  public var authorsSinceRevision: Set<String> = []

  /// The revision whose content is `blob`, if that content was approved.
  public func revision(withBlob blob: ObjectID) -> ApprovedRevision? {
    revisions.last { $0.blob == blob }
  }
}

/// The kinds of problem `sop verify` reports (a contract).
public enum ProblemKind: String, Codable, Sendable, CaseIterable {
  case unsigned
  case badSignature = "bad-signature"
  case unknownKey = "unknown-key"
  case notAuthorised = "not-authorised"
  case selfApproval = "self-approval"
  case contentMismatch = "content-mismatch"
  case contentChanged = "content-changed"
}

/// A problem found in history: a commit (or tag) whose signature does not count, and why.
public struct VerificationProblem: Codable, Sendable, Hashable, Comparable {
  /// The commit or tag object id.
  public var commit: String
  /// The document id the trailer names (or the tag name).
  public var document: String
  /// The kind.
  public var kind: ProblemKind
  /// A sentence.
  public var message: String

  /// Orders problems by commit then document then kind.
  public static func < (lhs: VerificationProblem, rhs: VerificationProblem) -> Bool {
    (lhs.commit, lhs.document, lhs.kind.rawValue, lhs.message)
      < (rhs.commit, rhs.document, rhs.kind.rawValue, rhs.message)
  }
}

/// A policy version that is in effect from some commit on.
public struct EffectivePolicy: Sendable {
  /// The decoded policy.
  public var policy: Policy
  /// The blob of `sop.yml`.
  public var blob: ObjectID
  /// 1 for the root policy, then +1 for each approved change.
  public var revision: Int
  /// The signatures that put it in effect (none for the root).
  public var approvals: [ApprovalRecord]
  /// The commit from which it is in effect.
  public var since: ObjectID
  /// When it took effect.
  public var time: Int64
  /// Keys by SSH key blob: who signed with which key.
  let signers: [Data: Person]

  init(policy: Policy, blob: ObjectID, revision: Int, approvals: [ApprovalRecord], since: ObjectID, time: Int64) {
    self.policy = policy
    self.blob = blob
    self.revision = revision
    self.approvals = approvals
    self.since = since
    self.time = time
    var signers: [Data: Person] = [:]
    for person in policy.people {
      for line in person.keys {
        if let key = try? SSHPublicKey(authorizedKey: line) { signers[key.blob] = person }
      }
    }
    self.signers = signers
  }

  /// The person whose registered key this is.
  public func person(for key: SSHPublicKey) -> Person? { signers[key.blob] }
}

/// The result of one walk over history: every document's revisions and every problem.
public struct ApprovalLedger: Sendable {
  /// The commit the walk started from.
  public var tip: ObjectID
  /// Histories by document id.
  public var documents: [DocumentID: DocumentHistory]
  /// Problems, sorted.
  public var problems: [VerificationProblem]
  /// The policy in effect at the tip, if any.
  public var effectivePolicy: EffectivePolicy?
  /// Every policy version that took effect, oldest first.
  public var policyVersions: [EffectivePolicy]
  /// Signatures on `sop.yml` contents that are not (yet) in effect, by blob.
  public var pendingPolicyApprovals: [ObjectID: [ApprovalRecord]]
  /// The effective policy at each commit (by id), for judging tags.
  var policyAtCommit: [ObjectID: Int]
  /// How many commits carry an `Approves:` trailer.
  public var approvalCommits: Int
  /// Blobs approved for each document at each revision, for checking tags.
  var approvedBlobs: [DocumentID: [ObjectID: Int]]

  /// The effective policy at a commit reachable from the tip.
  public func policy(at commit: ObjectID) -> EffectivePolicy? {
    policyAtCommit[commit].map { policyVersions[$0] }
  }

  /// Whether `blob` is an approved content of `id` (at or before the tip).
  public func isApproved(_ id: DocumentID, blob: ObjectID) -> Bool { approvedBlobs[id]?[blob] != nil }
}

/// Walks history once, oldest first, and derives revisions, states and problems from approval commits.
///
/// Each approval is judged against the policy in effect at its parent commit. The first commit with a
/// valid `sop.yml` is the trusted root; a changed `sop.yml` takes effect only once enough admins of the
/// policy then in effect approve its blob.
struct LedgerBuilder {
  let repository: Repository
  var approvalTrailerKey = "approves"

  private var histories: [DocumentID: DocumentHistory] = [:]
  private var problems: [VerificationProblem] = []
  private var policyVersions: [EffectivePolicy] = []
  private var policyAtCommit: [ObjectID: Int] = [:]
  private var pendingPolicy: [ObjectID: [ApprovalRecord]] = [:]
  private var idPaths: [DocumentID: Set<String>] = [:]
  private var idOfBlob: [ObjectID: DocumentID?] = [:]
  private var contentOfBlob: [ObjectID: FrontMatter?] = [:]
  private var approvedBlobs: [DocumentID: [ObjectID: Int]] = [:]
  private var approvalCommits = 0
  /// Blobs looked up by tree and path: successive approvals share their parent's tree, and reading a
  /// large folder's tree again for each one dominated `sop verify`.
  private var blobsInTree: [ObjectID: [String: ObjectID?]] = [:]
  /// Root tree of every commit walked, so parents' trees need no lookup.
  private var treeOf: [ObjectID: ObjectID] = [:]
  /// Signature verdicts computed ahead of the walk, by commit.
  private var signatureChecks: [ObjectID: SignatureCheck] = [:]
  /// Document selections by policy index (-1: no policy yet), built once each.
  private var selections: [Int: DocumentSelection] = [:]

  init(repository: Repository) {
    self.repository = repository
  }

  mutating func build(from tip: ObjectID) throws(GitError) -> ApprovalLedger {
    let entries = try repository.history(from: tip)
    idOfBlob = Self.scanIDs(of: entries, gitDirectory: repository.gitDirectory)
    signatureChecks = Self.checkSignatures(of: entries, gitDirectory: repository.gitDirectory)
    for entry in entries {
      treeOf[entry.commit.id] = entry.commit.tree
      try process(entry)
    }
    return ApprovalLedger(
      tip: tip, documents: histories, problems: problems.sorted(),
      effectivePolicy: policyAtCommit[tip].map { policyVersions[$0] }, policyVersions: policyVersions,
      pendingPolicyApprovals: pendingPolicy, policyAtCommit: policyAtCommit, approvalCommits: approvalCommits,
      approvedBlobs: approvedBlobs)
  }

  private mutating func process(_ entry: HistoryEntry) throws(GitError) {
    let commit = entry.commit
    let parent = commit.parents.first
    let inherited = parent.flatMap { policyAtCommit[$0] }
    var current = inherited

    if inherited == nil, let change = entry.changes.first(where: { $0.path == Policy.fileName }),
      let blob = change.newBlob, let policy = Policy.decodedIfValid(try repository.blob(blob))
    {
      policyVersions.append(
        EffectivePolicy(
          policy: policy, blob: blob, revision: 1, approvals: [], since: commit.id, time: commit.committer.time))
      current = policyVersions.count - 1
    }

    let selection =
      selections[current ?? -1]
      ?? DocumentSelection(patterns: current.map { policyVersions[$0].policy.documents } ?? nil)
    selections[current ?? -1] = selection
    for change in entry.changes where selection.includes(change.path) {
      guard let blob = change.newBlob, let id = try documentID(ofBlob: blob) else { continue }
      idPaths[id, default: []].insert(change.path)
      var history = histories[id] ?? DocumentHistory()
      history.changesSinceRevision.append(
        ChangeRecord(
          commit: commit.id, subject: commit.subject, authorName: commit.author.name,
          authorEmail: commit.author.email, time: commit.author.time))
      history.authorsSinceRevision.insert(commit.author.email.lowercased())
      histories[id] = history
    }

    let approvals =
      mayCarryApprovals(commit.message) ? commit.trailers.filter { $0.key.lowercased() == approvalTrailerKey } : []
    if !approvals.isEmpty {
      approvalCommits += 1
      if let newPolicy = try judgeApproval(commit, trailers: approvals, policyIndex: inherited) {
        current = newPolicy
      }
    }
    policyAtCommit[commit.id] = current
  }

  /// Checks an approval commit and records what counts; returns a new effective policy index if one took effect.
  private mutating func judgeApproval(_ commit: Commit, trailers: [Trailer], policyIndex: Int?) throws(GitError)
    -> Int?
  {
    let named = trailers.map { trailer -> (String, ObjectID?) in
      let parts = trailer.value.split(separator: " ", omittingEmptySubsequences: true)
      return (parts.first.map(String.init) ?? "?", parts.count == 2 ? ObjectID(hex: String(parts[1])) : nil)
    }
    func reportAll(_ kind: ProblemKind, _ message: String) {
      for (document, _) in named {
        problems.append(VerificationProblem(commit: commit.id.hex, document: document, kind: kind, message: message))
      }
    }
    let verdict: SignatureVerdict
    if let check = signatureChecks[commit.id] {
      verdict = check.verdict
    } else {
      guard let stored = try repository.signature(ofCommit: commit.id) else {
        reportAll(.unsigned, "the approval commit is not signed")
        return nil
      }
      verdict = verifySSHSignature(armored: stored.signature, message: Data(stored.signedData), namespace: "git")
    }
    let key: SSHPublicKey
    switch verdict {
    case .valid(let signingKey): key = signingKey
    case .wrongNamespace(let found):
      reportAll(.badSignature, "signed for namespace '\(found)', not 'git'")
      return nil
    case .invalid(let reason):
      reportAll(.badSignature, "the signature does not verify over the commit: \(reason)")
      return nil
    }
    guard let policyIndex else {
      reportAll(.unknownKey, "no sop.yml was in effect at the parent commit, so no key is registered")
      return nil
    }
    let policy = policyVersions[policyIndex]
    guard let person = policy.person(for: key) else {
      reportAll(.unknownKey, "key \(key.fingerprint) is not registered in the effective sop.yml")
      return nil
    }
    guard let parent = commit.parents.first else {
      reportAll(.contentMismatch, "an approval commit needs a parent holding the approved content")
      return nil
    }
    let parentTree: ObjectID
    if let known = treeOf[parent] {
      parentTree = known
    } else {
      parentTree = try repository.commit(parent).tree
    }
    if parentTree != commit.tree {
      reportAll(.contentChanged, "the approval commit changes files; approvals must be empty commits")
      return nil
    }
    var newPolicy: Int?
    for (document, blob) in named {
      func report(_ kind: ProblemKind, _ message: String) {
        problems.append(VerificationProblem(commit: commit.id.hex, document: document, kind: kind, message: message))
      }
      guard let blob else {
        report(.contentMismatch, "malformed trailer; expected 'Approves: <ID> <40-hex blob id>'")
        continue
      }
      if document == DocumentID.policy.rawValue {
        let outcome = try judgePolicyApproval(
          commit: commit, parentTree: parentTree, blob: blob, person: person, key: key, policyIndex: policyIndex)
        if let problem = outcome.problem { report(problem.kind, problem.message) }
        newPolicy = outcome.newPolicy ?? newPolicy
        continue
      }
      guard let id = DocumentID(document) else {
        report(.contentMismatch, "'\(document)' is not a document id")
        continue
      }
      guard try content(of: id, is: blob, inParentTree: parentTree), let frontMatter = try frontMatter(ofBlob: blob)
      else {
        report(.contentMismatch, "blob \(blob.short) is not the content of \(id) in the parent commit")
        continue
      }
      let type = policy.policy.types[frontMatter.type]
      let required = type?.approvals ?? []
      let eligible = eligibleRoles(person, required: required, owner: frontMatter.owner)
      guard !eligible.isEmpty else {
        report(
          .notAuthorised,
          "\(person.name) holds none of the roles \(id) needs (\(required.joined(separator: ", ")))")
        continue
      }
      var history = histories[id] ?? DocumentHistory()
      let alreadyApproved = history.revision(withBlob: blob) != nil
      if !alreadyApproved, !policy.policy.allowsSelfApproval,
        history.authorsSinceRevision.contains(person.email.lowercased())
      {
        report(.selfApproval, "\(person.name) authored changes to \(id) since its last approved revision")
        continue
      }
      let record = ApprovalRecord(
        email: person.email, name: person.name, role: eligible[0], eligibleRoles: eligible, commit: commit.id,
        time: commit.committer.time, fingerprint: key.fingerprint, meaning: alreadyApproved ? "Reviewed" : "Approved")
      if alreadyApproved {
        if let index = history.revisions.lastIndex(where: { $0.blob == blob }) {
          history.revisions[index].reviews.append(record)
        }
      } else {
        var signatures = history.pending[blob, default: []].filter { $0.email != person.email }
        signatures.append(record)
        if let assigned = RoleAssignment.complete(required: required, approvals: signatures) {
          let number = history.revisions.count + 1
          history.revisions.append(
            ApprovedRevision(
              number: number, blob: blob, approvals: assigned, approvedAt: commit.committer.time, reviews: [],
              changes: history.changesSinceRevision, completingCommit: commit.id))
          approvedBlobs[id, default: [:]][blob] = number
          history.pending[blob] = nil
          history.changesSinceRevision = []
          history.authorsSinceRevision = []
        } else {
          history.pending[blob] = signatures
        }
      }
      histories[id] = history
    }
    return newPolicy
  }

  private mutating func judgePolicyApproval(
    commit: Commit, parentTree: ObjectID, blob: ObjectID, person: Person, key: SSHPublicKey, policyIndex: Int
  ) throws(GitError) -> (newPolicy: Int?, problem: (kind: ProblemKind, message: String)?) {
    let policy = policyVersions[policyIndex]
    guard try blobID(at: Policy.fileName, inTree: parentTree) == blob else {
      return (nil, (.contentMismatch, "blob \(blob.short) is not the content of sop.yml in the parent commit"))
    }
    guard person.roles.contains("admin") else {
      return (nil, (.notAuthorised, "\(person.name) is not an admin under the effective sop.yml"))
    }
    let record = ApprovalRecord(
      email: person.email, name: person.name, role: "admin", eligibleRoles: ["admin"], commit: commit.id,
      time: commit.committer.time, fingerprint: key.fingerprint, meaning: "Approved")
    if blob == policy.blob { return (nil, nil) }  // Re-approving the policy in effect changes nothing.
    var signatures = pendingPolicy[blob, default: []].filter { $0.email != person.email }
    signatures.append(record)
    guard signatures.count >= policy.policy.policyApprovals else {
      pendingPolicy[blob] = signatures
      return (nil, nil)
    }
    pendingPolicy[blob] = nil
    guard let decoded = Policy.decodedIfValid(try repository.blob(blob)) else {
      return (nil, (.contentMismatch, "the approved sop.yml does not decode, so it cannot take effect"))
    }
    policyVersions.append(
      EffectivePolicy(
        policy: decoded, blob: blob, revision: policy.revision + 1, approvals: signatures, since: commit.id,
        time: commit.committer.time))
    return (policyVersions.count - 1, nil)
  }

  private mutating func blobID(at path: String, inTree tree: ObjectID) throws(GitError) -> ObjectID? {
    if let cached = blobsInTree[tree]?[path] { return cached }
    let blob = try repository.blobID(at: path, inTree: tree)
    blobsInTree[tree, default: [:]][path] = .some(blob)
    return blob
  }

  /// Whether `blob` is the content of `id` at one of the paths it has had, in `parent`.
  private mutating func content(of id: DocumentID, is blob: ObjectID, inParentTree parentTree: ObjectID)
    throws(GitError)
    -> Bool
  {
    for path in (idPaths[id] ?? []).sorted() where try blobID(at: path, inTree: parentTree) == blob {
      return true
    }
    return false
  }

  /// The id in a blob's front matter, by a fast scan (no YAML parse): used for every changed file.
  /// Reads the front-matter id of every changed Markdown blob in history, on all cores.
  ///
  /// Inflating these blobs is most of a history walk's cost. Failures are left for the serial path.
  static func scanIDs(of entries: [HistoryEntry], gitDirectory: String) -> [ObjectID: DocumentID?] {
    var seen = Set<ObjectID>()
    var blobs: [ObjectID] = []
    for entry in entries {
      for change in entry.changes where change.path.hasSuffix(".md") {
        if let blob = change.newBlob, seen.insert(blob).inserted { blobs.append(blob) }
      }
    }
    return inParallel(blobs, gitDirectory: gitDirectory) { repository, blob in
      (try? repository.blob(blob)).map { Optional(FrontMatterScan.id(in: $0)) } ?? nil
    }
  }

  /// Extracts and verifies the signature of every approval commit, on all cores.
  ///
  /// Verification does not depend on the policy, so it can run ahead of the ordered walk, which then
  /// only looks the verdicts up.
  static func checkSignatures(of entries: [HistoryEntry], gitDirectory: String) -> [ObjectID: SignatureCheck] {
    let commits = entries.filter { mayCarryApprovals($0.commit.message) }.map(\.commit.id)
    return inParallel(commits, gitDirectory: gitDirectory) { repository, commit in
      guard let stored = try? repository.signature(ofCommit: commit) else { return nil }
      return SignatureCheck(
        verdict: verifySSHSignature(armored: stored.signature, message: Data(stored.signedData), namespace: "git"))
    }
  }

  /// Runs `work` over `items` on all cores, each worker with its own repository handle (libgit2 handles
  /// must not be shared between threads). Items whose work returns nil are left out.
  static func inParallel<Item: Hashable & Sendable, Value: Sendable>(
    _ items: [Item], gitDirectory: String, _ work: @Sendable @escaping (Repository, Item) -> Value?
  ) -> [Item: Value] {
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, items.count / 64))
    guard workers > 1 else { return [:] }
    let results = ParallelResults<Item, Value>()
    let chunk = (items.count + workers - 1) / workers
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      guard let repository = try? Repository.discover(from: gitDirectory) else { return }
      var part: [Item: Value] = [:]
      for item in items[(worker * chunk)..<min(items.count, (worker + 1) * chunk)] {
        if let value = work(repository, item) { part[item] = value }
      }
      results.lock.withLock { results.merged.merge(part) { first, _ in first } }
    }
    return results.merged
  }

  private mutating func documentID(ofBlob blob: ObjectID) throws(GitError) -> DocumentID? {
    if let cached = idOfBlob[blob] { return cached }
    let id = FrontMatterScan.id(in: try repository.blob(blob))
    idOfBlob[blob] = id
    return id
  }

  private mutating func frontMatter(ofBlob blob: ObjectID) throws(GitError) -> FrontMatter? {
    if let cached = contentOfBlob[blob] { return cached }
    let data = Data(try repository.blob(blob))
    let parsed = try? ParsedDocument(path: blob.hex, data: data).frontMatter
    contentOfBlob[blob] = parsed
    return parsed
  }
}

/// Which of the required roles a person can fill for a document.
func eligibleRoles(_ person: Person, required: [String], owner: String) -> [String] {
  var roles: [String] = []
  for role in required where !roles.contains(role) {
    if role == "owner" ? person.email.caseInsensitiveCompare(owner) == .orderedSame : person.roles.contains(role) {
      roles.append(role)
    }
  }
  return roles
}

/// Assigns required roles to distinct signers.
enum RoleAssignment {
  /// The approvals with roles assigned when every required role has a different signer, else nil.
  static func complete(required: [String], approvals: [ApprovalRecord]) -> [ApprovalRecord]? {
    let (assignment, missing) = best(required: required, approvals: approvals)
    guard missing.isEmpty else { return nil }
    return assignment
  }

  /// Roles still unfilled after the best assignment of `approvals` to `required`.
  static func missing(required: [String], approvals: [ApprovalRecord]) -> [String] {
    best(required: required, approvals: approvals).missing
  }

  /// Maximum matching of role slots to signers by augmenting paths (small inputs: a few roles).
  static func best(required: [String], approvals: [ApprovalRecord]) -> (
    assignment: [ApprovalRecord], missing: [String]
  ) {
    var slotOfApproval = [Int?](repeating: nil, count: approvals.count)
    func augment(_ slot: Int, _ visited: inout Set<Int>) -> Bool {
      for (index, approval) in approvals.enumerated()
      where approval.eligibleRoles.contains(required[slot]) && !visited.contains(index) {
        visited.insert(index)
        if slotOfApproval[index] == nil || augment(slotOfApproval[index]!, &visited) {
          slotOfApproval[index] = slot
          return true
        }
      }
      return false
    }
    var missing: [String] = []
    for slot in required.indices {
      var visited = Set<Int>()
      if !augment(slot, &visited) { missing.append(required[slot]) }
    }
    let assigned = approvals.enumerated().map { index, approval -> ApprovalRecord in
      var copy = approval
      if let slot = slotOfApproval[index] { copy.role = required[slot] }
      return copy
    }
    return (assigned, missing)
  }
}

/// Results gathered from parallel workers under a lock.
private final class ParallelResults<Item: Hashable, Value>: @unchecked Sendable {
  let lock = NSLock()
  var merged: [Item: Value] = [:]
}

/// A signature verdict computed ahead of the ordered walk.
struct SignatureCheck: Sendable {
  var verdict: SignatureVerdict
}

/// Reads the `id:` of a front-matter block without a YAML parser, for tracking paths through history.
///
/// It runs on every changed Markdown blob in history, so it scans bytes and builds one small string.
enum FrontMatterScan {
  static func id(in bytes: [UInt8]) -> DocumentID? {
    let limit = min(bytes.count, 65_536)
    guard limit >= 3, bytes[0] == 0x2D, bytes[1] == 0x2D, bytes[2] == 0x2D else { return nil }
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
    var lineStart = 0
    var isFirstLine = true
    var index = 0
    while index <= limit {
      if index == limit || bytes[index] == 0x0A {
        var low = lineStart
        var high = index
        while low < high, isSpace(bytes[low]) { low += 1 }
        while high > low, isSpace(bytes[high - 1]) { high -= 1 }
        let length = high - low
        if !isFirstLine, length == 3, bytes[low] == bytes[low + 1], bytes[low] == bytes[low + 2],
          bytes[low] == 0x2D || bytes[low] == 0x2E
        {
          return nil
        }
        if lineStart == low, length > 3, bytes[low] == 0x69, bytes[low + 1] == 0x64, bytes[low + 2] == 0x3A {
          var valueStart = low + 3
          var valueEnd = high
          if let hash = bytes[valueStart..<valueEnd].firstIndex(of: 0x23), hash > valueStart,
            isSpace(bytes[hash - 1])
          {
            valueEnd = hash
          }
          while valueStart < valueEnd,
            isSpace(bytes[valueStart]) || bytes[valueStart] == 0x22 || bytes[valueStart] == 0x27
          {
            valueStart += 1
          }
          while valueEnd > valueStart,
            isSpace(bytes[valueEnd - 1]) || bytes[valueEnd - 1] == 0x22 || bytes[valueEnd - 1] == 0x27
          {
            valueEnd -= 1
          }
          return DocumentID(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))
        }
        isFirstLine = false
        lineStart = index + 1
      }
      index += 1
    }
    return nil
  }
}

/// Whether a commit message may carry an `Approves:` trailer: a byte search that skips trailer
/// parsing for the ordinary commits that make up most of history.
func mayCarryApprovals(_ message: String) -> Bool {
  let needle = Array("approves:".utf8)
  var matched = 0
  for byte in message.utf8 {
    let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    if lower == needle[matched] {
      matched += 1
      if matched == needle.count { return true }
    } else {
      matched = lower == needle[0] ? 1 : 0
    }
  }
  return false
}
