import Foundation
import Testing

@testable import ProcedureLint

@Suite("Control comments")
struct ControlCommentTests {
  private let longStep =
    "Check the due date on the gauge label and, if the date is less than one week away, send it to the lab today with the form, the old certificate, the last two readings and its note for the lab."

  private func rules(_ steps: String, extra: String = "") -> [String] {
    lint(ExampleRepository.procedure(steps: steps, extra: extra)).map(\.rule)
  }

  @Test("disable … enable silences a range for the named rules only")
  func range() {
    let steps = """
      <!-- sop-lint-disable sentence-length, one-instruction -->

      1. \(longStep)
      2. Open the valve, then close it.

      <!-- sop-lint-enable sentence-length -->

      3. \(longStep)
      4. Open the valve, then close it.
      """
    let findings = lint(ExampleRepository.procedure(steps: steps))
    #expect(findings.filter { $0.rule == "sentence-length" }.count == 1)
    #expect(findings.filter { $0.rule == "one-instruction" }.isEmpty)
  }

  @Test("disable-next-line silences the next non-blank line")
  func nextLine() {
    let steps = """
      <!-- sop-lint-disable-next-line sentence-length -->

      1. \(longStep)
      2. \(longStep)
      """
    #expect(rules(steps).filter { $0 == "sentence-length" }.count == 1)
  }

  @Test("disable-file silences everywhere, front matter included; no names means every rule")
  func file() {
    let text = ExampleRepository.procedure(
      related: "[QP-404]", steps: "1. \(longStep)",
      extra: "<!-- sop-lint-disable-file broken-reference sentence-length -->")
    #expect(lint(text).filter { ["broken-reference", "sentence-length"].contains($0.rule) }.isEmpty)
    let all = ExampleRepository.procedure(
      related: "[QP-404]", steps: "1. \(longStep)", extra: "<!-- sop-lint-disable-file -->")
    #expect(lint(all).isEmpty)
  }

  @Test("disable without names, then enable one rule")
  func allThenOne() {
    let steps = """
      <!-- sop-lint-disable -->
      <!-- sop-lint-enable sentence-length -->

      1. \(longStep)
      2. Open the valve, then close it.
      """
    let found = Set(rules(steps))
    #expect(found.contains("sentence-length"))
    #expect(!found.contains("one-instruction"))
  }

  @Test("Comments in code blocks are not directives")
  func inCode() {
    let steps = "```\n<!-- sop-lint-disable-file -->\n```\n\n1. \(longStep)"
    #expect(rules(steps).contains("sentence-length"))
  }

  @Test("Directives are parsed with their lines")
  func parsing() {
    let directives = ControlComments.parse(
      "<!-- sop-lint-disable a b -->\n<!--\n sop-lint-enable\n a -->\n<!-- other -->", startLine: 10)
    #expect(directives.map(\.action) == [.disable, .enable])
    #expect(directives.map(\.rules) == [["a", "b"], ["a"]])
    #expect(directives.map(\.line) == [10, 11])
    #expect(directives.map(\.endLine) == [10, 13])
  }
}
