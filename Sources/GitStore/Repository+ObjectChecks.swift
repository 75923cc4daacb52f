import CLibgit2

/// Reading objects so that a missing or damaged one is an error naming it, and never a hang.
extension Repository {
  /// Checks an object's loose file (see `LooseObjects`) before libgit2 reads it. Throws a `DamagedObject`
  /// error naming the object and its file. An object with no loose file is packed or missing; the libgit2
  /// read that follows tells which (see `read`), so it costs no lookup here.
  ///
  /// The `objects/xx` folders are listed once per handle, so an object whose folder does not exist costs no
  /// system call: in a packed repository none does. A loose object written later into a new folder is not
  /// checked; git and libgit2 write objects complete (to a temporary file, then renamed), so only an object
  /// copied in from outside while sop runs could be missed.
  ///
  /// `remembering: false` does not add a packed object to `checkedObjects`: for what is read once, as a history
  /// walk reads each folder tree (180,000 of them in 60,000 commits grew the set by 9 MB). A loose object is
  /// remembered all the same: checking it inflates its file, too dear to do again (`sop verify` of 1,300 loose
  /// approvals spent twice the time in zlib without).
  ///
  /// Returns the type and whole content of a loose object checked just now (nil for one checked before, packed,
  /// or too large to keep, see `LooseObjects.keptSize`), which are also handed to the libgit2 read that follows.
  @discardableResult
  func checkObject(_ id: ObjectID, kind: String, _ operation: String, remembering: Bool = true) throws(GitError)
    -> (type: git_object_t, content: [UInt8])?
  {
    guard !checkedObjects.contains(id) else { return nil }
    if looseFolders == nil { looseFolders = LooseObjects.folders(in: gitDirectory) }
    // In a packed repository there is no folder at all, and then no hex text is made for each object read.
    if let folders = looseFolders, folders.isEmpty || !folders.contains(String(id.hex.prefix(2))) {
      if remembering { checkedObjects.insert(id) }
      return nil
    }
    var checked: (type: git_object_t, content: [UInt8])?
    switch LooseObjects.check(id.hex, in: gitDirectory) {
    case .damaged(let damage, let reason):
      throw GitError(operation: operation, damaged: damagedObject(id, kind: kind, damage, reason: reason))
    case .sound(let type, let content?):
      checked = Self.objectType(type).map { ($0, content) }
      if let checked { hold(id, type: checked.type, content: content) }
    case .sound(_, nil), .notLoose: break
    }
    checkedObjects.insert(id)
    return checked
  }

  private static func objectType(_ name: String) -> git_object_t? {
    switch name {
    case "commit": GIT_OBJECT_COMMIT
    case "tree": GIT_OBJECT_TREE
    case "blob": GIT_OBJECT_BLOB
    case "tag": GIT_OBJECT_TAG
    default: nil
    }
  }

  /// Hands the content just checked to the libgit2 read of `id` that follows (`sop_checked_backend` in the shim),
  /// so libgit2 does not open and inflate the file again. libgit2 hashes them as it hashes every object it reads,
  /// and refuses them unless git's id of them (the hash of their `type size\0` header and content) is `id` (strict
  /// hash verification, turned on when libgit2 starts). The next read takes them, once; `read` drops them after
  /// its call in any case. An empty object is left to libgit2 (it has no bytes to hand over).
  private func hold(_ id: ObjectID, type: git_object_t, content: [UInt8]) {
    guard let checkedHolder, !content.isEmpty else { return }
    var oid = id.oid
    _ = content.withUnsafeBytes { sop_checked_hold(checkedHolder, &oid, type, $0.baseAddress, $0.count) }
  }

  /// Whether git's id of an object of `type` with this content (the hash of `type size\0` and the content, as
  /// libgit2 computes it) is `id`.
  static func isObject(_ id: ObjectID, type: git_object_t, content: [UInt8]) -> Bool {
    var hashed = git_oid()
    var none: UInt8 = 0
    let code =
      content.isEmpty
      ? git_odb_hash(&hashed, &none, 0, type)
      : content.withUnsafeBytes { git_odb_hash(&hashed, $0.baseAddress, $0.count, type) }
    return code == 0 && ObjectID(hashed) == id
  }

  /// Drops what `hold` kept and no read took (libgit2 had the object in its cache).
  func releaseHeld() {
    if let checkedHolder { sop_checked_release(checkedHolder) }
  }

  /// The description of an object that is in neither a loose file nor a pack.
  func missingObject(_ id: ObjectID, kind: String) -> DamagedObject {
    damagedObject(id, kind: kind, .missing, reason: "not found")
  }

  /// Checks the object, then runs a libgit2 read of it; a failure of that read names the object.
  func read(
    _ id: ObjectID, kind: String, _ operation: String, remembering: Bool = true, _ call: () -> Int32
  ) throws(GitError) {
    try checkObject(id, kind: kind, operation, remembering: remembering)
    try readChecked(id, kind: kind, operation, call)
  }

  /// The libgit2 read of an object `checkObject` has just checked; a failure of it names the object.
  func readChecked(_ id: ObjectID, kind: String, _ operation: String, _ call: () -> Int32) throws(GitError) {
    let code = call()
    releaseHeld()
    guard code < 0 else { return }
    let error = lastError(operation, code: code)
    let damage: ObjectDamage = code == GIT_ENOTFOUND.rawValue ? .missing : .corrupt
    // libgit2's own words (a zlib message, "object hash mismatch") are kept, behind the object's name.
    throw GitError(
      operation: operation,
      damaged: damagedObject(id, kind: kind, damage, reason: "could not be read (libgit2: \(error.message))"))
  }

  private func damagedObject(_ id: ObjectID, kind: String, _ damage: ObjectDamage, reason: String) -> DamagedObject {
    DamagedObject(
      id: id.hex, kind: kind, damage: damage, file: LooseObjects.path(of: id.hex, in: gitDirectory), reason: reason)
  }

  /// Checks every commit reachable from `tip` (each once) before a revwalk reads them.
  ///
  /// Reads each commit raw (`git_odb_read`) and takes its parents from the `parent` lines: libgit2 keeps
  /// raw commits in its object cache, and the revwalk reads them raw too, so it inflates none again.
  func checkCommits(from tip: ObjectID) throws(GitError) {
    var stack = [tip]
    var seen = Set<ObjectID>()
    let parentPrefix = Array("parent ".utf8)
    while let id = stack.popLast() {
      guard seen.insert(id).inserted else { continue }
      let raw = try rawObject(id, kind: "commit")
      if raw.type == "commit" { commitReader?(id, raw.data) }
      // The header ends at the first empty line; parents follow the tree line.
      let data = raw.data
      var start = 0
      while start < data.count, data[start] != 10 {
        let end = data[start...].firstIndex(of: 10) ?? data.count
        let line = data[start..<end]
        start = end + 1
        guard line.count == parentPrefix.count + 40, line.starts(with: parentPrefix) else { continue }
        if let parent = ObjectID(hexDigits: line.dropFirst(parentPrefix.count)) { stack.append(parent) }
      }
    }
  }

  /// Whether every commit in `ids` is still there and sound, without reading history: a loose one inflates
  /// completely as a commit (the check of `checkCommits`), any other is in a pack. For a caller that answers
  /// from a ledger cache instead of walking: false sends it to the walk, which names what is damaged.
  public func commitsLookIntact(_ ids: some Sequence<ObjectID>) -> Bool {
    let folders = LooseObjects.folders(in: gitDirectory)
    var odb: OpaquePointer?
    guard git_repository_odb(&odb, pointer) == 0 else { return false }
    defer { git_odb_free(odb) }
    for id in ids {
      if folders?.contains(String(id.hex.prefix(2))) != false {
        switch LooseObjects.check(id.hex, in: gitDirectory) {
        case .sound(let type, _):
          guard type == "commit" else { return false }
          continue
        case .damaged: return false
        case .notLoose: break
        }
      }
      var oid = id.oid
      guard git_odb_exists(odb, &oid) == 1 else { return false }
    }
    return true
  }

  /// Checks what a reference or id names, and the chain of tags it peels through, before libgit2's revision
  /// parser reads them. For a revision with operators (`HEAD~2`, `main^`), every commit reachable from its
  /// base is checked, since the parser walks parents.
  func checkRevision(_ revision: String) throws(GitError) {
    if let operatorIndex = revision.firstIndex(where: { "~^".contains($0) }), operatorIndex > revision.startIndex {
      let base = String(revision[..<operatorIndex])
      try checkRevision(base)
      if let commit = try? resolveCommit(base) { try checkCommits(from: commit) }
      return
    }
    var reference: OpaquePointer?
    var target: ObjectID?
    if git_reference_dwim(&reference, pointer, revision) == 0, let reference {
      defer { git_reference_free(reference) }
      var resolved: OpaquePointer?
      if git_reference_resolve(&resolved, reference) == 0, let resolved {
        defer { git_reference_free(resolved) }
        target = git_reference_target(resolved).map { ObjectID($0.pointee) }
      }
    } else {
      target = ObjectID(hex: revision.lowercased())
    }
    if let target { try checkPeelChain(from: target) }
  }

  /// Checks an object and, while it is a tag, the object it points at.
  func checkPeelChain(from id: ObjectID) throws(GitError) {
    var current = id
    for _ in 0..<16 {
      let raw = try rawObject(current)
      guard raw.type == "tag" else { return }
      // A tag starts "object <hex>\n".
      let firstLine = raw.data.prefix(while: { $0 != 10 })
      guard firstLine.starts(with: Array("object ".utf8)),
        let next = ObjectID(hex: String(decoding: firstLine.dropFirst(7), as: UTF8.self))
      else { return }
      current = next
    }
  }
}
