import DocumentControl
import Foundation
import Signatures
import SitePublisher
import TestSupport
import Testing

/// An engine that prints nothing real: its "PDF" is a PDF header with a run-time date, then the page it was
/// given, so a test sees exactly the HTML an engine receives. It fails on pages whose name starts with `failOn`.
struct PageEchoEngine: PdfEngine {
  var failOn: String?

  func printPDF(page: URL, to output: URL, workFolder: URL) throws(PdfEngineError) {
    if let failOn, page.lastPathComponent.hasPrefix(failOn) { throw PdfEngineError("the fake engine gave up") }
    let html = (try? String(contentsOf: page, encoding: .utf8)) ?? ""
    let stamp = "%PDF-1.4\n<</CreationDate (D:20991231235959+00'00')\n/ModDate (D:20991231235959+00'00')>>\n"
    do {
      try Data((stamp + html).utf8).write(to: output)
    } catch {
      throw PdfEngineError("could not write \(output.path)")
    }
  }
}

@Suite("printPDFs with an injected engine")
struct PdfWorkflowTests {
  let fixture: ApprovalFixture
  let repository: DocumentRepository

  init() throws {
    fixture = try ApprovalFixture()
    try fixture.gitApprove(key: fixture.alice.path, as: ("Alice Nguyen", "alice@acme.example"))
    try fixture.gitApprove(key: fixture.bob.path, as: ("Bob Smith", "bob@acme.example"))
    repository = try DocumentRepository(discoveringFrom: fixture.scratch.url.path)
    let request = PublishRequest(
      keyPath: fixture.alice.path, outputDirectory: fixture.scratch.home.appendingPathComponent("site"),
      message: nil, now: Date(timeIntervalSince1970: 1_700_600_000))
    _ = try repository.publish(request, signer: { preferredSigner(forKeyFile: $0) })
  }

  func request(_ out: String, audit: Bool = false) -> PdfRequest {
    PdfRequest(
      documents: [], snapshot: nil, outputDirectory: fixture.scratch.home.appendingPathComponent(out), paper: .a4,
      isAuditPack: audit)
  }

  @Test("The engine gets each print page; the dates it wrote become the snapshot's; the folder is written whole")
  func printsThroughTheEngine() throws {
    let outcome = try repository.printPDFs(request("pdf", audit: true), engine: PageEchoEngine())
    #expect(outcome.tag == "published/1")
    #expect(
      outcome.files.map(\.name) == ["QP-001-r1.pdf", "changes.pdf", "master-list.csv", "master-list.pdf"])
    let out = URL(fileURLWithPath: outcome.outputDirectory)
    let document = try String(contentsOf: out.appendingPathComponent("QP-001-r1.pdf"), encoding: .utf8)
    // 1_700_600_000 is 2023-11-21 20:53:20 UTC, the tag's date.
    #expect(document.hasPrefix("%PDF-1.4\n<</CreationDate (D:20231121205320+00'00')\n/ModDate (D:20231121205320"))
    #expect(document.contains("href=\"../assets/print-QP-001.css\"") && document.contains("Signature page"))
    #expect(document.contains("Alice Nguyen") && document.contains("Bob Smith"))
    #expect(!document.contains("href=\"../index.html\""), "links into the print folder are taken out")
    let csv = try String(contentsOf: out.appendingPathComponent("master-list.csv"), encoding: .utf8)
    #expect(
      csv.hasSuffix(
        "QP-001,Handling of materials,procedure,1,2023-11-21,Alice Nguyen (quality); Bob Smith (owner),2024-11-14,effective\r\n"
      ))
  }

  @Test("An engine failure on one page: an error naming the file, and no output folder")
  func engineFailure() throws {
    #expect(throws: ControlError.self) {
      try repository.printPDFs(request("failed", audit: true), engine: PageEchoEngine(failOn: "changes"))
    }
    let error = #expect(throws: ControlError.self) {
      try repository.printPDFs(request("failed"), engine: PageEchoEngine(failOn: "QP-001"))
    }
    #expect(error?.description.contains("could not print QP-001-r1.pdf: the fake engine gave up") == true)
    #expect(!FileManager.default.fileExists(atPath: fixture.scratch.home.appendingPathComponent("failed").path))
  }
}
