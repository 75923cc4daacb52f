import GitStore
import TestSupport
import Testing

@Suite("Tag objects")
struct TagObjectTests {
  static let commit = ObjectID(hex: "174c163cdb0037f09141a2696f41539c464795bc")!

  @Test("A tag made by stock git parses, and its unsigned text is the bytes its signature covers")
  func stockGitTag() throws {
    let scratch = try ScratchRepository()
    try scratch.write("a.md", "alpha\n")
    try scratch.commitAll("First")
    _ = try scratch.git("tag", "-a", "-m", "sop snapshot published/1\n\nQP-001 r1 \(Self.commit.hex)", "published/1")
    let raw = try scratch.git("cat-file", "tag", "published/1") + "\n"
    let tag = try TagObject(parsing: Array(raw.utf8))
    #expect(tag.object.hex == (try scratch.git("rev-parse", "HEAD")))
    #expect(tag.type == "commit" && tag.name == "published/1" && tag.signature == nil)
    #expect(tag.tagger?.name == "Test Author" && tag.tagger?.email == "author@example.test")
    #expect(tag.tagger?.time == Int64(scratch.clock) && tag.tagger?.offsetMinutes == 0)
    #expect(tag.message == "sop snapshot published/1\n\nQP-001 r1 \(Self.commit.hex)\n")
    #expect(try tag.unsignedText() == raw)
    #expect(tag.signedData == Array(raw.utf8))
  }

  @Test("The signature is split at the last armor line; a message may quote one")
  func signatureSplit() throws {
    let header = "object \(Self.commit.hex)\ntype commit\ntag t\ntagger A <a@b> 1 +0000\n\n"
    let message = "quoted:\n-----BEGIN SSH SIGNATURE-----\nnot it\n"
    let armor = "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n"
    let tag = try TagObject(parsing: Array((header + message + armor).utf8))
    #expect(tag.message == message)
    #expect(tag.signature == armor)
    #expect(tag.signedData == Array((header + message).utf8))
  }

  @Test(
    "Hostile tagger lines are nil, never a trap",
    arguments: [
      "A >b< 1 +0000", "A <b 1 +0000", "A b> 1 +0000", "", "<", ">", "A <b> +0000", "A <b> 1", "A <b>  1 +0000",
      "A <b> 1 +000", "A <b> 1 0000", "A <b> 1 +00a0", "A <b> -1 +0000", "A <b> 9223372036854775808 +0000",
      "A <b> 99999999999999999999999 +0000", "A <b> 1 +0000 extra", "A <b<c> 1 +0000", "A <b> 1 +0000\n",
      "A <b> ١ +0000",
    ])
  func hostileTaggers(line: String) {
    #expect(GitSignature(identityLine: line) == nil)
  }

  @Test("Extreme but well-formed identities parse exactly")
  func extremeIdentities() throws {
    let max = try #require(GitSignature(identityLine: "A B <a@b> 9223372036854775807 +9999"))
    #expect(max == GitSignature(name: "A B", email: "a@b", time: .max, offsetMinutes: 99 * 60 + 99))
    #expect(max.identityLine == "A B <a@b> 9223372036854775807 +10039")
    let offset = try #require(GitSignature(identityLine: "A <a@b> 1 -1234"))
    #expect(offset.offsetMinutes == -(12 * 60 + 34) && offset.identityLine == "A <a@b> 1 -1234")
    let empty = try #require(GitSignature(identityLine: " <> 0 -0000"))
    #expect(empty == GitSignature(name: "", email: "", time: 0))
    #expect(GitSignature(identityLine: "A>B <a@b> 1 -0130")?.offsetMinutes == -90)
  }

  @Test(
    "Malformed tag objects are a GitError",
    arguments: [
      "", "\n\n", "type commit\nobject \(commit.hex)\ntag t\n\nm", "object xyz\ntype commit\ntag t\n\nm",
      "object \(commit.hex)\ntype commit\n\nm", "object \(commit.hex)\ntype commit\ntag t\ntagger A >a< 1 +0000\n\nm",
      "object \(commit.hex)\ntype commit\ntag t\ntagger A <a> 9223372036854775808 +0000\n\nm",
    ])
  func malformedTags(text: String) {
    #expect(throws: GitError.self) { try TagObject(parsing: Array(text.utf8)) }
  }

  @Test("A tag without a tagger line, as old git wrote, parses with a nil tagger")
  func noTagger() throws {
    let tag = try TagObject(parsing: Array("object \(Self.commit.hex)\ntype commit\ntag v1\n\nold\n".utf8))
    #expect(tag.tagger == nil && tag.message == "old\n")
  }

  @Test(
    "Formatting refuses an identity that would break the header, as commits do",
    arguments: [("A\nobject x", "a@b"), ("A", "a@b>\ntagger B <b"), ("A <x>", "a@b"), ("A", "a\0b"), ("A", "<a>")])
  func hostileIdentities(name: String, email: String) throws {
    let tag = TagObject(
      object: Self.commit, name: "published/1", tagger: GitSignature(name: name, email: email, time: 1), message: "m\n")
    #expect(throws: GitError.self) { try tag.unsignedText() }
    let scratch = try ScratchRepository()
    try scratch.write("a.md", "alpha\n")
    try scratch.commitAll("First")
    let repository = try Repository.discover(from: scratch.url.path)
    let head = try repository.resolveCommit("HEAD")
    let identity = GitSignature(name: name, email: email, time: 1)
    #expect(throws: GitError.self) {
      _ = try repository.commitBuffer(
        tree: try repository.commit(head).tree, parents: [head], author: identity, committer: identity, message: "m\n")
    }
  }
}
