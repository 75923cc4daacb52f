import DocumentModel
import Foundation
import Testing

@testable import ProcedureLint

@Suite("Bad input")
struct BadInputTests {
  private func findings(_ data: Data, path: String = "procedures/bad.md") -> [Finding] {
    ExampleRepository.linter.lint([LintFile(path: path, data: data)]).findings
  }

  @Test("Malformed YAML is a front-matter error at the YAML's line")
  func malformedYAML() throws {
    let text = "---\nid: QP-010\ntitle: [Calibrate\ntype: procedure\nowner: maria@example.com\n---\n\n# Calibrate\n"
    let result = findings(Data(text.utf8))
    let finding = try #require(result.first { $0.rule == "front-matter" })
    #expect(finding.severity == .error)
    #expect(finding.line >= 3 && finding.line <= 6)
    #expect(finding.message.hasPrefix("malformed YAML"))
  }

  @Test("A file that is not UTF-8 is one front-matter error at its line")
  func notUTF8() {
    var data = Data("---\nid: QP-010\n---\n\nGood line\n".utf8)
    data.append(contentsOf: [0x42, 0xFF, 0xFE, 0x0A])
    let result = findings(data)
    #expect(result.map(\.rule) == ["front-matter"])
    #expect(result.first?.line == 6)
    #expect(result.first?.message.contains("UTF-8") == true)
  }

  @Test("A binary file is one front-matter error at line 1")
  func binary() {
    let result = findings(Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A]), path: "images/x.md")
    #expect(result.map(\.rule) == ["front-matter"])
    #expect(result.first?.line == 1)
    #expect(result.first?.column == 1)
    #expect(result.first?.message.contains("binary") == true)
  }

  @Test("A 30 MB file is a too-large error, read no further")
  func tooLarge() {
    var data = Data("---\nid: QP-010\ntitle: T\ntype: procedure\nowner: maria@example.com\n---\n".utf8)
    data.append(Data(repeating: UInt8(ascii: "a"), count: 30 * 1_048_576))
    let result = findings(data)
    #expect(result.map(\.rule) == ["front-matter"])
    #expect(
      result.first?.message
        == "the file is 30 MiB; sop reads documents up to 10 MiB: split it into smaller documents")
    // Just over the limit reads as over it, with one decimal.
    var justOver = Data("---\nid: QP-010\n---\n".utf8)
    justOver.append(Data(repeating: UInt8(ascii: "a"), count: 10 * 1_048_576 + 524_288))
    #expect(
      findings(justOver).first?.message.hasPrefix("the file is 10.5 MiB; sop reads documents up to 10 MiB") == true)
  }

  @Test(
    "Empty, missing and unclosed front matter are front-matter errors",
    arguments: ["", "  \n\n", "# Title\n", "---\nid: QP-010\n"])
  func missingFrontMatter(text: String) {
    let result = findings(Data(text.utf8))
    #expect(result.map(\.rule) == ["front-matter"])
    #expect(result.first?.line == 1)
  }

  @Test("A CRLF file gets the same answer as the rest of sop gives it")
  func crlf() {
    let text = ExampleRepository.procedure().replacingOccurrences(of: "\n", with: "\r\n")
    let expected: [String]
    do {
      _ = try ParsedDocument(path: "a.md", data: Data(text.utf8))
      expected = []
    } catch {
      expected = [error.message]
    }
    let result = findings(Data(text.utf8)).filter { $0.rule == "front-matter" }.map(\.message)
    #expect(result.map { $0.hasPrefix(expected.first ?? "-") } == expected.map { _ in true })
  }

  private static let frontMatter = ExampleRepository.document(body: "")

  @Test(
    "100,000 levels of nesting lint without recursion",
    arguments: [
      ("bullet lists", String(repeating: "- ", count: 100_000) + "deep\n"),
      ("numbered lists", String(repeating: "1. ", count: 100_000) + "deep\n"),
      ("block quotes", String(repeating: ">", count: 100_000) + " deep\n"),
      ("mixed", String(repeating: "> - ", count: 50_000) + "deep\n"),
    ])
  func deepNesting(name: String, body: String) {
    let report = ExampleRepository.linter.lint([LintFile(path: "deep.md", data: Data((Self.frontMatter + body).utf8))])
    #expect(report.summary.files == 1)
    #expect(!report.findings.contains { $0.rule == "front-matter" })
    #expect(report.findings.contains { $0.rule == "required-sections" })
  }

  @Test("Pathological inline content completes")
  func pathologicalInlines() {
    let body =
      String(repeating: "*a ", count: 20_000) + String(repeating: "[", count: 20_000) + "\n\n"
      + String(repeating: "_", count: 100_000) + "\n\n" + String(repeating: "QP-100 ", count: 20_000) + "\n"
    let report = ExampleRepository.linter.lint([LintFile(path: "p.md", data: Data((Self.frontMatter + body).utf8))])
    #expect(report.findings.filter { $0.rule == "broken-reference" }.count == 20_000)
  }
}
