import CLibgit2
import Synchronization

/// A git repository opened through libgit2. It owns its handle and frees it on deinit.
///
/// Everything it returns is a Swift value; no libgit2 pointer leaves this module. libgit2 handles are
/// not thread-safe, so give each thread or task its own `Repository`.
public final class Repository {
  let pointer: OpaquePointer
  /// The work tree root without a trailing slash, or nil for a bare repository.
  public let workingDirectory: String?
  /// The `.git` directory without a trailing slash.
  public let gitDirectory: String
  /// Whether it was opened from git's environment (a hook): another handle must be opened the same way to
  /// see quarantined objects.
  public private(set) var openedFromEnvironment = false
  /// Objects whose loose file (if any) has been checked; objects never change, so once is enough.
  var checkedObjects = Set<ObjectID>()
  /// The `objects/xx` folders that existed when this handle first checked an object (see `checkObject`).
  var looseFolders: Set<String>?
  /// Shown each commit `checkCommits` reads (the first thing a history walk does), with its raw bytes, which it
  /// already holds: a caller that needs something of every commit (the signature of each approval) takes it
  /// there instead of reading every commit again, and can start on it while the walk goes on.
  public var commitReader: ((ObjectID, [UInt8]) -> Void)?
  /// Whether this handle has removed old `tmp_object_git2_*` files yet (writers do it once).
  private var hasSweptTemporaryObjects = false
  /// The backend of this handle's object database that hands libgit2 the loose object just checked (see
  /// `checkObject`), owned by the object database; nil if it could not be added (libgit2 then reads every object
  /// itself, as before).
  let checkedHolder: UnsafeMutablePointer<sop_checked_backend>?
  /// Asked before the pack (2) and loose (1) backends.
  private static let checkedHolderPriority: Int32 = 100

  private static let initialized: Void = {
    git_libgit2_init()
    // Every object read is hashed and compared with its id (libgit2's default, relied on by `checkObject`).
    _ = sop_git_enable_strict_hash_verification()
    // Trees up to 4 MB stay parsed in libgit2's object cache (256 MB in all by default): a walk looks paths up
    // in the same large folder tree again and again (`sop_git_set_cache_object_limit` in the shim).
    _ = sop_git_set_cache_object_limit(GIT_OBJECT_TREE, largeTreeLimit)
    // Pack files are mapped in windows of this size (1 GB by default), so that `boundingPackMapping` can unmap
    // some of a pack.
    _ = sop_git_set_mwindow_size(packWindowSize)
  }()
  /// Starts libgit2 now, on the calling thread: for a command that does it on another thread while it parses its
  /// arguments (libgit2's start reads the system's certificate store on Debian, about 3 ms of `sop verify`'s
  /// 0.1 s); whoever opens a repository first waits for it to be done.
  public static func startLibrary() {
    _ = initialized
  }

  private static let packWindowSize = 8 << 20
  /// How much of the packs libgit2 keeps mapped inside `boundingPackMapping` before it unmaps the least recently
  /// used window. By default (8 GB) every page of a pack a walk read stayed mapped and counted in its memory
  /// (an 83 MB pack and its index were most of the 150 MB that a cold status of 20,000 documents had above its
  /// heap): 32 MB there took its peak from 318 MB to 266 MB in the same CPU time (pages unmapped are still in
  /// the page cache; mapping them again costs page faults, not reads).
  static let packMappedLimit = 32 << 20

  /// The bounded stretches in progress, and the limit to put back when the last ends.
  static let packBounds = Mutex((count: 0, saved: 0))

  /// Runs `body` (a walk of history and the work on what it read) with at most `packMappedLimit` of the packs
  /// mapped. Not for everything: threads reading all over a pack at once (the inventory of a warm status) then
  /// unmap and map windows in turn, and the unmapping serialises them (its wall time rose by two thirds at
  /// 20,000 documents). Process-wide like libgit2's limit: the first stretch lowers it, the last puts it back.
  public static func boundingPackMapping<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    packBounds.withLock { bounds in
      bounds.count += 1
      if bounds.count == 1 {
        bounds.saved = sop_git_mwindow_mapped_limit()
        _ = sop_git_set_mwindow_mapped_limit(packMappedLimit)
      }
    }
    defer {
      packBounds.withLock { bounds in
        bounds.count -= 1
        if bounds.count == 0 { _ = sop_git_set_mwindow_mapped_limit(bounds.saved) }
      }
    }
    return try body()
  }
  private static let largeTreeLimit = 4 << 20
  /// No tree is kept in libgit2's cache while `history(from:)` diffs every commit: the walk keeps the trees
  /// the next diff needs itself (`TreeSnapshot`), and the cache, which cannot know which those are, held
  /// trees read once and never again (with a 4 KB limit on a cached tree's size, a cold status of 20,000
  /// documents in 60,000 commits peaked at 711 MB, 939 MB with 4 MB).
  private static let walkTreeLimit = 0
  /// The most libgit2's object caches hold in all (every handle together) while `history(from:)` walks and
  /// diffs: each commit is read there once or twice and never again, and libgit2's default of 256 MB filled with
  /// commits and trees on a long history (a cold status of 20,000 documents in 60,000 commits held 240 MB of
  /// parsed and raw trees at its peak); a bounded cache evicts them as the walk moves on. With trees no longer
  /// cached in a walk (`walkTreeLimit`) only commits are: at 32 MB, every parsed commit of that history stayed
  /// (42 MB); at 8 MB its peak is 26 MB lower in the same CPU time (a tenth more CPU at 16 MB when trees still
  /// competed for the room).
  static let historyCacheSize = 8 << 20

  /// The most libgit2's object caches may hold in all, process-wide (`GIT_OPT_SET_CACHE_MAX_SIZE`).
  static var objectCacheSize: Int { sop_git_cache_max_size() }

  /// The history walks in progress in this process, and the cache bound to put back when the last one ends.
  /// libgit2's limits are process-wide: each walk putting back what it found would let two overlapping walks
  /// (`sop serve`) leave the lowered values for good.
  static let historyWalks = Mutex(HistoryWalks())

  /// Which walk lowers libgit2's limits and which puts them back.
  struct HistoryWalks {
    private(set) var count = 0
    private(set) var savedCacheSize = 0

    /// A walk begins: true when it is the only one, and the limits are to be lowered (`cacheSize` is the bound
    /// now, to put back).
    mutating func begin(cacheSize: Int) -> Bool {
      count += 1
      guard count == 1 else { return false }
      savedCacheSize = cacheSize
      return true
    }

    /// A walk ends: the bound to put back when it was the last one, else nil.
    mutating func end() -> Int? {
      count -= 1
      return count == 0 ? savedCacheSize : nil
    }
  }

  /// Lowers libgit2's limits for a history walk (see `historyCacheSize` and `walkTreeLimit`) until the
  /// matching `endHistoryWalk()`.
  private static func beginHistoryWalk() {
    historyWalks.withLock { walks in
      guard walks.begin(cacheSize: objectCacheSize) else { return }
      _ = sop_git_set_cache_max_size(historyCacheSize)
      _ = sop_git_set_cache_object_limit(GIT_OBJECT_TREE, walkTreeLimit)
    }
  }

  private static func endHistoryWalk() {
    historyWalks.withLock { walks in
      guard let cacheSize = walks.end() else { return }
      _ = sop_git_set_cache_max_size(cacheSize)
      _ = sop_git_set_cache_object_limit(GIT_OBJECT_TREE, largeTreeLimit)
    }
  }

  private init(pointer: OpaquePointer) {
    self.pointer = pointer
    workingDirectory = git_repository_workdir(pointer).map { String(cString: $0).withoutTrailingSlash }
    gitDirectory = String(cString: git_repository_path(pointer)).withoutTrailingSlash
    var odb: OpaquePointer?
    if git_repository_odb(&odb, pointer) == 0, let odb {
      checkedHolder = sop_checked_backend_add(odb, Self.checkedHolderPriority)
      git_odb_free(odb)
    } else {
      checkedHolder = nil
    }
  }

  deinit { git_repository_free(pointer) }

  /// Opens the repository that contains `path`, searching parent folders like git does.
  public static func discover(from path: String) throws(GitError) -> Repository {
    _ = initialized
    var handle: OpaquePointer?
    let code = git_repository_open_ext(&handle, path, 0, nil)
    guard code == 0, let handle else {
      let error = lastError("open repository", code: code)
      if error.message.contains("safe.directory") {
        throw GitError(
          operation: "open repository", code: code,
          message: "\(path) is owned by another user; git refuses it until it is listed in safe.directory "
            + "(git config --global --add safe.directory \(path))")
      }
      if error.isNotFound {
        throw GitError(
          operation: "open repository", code: code, message: "\(path) is not inside a git repository")
      }
      throw error
    }
    return Repository(pointer: handle)
  }

  /// Opens the repository git's environment names (`GIT_DIR`, `GIT_OBJECT_DIRECTORY`,
  /// `GIT_ALTERNATE_OBJECT_DIRECTORIES`), as a hook sees it: in `pre-receive`, pushed objects wait in a
  /// quarantine folder that only these variables reveal.
  public static func openFromEnvironment() throws(GitError) -> Repository {
    _ = initialized
    var handle: OpaquePointer?
    let code = git_repository_open_ext(&handle, nil, GIT_REPOSITORY_OPEN_FROM_ENV.rawValue, nil)
    guard code == 0, let handle else { throw lastError("open the repository named by GIT_DIR", code: code) }
    let repository = Repository(pointer: handle)
    repository.openedFromEnvironment = true
    return repository
  }

  /// What a handle knows about the loose object files it checked, to give another handle on the same
  /// repository: object files never change, so a file checked once need not be inflated again by each worker.
  public struct CheckedObjects: Sendable {
    let ids: Set<ObjectID>
    let looseFolders: Set<String>?
  }

  /// The objects this handle has checked so far.
  public var checkedSoFar: CheckedObjects { CheckedObjects(ids: checkedObjects, looseFolders: looseFolders) }

  /// Opens another handle on the same repository, the same way (for another thread), which takes the objects
  /// `checked` (by a handle on this repository) as checked.
  public static func reopen(gitDirectory: String, fromEnvironment: Bool, checked: CheckedObjects)
    throws(GitError) -> Repository
  {
    let repository = try reopen(gitDirectory: gitDirectory, fromEnvironment: fromEnvironment)
    repository.checkedObjects = checked.ids
    repository.looseFolders = checked.looseFolders
    return repository
  }

  /// Opens another handle on the same repository, the same way (for another thread).
  public static func reopen(gitDirectory: String, fromEnvironment: Bool) throws(GitError) -> Repository {
    fromEnvironment ? try openFromEnvironment() : try discover(from: gitDirectory)
  }

  /// Creates (or reopens) a repository at `path` whose unborn branch is `initialBranch`.
  /// A nil branch takes git's `init.defaultBranch`, as `git init` does.
  public static func initialize(at path: String, initialBranch: String?) throws(GitError) -> Repository {
    _ = initialized
    var handle: OpaquePointer?
    var options = git_repository_init_options()
    try git("initialise repository options") {
      git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION))
    }
    options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
    let code: Int32
    if let initialBranch {
      code = initialBranch.withCString { branch in
        options.initial_head = branch
        return git_repository_init_ext(&handle, path, &options)
      }
    } else {
      code = git_repository_init_ext(&handle, path, &options)
    }
    guard code == 0, let handle else { throw lastError("initialise repository at \(path)", code: code) }
    return Repository(pointer: handle)
  }

  // MARK: - Revisions and references

  /// The commit a revision (`HEAD`, a branch, a tag, an id, `HEAD~2`) resolves to.
  public func resolveCommit(_ revision: String) throws(GitError) -> ObjectID {
    try checkRevision(revision)
    var object: OpaquePointer?
    let code = git_revparse_single(&object, pointer, revision)
    guard code == 0, let object else {
      throw GitError(
        operation: "resolve revision", code: code, message: "'\(revision)' is not a revision in this repository")
    }
    defer { git_object_free(object) }
    var commit: OpaquePointer?
    try git("peel '\(revision)' to a commit") { git_object_peel(&commit, object, GIT_OBJECT_COMMIT) }
    defer { git_object_free(commit) }
    return ObjectID(git_object_id(commit).pointee)
  }

  /// The commit HEAD points at, or nil on an unborn branch.
  public func headCommit() throws(GitError) -> ObjectID? {
    var reference: OpaquePointer?
    let code = git_repository_head(&reference, pointer)
    if code == GIT_EUNBORNBRANCH.rawValue || code == GIT_ENOTFOUND.rawValue { return nil }
    guard code == 0, let reference else { throw lastError("read HEAD", code: code) }
    defer { git_reference_free(reference) }
    guard let target = git_reference_target(reference) else { return nil }
    return ObjectID(target.pointee)
  }

  /// The full name of the branch HEAD points at (`refs/heads/main`), or nil when HEAD is detached.
  public func currentBranch() throws(GitError) -> String? {
    if git_repository_head_detached(pointer) == 1 { return nil }
    var reference: OpaquePointer?
    try git("read HEAD") { git_reference_lookup(&reference, pointer, "HEAD") }
    defer { git_reference_free(reference) }
    return git_reference_symbolic_target(reference).map { String(cString: $0) }
  }

  /// The object a reference points at, or nil when it does not exist.
  public func referenceTarget(_ name: String) throws(GitError) -> ObjectID? {
    var reference: OpaquePointer?
    let code = git_reference_lookup(&reference, pointer, name)
    if code == GIT_ENOTFOUND.rawValue { return nil }
    guard code == 0, let reference else { throw lastError("look up \(name)", code: code) }
    defer { git_reference_free(reference) }
    var resolved: OpaquePointer?
    try git("resolve \(name)") { git_reference_resolve(&resolved, reference) }
    defer { git_reference_free(resolved) }
    return git_reference_target(resolved).map { ObjectID($0.pointee) }
  }

  /// References whose names match a glob such as `refs/tags/published/*`, sorted by name.
  public func references(matching glob: String) throws(GitError) -> [ReferenceTarget] {
    var iterator: OpaquePointer?
    try git("list references") { git_reference_iterator_glob_new(&iterator, pointer, glob) }
    defer { git_reference_iterator_free(iterator) }
    var result: [ReferenceTarget] = []
    var reference: OpaquePointer?
    while git_reference_next(&reference, iterator) == 0 {
      defer { git_reference_free(reference) }
      guard let reference, let target = git_reference_target(reference) else { continue }
      result.append(
        ReferenceTarget(name: String(cString: git_reference_name(reference)), target: ObjectID(target.pointee)))
    }
    return result.sorted { $0.name < $1.name }
  }

  /// Moves `name` to `newTarget` only if it still points at `expected` (nil: only if it does not exist).
  ///
  /// Fails with `isModified` when someone moved it first, so the caller can rebuild on the new tip.
  public func updateReference(
    _ name: String, to newTarget: ObjectID, expected: ObjectID?, logMessage: String
  ) throws(GitError) {
    var reference: OpaquePointer?
    var target = newTarget.oid
    if var current = expected?.oid {
      try git("update \(name)") {
        git_reference_create_matching(&reference, pointer, name, &target, 1, &current, logMessage)
      }
    } else {
      try git("create \(name)") { git_reference_create(&reference, pointer, name, &target, 0, logMessage) }
    }
    git_reference_free(reference)
  }

  // MARK: - Commits

  /// Reads a commit.
  public func commit(_ id: ObjectID) throws(GitError) -> Commit {
    var interned = InternedStrings()
    return try commit(id, interning: &interned)
  }

  private func commit(_ id: ObjectID, interning interned: inout InternedStrings) throws(GitError) -> Commit {
    var oid = id.oid
    var handle: OpaquePointer?
    try read(id, kind: "commit", "read commit \(id.short)") { git_commit_lookup(&handle, pointer, &oid) }
    defer { git_commit_free(handle) }
    return commitValue(handle!, interning: &interned)
  }

  /// The commit, with its names and e-mail addresses shared with the commits read before through `interned`.
  private func commitValue(_ handle: OpaquePointer, interning interned: inout InternedStrings) -> Commit {
    let parentCount = git_commit_parentcount(handle)
    let parents = (0..<parentCount).compactMap { git_commit_parent_id(handle, $0).map { ObjectID($0.pointee) } }
    func signature(_ pointer: UnsafePointer<git_signature>) -> GitSignature {
      var signature = GitSignature(pointer)
      signature.name = interned(signature.name)
      signature.email = interned(signature.email)
      return signature
    }
    return Commit(
      id: ObjectID(git_commit_id(handle).pointee),
      tree: ObjectID(git_commit_tree_id(handle).pointee),
      parents: parents,
      author: signature(git_commit_author(handle)),
      committer: signature(git_commit_committer(handle)),
      message: git_commit_message(handle).map { String(cString: $0) } ?? "")
  }

  /// The `gpgsig` signature of a commit and the bytes it signs, or nil for an unsigned commit.
  ///
  /// Read raw and split by `CommitSignature` (libgit2's rules, to the byte), so the split is the same one the
  /// walk's early check of every commit makes from the bytes it already holds (`checkCommits`).
  public func signature(ofCommit id: ObjectID) throws(GitError) -> StoredSignature? {
    let operation = "read signature of \(id.short)"
    try checkObject(id, kind: "commit", operation)
    var odb: OpaquePointer?
    try git(operation) { git_repository_odb(&odb, pointer) }
    defer { git_odb_free(odb) }
    var oid = id.oid
    var object: OpaquePointer?
    let code = git_odb_read(&object, odb, &oid)
    releaseHeld()
    if code == GIT_ENOTFOUND.rawValue {
      throw GitError(operation: operation, damaged: missingObject(id, kind: "commit"))
    }
    guard code == 0, let object else { throw lastError(operation, code: code) }
    defer { git_odb_object_free(object) }
    // Another type under a commit's id has no signature (libgit2 says "not found", then it exists).
    guard git_odb_object_type(object) == GIT_OBJECT_COMMIT else { return nil }
    let raw = UnsafeRawBufferPointer(start: git_odb_object_data(object), count: git_odb_object_size(object))
    switch CommitSignature.extract(from: raw) {
    case .signed(let stored): return stored
    case .unsigned: return nil
    case .malformed: throw GitError(operation: operation, code: -1, message: CommitSignature.malformedMessage)
    }
  }

  /// Commits reachable from `tip`, parents before children, each with the paths it changed.
  ///
  /// One walk serves every document: callers must not walk once per document.
  public func history(from tip: ObjectID) throws(GitError) -> [HistoryEntry] {
    var walker: OpaquePointer?
    try git("start history walk") { git_revwalk_new(&walker, pointer) }
    defer { git_revwalk_free(walker) }
    try git("sort history") {
      git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue)
    }
    // Another thread reading meanwhile only caches less; what the walk leaves in the cache stays within the bound.
    Self.beginHistoryWalk()
    defer { Self.endHistoryWalk() }
    // Sorting topologically makes libgit2 read every reachable commit inside git_revwalk_next, where a
    // truncated loose commit would hang it; so the commits are checked first, by a walk of our own.
    try checkCommits(from: tip)
    var start = tip.oid
    try git("push \(tip.short)") { git_revwalk_push(walker, &start) }
    var entries: [HistoryEntry] = []
    // Parents come before children, so a parent's tree is known without another lookup; an empty
    // commit (every approval) then costs no tree reads at all.
    var treeOfCommit: [ObjectID: ObjectID] = [:]
    var interned = InternedStrings()
    let snapshot = TreeSnapshot()
    var oid = git_oid()
    while true {
      let code = git_revwalk_next(&oid, walker)
      if code == GIT_ITEROVER.rawValue { break }
      // Any other failure is a commit that could not be read: stopping quietly would give a shorter
      // history, and with it a different answer.
      guard code == 0 else { throw lastError("walk history from \(tip.short)", code: code) }
      var handle: OpaquePointer?
      let id = ObjectID(oid)
      try read(id, kind: "commit", "read commit \(id.short)") { git_commit_lookup(&handle, pointer, &oid) }
      defer { git_commit_free(handle) }
      let commit = commitValue(handle!, interning: &interned)
      treeOfCommit[commit.id] = commit.tree
      let parentTree = commit.parents.first.flatMap { treeOfCommit[$0] }
      let changes =
        parentTree == commit.tree
        ? [] : try self.changes(from: parentTree, to: commit.tree, snapshot: snapshot, interning: &interned)
      entries.append(HistoryEntry(commit: commit, changes: changes))
    }
    return entries
  }

  /// The commits reachable from `tip` but not from the commits in `known` (the history of a commit walked
  /// before, closed under parents), parents before children, each with the paths it changed: a walk that
  /// resumes from an earlier one reads only what is new.
  ///
  /// Each commit is read through the object check, as `commit(_:)` reads it; no libgit2 revwalk is used,
  /// which would read known commits unchecked.
  public func history(from tip: ObjectID, after known: Set<ObjectID>) throws(GitError) -> [HistoryEntry] {
    guard !known.contains(tip) else { return [] }
    var interned = InternedStrings()
    var commits: [ObjectID: Commit] = [tip: try commit(tip, interning: &interned)]
    var order: [ObjectID] = []
    // Post-order over the unknown parents: every commit after its parents.
    var stack: [(ObjectID, Int)] = [(tip, 0)]
    while let (id, next) = stack.last {
      let parents = commits[id]!.parents
      if next < parents.count {
        stack[stack.count - 1].1 = next + 1
        let parent = parents[next]
        if !known.contains(parent), commits[parent] == nil {
          commits[parent] = try commit(parent, interning: &interned)
          stack.append((parent, 0))
        }
      } else {
        stack.removeLast()
        order.append(id)
      }
    }
    var entries: [HistoryEntry] = []
    entries.reserveCapacity(order.count)
    let snapshot = TreeSnapshot()
    for id in order {
      let commit = commits[id]!
      var parentTree: ObjectID?
      if let parent = commit.parents.first {
        parentTree = commits[parent]?.tree
        if parentTree == nil { parentTree = try self.commit(parent).tree }
      }
      guard parentTree != commit.tree else {
        entries.append(HistoryEntry(commit: commit, changes: []))
        continue
      }
      let changes = try self.changes(from: parentTree, to: commit.tree, snapshot: snapshot, interning: &interned)
      entries.append(HistoryEntry(commit: commit, changes: changes))
    }
    return entries
  }

  /// The paths that differ between the root trees `old` (nil for a root commit) and `new`. The trees read are
  /// left in `snapshot` for the next diff, whose old side they nearly always are.
  private func changes(
    from old: ObjectID?, to new: ObjectID, snapshot: TreeSnapshot, interning interned: inout InternedStrings
  ) throws(GitError) -> [ChangedPath] {
    var result: [ChangedPath] = []
    try compareFolder(
      old: old?.oid, new: new.oid, path: "", snapshot: snapshot, interned: &interned, into: &result)
    return result
  }

  /// Compares the folder trees `old` and `new` (nil where there is no folder) found at `path`, then leaves
  /// `new` in `snapshot` at `path`. The old side is the snapshot's tree when it has the same id.
  private func compareFolder(
    old: git_oid?, new: git_oid?, path: String, snapshot: TreeSnapshot, interned: inout InternedStrings,
    into result: inout [ChangedPath]
  ) throws(GitError) {
    // The diff recurses once per folder level, so a tree nested deep enough (anyone who can push can write one
    // 30,000 levels deep with `git mktree`) would run the thread out of stack. Refused before that; a path of
    // that depth is at least twice as many bytes long, so the slashes are counted only for long paths.
    if path.utf8.count > 2 * Self.maximumFolderDepth,
      path.utf8.reduce(0, { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }) >= Self.maximumFolderDepth
    {
      throw GitError(
        operation: "compare folder trees", code: -1,
        message: "a folder is nested more than \(Self.maximumFolderDepth) levels deep ('\(path.prefix(40))…')")
    }
    let kept = old.flatMap { snapshot.tree(at: path, id: $0) }
    var oldTree = kept
    if kept == nil, let old { oldTree = try lookupTree(old) }
    defer { if kept == nil { git_tree_free(oldTree) } }
    var newTree: OpaquePointer?
    if let new { newTree = try lookupTree(new) }
    do throws(GitError) {
      try compare(
        oldTree, newTree, prefix: path.isEmpty ? "" : path + "/", snapshot: snapshot, interned: &interned,
        into: &result)
    } catch {
      git_tree_free(newTree)
      throw error
    }
    // Frees the snapshot's tree at `path` (possibly `oldTree`, no longer used).
    snapshot.replace(at: path, with: newTree)
  }

  /// The deepest folder nesting a history diff follows: no document repository comes near it (git's own
  /// `core.maxTreeDepth` is 4,096), and 1,024 levels of the diff's recursion fit in a worker thread's stack.
  public static let maximumFolderDepth = 1024

  /// One entry of a tree, borrowed from libgit2 while both trees are alive.
  private struct Entry {
    var name: UnsafePointer<CChar>
    var id: UnsafePointer<git_oid>
    var isTree: Bool
  }

  private func entries(of tree: OpaquePointer?) -> [Entry] {
    guard let tree else { return [] }
    let count = git_tree_entrycount(tree)
    var result: [Entry] = []
    result.reserveCapacity(count)
    for index in 0..<count {
      guard let entry = git_tree_entry_byindex(tree, index) else { continue }
      let type = git_tree_entry_type(entry)
      guard type == GIT_OBJECT_BLOB || type == GIT_OBJECT_TREE else { continue }
      result.append(
        Entry(name: git_tree_entry_name(entry), id: git_tree_entry_id(entry), isTree: type == GIT_OBJECT_TREE))
    }
    return result
  }

  /// Orders entries as git sorts a tree: by name, a folder's name compared as if it ended in "/".
  private static func order(_ a: Entry, _ b: Entry) -> Int32 {
    var left = a.name
    var right = b.name
    while left.pointee != 0 && left.pointee == right.pointee {
      left += 1
      right += 1
    }
    let l = left.pointee != 0 ? UInt8(bitPattern: left.pointee) : (a.isTree ? UInt8(ascii: "/") : 0)
    let r = right.pointee != 0 ? UInt8(bitPattern: right.pointee) : (b.isTree ? UInt8(ascii: "/") : 0)
    if l == r { return left.pointee == 0 && right.pointee == 0 ? 0 : (left.pointee == 0 ? -1 : 1) }
    return l < r ? -1 : 1
  }

  /// Compares two trees by walking their sorted entries together, descending only into subtrees whose
  /// ids differ.
  ///
  /// libgit2's general diff visits every entry of a large folder and builds a path for each; a history
  /// walk needs only the changed paths, and unchanged subtrees share their id, so this is far cheaper.
  private func compare(
    _ old: OpaquePointer?, _ new: OpaquePointer?, prefix: String, snapshot: TreeSnapshot,
    interned: inout InternedStrings, into result: inout [ChangedPath]
  ) throws(GitError) {
    let before = entries(of: old)
    let after = entries(of: new)
    var i = 0
    var j = 0
    while i < before.count || j < after.count {
      let side: Int32
      if i == before.count {
        side = 1
      } else if j == after.count {
        side = -1
      } else {
        side = Self.order(before[i], after[j])
      }
      if side == 0 {
        let a = before[i]
        let b = after[j]
        i += 1
        j += 1
        if git_oid_equal(a.id, b.id) == 1 { continue }
        try record(old: a, new: b, prefix: prefix, snapshot: snapshot, interned: &interned, into: &result)
      } else if side < 0 {
        try record(old: before[i], new: nil, prefix: prefix, snapshot: snapshot, interned: &interned, into: &result)
        i += 1
      } else {
        try record(old: nil, new: after[j], prefix: prefix, snapshot: snapshot, interned: &interned, into: &result)
        j += 1
      }
    }
  }

  /// Records a changed entry (same name, or present on one side only), recursing into folders.
  private func record(
    old: Entry?, new: Entry?, prefix: String, snapshot: TreeSnapshot, interned: inout InternedStrings,
    into result: inout [ChangedPath]
  ) throws(GitError) {
    // Only the paths a change list keeps are shared: a folder's path lives as long as its diff, and keeping
    // every folder path of every commit for the whole walk would let a deep folder renamed again and again
    // grow the set without bound (the square of the depth per commit).
    let path = prefix + String(cString: (old ?? new)!.name)
    if old?.isTree == true || new?.isTree == true {
      try compareFolder(
        old: old?.isTree == true ? old!.id.pointee : nil, new: new?.isTree == true ? new!.id.pointee : nil,
        path: path, snapshot: snapshot, interned: &interned, into: &result)
    }
    let oldBlob = old?.isTree == false ? ObjectID(old!.id.pointee) : nil
    let newBlob = new?.isTree == false ? ObjectID(new!.id.pointee) : nil
    if oldBlob != nil || newBlob != nil {
      result.append(ChangedPath(path: interned(path), oldBlob: oldBlob, newBlob: newBlob))
    }
  }

  /// A folder tree for the diff, checked but not remembered as checked: the diff reads each tree once and
  /// keeps it (`TreeSnapshot`), and remembering them all grew the handle's set by 9 MB in 60,000 commits.
  private func lookupTree(_ id: git_oid) throws(GitError) -> OpaquePointer? {
    var oid = id
    var tree: OpaquePointer?
    let treeID = ObjectID(id)
    try read(treeID, kind: "tree", "read tree \(treeID.short)", remembering: false) {
      git_tree_lookup(&tree, pointer, &oid)
    }
    return tree
  }

  /// Formats a commit object without writing it, so it can be signed first.
  public func commitBuffer(
    tree: ObjectID, parents: [ObjectID], author: GitSignature, committer: GitSignature, message: String
  ) throws(GitError) -> String {
    var treeOID = tree.oid
    var treeHandle: OpaquePointer?
    try read(tree, kind: "tree", "read tree \(tree.short)") { git_tree_lookup(&treeHandle, pointer, &treeOID) }
    defer { git_tree_free(treeHandle) }
    var parentHandles: [OpaquePointer?] = []
    defer {
      for handle in parentHandles { git_commit_free(handle) }
    }
    for parent in parents {
      var oid = parent.oid
      var handle: OpaquePointer?
      try read(parent, kind: "commit", "read parent \(parent.short)") { git_commit_lookup(&handle, pointer, &oid) }
      parentHandles.append(handle)
    }
    let authorSignature = try makeSignature(author)
    defer { git_signature_free(authorSignature) }
    let committerSignature = try makeSignature(committer)
    defer { git_signature_free(committerSignature) }
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    try parentHandles.withUnsafeMutableBufferPointer { parentsPointer throws(GitError) in
      try git("format commit") {
        git_commit_create_buffer(
          &buffer, pointer, authorSignature, committerSignature, nil, message, treeHandle, parents.count,
          parentsPointer.baseAddress)
      }
    }
    return string(buffer)
  }

  private func makeSignature(_ value: GitSignature) throws(GitError) -> UnsafeMutablePointer<git_signature>? {
    var signature: UnsafeMutablePointer<git_signature>?
    try value.validate(operation: "make signature for \(value.email)")
    try git("make signature for \(value.email)") {
      git_signature_new(&signature, value.name, value.email, value.time, Int32(value.offsetMinutes))
    }
    return signature
  }

  /// Writes a commit object from `buffer` with `signature` in its `gpgsig` header. Moves no reference.
  ///
  /// libgit2 indents each newline of the signature; a final newline would add a line git never writes,
  /// so it is stripped here.
  public func createCommit(buffer: String, signature: String?) throws(GitError) -> ObjectID {
    var oid = git_oid()
    sweepTemporaryObjectsOnce()
    var trimmed = signature
    while trimmed?.last == "\n" { trimmed?.removeLast() }
    try git("write commit") { git_commit_create_with_signature(&oid, pointer, buffer, trimmed, nil) }
    return ObjectID(oid)
  }

  /// Stages the work-tree file at `path` (relative) in the index, writes the index, and returns the tree the
  /// index now describes: a change committed from it leaves `git status` clean, as `git add` + `git commit`
  /// would.
  public func stage(_ path: String) throws(GitError) -> ObjectID {
    var index: OpaquePointer?
    try git("read index") { git_repository_index(&index, pointer) }
    defer { git_index_free(index) }
    try git("stage \(path)") { git_index_add_bypath(index, path) }
    try git("write index") { git_index_write(index) }
    var tree = git_oid()
    try git("write tree from index") { git_index_write_tree(&tree, index) }
    return ObjectID(tree)
  }

  /// Before the first object this handle writes, removes temporary object files a killed writer left.
  private func sweepTemporaryObjectsOnce() {
    guard !hasSweptTemporaryObjects else { return }
    hasSweptTemporaryObjects = true
    removeStaleTemporaryObjects()
  }

  // MARK: - Trees and blobs

  /// The blob id at `path` in a commit, or nil when the path does not exist there or is a folder.
  public func blobID(at path: String, inCommit commit: ObjectID) throws(GitError) -> ObjectID? {
    try treeFile(at: path, inCommit: commit)?.blob
  }

  /// The tree entry at `path` in a commit, or nil when absent or not a file.
  public func treeFile(at path: String, inCommit commit: ObjectID) throws(GitError) -> TreeFile? {
    let tree = try treeHandle(ofCommit: commit)
    defer { git_tree_free(tree) }
    return try treeFile(at: path, in: tree)
  }

  /// The blob id at `path` under a root tree (a commit's `tree`), or nil when absent or not a file.
  public func blobID(at path: String, inTree tree: ObjectID) throws(GitError) -> ObjectID? {
    let handle = try lookupTree(tree.oid)
    defer { git_tree_free(handle) }
    return try treeFile(at: path, in: handle)?.blob
  }

  /// The tree entry at `path` under a root tree, or nil when absent or not a file.
  public func treeFile(at path: String, inTree tree: ObjectID) throws(GitError) -> TreeFile? {
    let handle = try lookupTree(tree.oid)
    defer { git_tree_free(handle) }
    return try treeFile(at: path, in: handle)
  }

  /// Follows `path` one folder at a time, so each subtree is checked before libgit2 reads it
  /// (`git_tree_entry_bypath` would read them unchecked).
  private func treeFile(at path: String, in tree: OpaquePointer?) throws(GitError) -> TreeFile? {
    let components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    guard let last = components.last else { return nil }
    var current = tree
    var owned: [OpaquePointer?] = []
    defer {
      for handle in owned { git_tree_free(handle) }
    }
    for folder in components.dropLast() {
      guard let entry = git_tree_entry_byname(current, folder), git_tree_entry_type(entry) == GIT_OBJECT_TREE else {
        return nil
      }
      current = try lookupTree(git_tree_entry_id(entry).pointee)
      owned.append(current)
    }
    guard let entry = git_tree_entry_byname(current, last), git_tree_entry_type(entry) == GIT_OBJECT_BLOB else {
      return nil
    }
    return TreeFile(
      path: path, blob: ObjectID(git_tree_entry_id(entry).pointee), mode: git_tree_entry_filemode(entry).rawValue)
  }

  /// The content of a blob.
  public func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
    let operation = "read blob \(id.short)"
    // A loose blob is read and inflated once, by the check: its content is the blob's when git's id of it is `id`.
    // Anything else (another type, another object's bytes) goes to libgit2, which refuses it as before.
    if let checked = try checkObject(id, kind: "blob", operation), checked.type == GIT_OBJECT_BLOB,
      Self.isObject(id, type: GIT_OBJECT_BLOB, content: checked.content)
    {
      releaseHeld()
      return checked.content
    }
    var oid = id.oid
    var handle: OpaquePointer?
    try readChecked(id, kind: "blob", operation) { git_blob_lookup(&handle, pointer, &oid) }
    defer { git_blob_free(handle) }
    let size = Int(git_blob_rawsize(handle))
    guard size > 0, let raw = git_blob_rawcontent(handle) else { return [] }
    return Array(UnsafeRawBufferPointer(start: raw, count: size))
  }

  /// Whether an object with this id exists.
  public func contains(_ id: ObjectID) -> Bool {
    var odb: OpaquePointer?
    guard git_repository_odb(&odb, pointer) == 0 else { return false }
    defer { git_odb_free(odb) }
    var oid = id.oid
    return git_odb_exists(odb, &oid) == 1
  }

  /// Every file in a commit's tree (recursively), sorted by path.
  public func files(inCommit commit: ObjectID) throws(GitError) -> [TreeFile] {
    // A walk of our own rather than git_tree_walk, so each subtree is checked before libgit2 reads it.
    var pending: [(tree: OpaquePointer?, prefix: String)] = [(try treeHandle(ofCommit: commit), "")]
    defer {
      for item in pending { git_tree_free(item.tree) }
    }
    var files: [TreeFile] = []
    while let (tree, prefix) = pending.popLast() {
      defer { git_tree_free(tree) }
      for index in 0..<git_tree_entrycount(tree) {
        guard let entry = git_tree_entry_byindex(tree, index) else { continue }
        let path = prefix + String(cString: git_tree_entry_name(entry))
        switch git_tree_entry_type(entry) {
        case GIT_OBJECT_BLOB:
          files.append(
            TreeFile(
              path: path, blob: ObjectID(git_tree_entry_id(entry).pointee),
              mode: git_tree_entry_filemode(entry).rawValue))
        case GIT_OBJECT_TREE:
          pending.append((try lookupTree(git_tree_entry_id(entry).pointee), path + "/"))
        default:
          continue
        }
      }
    }
    return files.sorted { $0.path < $1.path }
  }

  private func treeHandle(ofCommit commit: ObjectID) throws(GitError) -> OpaquePointer? {
    var oid = commit.oid
    var commitHandle: OpaquePointer?
    try read(commit, kind: "commit", "read commit \(commit.short)") {
      git_commit_lookup(&commitHandle, pointer, &oid)
    }
    defer { git_commit_free(commitHandle) }
    var tree: OpaquePointer?
    let treeID = ObjectID(git_commit_tree_id(commitHandle).pointee)
    try read(treeID, kind: "tree", "read tree \(treeID.short)") { git_commit_tree(&tree, commitHandle) }
    return tree
  }

  // MARK: - Tags and raw objects

  /// Writes an annotated tag from a complete tag buffer (signature included) and creates `refs/tags/<name>`.
  ///
  /// Fails with `isExisting` when the tag name is taken, which makes tag numbers compare-and-swap.
  public func createTag(buffer: String) throws(GitError) -> ObjectID {
    sweepTemporaryObjectsOnce()
    var oid = git_oid()
    try git("write tag") { git_tag_create_from_buffer(&oid, pointer, buffer, 0) }
    return ObjectID(oid)
  }

  /// The raw bytes of an object and its type name (`commit`, `tag`, `tree`, `blob`).
  public func rawObject(_ id: ObjectID) throws(GitError) -> (type: String, data: [UInt8]) {
    try rawObject(id, kind: "object")
  }

  /// The raw bytes of an object sop expects to be a `kind`, named so in errors.
  func rawObject(_ id: ObjectID, kind: String) throws(GitError) -> (type: String, data: [UInt8]) {
    var odb: OpaquePointer?
    try git("open object database") { git_repository_odb(&odb, pointer) }
    defer { git_odb_free(odb) }
    var oid = id.oid
    var object: OpaquePointer?
    try read(id, kind: kind, "read \(kind) \(id.short)") { git_odb_read(&object, odb, &oid) }
    defer { git_odb_object_free(object) }
    let size = git_odb_object_size(object)
    let data = git_odb_object_data(object).map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
    let type = String(cString: git_object_type2string(git_odb_object_type(object)))
    return (type, data)
  }

  /// The commit an annotated or lightweight tag (or any object) peels to.
  public func peelToCommit(_ id: ObjectID) throws(GitError) -> ObjectID {
    try checkPeelChain(from: id)
    var oid = id.oid
    var object: OpaquePointer?
    try git("read object \(id.short)") { git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY) }
    defer { git_object_free(object) }
    var commit: OpaquePointer?
    try git("peel \(id.short) to a commit") { git_object_peel(&commit, object, GIT_OBJECT_COMMIT) }
    defer { git_object_free(commit) }
    return ObjectID(git_object_id(commit).pointee)
  }

  // MARK: - Configuration and work tree

  /// A git configuration value as git would see it in this repository, or nil when unset.
  public func configValue(_ key: String) throws(GitError) -> String? {
    var config: OpaquePointer?
    try git("read configuration") { git_repository_config_snapshot(&config, pointer) }
    defer { git_config_free(config) }
    var value: UnsafePointer<CChar>?
    let code = git_config_get_string(&value, config, key)
    if code == GIT_ENOTFOUND.rawValue { return nil }
    guard code == 0, let value else { throw lastError("read \(key)", code: code) }
    return String(cString: value)
  }

  /// Whether `commit` is `ancestor` or descends from it.
  public func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws(GitError) -> Bool {
    if commit == ancestor { return true }
    var commitOID = commit.oid
    var ancestorOID = ancestor.oid
    let code = git_graph_descendant_of(pointer, &commitOID, &ancestorOID)
    guard code >= 0 else { throw lastError("compare \(commit.short) with \(ancestor.short)", code: code) }
    return code == 1
  }

  /// Sets a git configuration value in this repository's own configuration (`.git/config`).
  public func setConfigValue(_ key: String, _ value: String) throws(GitError) {
    var config: OpaquePointer?
    try git("open configuration") { git_repository_config(&config, pointer) }
    defer { git_config_free(config) }
    var local: OpaquePointer?
    try git("open .git/config") { git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL) }
    defer { git_config_free(local) }
    try git("write \(key)") { git_config_set_string(local, key, value) }
  }

  /// Whether the repository is a shallow clone (its history stops at grafted commits).
  public func isShallow() throws(GitError) -> Bool {
    let code = git_repository_is_shallow(pointer)
    guard code >= 0 else { throw lastError("read shallow state", code: code) }
    return code == 1
  }

  /// Whether `path` differs between HEAD, the index and the work tree (new, edited, deleted or staged).
  public func hasUncommittedChanges(at path: String) throws(GitError) -> Bool {
    var flags: UInt32 = 0
    let code = git_status_file(&flags, pointer, path)
    if code == GIT_ENOTFOUND.rawValue { return false }
    guard code == 0 else { throw lastError("read status of \(path)", code: code) }
    return flags & ~GIT_STATUS_IGNORED.rawValue != 0
  }

  /// The paths git tracks in the index (the staging area), relative to the work tree.
  public func indexPaths() throws(GitError) -> Set<String> {
    var index: OpaquePointer?
    try git("read index") { git_repository_index(&index, pointer) }
    defer { git_index_free(index) }
    var paths = Set<String>()
    for position in 0..<git_index_entrycount(index) {
      if let entry = git_index_get_byindex(index, position) { paths.insert(String(cString: entry.pointee.path)) }
    }
    return paths
  }

  /// Whether git ignores `path` (relative to the work tree; end folders with `/`).
  public func isIgnored(_ path: String) -> Bool {
    var ignored: Int32 = 0
    guard git_ignore_path_is_ignored(&ignored, pointer, path) == 0 else { return false }
    return ignored == 1
  }

  private func string(_ buffer: git_buf) -> String {
    guard let pointer = buffer.ptr else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: pointer, count: buffer.size), as: UTF8.self)
  }

  private func bytes(_ buffer: git_buf) -> [UInt8] {
    guard let pointer = buffer.ptr else { return [] }
    return Array(UnsafeRawBufferPointer(start: pointer, count: buffer.size))
  }
}

extension String {
  fileprivate var withoutTrailingSlash: String {
    var copy = self
    while copy.count > 1, copy.hasSuffix("/") { copy.removeLast() }
    return copy
  }
}

/// Strings that repeat across a history, one copy each: the names and e-mail addresses of 60,000 commits are a
/// handful, and a path is changed again and again. Each was its own heap string before, for every commit and
/// change the walk holds. Strings of up to 15 bytes are stored inline and need no sharing.
struct InternedStrings {
  private var strings = Set<String>()

  mutating func callAsFunction(_ string: String) -> String {
    guard string.utf8.count > 15 else { return string }
    return strings.insert(string).memberAfterInsert
  }
}

/// The folder trees of the commit diffed last, parsed, by path ("" for the root).
///
/// A walk's commits come after their first parent and mostly right after it, so the old side of a diff is
/// nearly always these trees: kept, each changed folder tree is read and parsed once, not again as the next
/// commit's old side (libgit2's cache is off for trees while a walk runs; it could not know which ones the next
/// diff needs). A tree is used only where its id is the one asked for, so a commit whose parent was not diffed
/// last (a merged branch) reads its own. Holds at most one tree for each folder path.
final class TreeSnapshot {
  private var trees: [String: (id: git_oid, tree: OpaquePointer)] = [:]

  deinit {
    for (_, kept) in trees { git_tree_free(kept.tree) }
  }

  /// The tree kept at `path` if its id is `id`, still owned by the snapshot.
  func tree(at path: String, id: git_oid) -> OpaquePointer? {
    guard var kept = trees[path] else { return nil }
    var wanted = id
    return git_oid_equal(&kept.id, &wanted) == 1 ? kept.tree : nil
  }

  /// Keeps `tree` (which the snapshot now owns) at `path`, or nothing when nil, freeing the tree kept there.
  func replace(at path: String, with tree: OpaquePointer?) {
    let previous =
      if let tree { trees.updateValue((git_tree_id(tree).pointee, tree), forKey: path) } else {
        trees.removeValue(forKey: path)
      }
    // Each holder owns its own reference, even to a tree libgit2 hands out twice from its cache.
    if let previous { git_tree_free(previous.tree) }
  }
}
