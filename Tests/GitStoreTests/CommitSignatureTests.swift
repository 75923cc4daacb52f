import CLibgit2
import Foundation
import TestSupport
import Testing

@testable import GitStore

/// `CommitSignature` must split every commit exactly as libgit2's `git_commit_extract_signature` does (the read
/// it replaces): the same signature, signed bytes and failures, on well-formed and hostile commits alike.
@Suite("Commit signature split")
struct CommitSignatureTests {
  let scratch: ScratchRepository
  let repository: Repository

  init() throws {
    scratch = try ScratchRepository()
    repository = try Repository.discover(from: scratch.url.path)
  }

  /// libgit2's answer for `raw` stored as a commit object.
  func libgit2(_ raw: [UInt8]) throws -> (ObjectID, CommitSignature.Extracted) {
    var odb: OpaquePointer?
    #expect(git_repository_odb(&odb, repository.pointer) == 0)
    defer { git_odb_free(odb) }
    var oid = git_oid()
    #expect(raw.withUnsafeBytes { git_odb_write(&oid, odb, $0.baseAddress, $0.count, GIT_OBJECT_COMMIT) } == 0)
    var signature = git_buf()
    var signedData = git_buf()
    defer {
      git_buf_dispose(&signature)
      git_buf_dispose(&signedData)
    }
    let code = git_commit_extract_signature(&signature, &signedData, repository.pointer, &oid, nil)
    if code == GIT_ENOTFOUND.rawValue { return (ObjectID(oid), .unsigned) }
    guard code == 0 else {
      #expect(String(cString: git_error_last().pointee.message) == CommitSignature.malformedMessage)
      return (ObjectID(oid), .malformed)
    }
    let text = signature.ptr.map {
      String(decoding: UnsafeRawBufferPointer(start: $0, count: signature.size), as: UTF8.self)
    }
    let bytes = signedData.ptr.map { Array(UnsafeRawBufferPointer(start: $0, count: signedData.size)) }
    return (ObjectID(oid), .signed(StoredSignature(signature: text ?? "", signedData: bytes ?? [])))
  }

  func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let raw = Array(text.utf8)
    let (id, expected) = try libgit2(raw)
    #expect(CommitSignature.extract(from: raw) == expected, "\(text.debugDescription)", sourceLocation: sourceLocation)
    // And through the repository, which reads the object and splits it so.
    let read: CommitSignature.Extracted
    do {
      read = try repository.signature(ofCommit: id).map { .signed($0) } ?? .unsigned
    } catch {
      #expect(error.code == -1 && error.message == CommitSignature.malformedMessage, sourceLocation: sourceLocation)
      read = .malformed
    }
    #expect(read == expected, "\(text.debugDescription)", sourceLocation: sourceLocation)
  }

  static let tree = "tree 4b825dc642cb6eb9a060e54bf8d69288fbe4904b\n"
  static let people = "author A <a@x> 1700000000 +0000\ncommitter A <a@x> 1700000000 +0000\n"

  @Test("Well-formed commits, signed and unsigned, split as libgit2 splits them")
  func wellFormed() throws {
    try expectSame(Self.tree + Self.people + "\nMessage\n")
    try expectSame(
      Self.tree + Self.people + "gpgsig -----BEGIN SSH SIGNATURE-----\n U1NIU0lH\n -----END SSH SIGNATURE-----\n"
        + "\nApprove\n\nApproves: QP-001 abc\n")
  }

  @Test("Hostile headers: two gpgsig, gpgsig in the message, stuck and bare field names, NUL, no newline")
  func hostile() throws {
    let signature = "gpgsig -----BEGIN SSH SIGNATURE-----\n U1NIU0lH\n -----END SSH SIGNATURE-----\n"
    let cases = [
      Self.tree + Self.people + signature + signature + "\nMessage\n",
      Self.tree + Self.people + "\n" + signature + "more\n",
      Self.tree + Self.people + "\nMessage\ngpgsig last line\n",
      Self.tree + Self.people + "\nMessage\ngpgsig last line",
      Self.tree + "gpgsigX nothing\n" + Self.people + signature + "\nMessage\n",
      Self.tree + "gpgsig\n" + Self.people + "\nMessage\n",
      Self.tree + "gpgsiggpgsig stuck\n" + Self.people + "\nMessage\n",
      Self.tree + "gpgsig \n \n\n",
      Self.tree + "gpgsig a\n b",
      Self.tree + "gpgsig a\n ",
      Self.tree + "gpgsig a",
      "gpgsig first\n" + Self.tree,
      "gpgsig first\n",
      "gpgsig",
      "",
      "\n",
      "\n\n",
      Self.tree + "gpgsig a\u{0}b\n c\n\nm\n",
      Self.tree + "gp\u{0}gsig a\n\nm\n",
      Self.tree + Self.people + signature.replacingOccurrences(of: "\n ", with: "\n\t") + "\nMessage\n",
      Self.tree + "gpgsig a\r\n b\r\n\r\nm\r\n",
      Self.tree + "gpgsig  two spaces\n  indented\n\nm\n",
      Self.tree + "GPGSIG upper\n\nm\n",
      Self.tree + "gpgsig é\n ü\n\nm\n",
      // The last newline found is kept between steps: these reuse it, or look past it.
      Self.tree + "gpgsiggpgsiggpgsig x\n b\n\nm\n",
      Self.tree + "gpgsiggpgsig\ngpgsig y\n\nm\n",
      Self.tree + Self.people + "\n" + String(repeating: "gpgsig", count: 5) + " z\nend\n",
      Self.tree + String(repeating: "gpgsig", count: 4),
    ]
    for text in cases { try expectSame(text) }
  }

  @Test("A line of 'gpgsig' repeated splits as libgit2 splits it, in time linear in its length")
  func repeatedField() throws {
    // libgit2 steps 6 bytes along such a line and looks for its end again each time; 20,000 steps are quick
    // for it, and the split must be the same.
    try expectSame(Self.tree + Self.people + "\n" + String(repeating: "gpgsig", count: 20_000) + "\nend\n")
  }

  // 400,000 steps over a 2.4 MB line: scanning the rest of the line at each step (as libgit2 does) is about
  // 5 × 10^11 byte reads, far beyond the limit; the kept newline makes it one pass.
  @Test(
    "A 2.4 MB line of 'gpgsig' repeated is split in one pass", .timeLimit(.minutes(1)))
  func repeatedFieldLong() {
    let raw = Array((Self.tree + Self.people + "\n" + String(repeating: "gpgsig", count: 400_000) + "\nend\n").utf8)
    #expect(CommitSignature.extract(from: raw) == .unsigned)
  }

  @Test("Random commits from hostile pieces split as libgit2 splits them")
  func random() throws {
    let pieces = [
      "gpgsig ", "gpgsig", " ", "\n", "\n ", "\n\n", "tree x", "a", "gpgsigX", "\u{0}", "-----BEGIN", "\r", "é",
    ]
    var generator = SplitMixGenerator(seed: 15)
    for _ in 0..<400 {
      let count = Int.random(in: 0...12, using: &generator)
      let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
      try expectSame(text)
    }
  }
}
