import Foundation
import TestSupport
import Testing

@Suite("sop diff and show --at selectors")
struct DiffCommandTests {
  let team: TwoPersonRepository
  var scratch: ScratchRepository { team.scratch }
  var cli: CLIHarness { team.cli }

  init() throws {
    team = try TwoPersonRepository()
  }

  struct DiffJSON: Decodable {
    struct Side: Decodable {
      let selector: String
      let blob: String?
      let commit: String?
    }
    struct Change: Decodable {
      let commit, subject, author, email, time: String
    }
    struct Piece: Decodable {
      let operation, text: String
      let spaced: Bool
    }
    struct Block: Decodable {
      let kind, marker: String
      let pieces: [Piece]
    }
    let id, title: String
    let from, to: Side
    let changes: [Change]
    let uncommittedEdits, wordLevel: Bool
    let blocks: [Block]
    let insertedWords, deletedWords: Int
  }

  func diffJSON(_ arguments: String...) throws -> (ProcessResult, DiffJSON?) {
    let result = try cli.sop(["diff"] + arguments + ["--format", "json"])
    return (result, try? JSONDecoder().decode(DiffJSON.self, from: Data(result.stdout.utf8)))
  }

  /// Alice (quality) and Bob (owner) approve QP-001 as Dana wrote it: revision 1.
  func approveRevision1() throws {
    #expect(try cli.sop("approve", "QP-001", "--key", team.alice.path).status == 0)
    #expect(try cli.sop("approve", "QP-001", "--key", team.bob.path).status == 0)
  }

  @Test("diff: the revision in force against HEAD, word by word, with the change commits and their authors")
  func diffDefault() throws {
    try approveRevision1()
    let approved = try scratch.git("rev-parse", "HEAD")
    scratch.identity = ("Carol Editor", "carol@acme.example")
    try scratch.write("procedures/QP-001.md", procedureText(id: "QP-001", step: "Wear boots."))
    let change = try scratch.commitAll("Boots, not gloves")
    let text = try cli.sop("diff", "QP-001")
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("1. Wear [-gloves-]{+boots+}."), "\(text.stdout)")
    #expect(text.stdout.contains("r1") && text.stdout.contains("HEAD"))
    #expect(text.stdout.contains("Carol Editor <carol@acme.example>: Boots, not gloves"))
    #expect(text.stdout.contains("1 change commit:") && text.stdout.contains("1 word inserted, 1 word deleted"))
    #expect(!text.stdout.contains("Purpose"), "unchanged blocks are left out")
    // On a terminal (util-linux `script` gives it one): colour instead of markers.
    if FileManager.default.fileExists(atPath: "/usr/bin/script") {
      let terminal = try runProcess(
        "/usr/bin/script", ["-qec", "\(CLIHarness.binary) diff QP-001", "/dev/null"], in: scratch.url,
        environment: scratch.environment)
      #expect(terminal.stdout.contains("Wear \u{1B}[31mgloves\u{1B}[0m\u{1B}[32mboots\u{1B}[0m."), "\(terminal.stdout)")
      #expect(!terminal.stdout.contains("[-gloves-]"))
    }
    let (result, json) = try diffJSON("QP-001")
    #expect(result.status == 0, "\(result.stderr)")
    let diff = try #require(json)
    #expect(diff.from.selector == "r1" && diff.to.selector == "HEAD")
    #expect(diff.from.commit == approved && diff.to.commit == change)
    #expect(diff.changes.map(\.commit) == [change] && diff.changes.first?.email == "carol@acme.example")
    #expect(diff.insertedWords == 1 && diff.deletedWords == 1 && diff.wordLevel && !diff.uncommittedEdits)
    #expect(diff.blocks.count == 1 && diff.blocks.first?.kind == "list-item" && diff.blocks.first?.marker == "1.")
    #expect(diff.blocks.first?.pieces.map(\.operation) == ["equal", "delete", "insert", "equal"])
    // The keys are sorted, as in every report.
    let keys = ["\"blocks\"", "\"changes\"", "\"deletedWords\"", "\"from\"", "\"id\"", "\"insertedWords\""]
    let positions = keys.compactMap { result.stdout.range(of: $0)?.lowerBound }
    #expect(positions.count == keys.count && positions == positions.sorted())
  }

  @Test("diff and show accept rN, r0, work, commits and published/N; bad selectors exit 2")
  func selectors() throws {
    let first = try scratch.git("rev-parse", "HEAD")
    try approveRevision1()
    #expect(
      try cli.sop("publish", "--key", team.alice.path, "--out", scratch.home.appendingPathComponent("site").path)
        .status == 0)
    try scratch.write("procedures/QP-001.md", procedureText(id: "QP-001", step: "Wear boots."))
    try scratch.commitAll("Boots")
    try scratch.write("procedures/QP-001.md", procedureText(id: "QP-001", step: "Wear helmets."))
    #expect(try cli.sop("show", "QP-001", "--at", "r1").stdout.contains("1. Wear gloves."))
    #expect(try cli.sop("show", "QP-001", "--at", "published/1").stdout.contains("1. Wear gloves."))
    #expect(try cli.sop("show", "QP-001", "--at", "work").stdout.contains("1. Wear helmets."))
    #expect(try cli.sop("show", "QP-001", "--at", first).stdout.contains("1. Wear gloves."))
    #expect(try cli.sop("show", "QP-001").stdout.contains("1. Wear boots."))
    let (_, work) = try diffJSON("QP-001", "HEAD", "work")
    #expect(work?.uncommittedEdits == true && work?.changes.isEmpty == true)
    #expect(work?.blocks.first?.pieces.map(\.text) == ["Wear", "boots", "helmets", "."])
    let piped = try cli.sop("diff", "QP-001", "published/1", "work")
    #expect(piped.stdout.contains("Wear [-gloves-]{+helmets+}.") && piped.stdout.contains("not committed"))
    let (wholeResult, whole) = try diffJSON("QP-001", "r0", "r1")
    #expect(wholeResult.stdout.contains("\"from\" : {\n    \"blob\" : null,\n    \"commit\" : null,"))
    #expect(whole?.deletedWords == 0 && (whole?.insertedWords ?? 0) > 20)
    #expect(whole?.blocks.first?.kind == "front-matter")
    #expect(try cli.sop("diff", "QP-001", "r1", "r1").stdout.contains("No changes in the text."))
    #expect(try cli.sop("show", "QP-001", "--at", "r0").status == 2)
    let missing = try cli.sop("diff", "QP-001", "r5")
    #expect(missing.status == 2 && missing.stderr.contains("1 approved revision; there is no r5"))
    let tag = try cli.sop("show", "QP-001", "--at", "published/9")
    #expect(tag.status == 2 && tag.stderr.contains("no snapshot published/9"))
    #expect(try cli.sop("diff", "QP-001", "nonsense-ref").status == 2)
  }

  @Test("A misspelled id gets the nearest; a document not committed yet says to commit it")
  func unknownIDs() throws {
    let typo = try cli.sop("diff", "QP-01")
    #expect(typo.status == 2 && typo.stderr.contains("did you mean QP-001?"), "\(typo.stderr)")
    try scratch.write("procedures/QP-003.md", procedureText(id: "QP-003"))
    for arguments in [["show", "QP-003"], ["log", "QP-003"], ["approve", "QP-003", "--key", team.alice.path]] {
      let result = try cli.sop(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(
        result.stderr.contains("procedures/QP-003.md) is in the work tree but not committed yet")
          && result.stderr.contains("git add procedures/QP-003.md && git commit"), "\(result.stderr)")
    }
    #expect(try cli.sop("show", "QP-003", "--at", "work").stdout.contains("id: QP-003"))
  }
}
