import DocumentModel
import Foundation
import Testing

@testable import ProcedureLint

/// The small corpus under Fixtures/RealWorld: documents written in the style of third-party ISO 13485
/// templates (numbered `###` steps, quoted standards, licence footers, placeholders, Yes / No tables).
/// `SOP_PRINT_REALWORLD=1` prints every finding, for judging precision by hand (docs/lint.md).
@Suite("Real-world shapes")
struct RealWorldTests {
  static func report() throws -> LintReport {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/RealWorld").resolvingSymlinksInPath()
    let policy = try Policy.decode(data: Data(contentsOf: root.appendingPathComponent("sop.yml")))
    var files: [LintFile] = []
    for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
    where url.pathExtension == "md" {
      files.append(LintFile(path: String(url.path.dropFirst(root.path.count + 1)), data: try Data(contentsOf: url)))
    }
    let linter = Linter(policy: policy, existingPaths: Set(files.map(\.path)))
    let report = linter.lint(files)
    if ProcessInfo.processInfo.environment["SOP_PRINT_REALWORLD"] == "1" { print(TextReporter.render(report)) }
    return report
  }

  @Test("No false alarm of the shapes issue 14 lists")
  func noFalseAlarms() throws {
    let findings = try Self.report().findings
    func has(_ path: String, _ rule: String, _ text: String = "") -> Bool {
      findings.contains { $0.path.hasSuffix(path) && $0.rule == rule && (text.isEmpty || $0.message.contains(text)) }
    }
    // Model numbers and standards are not document ids.
    #expect(!has("WI-001-receiving-inspection.md", "broken-reference"))
    // Passives in subordinate clauses of active steps.
    #expect(!has("WI-001-receiving-inspection.md", "passive-voice"))
    // Tick boxes, Yes / No rows and a register are not a long form.
    #expect(!has("FRM-002-supplier-audit-checklist.md", "form-fields"))
    #expect(!has("FRM-003-training-record.md", "form-fields"))
    #expect(!has("FRM-001-capa-register.md", "form-fields"))
    #expect(!has("FRM-004-management-review-checklist.md", "form-fields"))
    // A passive inside a "how" clause is not the instruction; quoted law is not graded.
    #expect(!findings.contains { $0.path.contains("SOP-003") && $0.rule == "passive-voice" && $0.line == 12 })
    #expect(!findings.contains { $0.path.contains("SOP-003") && $0.rule == "sentence-length" && $0.line == 42 })
    // "Art." and "para." do not end sentences; the quoted standard is not graded.
    #expect(!findings.contains { $0.rule == "sentence-length" && $0.message.contains("Art") })
  }

  @Test("Unfinished text is caught: placeholders, TBD, guidance that asks to be deleted")
  func unfinished() throws {
    let findings = try Self.report().findings.filter { $0.rule == "unfinished" }
    #expect(findings.contains { $0.path.contains("SOP-001") && $0.message.contains("<enter role of process owner>") })
    #expect(findings.contains { $0.path.contains("SOP-002") && $0.message.contains("'TBD'") })
    #expect(findings.contains { $0.path.contains("SOP-002") && $0.message.contains("[insert reference") })
    #expect(findings.contains { $0.path.contains("SOP-002") && $0.message.contains("guidance") })
    #expect(findings.allSatisfy { $0.severity == .error })
  }

  @Test("A reference by title to a document that does not exist is a warning")
  func titleReferences() throws {
    let findings = try Self.report().findings.filter { $0.rule == "broken-reference" }
    // "the Management Review procedure" is not reported: the form titled "Management review checklist"
    // holds both words, and titles are matched by their words, not by document type.
    #expect(findings.map(\.excerpt).sorted() == ["SOP Internal Auditing", "the Training procedure"])
    #expect(findings.first?.severity == .warning)
  }

  @Test("Columns count characters of the source line, after § and escapes")
  func columns() throws {
    let text = ExampleRepository.procedure(records: "Per IEC 62304 §5 and \\[A\\] see QP-404 now.")
    let finding = try #require(lint(text, rule: "broken-reference").first)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false)[finding.line - 1]
    let column = line.distance(from: line.startIndex, to: line.range(of: "QP-404")!.lowerBound) + 1
    #expect(finding.column == column)
  }
}
