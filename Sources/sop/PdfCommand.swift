import ArgumentParser
import DocumentControl
import DocumentModel
import Foundation
import SitePublisher

extension Paper: ExpressibleByArgument {}

/// `sop pdf`: documents of a published snapshot as PDF files, printed by headless Chromium.
struct PdfCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pdf",
    abstract: "Print documents of a published snapshot to PDF (headless Chromium), optionally with an audit pack.",
    discussion: """
      Writes DIR/<ID>-r<revision>.pdf for each document (all documents of the snapshot when none is named), each \
      with a running header and footer and a final signature page. --audit-pack adds master-list.pdf, \
      master-list.csv and changes.pdf. Needs chromium on PATH (\(ChromiumEngine.installHint)).
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Document ids to print (default: every effective document of the snapshot).")
  var ids: [String] = []

  @Option(help: "The snapshot tag, e.g. published/3 (default: the latest).")
  var snapshot: String?

  @Option(help: "The folder for the PDF files (replaced whole; it must be empty, new or an earlier sop pdf output).")
  var out: String

  @Option(help: "The paper size.")
  var paper: Paper = .a4

  @Flag(help: "Add the master document list (PDF and CSV) and the changes since the previous snapshot.")
  var auditPack = false

  func run() throws {
    let repository = try global.open()
    let environment = ProcessInfo.processInfo.environment
    // SOP_PDF_TIMEOUT (seconds per page) exists for tests and very slow machines.
    let timeout = environment["SOP_PDF_TIMEOUT"].flatMap(TimeInterval.init) ?? 120
    guard let engine = ChromiumEngine.find(searchPath: environment["PATH"] ?? "", timeout: timeout) else {
      throw fail(
        .invalidArgument(
          "sop pdf prints with headless Chromium, and none was found on PATH (looked for "
            + ChromiumEngine.executableNames.joined(separator: ", ") + "). On Debian or Ubuntu: "
            + ChromiumEngine.installHint))
    }
    let request = PdfRequest(
      documents: ids, snapshot: snapshot, outputDirectory: outputURL(out, repository: repository, base: global.path),
      paper: paper, isAuditPack: auditPack)
    do {
      let outcome = try repository.printPDFs(request, engine: engine)
      for file in outcome.files {
        print(URL(fileURLWithPath: outcome.outputDirectory).appendingPathComponent(file.name).path)
      }
      print("Printed \(counted(outcome.files.count, "file")) from \(outcome.tag).")
    } catch {
      throw fail(error)
    }
  }
}
