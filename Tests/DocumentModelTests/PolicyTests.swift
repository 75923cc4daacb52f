import DocumentModel
import Foundation
import Testing

@Suite("sop.yml policy")
struct PolicyTests {
  let yaml = """
    version: 1
    organisation: Acme Builders Pty Ltd
    people:
      - email: alice@acme.example
        name: Alice Nguyen
        roles: [quality, admin]
        keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA alice@laptop"]
      - email: bob@acme.example
        name: no
        roles: [operations]
    types:
      procedure:
        prefix: QP
        approvals: [quality, owner]
        review-every: 12 months
        required-sections: [Purpose, Scope]
    documents: ["**/*.md"]
    """

  func failure(_ text: String) -> DocumentModelError? {
    do {
      _ = try Policy.decode(yaml: text)
      return nil
    } catch {
      return error
    }
  }

  @Test("The documented keys decode into typed values with defaults")
  func decodes() throws {
    let policy = try Policy.decode(yaml: yaml)
    #expect(policy.organisation == "Acme Builders Pty Ltd")
    #expect(policy.people[1].name == "no")
    #expect(policy.types["procedure"]?.reviewEvery == ReviewInterval(count: 12, unit: .months))
    #expect(policy.allowsSelfApproval == false)
    #expect(policy.policyApprovals == 1)
    #expect(policy.publishRoles == ["admin"])
    #expect(policy.person(email: "ALICE@acme.example")?.name == "Alice Nguyen")
    #expect(policy.typeName(forPrefix: "QP") == "procedure")
  }

  @Test("A typo'd key is an error naming the key and its line, with a suggestion")
  func typo() {
    let broken = failure(yaml.replacingOccurrences(of: "approvals: [quality, owner]", with: "aprovals: [quality]"))
    guard case .unknownKey(_, 14, "types.procedure.aprovals", let hint)? = broken else {
      Issue.record("got \(String(describing: broken))")
      return
    }
    #expect(hint == "did you mean 'approvals'?")
    #expect(failure(yaml + "\nreviewers: 2\n")?.line == 18)
  }

  @Test("Wrong types and values name the key and line")
  func invalidValues() {
    let interval = failure(yaml.replacingOccurrences(of: "12 months", with: "yearly"))
    #expect(interval?.key == "types.procedure.review-every")
    #expect(interval?.line == 15)
    #expect(failure(yaml.replacingOccurrences(of: "version: 1", with: "version: 2"))?.key == "version")
    #expect(failure(yaml.replacingOccurrences(of: "roles: [operations]", with: "roles: operations"))?.line == 10)
    let duplicate = failure(yaml.replacingOccurrences(of: "bob@acme.example", with: "alice@acme.example"))
    #expect(duplicate?.message.contains("listed twice") == true)
  }

  @Test("Malformed YAML in sop.yml reports its line")
  func malformed() {
    let broken = failure("version: 1\norganisation: [unclosed\npeople: []\n")
    guard case .malformedYAML(_, let line, _, _)? = broken else {
      Issue.record("got \(String(describing: broken))")
      return
    }
    #expect(line >= 2)
  }

  @Test("Review intervals add calendar periods in UTC")
  func intervals() {
    let start = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14
    let later = ReviewInterval("12 months")!.adding(to: start)
    #expect(later.timeIntervalSince(start) == 366 * 86_400)
    #expect(ReviewInterval("1 year") == ReviewInterval(count: 1, unit: .years))
    #expect(ReviewInterval("soon") == nil)
  }

  @Test("Document selection skips README, CHANGELOG and templates, and honours globs")
  func selection() {
    let all = DocumentSelection(patterns: nil)
    #expect(all.includes("procedures/qp-1.md"))
    #expect(!all.includes("README.md") && !all.includes("docs/CHANGELOG.md") && !all.includes("templates/form.md"))
    #expect(!all.includes("notes.txt"))
    let narrow = DocumentSelection(patterns: ["procedures/**/*.md", "*.md"])
    #expect(narrow.includes("procedures/a/b/qp.md") && narrow.includes("procedures/qp.md"))
    #expect(narrow.includes("top.md"))
    #expect(!narrow.includes("forms/f.md"))
  }
}
