import CLibgit2
import Foundation
import TestSupport
import Testing

@testable import GitStore

/// The bytes of a loose object that GitStore checked are handed to libgit2's read of that object (the
/// `sop_checked_backend` of the shim), only when they hash to its id, and once; everything libgit2 then says
/// about the object is what it says when it reads the file itself. Repositories made with stock git.
@Suite("Checked objects handed to libgit2")
struct CheckedObjectTests {
  let scratch: ScratchRepository
  let first: ObjectID
  let second: ObjectID

  init() throws {
    scratch = try ScratchRepository()
    try scratch.write("docs/a.md", String(repeating: "alpha line\n", count: 200))
    first = ObjectID(hex: try scratch.commitAll("First\n\nWith a body."))!
    try scratch.write("docs/a.md", "alpha two\n")
    try scratch.write("docs/b.md", "bravo\n")
    second = ObjectID(hex: try scratch.commitAll("Second"))!
  }

  func file(_ id: ObjectID) -> URL {
    scratch.url.appendingPathComponent(".git/objects/\(id.hex.prefix(2))/\(id.hex.dropFirst(2))")
  }

  /// Removes the loose file of `id`, so that only held bytes can serve a read of it.
  func removeFile(_ id: ObjectID) throws {
    try FileManager.default.removeItem(at: file(id))
  }

  @Test("Each handle's object database holds the backend")
  func backendAdded() throws {
    let repository = try Repository.discover(from: scratch.url.path)
    #expect(repository.checkedHolder != nil)
  }

  @Test("Headers, existence and listings are as without the backend")
  func neutralElsewhere() throws {
    let repository = try Repository.discover(from: scratch.url.path)
    var odb: OpaquePointer?
    #expect(git_repository_odb(&odb, repository.pointer) == 0)
    defer { git_odb_free(odb) }
    var size = 0
    var type = GIT_OBJECT_INVALID
    var present = second.oid
    #expect(git_odb_read_header(&size, &type, odb, &present) == 0)
    #expect(type == GIT_OBJECT_COMMIT && size > 0)
    var missing = ObjectID(hex: String(repeating: "ab", count: 20))!.oid
    #expect(git_odb_read_header(&size, &type, odb, &missing) == GIT_ENOTFOUND.rawValue)
    #expect(String(cString: git_error_last().pointee.message).contains("cannot read header"))
    #expect(git_odb_exists(odb, &missing) == 0)
    let count = ObjectCount()
    #expect(
      git_odb_foreach(
        odb,
        { _, payload in
          Unmanaged<ObjectCount>.fromOpaque(payload!).takeUnretainedValue().value += 1
          return 0
        }, Unmanaged.passUnretained(count).toOpaque()) == 0)
    let listed = try scratch.git("count-objects", "-v").split(separator: "\n").first { $0.hasPrefix("count: ") }
    #expect(listed == "count: \(count.value)")
  }

  @Test("A read after the check takes the checked bytes: it succeeds with the file gone in between")
  func servesCheckedBytes() throws {
    let repository = try Repository.discover(from: scratch.url.path)
    var oid = second.oid
    var handle: OpaquePointer?
    try repository.read(second, kind: "commit", "read commit") {
      try? removeFile(second)
      return git_commit_lookup(&handle, repository.pointer, &oid)
    }
    defer { git_commit_free(handle) }
    #expect(String(cString: git_commit_message(handle)) == "Second\n")
    #expect(repository.checkedHolder?.pointee.data == nil)
  }

  @Test("Held bytes serve one read of their own id only, and are dropped after the read")
  func servesOnceAndOnlyItsID() throws {
    let repository = try Repository.discover(from: scratch.url.path)
    let blob = ObjectID(hex: try scratch.git("rev-parse", "HEAD:docs/b.md"))!
    var odb: OpaquePointer?
    #expect(git_repository_odb(&odb, repository.pointer) == 0)
    defer { git_odb_free(odb) }
    try repository.checkObject(blob, kind: "blob", "check blob")
    #expect(repository.checkedHolder?.pointee.data != nil)
    try removeFile(blob)
    // Another id is not served from what is held.
    var other = first.oid
    var object: OpaquePointer?
    #expect(git_odb_read(&object, odb, &other) == 0)
    git_odb_object_free(object)
    object = nil
    #expect(repository.checkedHolder?.pointee.data != nil)
    repository.releaseHeld()
    var wanted = blob.oid
    #expect(git_odb_read(&object, odb, &wanted) == GIT_ENOTFOUND.rawValue)
  }

  @Test("Held bytes that are not the object named are refused by libgit2's hash check, as a file's would be")
  func refusesOtherBytes() throws {
    let repository = try Repository.discover(from: scratch.url.path)
    guard let holder = repository.checkedHolder else {
      Issue.record("no backend")
      return
    }
    let blobID = ObjectID(hex: try scratch.git("rev-parse", "HEAD:docs/b.md"))!
    try removeFile(blobID)
    var odb: OpaquePointer?
    #expect(git_repository_odb(&odb, repository.pointer) == 0)
    defer { git_odb_free(odb) }
    var blob = blobID.oid
    let content = Array("bravo\n".utf8)
    // The same bytes as another type, other bytes, a byte less: each read fails, and what was held is gone.
    let wrong: [(git_object_t, [UInt8])] = [
      (GIT_OBJECT_COMMIT, content), (GIT_OBJECT_BLOB, Array("bravO\n".utf8)),
      (GIT_OBJECT_BLOB, Array(content.dropLast())),
    ]
    for (type, bytes) in wrong {
      #expect(sop_checked_hold(holder, &blob, type, bytes, bytes.count) == 1)
      var object: OpaquePointer?
      let code = git_odb_read(&object, odb, &blob)
      #expect(code < 0)
      #expect(String(cString: git_error_last().pointee.message).contains("hash mismatch"))
      #expect(holder.pointee.data == nil)
    }
    // The right bytes are taken.
    #expect(sop_checked_hold(holder, &blob, GIT_OBJECT_BLOB, content, content.count) == 1)
    var object: OpaquePointer?
    #expect(git_odb_read(&object, odb, &blob) == 0)
    git_odb_object_free(object)
  }

  @Test("A loose blob is read once; a blob id whose file holds another object or type is refused as before")
  func blobReadOnce() throws {
    let repository = try Repository.discover(from: scratch.url.path)
    let bravo = ObjectID(hex: try scratch.git("rev-parse", "HEAD:docs/b.md"))!
    #expect(try repository.blob(bravo) == Array("bravo\n".utf8))
    #expect(repository.checkedHolder?.pointee.data == nil)
    // The file of a blob replaced by a tree's, then by another blob's.
    let alpha = ObjectID(hex: try scratch.git("rev-parse", "HEAD:docs/a.md"))!
    let tree = ObjectID(hex: try scratch.git("rev-parse", "HEAD:docs"))!
    let other = ObjectID(hex: try scratch.git("rev-parse", "HEAD~1:docs/a.md"))!
    for source in [tree, other] {
      let bytes = try Data(contentsOf: file(source))
      try removeFile(alpha)
      try bytes.write(to: file(alpha))
      let fresh = try Repository.discover(from: scratch.url.path)
      #expect(throws: GitError.self) { _ = try fresh.blob(alpha) }
    }
  }

  @Test("A blob larger than what the check keeps is read by libgit2; under another id, even the empty blob's, refused")
  func largeBlob() throws {
    let large = Data(count: LooseObjects.keptSize + 1)
    try scratch.write("big.bin", large)
    let big = ObjectID(hex: try scratch.git("hash-object", "-w", "big.bin"))!
    let repository = try Repository.discover(from: scratch.url.path)
    #expect(try repository.blob(big).count == large.count)
    // The empty blob's id, whose content the check would otherwise take as that of a sound blob it did not keep.
    let empty = ObjectID(hex: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")!
    try? FileManager.default.createDirectory(
      at: file(empty).deletingLastPathComponent(), withIntermediateDirectories: true)
    try? FileManager.default.removeItem(at: file(empty))
    try Data(contentsOf: file(big)).write(to: file(empty))
    let fresh = try Repository.discover(from: scratch.url.path)
    #expect {
      _ = try fresh.blob(empty)
    } throws: { error in
      (error as? GitError)?.damagedObject?.reason.contains("hash mismatch") == true
    }
  }

  @Test("A sound commit stored under another commit's id is refused, by name, as without the backend")
  func otherObjectUnderID() throws {
    let firstBytes = try Data(contentsOf: file(first))
    try removeFile(second)
    try firstBytes.write(to: file(second))
    let repository = try Repository.discover(from: scratch.url.path)
    #expect {
      _ = try repository.history(from: second)
    } throws: { error in
      guard let object = (error as? GitError)?.damagedObject else { return false }
      return object.id == second.hex && object.damage == .corrupt && object.reason.contains("hash mismatch")
    }
    #expect(throws: GitError.self) { _ = try repository.commit(second) }
    #expect(throws: GitError.self) { _ = try repository.signature(ofCommit: second) }
  }

  @Test("A truncated or corrupt commit is named, and nothing of it is held")
  func damagedCommit() throws {
    let whole = try Data(contentsOf: file(second))
    for damaged in [whole.prefix(whole.count / 2), whole.prefix(whole.count - 2) + Data([0, 0])] {
      try removeFile(second)
      try damaged.write(to: file(second))
      let repository = try Repository.discover(from: scratch.url.path)
      #expect {
        _ = try repository.history(from: second)
      } throws: { error in
        (error as? GitError)?.damagedObject?.id == second.hex
      }
      #expect(repository.checkedHolder?.pointee.data == nil)
    }
  }

  @Test("Commits, trees and blobs read through the backend are what stock git says they are")
  func sameAsGit() throws {
    let repository = try Repository.discover(from: scratch.url.path)
    let history = try repository.history(from: second)
    #expect(history.map(\.commit.id) == [first, second])
    for entry in history {
      let id = entry.commit.id.hex
      #expect(entry.commit.tree.hex == (try scratch.git("rev-parse", "\(id)^{tree}")))
      #expect(entry.commit.message == (try scratch.git("log", "-1", "--format=%B", id)) + "\n")
      #expect(entry.commit.author.email == (try scratch.git("log", "-1", "--format=%ae", id)))
    }
    #expect(history[1].changes.map(\.path) == ["docs/a.md", "docs/b.md"])
    let blob = ObjectID(hex: try scratch.git("rev-parse", "HEAD~1:docs/a.md"))!
    #expect(try repository.blob(blob) == Array(String(repeating: "alpha line\n", count: 200).utf8))
    let raw = try repository.rawObject(second)
    #expect(raw.type == "commit")
    #expect(raw.data == Array((try scratch.git("cat-file", "commit", second.hex) + "\n").utf8))
  }
}

/// The one-pass inflate of a loose object (`LooseObjects.inflateWhole`) against the check in pieces that names
/// damage: the same verdict on every object, truncation and corruption.
@Suite("Loose object check, one pass")
struct LooseObjectWholeTests {
  func deflate(_ bytes: [UInt8]) -> [UInt8] {
    var size = compressBound(uLong(bytes.count))
    var output = [UInt8](repeating: 0, count: Int(size))
    _ = compress(&output, &size, bytes, uLong(bytes.count))
    return Array(output.prefix(Int(size)))
  }

  /// The verdict without the content, which only the one pass keeps.
  func verdict(_ check: LooseObjectCheck) -> LooseObjectCheck {
    if case .sound(let type, _) = check { return .sound(type: type, body: nil) }
    return check
  }

  @Test("Same verdict as the check in pieces on objects, their truncations and corruptions")
  func sameVerdicts() throws {
    var generator = SplitMixGenerator(seed: 15)
    var cases: [[UInt8]] = []
    for type in ["commit", "tree", "blob", "tag", "bogus"] {
      for size in [0, 1, 11, 50, 63, 64, 200, 70_000] {
        let content = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let header = Array("\(type) \(size)\u{0}".utf8)
        cases.append(deflate(header + content))
        // The header declaring one byte more, one byte less.
        cases.append(deflate(Array("\(type) \(size + 1)\u{0}".utf8) + content))
        if size > 0 { cases.append(deflate(Array("\(type) \(size - 1)\u{0}".utf8) + content)) }
      }
    }
    cases.append(deflate(Array("no header at all".utf8)))
    cases.append(deflate(Array(String(repeating: "x", count: 100).utf8)))
    cases.append(deflate(Array("blob 0012\u{0}".utf8) + Array(repeating: 1, count: 12)))
    for whole in cases {
      #expect(verdict(LooseObjects.inflateObject(whole)) == LooseObjects.inflateInPieces(whole))
      for length in Set([0, 1, 2, whole.count / 3, whole.count / 2, whole.count - 5, whole.count - 1]) where length >= 0
      {
        let prefix = Array(whole.prefix(length))
        #expect(verdict(LooseObjects.inflateObject(prefix)) == LooseObjects.inflateInPieces(prefix))
      }
      var flipped = whole
      for index in stride(from: 3, to: flipped.count, by: 7) { flipped[index] ^= 0x5A }
      #expect(verdict(LooseObjects.inflateObject(flipped)) == LooseObjects.inflateInPieces(flipped))
    }
  }

  @Test("A sound object keeps its whole content")
  func keepsContent() throws {
    let content = Array(String(repeating: "tree abcdef\n", count: 500).utf8)
    let whole = deflate(Array("commit \(content.count)\u{0}".utf8) + content)
    #expect(LooseObjects.inflateObject(whole) == .sound(type: "commit", body: content))
    let small = deflate(Array("blob 3\u{0}abc".utf8))
    #expect(LooseObjects.inflateObject(small) == .sound(type: "blob", body: Array("abc".utf8)))
  }
}

/// A counter the `git_odb_foreach` callback reaches through its payload.
private final class ObjectCount {
  var value = 0
}
