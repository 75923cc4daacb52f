import Foundation
import GitStore
import TestSupport
import Testing

@Suite("Repository")
struct RepositoryTests {
  let scratch: ScratchRepository
  let repository: Repository

  init() throws {
    scratch = try ScratchRepository()
    try scratch.write("docs/a.md", "alpha\n")
    try scratch.write("b.md", "beta\n")
    try scratch.commitAll("First")
    try scratch.write("docs/a.md", "alpha two\n")
    try scratch.commitAll("Second\n\nApproves: QP-001 0123456789abcdef0123456789abcdef01234567\nSigned-off-by: x")
    repository = try Repository.discover(from: scratch.url.appendingPathComponent("docs").path)
  }

  @Test("Discovers the repository from a subfolder and reports its work tree")
  func discovery() throws {
    #expect(repository.workingDirectory == scratch.url.path)
    #expect(try repository.currentBranch() == "refs/heads/main")
  }

  @Test("A folder outside any repository is a clear error")
  func notARepository() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-none-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect {
      _ = try Repository.discover(from: folder.path)
    } throws: { error in
      (error as? GitError)?.message.contains("not inside a git repository") == true
    }
  }

  @Test("Blobs at paths in any commit, and the file list of a tree")
  func blobsAndTrees() throws {
    let head = try repository.resolveCommit("HEAD")
    let first = try repository.resolveCommit("HEAD~1")
    let oldID = try #require(try repository.blobID(at: "docs/a.md", inCommit: first))
    #expect(String(decoding: try repository.blob(oldID), as: UTF8.self) == "alpha\n")
    #expect(oldID.hex == (try scratch.git("rev-parse", "HEAD~1:docs/a.md")))
    #expect(try repository.blobID(at: "missing.md", inCommit: head) == nil)
    #expect(try repository.files(inCommit: head).map(\.path) == ["b.md", "docs/a.md"])
  }

  @Test("History is oldest first with the paths each commit changed, and trailers parse")
  func history() throws {
    let entries = try repository.history(from: try repository.resolveCommit("HEAD"))
    #expect(entries.map(\.commit.subject) == ["First", "Second"])
    #expect(entries[0].changes.map(\.path).sorted() == ["b.md", "docs/a.md"])
    #expect(entries[1].changes.map(\.path) == ["docs/a.md"])
    #expect(entries[1].changes[0].oldBlob != nil && entries[1].changes[0].newBlob != nil)
    #expect(
      entries[1].commit.trailers.map(\.key) == ["Approves", "Signed-off-by"])
    #expect(entries[1].commit.trailers[0].value.hasPrefix("QP-001 0123"))
    #expect(entries[0].commit.author.email == "author@example.test")
  }

  @Test("Compare-and-swap refuses a stale expected value and accepts the current one")
  func compareAndSwap() throws {
    let head = try repository.resolveCommit("HEAD")
    let first = try repository.resolveCommit("HEAD~1")
    #expect {
      try repository.updateReference("refs/heads/main", to: first, expected: first, logMessage: "stale")
    } throws: { error in
      (error as? GitError)?.isModified == true
    }
    #expect(try repository.resolveCommit("refs/heads/main") == head)
    try repository.updateReference("refs/heads/main", to: first, expected: head, logMessage: "current")
    #expect(try repository.resolveCommit("refs/heads/main") == first)
  }

  @Test("A commit written with a detached signature gives back the same signature and signed payload")
  func signedCommitRoundTrip() throws {
    let head = try repository.resolveCommit("HEAD")
    let commit = try repository.commit(head)
    let person = GitSignature(name: "Approver", email: "approver@example.test", time: 1_700_100_000)
    let buffer = try repository.commitBuffer(
      tree: commit.tree, parents: [head], author: person, committer: person, message: "Approve\n")
    let armored = "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n"
    let id = try repository.createCommit(buffer: buffer, signature: armored)
    let stored = try #require(try repository.signature(ofCommit: id))
    #expect(stored.signature == String(armored.dropLast()))
    #expect(stored.signedData == Array(buffer.utf8))
    // Stock git sees the same header and object.
    let raw = try scratch.git("cat-file", "commit", id.hex)
    #expect(raw.contains("gpgsig -----BEGIN SSH SIGNATURE-----\n U1NIU0lH\n -----END SSH SIGNATURE-----"))
    #expect(try repository.commit(id).tree == commit.tree)
    #expect(try repository.signature(ofCommit: head) == nil)
  }

  @Test("Tags are created from a buffer once; the same name twice is refused")
  func tags() throws {
    let head = try repository.resolveCommit("HEAD")
    let buffer =
      "object \(head.hex)\ntype commit\ntag published/1\ntagger T <t@example.test> 1700000000 +0000\n\nSnapshot\n"
    let tag = try repository.createTag(buffer: buffer)
    #expect(try repository.references(matching: "refs/tags/published/*").map(\.name) == ["refs/tags/published/1"])
    #expect(try repository.peelToCommit(tag) == head)
    #expect(try repository.rawObject(tag).type == "tag")
    #expect { _ = try repository.createTag(buffer: buffer) } throws: { ($0 as? GitError)?.isExisting == true }
  }

  @Test("Work tree edits show as uncommitted changes")
  func uncommitted() throws {
    #expect(try repository.hasUncommittedChanges(at: "b.md") == false)
    try scratch.write("b.md", "edited\n")
    #expect(try repository.hasUncommittedChanges(at: "b.md") == true)
  }
}
