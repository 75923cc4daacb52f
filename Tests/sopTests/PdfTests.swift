import Foundation
import TestSupport
import Testing

/// Whether the real printing tools are installed: headless Chromium and poppler's pdftotext and pdfinfo.
enum PrintingTools {
  static func path(of name: String) -> String? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static let isInstalled =
    (path(of: "chromium") ?? path(of: "chromium-browser") ?? path(of: "google-chrome")) != nil
    && path(of: "pdftotext") != nil && path(of: "pdfinfo") != nil

  static let skipReason: Comment =
    "chromium, pdftotext and pdfinfo are not all installed (apt-get install chromium poppler-utils); not printed"
}

/// A repository with two published snapshots: QP-001 r1 and QP-002 r1 in published/1, then QP-002 r2 (long
/// enough for several pages) in published/2.
struct PrintedRepository {
  let team: TwoPersonRepository
  var cli: CLIHarness { team.cli }

  init() throws {
    team = try TwoPersonRepository()
    for id in ["QP-001", "QP-002"] { try approve(id) }
    #expect(try cli.sop("publish", "--key", team.alice.path, "--out", folder("site").path).status == 0)
    let long = (1...120).map { "Check pallet \($0) for damage before you lift it." }.joined(separator: " ")
    try team.scratch.write("procedures/QP-002.md", procedureText(id: "QP-002", step: long))
    try team.scratch.commitAll("QP-002: check every pallet")
    try approve("QP-002")
    let second = try cli.sop("publish", "--key", team.alice.path, "--out", folder("site").path)
    #expect(second.status == 0 && second.stdout.contains("published/2"), "\(second.stderr)")
  }

  func approve(_ id: String) throws {
    #expect(try cli.sop("approve", id, "--key", team.alice.path).status == 0)
    #expect(try cli.sop("approve", id, "--key", team.bob.path).status == 0)
  }

  func folder(_ name: String) -> URL { team.scratch.home.appendingPathComponent(name) }

  /// A folder holding an executable `chromium` shell script with `body`, for the failure paths.
  func fakeChromium(_ body: String) throws -> URL {
    let bin = folder("fake-bin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let script = bin.appendingPathComponent("chromium")
    try Data("#!/bin/sh\n\(body)\n".utf8).write(to: script)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    return bin
  }

  /// The text of `pdf` (or one page), laid out as printed.
  func text(_ pdf: URL, page: Int? = nil) throws -> String {
    let range = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
    return try tool("pdftotext", range + ["-layout", pdf.path, "-"]).stdout
  }

  func info(_ pdf: URL) throws -> [String: String] {
    var fields: [String: String] = [:]
    for line in try tool("pdfinfo", [pdf.path]).stdout.split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return fields
  }

  private func tool(_ name: String, _ arguments: [String]) throws -> ProcessResult {
    try runProcess(name, arguments, in: team.scratch.url, environment: team.scratch.environment, timeout: 60)
  }
}

@Suite("sop pdf: printouts and the audit pack", .serialized)
struct PdfTests {
  @Test(
    "Every document with header, footer on each page, signature page; the audit pack; the same bytes twice",
    .enabled(if: PrintingTools.isInstalled, PrintingTools.skipReason))
  func printsDocumentsAndAuditPack() throws {
    let repository = try PrintedRepository()
    let out = repository.folder("printouts")
    let run = try repository.cli.sop("pdf", "--audit-pack", "--out", out.path)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("from published/2"))
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(
      names == [
        ".sop-pdf", "QP-001-r1.pdf", "QP-002-r2.pdf", "changes.pdf", "master-list.csv", "master-list.pdf",
      ])

    let document = out.appendingPathComponent("QP-002-r2.pdf")
    let info = try repository.info(document)
    #expect(info["Page size"]?.contains("(A4)") == true, "\(info)")
    let pages = Int(info["Pages"] ?? "") ?? 0
    #expect(pages >= 3, "a long document, then the signature page")
    let whole = try repository.text(document)
    #expect(whole.contains("Check pallet 120 for damage") && whole.contains("Handling of materials"))
    for page in 1...max(pages, 1) {
      let text = try repository.text(document, page: page)
      #expect(text.contains("Page \(page) of \(pages)"), "page \(page): \(text)")
      #expect(text.contains("Uncontrolled when printed"), "page \(page)")
      #expect(text.contains("QP-002") && text.contains("Revision 2") && text.contains("published/2"), "page \(page)")
    }
    let last = try repository.text(document, page: pages)
    #expect(last.contains("Signature page"))
    #expect(last.contains("Alice Nguyen") && last.contains("Bob Smith") && last.contains("SHA256:"))
    #expect(last.contains("Approved") && last.contains("UTC") && last.contains("quality"))
    let commits = try repository.team.scratch.git("log", "--format=%H", "-2").split(separator: "\n")
    for commit in commits {
      let line = last.split(separator: "\n").first { $0.contains("Signature commit") && $0.contains(commit) }
      #expect(line != nil, "\(commit) whole on the signature page: \(last)")
    }

    let csv = try String(contentsOf: out.appendingPathComponent("master-list.csv"), encoding: .utf8)
    let lines = csv.components(separatedBy: "\r\n")
    #expect(lines.first == "ID,Title,Type,Revision,Effective date,Approvers,Next review,State")
    #expect(lines.count == 4 && lines[3].isEmpty)
    #expect(lines[1].hasPrefix("QP-001,Handling of materials,procedure,1,"))
    #expect(lines[2].hasPrefix("QP-002,Handling of materials,procedure,2,"))
    #expect(lines[2].contains("Alice Nguyen (quality); Bob Smith (") && lines[2].hasSuffix(",effective"))
    let list = try repository.text(out.appendingPathComponent("master-list.pdf"))
    #expect(list.contains("Master document list") && list.contains("QP-001") && list.contains("Page 1 of"))
    let changes = try repository.text(out.appendingPathComponent("changes.pdf"))
    #expect(changes.contains("Changes in published/2") && changes.contains("QP-002"))

    // Determinism: the same snapshot printed again gives the same bytes; an earlier printout is replaced.
    let again = repository.folder("again")
    #expect(try repository.cli.sop("pdf", "--audit-pack", "--out", again.path).status == 0)
    for name in names {
      let first = try Data(contentsOf: out.appendingPathComponent(name))
      let second = try Data(contentsOf: again.appendingPathComponent(name))
      guard first != second else { continue }
      // A rare difference on a busy machine (seen once in a full suite): both prints are kept where the
      // failure says, so the bytes that differ can be read.
      let kept = FileManager.default.temporaryDirectory.appendingPathComponent("sop-pdf-differs-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
      try first.write(to: kept.appendingPathComponent("first-" + name))
      try second.write(to: kept.appendingPathComponent("second-" + name))
      Issue.record("\(name) differs between two prints of the same snapshot; both kept in \(kept.path)")
    }
    #expect(try repository.cli.sop("pdf", "QP-001", "--out", out.path).status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [".sop-pdf", "QP-001-r1.pdf"])
  }

  @Test(
    "US Letter, one named document, an earlier snapshot",
    .enabled(if: PrintingTools.isInstalled, PrintingTools.skipReason))
  func letterFromEarlierSnapshot() throws {
    let repository = try PrintedRepository()
    let out = repository.folder("letter")
    let run = try repository.cli.sop(
      "pdf", "QP-002", "--snapshot", "published/1", "--paper", "letter", "--out", out.path)
    #expect(run.status == 0, "\(run.stderr)")
    let pdf = out.appendingPathComponent("QP-002-r1.pdf")
    #expect(try repository.info(pdf)["Page size"]?.contains("(letter)") == true)
    let text = try repository.text(pdf)
    #expect(text.contains("Revision 1") && text.contains("published/1") && !text.contains("Check pallet"))
  }

  @Test("Without Chromium on PATH: exit 2, naming the package to install")
  func noChromium() throws {
    let repository = try PrintedRepository()
    let empty = repository.folder("empty-bin")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let run = try repository.cli.sop("pdf", "--out", repository.folder("x").path, environment: ["PATH": empty.path])
    #expect(run.status == 2)
    #expect(run.stderr.contains("apt-get install chromium"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: repository.folder("x").path))
  }

  @Test("Unknown id, unknown snapshot, a foreign folder: exit 2 before anything is printed")
  func inputErrors() throws {
    let repository = try PrintedRepository()
    // A Chromium that fails if it is ever started: these errors come first.
    let bin = try repository.fakeChromium("exit 3")
    let path = ["PATH": bin.path + ":/usr/bin:/bin"]
    let out = repository.folder("out")
    let unknown = try repository.cli.sop("pdf", "QP-999", "--out", out.path, environment: path)
    #expect(unknown.status == 2 && unknown.stderr.contains("QP-999 is not a document of published/2"))
    #expect(unknown.stderr.contains("its documents: QP-001, QP-002"))
    let lower = try repository.cli.sop("pdf", "qp-001", "--out", out.path, environment: path)
    #expect(lower.status == 2 && lower.stderr.contains("did you mean QP-001?"))
    let snapshot = try repository.cli.sop("pdf", "--snapshot", "published/9", "--out", out.path, environment: path)
    #expect(snapshot.status == 2 && snapshot.stderr.contains("no snapshot tag published/9"))
    let foreign = repository.folder("foreign")
    try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
    let refused = try repository.cli.sop("pdf", "--out", foreign.path, environment: path)
    #expect(refused.status == 2 && refused.stderr.contains(".sop-pdf"), "\(refused.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path) == ["notes.txt"])
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test("A Chromium that crashes or hangs: exit 1 with a message, no hang, nothing written")
  func engineFailures() throws {
    let repository = try PrintedRepository()
    let out = repository.folder("out")
    let crashing = try repository.fakeChromium("echo 'renderer crashed' >&2\nexit 3")
    let crash = try repository.cli.sop(
      ["pdf", "QP-001", "--out", out.path], environment: ["PATH": crashing.path + ":/usr/bin:/bin"], timeout: 60)
    #expect(crash.status == 1 && crash.stderr.contains("exited with status 3"), "\(crash.stderr)")
    #expect(crash.stderr.contains("renderer crashed"))
    let hanging = try repository.fakeChromium("exec sleep 60")
    let hang = try repository.cli.sop(
      ["pdf", "QP-001", "--out", out.path],
      environment: ["PATH": hanging.path + ":/usr/bin:/bin", "SOP_PDF_TIMEOUT": "1"], timeout: 30)
    #expect(!hang.timedOut && hang.status == 1 && hang.stderr.contains("did not finish"), "\(hang.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }
}
