import Foundation
import GitStore
import TestSupport
import Testing

/// The walk's diff keeps the folder trees of the commit it diffed last for the next diff, and holds object
/// ids as bytes: neither may change what a walk reports.
@Suite("History diff and object ids")
struct HistoryDiffTests {
  /// The changes git itself reports for `commit` against its first parent (everything, for a root commit).
  func gitChanges(_ scratch: ScratchRepository, _ commit: ObjectID) throws -> [String] {
    let output = try scratch.git(
      "diff-tree", "-r", "--root", "--no-renames", "--no-commit-id", "--diff-merges=first-parent", commit.hex)
    return output.split(separator: "\n").map { line in
      let fields = line.split(separator: "\t", maxSplits: 1)
      let meta = fields[0].split(separator: " ")
      let zero = String(repeating: "0", count: 40)
      let old = meta[2] == zero ? "-" : String(meta[2])
      let new = meta[3] == zero ? "-" : String(meta[3])
      return "\(fields[1]) \(old) \(new)"
    }.sorted()
  }

  func walkChanges(_ entry: HistoryEntry) -> [String] {
    entry.changes.map { "\($0.path) \($0.oldBlob?.hex ?? "-") \($0.newBlob?.hex ?? "-")" }.sorted()
  }

  /// A commit on main adding `f.md` under `levels` nested folders, written by stock git in one process.
  func commitNested(_ scratch: ScratchRepository, levels: Int) throws -> ObjectID {
    let path = String(repeating: "d/", count: levels) + "f.md"
    let stream = """
      commit refs/heads/main
      committer A <a@x.example> 1700000000 +0000
      data 6
      nested
      from refs/heads/main^0
      M 100644 inline \(path)
      data 3
      hi

      """
    let result = try runProcess(
      "git", ["fast-import", "--quiet"], in: scratch.url, environment: scratch.environment, input: stream)
    #expect(result.status == 0, "\(result.stderr)")
    return try Repository.discover(from: scratch.url.path).resolveCommit("refs/heads/main")
  }

  @Test("Folders nested deeper than the diff follows are refused with a message, before the stack runs out")
  func deepFolders() throws {
    let scratch = try ScratchRepository()
    try scratch.write("top.md", "top\n")
    try scratch.commitAll("Root")
    let deepest = try commitNested(scratch, levels: Repository.maximumFolderDepth)
    let walked = try Repository.discover(from: scratch.url.path).history(from: deepest)
    #expect(walked.last?.changes.map { $0.path }.first?.hasSuffix("/d/f.md") == true)
    let tooDeep = try commitNested(scratch, levels: Repository.maximumFolderDepth + 1)
    #expect {
      try Repository.discover(from: scratch.url.path).history(from: tooDeep)
    } throws: { error in
      (error as? GitError)?.message.contains("nested more than 1024 levels deep") == true
    }
  }

  @Test("Every commit's changes are git's, across branches, merges, nested folders, deletions and file-folder swaps")
  func changesMatchGit() throws {
    let scratch = try ScratchRepository()
    try scratch.write("docs/a/one.md", "one\n")
    try scratch.write("docs/b/two.md", "two\n")
    try scratch.write("top.md", "top\n")
    try scratch.commitAll("Root")
    try scratch.git("checkout", "-q", "-b", "side")
    try scratch.write("docs/a/one.md", "one on the side\n")
    try scratch.write("docs/c/deep/three.md", "three\n")
    try scratch.commitAll("Side one")
    try scratch.write("docs/b/two.md", "two on the side\n")
    try scratch.commitAll("Side two")
    try scratch.git("checkout", "-q", "main")
    try scratch.write("docs/b/two.md", "two on main\n")
    try scratch.write("docs/a/four.md", "four\n")
    try scratch.commitAll("Main one")
    try scratch.git("merge", "-q", "-X", "ours", "--no-edit", "side")
    try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("docs/c"))
    try scratch.write("docs/a/one.md", "one after the merge\n")
    try scratch.commitAll("Remove a folder")
    try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("top.md"))
    try scratch.write("top.md/inside.md", "a folder where a file was\n")
    try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("docs/b"))
    try scratch.write("docs/b", "a file where a folder was\n")
    try scratch.commitAll("Swap a file and a folder")
    try scratch.write("docs/a/one.md", "one again\n")
    try scratch.commitAll("Last")
    let repository = try Repository.discover(from: scratch.url.path)
    let tip = try repository.resolveCommit("HEAD")
    let entries = try repository.history(from: tip)
    #expect(entries.count == 8)
    for entry in entries {
      #expect(walkChanges(entry) == (try gitChanges(scratch, entry.commit.id)), "\(entry.commit.subject)")
    }
    // Resumed from the root, the walk reports the same.
    let resumed = try repository.history(from: tip, after: [entries[0].commit.id])
    #expect(resumed.map(\.commit.id).sorted() == entries.dropFirst().map(\.commit.id).sorted())
    for entry in resumed {
      #expect(walkChanges(entry) == (try gitChanges(scratch, entry.commit.id)), "\(entry.commit.subject)")
    }
  }

  @Test("Object ids: hex round trip, order as their hex, only 40 lowercase hex digits")
  func objectIDs() throws {
    let hex = [
      "0123456789abcdef0123456789abcdef01234567", "ffffffffffffffffffffffffffffffffffffffff",
      "0000000000000000000000000000000000000000", "00000000000000010000000000000000000000ff",
      "0000000000000000000000000000000100000000", "fedcba9876543210fedcba9876543210fedcba98",
    ]
    let ids = try hex.map { try #require(ObjectID(hex: $0)) }
    #expect(ids.map(\.hex) == hex)
    #expect(ids.map(\.description) == hex)
    #expect(ids[0].short == "0123456")
    #expect(ids.sorted().map(\.hex) == hex.sorted())
    #expect(Set(ids).count == hex.count)
    #expect(ObjectID(hex: hex[0]) == ids[0] && ObjectID(hex: hex[0])?.hashValue == ids[0].hashValue)
    for bad in [
      String(hex[0].dropLast()), hex[0] + "0", hex[0].uppercased(), "g" + hex[0].dropFirst(), "",
      " " + hex[0].dropFirst(),
      String(hex[0].dropLast()) + "é",
    ] {
      #expect(ObjectID(hex: bad) == nil, "\(bad)")
    }
    var raw: [UInt8] = [7]
    for id in ids { id.append(to: &raw) }
    #expect(raw.count == 1 + 20 * ids.count)
    #expect(ids.indices.map { ObjectID(bytes: raw, at: 1 + 20 * $0) } == ids)
    #expect(ObjectID(bytes: raw, at: raw.count - 19) == nil && ObjectID(bytes: raw, at: -1) == nil)
    let encoded = try JSONEncoder().encode(ids)
    #expect(String(decoding: encoded, as: UTF8.self) == "[" + hex.map { "\"\($0)\"" }.joined(separator: ",") + "]")
    #expect(try JSONDecoder().decode([ObjectID].self, from: encoded) == ids)
  }
}
