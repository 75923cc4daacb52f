import CLibgit2

/// Reading objects so that a missing or damaged one is an error naming it, and never a hang.
extension Repository {
  /// Checks an object's loose file (see `LooseObjects`) before libgit2 reads it, and that a packed one
  /// exists at all. Throws a `DamagedObject` error naming the object and its file.
  func checkObject(_ id: ObjectID, kind: String, _ operation: String) throws(GitError) {
    guard !checkedObjects.contains(id) else { return }
    switch LooseObjects.check(id.hex, in: gitDirectory) {
    case .sound:
      break
    case .damaged(let damage, let reason):
      throw GitError(operation: operation, damaged: damagedObject(id, kind: kind, damage, reason: reason))
    case .notLoose:
      var odb: OpaquePointer?
      try git("open object database") { git_repository_odb(&odb, pointer) }
      defer { git_odb_free(odb) }
      var oid = id.oid
      guard git_odb_exists(odb, &oid) == 1 else {
        throw GitError(operation: operation, damaged: damagedObject(id, kind: kind, .missing, reason: "not found"))
      }
    }
    checkedObjects.insert(id)
  }

  /// Checks the object, then runs a libgit2 read of it; a failure of that read names the object.
  func read(_ id: ObjectID, kind: String, _ operation: String, _ call: () -> Int32) throws(GitError) {
    try checkObject(id, kind: kind, operation)
    let code = call()
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
  func checkCommits(from tip: ObjectID) throws(GitError) {
    var stack = [tip]
    var seen = Set<ObjectID>()
    while let id = stack.popLast() {
      guard seen.insert(id).inserted else { continue }
      var oid = id.oid
      var handle: OpaquePointer?
      try read(id, kind: "commit", "read commit \(id.short)") { git_commit_lookup(&handle, pointer, &oid) }
      defer { git_commit_free(handle) }
      for index in 0..<git_commit_parentcount(handle) {
        if let parent = git_commit_parent_id(handle, index) { stack.append(ObjectID(parent.pointee)) }
      }
    }
  }

  /// Checks what a reference or id names, and the chain of tags it peels through, before libgit2's revision
  /// parser reads them. Revisions with operators (`HEAD~2`) are left to the parser.
  func checkRevision(_ revision: String) throws(GitError) {
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
