import DocumentModel
import Foundation

/// The small repository every rule example is linted in; `docs/lint.md` shows it.
enum ExampleRepository {
  /// The `sop.yml` the examples use.
  static let policyYAML = """
    version: 1
    organisation: Example Builders
    people:
      - {email: maria@example.com, name: Maria Lopez, roles: [quality, admin]}
      - {email: tom@example.com, name: Tom Becker, roles: [operations]}
    types:
      procedure: {prefix: QP, approvals: [quality, owner]}
      work-instruction:
        prefix: WI
        approvals: [quality, owner]
        required-sections: [Purpose, Steps]
        section-aliases: {Steps: [Method]}
      form: {prefix: F, approvals: [quality]}
      manual: {prefix: QM, approvals: [quality, owner, admin]}
    """

  /// The same policy, built directly (a test checks it equals the decoded YAML).
  static let policy = Policy(
    organisation: "Example Builders",
    people: [
      Person(email: "maria@example.com", name: "Maria Lopez", roles: ["quality", "admin"]),
      Person(email: "tom@example.com", name: "Tom Becker", roles: ["operations"]),
    ],
    types: [
      "procedure": DocumentType(prefix: "QP", approvals: ["quality", "owner"]),
      "work-instruction": DocumentType(
        prefix: "WI", approvals: ["quality", "owner"], requiredSections: ["Purpose", "Steps"],
        sectionAliases: ["Steps": ["Method"]]),
      "form": DocumentType(prefix: "F", approvals: ["quality"]),
      "manual": DocumentType(prefix: "QM", approvals: ["quality", "owner", "admin"]),
    ])

  /// Documents that exist besides the example.
  static let knownDocuments: [KnownDocument] = [
    KnownDocument(id: DocumentID("QP-001")!, path: "procedures/QP-001-document-control.md", title: "Document control"),
    KnownDocument(id: DocumentID("QP-002")!, path: "procedures/QP-002-internal-audit.md", title: "Internal audit"),
    KnownDocument(
      id: DocumentID("QP-009")!, path: "procedures/QP-009-old-audit.md", status: .obsolete, title: "Old audit"),
    KnownDocument(
      id: DocumentID("F-001")!, path: "forms/F-001-nonconformance-report.md", title: "Nonconformance report"),
  ]

  /// Files in the example repository.
  static let existingPaths: Set<String> = Set(knownDocuments.map(\.path)).union(["images/site-plan.png"])

  /// Where each example is linted.
  static let examplePath = "procedures/QP-010-example.md"

  /// A linter for the examples.
  static var linter: Linter {
    Linter(policy: policy, knownDocuments: knownDocuments, existingPaths: existingPaths)
  }

  /// Where the second linted document of the examples' repository lies.
  static let companionPath = "procedures/QP-011-crane-lift-planning.md"

  /// A second procedure, linted beside every example: it spells out QMO, SWMS, CAPA, LSB and CID in its text and
  /// defines NCR in its glossary, as an organisation's documents do, so an example that leaves one of the
  /// first five unexplained is reported (`undefined-acronym` reports only acronyms another document spells
  /// out) and one that uses NCR is not.
  static let companion = document(
    id: "QP-011", title: "Plan a crane lift",
    body: """
      # Plan a crane lift

      ## Purpose

      The Quality Management Officer (QMO) checks each lift plan against the Safe Work Method Statement (SWMS). A
      failed check opens a Corrective and Preventive Action (CAPA).

      ## Scope

      It covers every crane lift on site, and the Life Sciences Building (LSB) yard.

      ## Responsibilities

      - **Quality Manager:** keeps the lift plans.

      ## Procedure

      1. Write the lift plan.
      2. Send it to the QMO.
      3. Write the crane's Crane ID (CID) on the plan.

      ## Records

      The QMO keeps each plan for seven years.

      ## Glossary

      - **NCR:** Non-Conformance Report.
      """)

  /// The findings of one example, linted as `path` beside the companion procedure, at `path` only.
  static func findings(of example: String, path: String = examplePath, linter: Linter = linter) -> [Finding] {
    linter.lint([
      LintFile(path: path, data: Data(example.utf8)), LintFile(path: companionPath, data: Data(companion.utf8)),
    ]).findings.filter { $0.path == path }
  }

  /// Front matter plus `body`.
  static func document(
    id: String = "QP-010", title: String = "Calibrate test gear", type: String = "procedure",
    owner: String = "maria@example.com", related: String? = nil, body: String
  ) -> String {
    var text = "---\nid: \(id)\ntitle: \(title)\ntype: \(type)\nowner: \(owner)\n"
    if let related { text += "related: \(related)\n" }
    return text + "---\n\n" + body
  }

  /// A procedure with the five default sections; pass the parts a rule cares about.
  static func procedure(
    id: String = "QP-010", title: String = "Calibrate test gear", related: String? = nil,
    purpose: String = "This procedure keeps our test gear accurate.",
    steps: String = """
    1. Check the due date on the gauge label.
    2. Send the gauge to the lab a week before that date.
    3. Write the new due date in the register.
    """,
    records: String = "The register keeps each lab report for seven years.", extra: String = ""
  ) -> String {
    document(
      id: id, title: title, related: related,
      body: """
        # \(title)

        ## Purpose

        \(purpose)

        ## Scope

        It covers every gauge and meter we use on site.

        ## Responsibilities

        - **Quality Manager:** keeps the register.
        - **Site supervisor:** sends gauges to the lab.

        ## Procedure

        \(steps)

        ## Records

        \(records)
        \(extra.isEmpty ? "" : "\n" + extra + "\n")
        """)
  }

  /// Sentences of plain words, `count` of them, for the length examples.
  static func filler(sentences count: Int) -> String {
    let sentences = [
      "Check the pump before each shift.", "Keep the hose off the ground.", "Tell the site lead if a seal leaks.",
      "Wear gloves when you change the filter.", "Log each check in the site diary.",
    ]
    var paragraphs: [String] = []
    var paragraph: [String] = []
    for index in 0..<count {
      paragraph.append(sentences[index % sentences.count])
      if paragraph.count == 5 {
        paragraphs.append(paragraph.joined(separator: " "))
        paragraph = []
      }
    }
    if !paragraph.isEmpty { paragraphs.append(paragraph.joined(separator: " ")) }
    return paragraphs.joined(separator: "\n\n")
  }
}
