import CLibgit2
import Foundation
import TestSupport
import Testing

@testable import GitStore

/// Each read of a missing, truncated or corrupt loose object throws a `DamagedObject` naming it; none hangs.
@Suite("Damaged objects")
struct DamagedObjectTests {
  let scratch: ScratchRepository
  let first: ObjectID
  let second: ObjectID

  init() throws {
    scratch = try ScratchRepository()
    try scratch.write("docs/a.md", String(repeating: "alpha line\n", count: 200))
    first = ObjectID(hex: try scratch.commitAll("First"))!
    try scratch.write("docs/a.md", "alpha two\n")
    second = ObjectID(hex: try scratch.commitAll("Second"))!
  }

  func file(_ id: String) -> URL {
    scratch.url.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
  }

  /// Replaces the loose file of `id` with `bytes` (nil: removes it).
  func replace(_ id: String, with bytes: (Data) -> Data?) throws {
    let url = file(id)
    let original = try Data(contentsOf: url)
    try FileManager.default.removeItem(at: url)
    if let changed = bytes(original) { try changed.write(to: url) }
  }

  func expectDamage(_ damage: ObjectDamage, of id: String, _ read: (Repository) throws -> Void) throws {
    let repository = try Repository.discover(from: scratch.url.path)
    #expect {
      try read(repository)
    } throws: { error in
      guard let object = (error as? GitError)?.damagedObject else { return false }
      return object.id == id && object.damage == damage && object.file.hasSuffix(String(id.dropFirst(2)))
        && (error as! GitError).message.contains("git fsck")
    }
  }

  @Test("A truncated blob, tree or commit is reported as truncated, without hanging")
  func truncated() throws {
    let blob = try scratch.git("rev-parse", "HEAD~1:docs/a.md")
    try replace(blob) { $0.prefix($0.count / 2) }
    try expectDamage(.truncated, of: blob) { _ = try $0.blob(ObjectID(hex: blob)!) }
    let tree = try scratch.git("rev-parse", "HEAD:docs")
    try replace(tree) { $0.prefix($0.count - 3) }
    try expectDamage(.truncated, of: tree) { _ = try $0.files(inCommit: second) }
    try replace(second.hex) { $0.prefix(12) }
    try expectDamage(.truncated, of: second.hex) { _ = try $0.history(from: second) }
  }

  @Test("A missing commit in the middle of history is an error, not a shorter history")
  func missingCommit() throws {
    try scratch.commitAll("Third")
    let tip = ObjectID(hex: try scratch.git("rev-parse", "HEAD"))!
    try replace(second.hex) { _ in nil }
    try expectDamage(.missing, of: second.hex) { _ = try $0.history(from: tip) }
    try expectDamage(.missing, of: second.hex) { _ = try $0.signature(ofCommit: second) }
  }

  @Test("A blob whose bytes do not inflate, or that holds another object, is corrupt")
  func corrupt() throws {
    let blob = try scratch.git("rev-parse", "HEAD~1:docs/a.md")
    try replace(blob) { data in
      var bytes = [UInt8](data)
      for index in stride(from: 4, to: bytes.count - 4, by: 2) { bytes[index] ^= 0xFF }
      return Data(bytes)
    }
    try expectDamage(.corrupt, of: blob) { _ = try $0.blob(ObjectID(hex: blob)!) }
    // A whole, valid object stored under another id: the zlib check passes, libgit2's hash check refuses
    // it, and the error still names the object.
    let other = try scratch.git("rev-parse", "HEAD:docs/a.md")
    let otherBytes = try Data(contentsOf: file(other))
    try replace(blob) { _ in otherBytes }
    try expectDamage(.corrupt, of: blob) { _ = try $0.blob(ObjectID(hex: blob)!) }
  }
}

/// The inflate check on hand-made zlib streams: it ends on every input and names what is wrong.
@Suite("Loose object check")
struct LooseObjectCheckTests {
  func deflate(_ text: String) -> [UInt8] {
    let input = Array(text.utf8)
    var size = compressBound(uLong(input.count))
    var output = [UInt8](repeating: 0, count: Int(size))
    _ = compress(&output, &size, input, uLong(input.count))
    return Array(output.prefix(Int(size)))
  }

  @Test("A sound object passes; every truncation of it is truncated; a wrong size or header is corrupt")
  func streams() throws {
    let whole = deflate("commit 11\u{0}tree abcdef")
    #expect(LooseObjects.inflateObject(whole) == .sound(type: "commit", body: Array("tree abcdef".utf8)))
    for length in 0..<whole.count {
      let result = LooseObjects.inflateObject(Array(whole.prefix(length)))
      guard case .damaged(let damage, _) = result else {
        Issue.record("prefix of \(length) bytes passed")
        continue
      }
      #expect(damage == .truncated || damage == .corrupt, "prefix of \(length) bytes: \(result)")
    }
    guard case .damaged(.corrupt, let checksum) = LooseObjects.inflateObject(whole.dropLast(4) + [0, 0, 0, 0]) else {
      Issue.record("a wrong checksum passed")
      return
    }
    #expect(checksum.contains("zlib"))
    guard case .damaged(.corrupt, let size) = LooseObjects.inflateObject(deflate("blob 9\u{0}short")) else {
      Issue.record("a wrong size passed")
      return
    }
    #expect(size.contains("declares 9"))
    guard case .damaged(.corrupt, _) = LooseObjects.inflateObject(deflate("no header at all")) else {
      Issue.record("a missing header passed")
      return
    }
  }
}
