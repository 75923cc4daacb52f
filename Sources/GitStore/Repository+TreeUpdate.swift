import CLibgit2
import Glibc

extension Repository {
  /// Writes `bytes` as a blob and returns the tree that is `tree` with the file at `path` (relative, at any
  /// depth) set to it as a regular file. The work tree and the index are not touched, so a server can commit a
  /// change to one file of a repository someone else has checked out.
  public func tree(_ tree: ObjectID, settingFile path: String, to bytes: [UInt8]) throws(GitError) -> ObjectID {
    var blob = git_oid()
    try git("write blob for \(path)") {
      bytes.withUnsafeBytes { raw in git_blob_create_from_buffer(&blob, pointer, raw.baseAddress, raw.count) }
    }
    var treeOID = tree.oid
    var baseline: OpaquePointer?
    try read(tree, kind: "tree", "read tree \(tree.short)") { git_tree_lookup(&baseline, pointer, &treeOID) }
    defer { git_tree_free(baseline) }
    var result = git_oid()
    guard let cPath = strdup(path) else {
      throw GitError(operation: "update tree with \(path)", code: -1, message: "out of memory")
    }
    defer { free(cPath) }
    var update = git_tree_update(action: GIT_TREE_UPDATE_UPSERT, id: blob, filemode: GIT_FILEMODE_BLOB, path: cPath)
    try git("update tree with \(path)") { git_tree_create_updated(&result, pointer, baseline, 1, &update) }
    return ObjectID(result)
  }
}
