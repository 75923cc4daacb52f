import DocumentModel
import Foundation
import GitStore
import Signatures

/// Walks history once, in the order of the history model (`HistoryOrder`), and derives revisions, states
/// and problems from approval commits, asking `ApprovalRules` about every signature.
///
/// Policy state is one running value that moves forward along the mainline: each commit is judged under
/// the policy in effect where it enters the mainline (H2, H3). The root policy is the first valid `sop.yml`
/// on the mainline, counted from the trusted root (H1).
struct LedgerBuilder {
  let repository: Repository
  var approvalTrailerKey = "approves"
  /// The trailer of `sop revoke`: `Revokes: <approval commit id>`.
  static let revocationTrailerKey = "revokes"

  private var histories: [DocumentID: DocumentHistory] = [:]
  private var problems: [VerificationProblem] = []
  private var policyVersions: [EffectivePolicy] = []
  private var current: Int?
  private var policyAtCommit: [ObjectID: Int] = [:]
  private var pendingPolicy: [ObjectID: [ApprovalRecord]] = [:]
  private var idPaths: [DocumentID: Set<String>] = [:]
  private var contentOfBlob: [ObjectID: BlobIdentity?] = [:]
  private var approvedBlobs: [DocumentID: [ObjectID: Int]] = [:]
  private var approvalCommits = 0
  /// Blobs looked up by tree and path: successive approvals share their parent's tree, and reading a
  /// large folder's tree again for each one dominated `sop verify`.
  private var filesInTree: [ObjectID: [String: TreeFile?]] = [:]
  /// Every commit walked (a resumed walk: the new ones), in the order the history gave them, and the index
  /// of each by id. One copy of each entry: a dictionary of entries beside the walk's array held each commit
  /// twice (33 MB at 60,000 commits, heaptrack of a cold status).
  private var entries: [HistoryEntry] = []
  private var entryIndex: [ObjectID: Int] = [:]
  /// Signature verdicts computed ahead of the walk, by commit.
  private var signatureChecks: [ObjectID: SignatureCheck] = [:]
  /// The signatures being verified while the walk goes on, during a walk of the whole history (`walk`).
  private var earlySignatures: SignaturePrecheck.EarlySignatures?
  /// The key and claimed time of every approval whose signature verified, for flagging revoked keys.
  private var signedApprovals: [SignedApproval] = []
  /// The signing key of every approval commit whose signature verified: only it may revoke the approval.
  private var signerOf: [ObjectID: SSHPublicKey] = [:]
  /// The fingerprint of each signing key met, by key blob.
  private var fingerprints: [Data: String] = [:]
  /// Approval commits already revoked.
  private var revokedApprovals = Set<ObjectID>()
  /// The trusted root and the mainline, once walked.
  private var root: ObjectID?
  private var mainline = Set<ObjectID>()
  /// Document selections by policy index (-1: no policy yet), built once each.
  private var selections: [Int: DocumentSelection] = [:]
  /// Reached commits that do not descend from the trusted root (H1).
  private var untrusted = Set<ObjectID>()
  /// The commits a resumed walk took from the walk it resumed (`resume(from:at:checkpoints:)`).
  private var priorCommits: [ObjectID] = []
  /// Blobs whose whole parse the walk keeps for its caller (the documents at the tip, for the inventory).
  var keepingParsed = Set<ObjectID>()
  /// The parse of those of `keepingParsed` the walk read ahead, by blob (not every one: the inventory reads
  /// the rest).
  private(set) var parsedDocuments: [ObjectID: ParsedDocument] = [:]
  /// Blobs the caller has read from git (or checked against their id) and parsed already: the walk takes their
  /// front matter from here instead of reading them again. Publish passes the documents at the tip when it walks
  /// the latest snapshot's commit from scratch; the parse of a blob does not depend on where it was read.
  var knownDocuments: [ObjectID: ParsedDocument] = [:]

  init(repository: Repository) {
    self.repository = repository
  }

  /// Every commit the last walk reached (the ledger cache keeps them, to check they are all still there).
  var reachableCommits: [ObjectID] { priorCommits + entries.lazy.map(\.commit.id) }

  /// Lets go of what only the walk itself needed (the commits with their changes, the parse of every changed
  /// blob, blobs looked up by tree, signature verdicts) once its ledger is built; `reachableCommits`,
  /// `walkState` and `parsedDocuments` still give what they gave. Writing the ledger cache came on top of all
  /// of it and was a cold status's peak (heaptrack, 20,000 documents).
  mutating func releaseWalk() {
    priorCommits = reachableCommits
    entries = []
    entryIndex = [:]
    contentOfBlob = [:]
    filesInTree = [:]
    signatureChecks = [:]
  }

  /// A field of the walked commit `id`, or nil when this walk did not reach it. Read in place: taking the whole
  /// entry as a value copied its strings and arrays, twice for each approval (its mainline tree, its parent's time).
  private func walkedCommit<T>(_ id: ObjectID, _ field: (Commit) -> T) -> T? {
    guard let index = entryIndex[id] else { return nil }
    return field(entries[index].commit)
  }

  /// Takes `walked` as the commits walked.
  private mutating func remember(_ walked: [HistoryEntry]) {
    entries = walked
    entryIndex.reserveCapacity(walked.count)
    for index in walked.indices { entryIndex[walked[index].commit.id] = index }
  }

  /// An approval whose signature verified: what flags a revoked key, and the key that alone may revoke it.
  struct SignedApproval {
    var commit: ObjectID
    var time: Int64
    /// The first word of each `Approves:` trailer.
    var documents: [String]
    var key: SSHPublicKey
  }

  /// What a walk knows beyond its ledger, which a later walk needs to carry on from where it stopped (the
  /// ledger cache keeps it).
  struct WalkState {
    /// The paths each document id was seen at.
    var idPaths: [DocumentID: Set<String>]
    var signedApprovals: [SignedApproval]
    var revokedApprovals: Set<ObjectID>
    var untrusted: Set<ObjectID>
  }

  /// The state of the last walk.
  var walkState: WalkState {
    WalkState(
      idPaths: idPaths, signedApprovals: signedApprovals, revokedApprovals: revokedApprovals, untrusted: untrusted)
  }
  /// The checkpoints the walk was ordered by, and the tip it walked (before any commit was appended).
  private(set) var walked: (checkpoints: [ObjectID], tip: ObjectID)?

  /// Walks the history of `tip`. `trustedRoot` is the pinned root, or nil to trust the mainline's own root
  /// (the caller pins it); a mainline ending elsewhere is refused.
  mutating func build(from tip: ObjectID, trustedRoot: ObjectID?, checkpoints: [ObjectID] = [])
    throws(ControlError) -> ApprovalLedger
  {
    // The walk and the parse of what it read go over most of the packs; a bound on what stays mapped keeps
    // that out of a cold run's peak memory (`Repository.boundingPackMapping`).
    try Repository.boundingPackMapping { () throws(ControlError) in
      try walkAll(from: tip, trustedRoot: trustedRoot, checkpoints: checkpoints)
    }
  }

  private mutating func walkAll(from tip: ObjectID, trustedRoot: ObjectID?, checkpoints: [ObjectID])
    throws(ControlError) -> ApprovalLedger
  {
    // The walk's first pass reads every commit; approvals' signatures are verified from there, on other cores.
    let early = SignaturePrecheck.EarlySignatures()
    repository.commitReader = { early.add($0, raw: $1) }
    let entries = try translatingErrors {
      defer { repository.commitReader = nil }
      if try repository.isShallow() { throw ControlError.shallowHistory }
      return try repository.history(from: tip)
    }
    remember(entries)
    var parents: [ObjectID: [ObjectID]] = [:]
    parents.reserveCapacity(entries.count)
    // By index: each entry taken as a value is a copy of its strings and arrays.
    for index in entries.indices { parents[entries[index].commit.id] = entries[index].commit.parents }
    let order = HistoryOrder(tip: tip, parents: parents, checkpoints: checkpoints)
    guard let root = order.mainline.first else { throw .noCommits(path: repository.gitDirectory) }
    // H1 looks at the tip's own first-parent chain: a history whose mainline now ends elsewhere is refused,
    // even where checkpoints keep the order of what was judged before.
    var tipRoot = tip
    var visited = Set<ObjectID>()
    while let first = parents[tipRoot]?.first, visited.insert(first).inserted { tipRoot = first }
    if let trustedRoot, trustedRoot != root || trustedRoot != tipRoot {
      throw .untrustedRoot(found: trustedRoot != tipRoot ? tipRoot : root, pinned: trustedRoot)
    }
    if trustedRoot == nil, order.roots.count > 1 { throw .ambiguousRoots(order.roots) }
    for foreign in order.roots where foreign != root {
      problems.append(
        VerificationProblem(
          commit: foreign.hex, document: "HISTORY", kind: .foreignRoot,
          message: "a second root commit is merged into this history; its policy, keys and approvals count for "
            + "nothing (the trusted root is \(root.hex))"))
    }
    return try walk(entries, in: order, root: root, tip: tip, checkpoints: checkpoints, early: early)
  }

  /// Judges `entries` (the history `order` orders, or what is new of it) in that order. `early` holds the
  /// signatures verified while history was read, if any.
  private mutating func walk(
    _ entries: [HistoryEntry], in order: HistoryOrder, root: ObjectID, tip: ObjectID, checkpoints: [ObjectID],
    early: SignaturePrecheck.EarlySignatures? = nil
  ) throws(ControlError) -> ApprovalLedger {
    let parsed = SignaturePrecheck.parseFrontMatter(
      of: entries, in: repository, keeping: keepingParsed, known: knownDocuments)
    contentOfBlob = parsed.identities
    parsedDocuments = parsed.kept
    signatureChecks = SignaturePrecheck.checkSignatures(of: entries, in: repository, early: early)
    earlySignatures = early
    defer {
      early?.finish()
      earlySignatures = nil
    }
    do throws(GitError) {
      for step in order.steps {
        guard let index = entryIndex[step.commit] else { continue }
        let entry = self.entries[index]
        if order.trusted.contains(step.commit) {
          try process(entry, entersAt: step.entersAt, isMainline: step.commit == step.entersAt)
        } else if mayCarryApprovals(entry.commit.message) {
          reportForeignApproval(entry.commit, trustedRoot: root)
        }
        policyAtCommit[step.commit] = current
      }
    } catch {
      throw .git(error)
    }
    self.root = root
    mainline.formUnion(order.mainline)
    untrusted.formUnion(order.untrusted)
    walked = (checkpoints, tip)
    return ledger(tip: tip)
  }

  /// Carries on the walk that gave `base` (the ledger cache's) to `tip`, judging only the commits `base` did
  /// not reach, in the order a walk of the whole history gives them; the ledger is the one that walk gives.
  ///
  /// Only when `base`'s tip is on `tip`'s first-parent chain and the checkpoints are `base`'s, then any that
  /// are its tip or on the chain above it (or not in this history): a walk of the whole history then orders
  /// `base`'s history first, exactly as `base`'s walk did (H13). Nil otherwise, and the caller walks it all.
  /// `checkpoints` are the repository's now; the caller has checked that `base` was built with the pinned
  /// root and that its commits are intact.
  mutating func resume(from base: LedgerCache.Cached, at tip: ObjectID, checkpoints: [ObjectID])
    throws(ControlError) -> ApprovalLedger?
  {
    guard let state = base.walk, root == nil else { return nil }
    let old = base.ledger
    let known = Set(base.reachable)
    guard known.contains(old.tip), !known.contains(tip) else { return nil }
    let canonical = LedgerCache.Key.canonical(checkpoints, tip: tip)
    guard canonical.starts(with: base.checkpoints) else { return nil }
    let entries = try translatingErrors {
      if try repository.isShallow() { throw ControlError.shallowHistory }
      return try repository.history(from: tip, after: known)
    }
    var parents: [ObjectID: [ObjectID]] = [:]
    for entry in entries { parents[entry.commit.id] = entry.commit.parents }
    // The new first-parent chain down to the old tip.
    var chain = Set<ObjectID>()
    var cursor = tip
    while cursor != old.tip {
      guard let first = parents[cursor]?.first, chain.insert(cursor).inserted else { return nil }
      cursor = first
    }
    // An old checkpoint now reached through a new commit would order history differently.
    guard base.checkpoints.allSatisfy({ parents[$0] == nil }) else { return nil }
    let added = Array(canonical.dropFirst(base.checkpoints.count))
    for checkpoint in added {
      if checkpoint == old.tip || chain.contains(checkpoint) { break }
      if known.contains(checkpoint) || parents[checkpoint] != nil { return nil }
    }
    let order = HistoryOrder(
      tip: tip, parents: parents, checkpoints: added,
      after: HistoryOrder.Prior(commits: known, untrusted: state.untrusted))
    remember(entries)
    for foreign in order.roots {
      problems.append(
        VerificationProblem(
          commit: foreign.hex, document: "HISTORY", kind: .foreignRoot,
          message: "a second root commit is merged into this history; its policy, keys and approvals count for "
            + "nothing (the trusted root is \(old.root.hex))"))
    }
    adopt(base, state: state)
    return try walk(entries, in: order, root: old.root, tip: tip, checkpoints: checkpoints)
  }

  /// Takes over the walk that gave `base` (the ledger cache's, with the pinned root and the checkpoints a walk
  /// of its tip would have now, as the caller checked), without walking: `sop approve` then appends its own
  /// commit (`appending(_:onto:)`) as it would to a walk of the whole history. Nil when the cache has no walk
  /// state. The ledger returned is `base`'s.
  mutating func restore(from base: LedgerCache.Cached, checkpoints: [ObjectID]) -> ApprovalLedger? {
    guard let state = base.walk, root == nil else { return nil }
    adopt(base, state: state)
    root = base.ledger.root
    walked = (checkpoints, base.ledger.tip)
    return base.ledger
  }

  /// The state of the walk that gave `base`, as the builder's own.
  private mutating func adopt(_ base: LedgerCache.Cached, state: WalkState) {
    let old = base.ledger
    histories = old.documents
    // Flagged again from the signed approvals, under the policy in effect at the new tip.
    problems += old.problems.filter { $0.kind != .revokedKey }
    policyVersions = old.policyVersions
    current = old.policyVersions.indices.last
    policyAtCommit = old.policyAtCommit
    pendingPolicy = old.pendingPolicyApprovals
    approvedBlobs = old.approvedBlobs
    approvalCommits = old.approvalCommits
    mainline = old.mainline
    idPaths = state.idPaths
    signedApprovals = state.signedApprovals
    for approval in state.signedApprovals { signerOf[approval.commit] = approval.key }
    revokedApprovals = state.revokedApprovals
    untrusted = state.untrusted
    priorCommits = base.reachable
  }

  /// The ledger one more commit on top of the last tip gives, without walking history again: `sop approve`
  /// appends its own commit (an empty commit whose parent is that tip). Anything else needs a full walk.
  mutating func appending(_ commitID: ObjectID, onto tip: ObjectID) throws(ControlError) -> ApprovalLedger? {
    do throws(GitError) {
      let commit = try repository.commit(commitID)
      guard root != nil, commit.parents == [tip], try tree(of: tip) == commit.tree else { return nil }
      let entry = HistoryEntry(commit: commit, changes: [])
      entryIndex[commitID] = entries.count
      entries.append(entry)
      mainline.insert(commitID)
      if mayCarryApprovals(commit.message), let stored = try repository.signature(ofCommit: commitID) {
        signatureChecks[commitID] = SignatureCheck(
          verdict: verifySSHSignature(armored: stored.signature, message: Data(stored.signedData), namespace: "git"))
      }
      try process(entry, entersAt: commitID, isMainline: true)
      policyAtCommit[commitID] = current
    } catch {
      throw .git(error)
    }
    return ledger(tip: commitID)
  }

  /// The ledger as walked so far.
  private func ledger(tip: ObjectID) -> ApprovalLedger {
    ApprovalLedger(
      tip: tip, documents: histories, problems: (problems + revokedKeyProblems()).sorted(),
      effectivePolicy: current.map { policyVersions[$0] }, policyVersions: policyVersions,
      pendingPolicyApprovals: pendingPolicy, policyAtCommit: policyAtCommit, approvalCommits: approvalCommits,
      approvedBlobs: approvedBlobs, root: root!, mainline: mainline)
  }

  /// Signatures made with a key that the policy in effect at the tip revokes, at or after its revocation
  /// time, wherever they are in history (the key counts for nothing once the revocation is in effect; this
  /// shows an auditor what it signed between the theft and the revocation).
  private func revokedKeyProblems() -> [VerificationProblem] {
    var problems: [VerificationProblem] = []
    guard let policy = current.map({ policyVersions[$0].policy }) else { return [] }
    var revoked: [Data: (person: Person, revocation: RevokedKey)] = [:]
    for person in policy.people {
      for revocation in person.revokedKeys {
        if let key = try? SSHPublicKey(authorizedKey: revocation.key) { revoked[key.blob] = (person, revocation) }
      }
    }
    guard !revoked.isEmpty else { return [] }
    for approval in signedApprovals {
      let key = approval.key
      guard let (person, revocation) = revoked[key.blob], approval.time >= revocation.at else { continue }
      for document in approval.documents {
        problems.append(
          VerificationProblem(
            commit: approval.commit.hex, document: document, kind: .revokedKey,
            message: "signed with \(person.name)'s key \(key.fingerprint), revoked at \(UTCTime.iso(revocation.at)) "
              + "(\(revocation.reason))"))
      }
    }
    return problems
  }

  /// An approval inside a history with another root is reported and never judged: whatever key signed it,
  /// it approves content of a history this repository does not trust (H1).
  private mutating func reportForeignApproval(_ commit: Commit, trustedRoot: ObjectID) {
    let trailers = commit.trailers.filter { $0.key.lowercased() == approvalTrailerKey }
    guard !trailers.isEmpty else { return }
    approvalCommits += 1
    for trailer in trailers {
      problems.append(
        VerificationProblem(
          commit: commit.id.hex, document: String(trailer.value.split(separator: " ").first ?? "?"),
          kind: .foreignRoot,
          message: "this approval belongs to a history that does not start at the trusted root "
            + "\(trustedRoot.short); it counts for nothing"))
    }
  }

  private mutating func process(_ entry: HistoryEntry, entersAt mainlineCommit: ObjectID, isMainline: Bool)
    throws(GitError)
  {
    let commit = entry.commit
    if current == nil, isMainline, let change = entry.changes.first(where: { $0.path == Policy.fileName }),
      let blob = change.newBlob, let policy = Policy.decodedIfValid(try repository.blob(blob))
    {
      policyVersions.append(
        EffectivePolicy(
          policy: policy, blob: blob, revision: 1, approvals: [], since: commit.id, time: commit.committer.time))
      current = policyVersions.count - 1
    }
    try recordChanges(of: entry)
    // Parsed once: `Commit.trailers` parses the message on every use.
    let trailers = mayCarryApprovals(commit.message) ? commit.trailers : []
    let approvals = trailers.filter { $0.key.lowercased() == approvalTrailerKey }
    if !approvals.isEmpty {
      approvalCommits += 1
      try judgeApproval(
        commit, trailers: approvals, allTrailers: trailers, mainlineTree: walkedCommit(mainlineCommit) { $0.tree })
    }
    let revocations = trailers.filter { $0.key.lowercased() == Self.revocationTrailerKey }
    if !revocations.isEmpty {
      approvalCommits += approvals.isEmpty ? 1 : 0
      try judgeRevocation(commit, trailers: revocations)
    }
    let training = trailers.filter {
      let key = $0.key.lowercased()
      return key == ApprovalRules.acknowledgementTrailerKey || key == ApprovalRules.trainingTrailerKey
    }
    if !training.isEmpty {
      approvalCommits += approvals.isEmpty && revocations.isEmpty ? 1 : 0
      try judgeTraining(commit, trailers: training)
    }
  }

  /// A signer withdraws their own approval (`sop revoke`): from this commit on it counts for nothing. A
  /// revision it helped complete keeps its number, is marked revoked and leaves force; its other signatures
  /// wait again for the missing one.
  private mutating func judgeRevocation(_ commit: Commit, trailers: [Trailer]) throws(GitError) {
    func report(_ kind: ProblemKind, _ message: String) {
      problems.append(VerificationProblem(commit: commit.id.hex, document: "REVOKES", kind: kind, message: message))
    }
    guard let verdict = try signatureVerdict(of: commit) else {
      report(.unsigned, "the revocation is not signed")
      return
    }
    guard case .valid(let key) = verdict else {
      report(.badSignature, "the revocation's signature does not verify")
      return
    }
    if let violation = try emptyCommitViolation(commit) {
      report(violation.kind, violation.message)
      return
    }
    let signer = current.flatMap { policyVersions[$0].person(for: key) }
    for trailer in trailers {
      guard let approval = ObjectID(hex: trailer.value.trimmingCharacters(in: .whitespaces)),
        let approvalKey = signerOf[approval]
      else {
        report(.contentMismatch, "'\(trailer.value)' names no signed approval commit in this history")
        continue
      }
      guard approvalKey.blob == key.blob else {
        report(.notAuthorised, "only the key that made approval \(approval.short) may revoke it")
        continue
      }
      // A key the policy in effect no longer registers withdraws nothing (as it approves nothing).
      guard signer != nil else {
        report(.unknownKey, "key \(key.fingerprint) is not registered in the sop.yml in effect where it enters")
        continue
      }
      guard revokedApprovals.insert(approval).inserted else { continue }
      let revocation = Revocation(
        commit: commit.id, approval: approval, name: signer?.name ?? "", email: signer?.email ?? "",
        time: commit.committer.time, reason: Self.reason(of: commit.message))
      if pendingPolicy.values.contains(where: { $0.contains { $0.commit == approval } }) {
        pendingPolicy = pendingPolicy.mapValues { $0.filter { $0.commit != approval } }
      } else if policyVersions.contains(where: { $0.approvals.contains { $0.commit == approval } }) {
        report(.contentMismatch, "a policy change already in effect cannot be revoked; approve a new sop.yml instead")
      }
      for (id, var history) in histories {
        history.pending = history.pending.mapValues { $0.filter { $0.commit != approval } }
        for index in history.revisions.indices {
          history.revisions[index].reviews.removeAll { $0.commit == approval }
          let revision = history.revisions[index]
          guard revision.revocation == nil, revision.approvals.contains(where: { $0.commit == approval }) else {
            continue
          }
          let wasInForce = history.inForce?.number == revision.number
          history.revisions[index].revocation = revocation
          if wasInForce {
            // Its other signatures wait again for the missing one; its changes are unapproved again.
            history.pending[revision.contentKey] = revision.approvals.filter { $0.commit != approval }
            history.changesSinceRevision = revision.changes + history.changesSinceRevision
            history.authorsSinceRevision.formUnion(revision.authors)
          }
        }
        histories[id] = history
      }
    }
  }

  /// The free text of a commit message between the subject and the trailers (the reason of a revocation).
  ///
  /// Read as bytes when the message is ASCII without a carriage return, where bytes and Characters are one
  /// and the same (only CR LF joins two ASCII scalars into one Character): Foundation's `components` and
  /// trimming were a fortieth of `sop verify`, once per approval. Any other message goes through Foundation,
  /// as before; `LedgerReasonTests` holds the two to the same answers.
  static func reason(of message: String) -> String {
    let bytes = Array(message.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return reasonByCharacters(of: message) }
    let newline = UInt8(ascii: "\n")
    // Paragraphs, split at each "\n\n" from the left, as `components(separatedBy:)` splits them.
    var paragraphs: [Range<Int>] = []
    var start = 0
    var index = 0
    while index + 1 < bytes.count {
      if bytes[index] == newline, bytes[index + 1] == newline {
        paragraphs.append(start..<index)
        index += 2
        start = index
      } else {
        index += 1
      }
    }
    paragraphs.append(start..<bytes.count)
    var text: [UInt8] = []
    var isFirst = true
    for paragraph in paragraphs.dropFirst() where !isTrailerBlock(bytes[paragraph]) {
      if !isFirst { text.append(contentsOf: [newline, newline]) }
      isFirst = false
      text.append(contentsOf: bytes[paragraph])
    }
    // ASCII white space, as `.whitespacesAndNewlines` has it: tab, LF, VT, FF, CR and space.
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(decoding: text[first...last], as: UTF8.self)
  }

  /// Whether every non-empty line of a paragraph looks like a trailer (`Key: value`, not indented, not a
  /// comment), by bytes.
  private static func isTrailerBlock(_ paragraph: ArraySlice<UInt8>) -> Bool {
    for line in paragraph.split(separator: UInt8(ascii: "\n")) {
      guard line.first != UInt8(ascii: " "), line.first != UInt8(ascii: "#") else { return false }
      var hasColonSpace = false
      var previous: UInt8 = 0
      for byte in line {
        if previous == UInt8(ascii: ":"), byte == UInt8(ascii: " ") {
          hasColonSpace = true
          break
        }
        previous = byte
      }
      guard hasColonSpace else { return false }
    }
    return true
  }

  /// `reason(of:)` by Characters, through Foundation: for any message that is not plain ASCII.
  static func reasonByCharacters(of message: String) -> String {
    let paragraphs = message.components(separatedBy: "\n\n").dropFirst()
    let text = paragraphs.filter { paragraph in
      !paragraph.split(separator: "\n").allSatisfy { $0.contains(": ") && !$0.hasPrefix(" ") && $0.first != "#" }
    }
    return text.joined(separator: "\n\n").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Records which documents a commit changed, and who changed them (author and committer: H9).
  ///
  /// A merge is credited only with content that none of its parents had: what a side branch brought in
  /// was recorded, with its own authors, when that branch's commits were judged.
  private mutating func recordChanges(of entry: HistoryEntry) throws(GitError) {
    let commit = entry.commit
    let selection =
      selections[current ?? -1]
      ?? DocumentSelection(patterns: current.map { policyVersions[$0].policy.documents } ?? nil)
    selections[current ?? -1] = selection
    var authors: Set<String>?
    var reason: String?
    // Every Markdown document counts for authorship, selected or not: an edit made while a file sat outside
    // the `documents:` globs is still its author's (identity is the parser's id, H8).
    for change in entry.changes where selection.includes(change.path) || change.path.hasSuffix(".md") {
      guard let blob = change.newBlob, let content = try frontMatter(ofBlob: blob) else { continue }
      if commit.parents.count > 1, try fromOtherParent(commit, path: change.path, blob: blob) { continue }
      let id = content.id
      if authors == nil { authors = try changeAuthors(of: commit, document: id) }
      idPaths[id, default: []].insert(change.path)
      if reason == nil { reason = Self.reason(of: commit.message) }
      var history = histories[id] ?? DocumentHistory()
      history.changesSinceRevision.append(
        ChangeRecord(
          commit: commit.id, subject: commit.subject, authorName: commit.author.name,
          authorEmail: commit.author.email, time: commit.author.time, reason: reason ?? ""))
      history.authorsSinceRevision.formUnion(authors ?? [])
      histories[id] = history
    }
  }

  /// Who counts as the author of a change for rule 6 (H9): with `changes: signed`, the registered owner of
  /// the key that signed it (an unsigned or foreign-signed change is a problem); otherwise both the author
  /// and the committer email, which are unauthenticated text.
  private mutating func changeAuthors(of commit: Commit, document: DocumentID) throws(GitError) -> Set<String> {
    let claimed: Set<String> = [commit.author.email.lowercased(), commit.committer.email.lowercased()]
    guard let policy = current.map({ policyVersions[$0] }), policy.policy.changesMustBeSigned else { return claimed }
    func problem(_ message: String) -> Set<String> {
      problems.append(
        VerificationProblem(commit: commit.id.hex, document: document.rawValue, kind: .unsignedChange, message: message)
      )
      return claimed
    }
    guard let stored = try repository.signature(ofCommit: commit.id) else {
      return problem("the change is not signed, and sop.yml says 'changes: signed'")
    }
    guard
      case .valid(let key) = verifySSHSignature(
        armored: stored.signature, message: Data(stored.signedData), namespace: "git")
    else {
      return problem("the change's signature does not verify")
    }
    guard let person = policy.person(for: key) else {
      return problem("the change is signed by key \(key.fingerprint), which is not registered in sop.yml")
    }
    return [person.email.lowercased()]
  }

  /// Whether a merge's content at `path` is what one of its other parents already had there.
  private mutating func fromOtherParent(_ commit: Commit, path: String, blob: ObjectID) throws(GitError) -> Bool {
    for parent in commit.parents.dropFirst() {
      guard let tree = try tree(of: parent) else { continue }
      if try blobID(at: path, inTree: tree) == blob { return true }
    }
    return false
  }

  /// Checks an approval commit and records what counts. `trailers` are its `Approves:` trailers, `allTrailers`
  /// every trailer it has (parsed once by the caller).
  private mutating func judgeApproval(
    _ commit: Commit, trailers: [Trailer], allTrailers: [Trailer], mainlineTree: ObjectID?
  ) throws(GitError) {
    let named = trailers.map { trailer -> (String, ObjectID?) in
      let parts = trailer.value.split(separator: " ", omittingEmptySubsequences: true)
      return (parts.first.map(String.init) ?? "?", parts.count == 2 ? ObjectID(hex: String(parts[1])) : nil)
    }
    func reportAll(_ kind: ProblemKind, _ message: String) {
      for (document, _) in named {
        problems.append(VerificationProblem(commit: commit.id.hex, document: document, kind: kind, message: message))
      }
    }
    let signed: SignedBy
    switch try judgeRecordSigner(
      commit, approving: named.map(\.0),
      unsignedMessage: "the approval commit is not signed; if it was rebased (git pull --rebase), git dropped its "
        + "signature: sign again with sop approve, and pull approvals with a merge (git pull --no-rebase)")
    {
    case .failure(let violation):
      reportAll(violation.kind, violation.message)
      return
    case .success(let value): signed = value
    }
    let (person, key, policy) = (signed.person, signed.key, signed.policy)
    if let backDated = signed.backDated { reportAll(backDated.kind, backDated.message) }
    // Rule 3 held, so the one parent's tree is this commit's tree.
    let parentTree = commit.tree
    let waivesRetraining = ApprovalRules.waivesRetraining(allTrailers)
    // Once per commit: an approval of 5,000 documents has 5,000 trailer lines, and reading the note per
    // document was quadratic in them.
    let note = Self.reason(of: commit.message)
    let isEditorialCommit = allTrailers.contains {
      $0.key.lowercased() == EditorialChange.trailerKey
        && $0.value.trimmingCharacters(in: .whitespaces).lowercased() == EditorialChange.trailerValue
    }
    for (document, blob) in named {
      func report(_ violation: RuleViolation) {
        problems.append(
          VerificationProblem(
            commit: commit.id.hex, document: document, kind: violation.kind, message: violation.message))
      }
      guard let blob else {
        report(
          RuleViolation(
            kind: .contentMismatch, message: "malformed trailer; expected 'Approves: <ID> <40-hex blob id>'"))
        continue
      }
      if document == DocumentID.policy.rawValue {
        try judgePolicyApproval(
          commit: commit, parentTree: parentTree, mainlineTree: mainlineTree, blob: blob, person: person, key: key
        ).map(report)
        continue
      }
      guard let id = DocumentID(document) else {
        report(RuleViolation(kind: .contentMismatch, message: "'\(document)' is not a document id"))
        continue
      }
      // Rule 4: the content of the document in the parent commit, with the attachments of that tree…
      guard let signed = try contentKey(of: id, blob: blob, inTree: parentTree),
        let content = try frontMatter(ofBlob: blob)
      else {
        report(
          RuleViolation(
            kind: .contentMismatch, message: "blob \(blob.short) is not the content of \(id) in the parent commit"))
        continue
      }
      // …and in the mainline where the approval enters (H5). A genuine signature on text or attachments that
      // never reached the mainline (an abandoned branch merged with -s ours, a photo changed on the mainline
      // meanwhile) is like a signature on a superseded draft: it counts for nothing, and is no problem.
      guard let tree = mainlineTree else { continue }
      // On the mainline the two trees are one (nearly every approval): the key there is the one just computed.
      if tree != parentTree, try contentKey(of: id, blob: blob, inTree: tree)?.key != signed.key { continue }
      let contentKey = signed.key
      let attachmentsChanged = histories[id]?.inForce.map { $0.attachments != signed.attachments } ?? false
      var history = histories[id] ?? DocumentHistory()
      let standing: SignerStanding
      switch ApprovalRules.judgeSigner(
        person, id: id, contentKey: contentKey, content: content, history: history, policy: policy.policy)
      {
      case .failure(let violation):
        report(violation)
        continue
      case .success(let value): standing = value
      }
      var isReview = false
      if case .review = standing { isReview = true }
      var record = ApprovalRecord(
        email: person.email, name: person.name, role: standing.eligible[0], eligibleRoles: standing.eligible,
        commit: commit.id, time: commit.committer.time, fingerprint: fingerprint(of: key),
        meaning: (isReview ? SignatureMeaning.reviewed : SignatureMeaning.approved).rawValue)
      record.comment = note.isEmpty ? nil : note
      record.waivesRetraining = waivesRetraining
      let editorialPath = policy.policy.types[content.type]?.editorial
      if !isReview, isEditorialCommit {
        // An editorial signature on a change that may not take the editorial path counts for nothing.
        let words = try editorialWords(blob: blob, history: history)
        if let violation = EditorialChange.violation(
          id: id, path: editorialPath, history: history, words: words, attachmentsChanged: attachmentsChanged)
        {
          report(violation)
          continue
        }
        record.isEditorial = true
      }
      if isReview {
        history.revisions[history.revisions.count - 1].reviews.append(record)
      } else {
        // H4: earlier signatures count only if they still qualify now.
        var signatures = ApprovalRules.stillQualifying(
          history.pending[contentKey, default: []].filter { $0.email != person.email }, id: id,
          contentKey: contentKey, content: content, history: history, policy: policy)
        signatures.append(record)
        let required = ApprovalRules.requiredRoles(
          contentType: content.type, inForceType: history.inForce?.type, policy: policy.policy)
        var completed: (approvals: [ApprovalRecord], editorialWords: Int?)?
        if let assigned = ApprovalRules.completion(
          required: required, signatures: signatures, authors: history.authorsSinceRevision, policy: policy.policy)
        {
          completed = (assigned, nil)
        } else if let editorialPath, signatures.contains(where: \.isEditorial),
          let words = try editorialWords(blob: blob, history: history),
          EditorialChange.violation(
            id: id, path: editorialPath, history: history, words: words, attachmentsChanged: attachmentsChanged)
            == nil,
          let assigned = EditorialChange.assignment(
            editorialPath, signatures: signatures, id: id, contentKey: contentKey, content: content,
            history: history, policy: policy
          ).assigned
        {
          completed = (assigned, words)
        }
        if let (assigned, editorialWords) = completed {
          var revision = ApprovedRevision(
            number: history.revisions.count + 1, blob: blob, approvals: assigned, approvedAt: commit.committer.time,
            reviews: [], changes: history.changesSinceRevision, completingCommit: commit.id, type: content.type)
          revision.isEditorial = editorialWords != nil
          revision.changedWords = editorialWords
          revision.authors = history.authorsSinceRevision
          revision.attachments = signed.attachments
          history.revisions.append(revision)
          approvedBlobs[id, default: [:]][blob] = revision.number
          history.pending = [:]
          history.changesSinceRevision = []
          history.authorsSinceRevision = []
        } else {
          history.pending[contentKey] = signatures
        }
      }
      histories[id] = history
    }
  }

  /// Who signed a record commit, under which policy, once rules 1–3 hold (docs/approvals.md).
  private struct SignedBy {
    var person: Person
    var key: SSHPublicKey
    var policy: EffectivePolicy
    /// H11: set when the committer time is earlier than the parent's (reported; the record still counts).
    var backDated: RuleViolation?
  }

  /// Rules 1–3 and H11 for any signed record, approval or training: signed and verifying in namespace `git`
  /// (1), by a key registered in the policy in effect where it enters (2), on an empty commit with one parent
  /// (3). An approval's verified key is kept, with the `documents` it approves (nil for a training record), for
  /// revocations and for flagging revoked keys.
  private mutating func judgeRecordSigner(_ commit: Commit, approving documents: [String]?, unsignedMessage: String)
    throws(GitError) -> Result<SignedBy, RuleViolation>
  {
    guard let verdict = try signatureVerdict(of: commit) else {
      return .failure(RuleViolation(kind: .unsigned, message: unsignedMessage))
    }
    let key: SSHPublicKey
    switch verdict {
    case .valid(let signingKey):
      key = signingKey
      if let documents {
        signedApprovals.append(
          SignedApproval(commit: commit.id, time: commit.committer.time, documents: documents, key: signingKey))
        signerOf[commit.id] = signingKey
      }
    case .wrongNamespace(let found):
      return .failure(RuleViolation(kind: .badSignature, message: "signed for namespace '\(found)', not 'git'"))
    case .invalid(let reason):
      return .failure(
        RuleViolation(kind: .badSignature, message: "the signature does not verify over the commit: \(reason)"))
    }
    guard let policyIndex = current else {
      return .failure(
        RuleViolation(
          kind: .unknownKey,
          message: "no sop.yml was in effect where this commit enters the mainline, so no key is registered"))
    }
    let policy = policyVersions[policyIndex]
    if key.algorithm.hasPrefix("sk-"), policy.policy.requiresUserVerification {
      let flags = try repository.signature(ofCommit: commit.id).flatMap {
        try? SSHSignature(armored: $0.signature).securityKeyFlags
      }
      if let violation = ApprovalRules.securityKeyViolation(
        keyAlgorithm: key.algorithm, flags: flags, policy: policy.policy)
      {
        return .failure(violation)
      }
    }
    guard let person = policy.person(for: key) else {
      return .failure(
        RuleViolation(
          kind: .unknownKey,
          message: "key \(key.fingerprint) is not registered in the sop.yml in effect where it enters"
        ))
    }
    if let violation = try emptyCommitViolation(commit) { return .failure(violation) }
    var signed = SignedBy(person: person, key: key, policy: policy)
    // H11: a signer's clock earlier than the parent's is worth an auditor's look.
    // A resumed walk holds only the new commits; the parent may be older.
    var parentTime = walkedCommit(commit.parents[0]) { $0.committer.time }
    if parentTime == nil { parentTime = try repository.commit(commit.parents[0]).committer.time }
    if let parentTime, commit.committer.time < parentTime {
      signed.backDated = RuleViolation(
        kind: .backDated, message: "committed at \(commit.committer.time), before its parent (\(parentTime))")
    }
    return .success(signed)
  }

  /// Judges `Acknowledges:` and `Trained:` trailers (docs/training.md, T1–T5) and records what counts.
  private mutating func judgeTraining(_ commit: Commit, trailers: [Trailer]) throws(GitError) {
    func report(_ document: String, _ violation: RuleViolation) {
      problems.append(
        VerificationProblem(commit: commit.id.hex, document: document, kind: violation.kind, message: violation.message)
      )
    }
    let documents = trailers.map { String($0.value.split(separator: " ").first ?? "?") }
    let signed: SignedBy
    switch try judgeRecordSigner(commit, approving: nil, unsignedMessage: "the training record is not signed") {
    case .failure(let violation):
      for document in Set(documents).sorted() { report(document, violation) }
      return
    case .success(let value): signed = value
    }
    if let backDated = signed.backDated {
      for document in Set(documents).sorted() { report(document, backDated) }
    }
    for trailer in trailers {
      let isTraining = trailer.key.lowercased() == ApprovalRules.trainingTrailerKey
      let parts = trailer.value.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      let document = parts.first ?? "?"
      guard parts.count == (isTraining ? 3 : 2), let id = DocumentID(parts[0]), let blob = ObjectID(hex: parts[1])
      else {
        let shape =
          isTraining ? "Trained: <ID> <40-hex blob id> <attendee email>" : "Acknowledges: <ID> <40-hex blob id>"
        report(document, RuleViolation(kind: .contentMismatch, message: "malformed trailer; expected '\(shape)'"))
        continue
      }
      let revision: Int
      switch ApprovalRules.trainableRevision(blob: blob, history: histories[id]) {
      case .failure(let violation):
        report(document, violation)
        continue
      case .success(let number): revision = number
      }
      var trainee = signed.person
      if isTraining {
        switch ApprovalRules.judgeTrainer(signed.person, attendee: parts[2], policy: signed.policy.policy) {
        case .failure(let violation):
          report(document, violation)
          continue
        case .success(let attendee): trainee = attendee
        }
      }
      histories[id, default: DocumentHistory()].training.append(
        TrainingRecord(
          email: trainee.email, name: trainee.name, revision: revision, time: commit.committer.time,
          by: signed.person.email, byName: signed.person.name, kind: isTraining ? .trained : .acknowledged,
          commit: commit.id))
    }
  }

  /// Words changed in the body from the revision in force to `blob`, nil when the front matter changed.
  private func editorialWords(blob: ObjectID, history: DocumentHistory) throws(GitError) -> Int? {
    guard let inForce = history.inForce else { return nil }
    return EditorialChange.changedWords(from: try repository.blob(inForce.blob), to: try repository.blob(blob))
  }

  /// Judges one `Approves: POLICY <blob>` trailer; a change takes effect when enough admins still qualify.
  private mutating func judgePolicyApproval(
    commit: Commit, parentTree: ObjectID, mainlineTree: ObjectID?, blob: ObjectID, person: Person,
    key: SSHPublicKey
  ) throws(GitError) -> RuleViolation? {
    guard let policyIndex = current else { return nil }
    let policy = policyVersions[policyIndex]
    guard try blobID(at: Policy.fileName, inTree: parentTree) == blob else {
      return RuleViolation(
        kind: .contentMismatch, message: "blob \(blob.short) is not the content of sop.yml in the parent commit")
    }
    // Unlike a document, an approved sop.yml takes effect wherever its approvals enter, whatever text a merge
    // resolves sop.yml to: the policy in effect is the last approved one, never the committed file, so a
    // keyless merge cannot roll it back (H2).
    if let violation = ApprovalRules.judgePolicySigner(person) { return violation }
    let record = ApprovalRecord(
      email: person.email, name: person.name, role: ApprovalRules.adminRole,
      eligibleRoles: [ApprovalRules.adminRole], commit: commit.id, time: commit.committer.time,
      fingerprint: key.fingerprint, meaning: SignatureMeaning.approved.rawValue)
    if blob == policy.blob { return nil }  // Re-approving the policy in effect changes nothing.
    var signatures = ApprovalRules.stillQualifyingAdmins(
      pendingPolicy[blob, default: []].filter { $0.email != person.email }, policy: policy)
    signatures.append(record)
    guard signatures.count >= policy.policy.policyApprovals else {
      pendingPolicy[blob] = signatures
      return nil
    }
    pendingPolicy[blob] = nil
    guard let decoded = Policy.decodedIfValid(try repository.blob(blob)) else {
      return RuleViolation(
        kind: .contentMismatch, message: "the approved sop.yml does not decode, so it cannot take effect")
    }
    policyVersions.append(
      EffectivePolicy(
        policy: decoded, blob: blob, revision: policy.revision + 1, approvals: signatures, since: commit.id,
        time: commit.committer.time))
    current = policyVersions.count - 1
    return nil
  }

  /// The verdict on a commit's signature (computed ahead of the walk when possible), nil when unsigned.
  private func signatureVerdict(of commit: Commit) throws(GitError) -> SignatureVerdict? {
    if let check = signatureChecks[commit.id] ?? earlySignatures?.verdict(for: commit.id) { return check.verdict }
    guard let stored = try repository.signature(ofCommit: commit.id) else { return nil }
    return verifySSHSignature(armored: stored.signature, message: Data(stored.signedData), namespace: "git")
  }

  /// Rule 3 for a commit of this history.
  private func emptyCommitViolation(_ commit: Commit) throws(GitError) -> RuleViolation? {
    let parentTree = try commit.parents.count == 1 ? tree(of: commit.parents[0]) : nil
    return ApprovalRules.isEmptyCommit(parents: commit.parents, tree: commit.tree, parentTree: parentTree)
  }

  /// `key.fingerprint`, computed once per key (a SHA-256 and Base64 for every approval otherwise).
  private mutating func fingerprint(of key: SSHPublicKey) -> String {
    if let known = fingerprints[key.blob] { return known }
    let fingerprint = key.fingerprint
    fingerprints[key.blob] = fingerprint
    return fingerprint
  }

  private func tree(of commit: ObjectID) throws(GitError) -> ObjectID? {
    if let known = walkedCommit(commit, { $0.tree }) { return known }
    return try repository.commit(commit).tree
  }

  private mutating func blobID(at path: String, inTree tree: ObjectID) throws(GitError) -> ObjectID? {
    try treeFile(at: path, inTree: tree)?.blob
  }

  private mutating func treeFile(at path: String, inTree tree: ObjectID) throws(GitError) -> TreeFile? {
    if let cached = filesInTree[tree]?[path] { return cached }
    let file = try repository.treeFile(at: path, inTree: tree)
    filesInTree[tree, default: [:]][path] = .some(file)
    return file
  }

  private mutating func frontMatter(ofBlob blob: ObjectID) throws(GitError) -> FrontMatter? {
    try blobIdentity(of: blob)?.frontMatter
  }

  private mutating func blobIdentity(of blob: ObjectID) throws(GitError) -> BlobIdentity? {
    if let cached = contentOfBlob[blob] { return cached }
    let parsed = SignaturePrecheck.blobIdentity(of: try repository.blob(blob))
    contentOfBlob[blob] = .some(parsed)
    return parsed
  }

  /// The content key of `blob` as `id`'s content in `tree` (docs/approvals.md, "Attachments"): nil when `blob`
  /// is not `id`'s content there, else the key of the blob with the attachments it links to in that tree.
  private mutating func contentKey(of id: DocumentID, blob: ObjectID, inTree tree: ObjectID)
    throws(GitError) -> (key: ObjectID, attachments: [String: ObjectID])?
  {
    for path in (idPaths[id] ?? []).sorted() where try blobID(at: path, inTree: tree) == blob {
      var attachments: [String: ObjectID] = [:]
      for target in try blobIdentity(of: blob)?.linkTargets ?? [] {
        guard let resolved = AttachmentLinks.resolve(target, from: path), !resolved.lowercased().hasSuffix(".md"),
          let file = try treeFile(at: resolved, inTree: tree), file.isRegularFile
        else { continue }
        attachments[resolved] = file.blob
      }
      return (DocumentContent.key(blob: blob, attachments: attachments), attachments)
    }
    return nil
  }
}
