import DocumentModel

/// Checks that a document has the H2 sections its type requires.
enum RequiredSectionsRule: DocumentRule {
  static let id = "required-sections"
  static let summary =
    "H2 sections a type requires (procedures: Purpose, Scope, Responsibilities, Procedure, Records)."
  static let rationale = """
    ISO 9001:2015 clause 7.5.2 b) asks for an appropriate format; a fixed set of sections lets readers \
    find the scope, who is responsible and which records to keep in every procedure. The sections come \
    from `required-sections` of the type in sop.yml (a `procedure` without it needs Purpose, Scope, \
    Responsibilities, Procedure and Records); `section-aliases` lists other accepted headings. Matching \
    ignores case, order, leading numbers ("2. Scope") and a trailing colon.
    """
  static let defaultSeverity = Severity.error

  /// The sections a procedure needs when sop.yml does not say.
  static let procedureDefault = ["Purpose", "Scope", "Responsibilities", "Procedure", "Records"]

  static let passingExamples = [
    ExampleRepository.procedure(),
    ExampleRepository.document(
      id: "WI-010", title: "Pour a slab", type: "work-instruction",
      body: """
        # Pour a slab

        ## 1. Purpose

        This instruction shows how to pour a slab.

        ## 2. Method

        1. Wet the forms.
        2. Pour from the far corner.
        """),
  ]
  static let failingExamples = [
    ExampleRepository.document(
      body: """
        # Calibrate test gear

        ## Purpose

        This procedure keeps our test gear accurate.

        ## Procedure

        1. Send the gauge to the lab.
        """)
  ]

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    guard let type = document.typeName, let required = requiredSections(type: type, policy: context.policy)
    else { return [] }
    let aliases = context.policy?.types[type]?.sectionAliases ?? [:]
    // An array, searched in turn: a document has a few sections, and a set of them cost more to build (hashing
    // every name) than the few comparisons it saves.
    let present = document.headings.compactMap { $0.level == 2 ? normalized($0.text) : nil }
    let anchor = document.headings.first { $0.level == 1 }?.start ?? document.bodyStart
    var findings: [Finding] = []
    // Made once, for the first missing section: most documents miss none, and some miss several.
    var requiredList: String?
    for section in required {
      // The section's name normalised once, not again for every alias or document heading it is compared with.
      let key = normalized(section)
      guard !present.contains(key) else { continue }
      let others = aliases.first { normalized($0.key) == key }?.value ?? []
      guard !others.contains(where: { present.contains(normalized($0)) }) else { continue }
      if requiredList == nil { requiredList = required.joined(separator: ", ") }
      var message = "add a '## \(section)' section: type '\(type)' requires \(requiredList ?? "")"
      if !others.isEmpty {
        message += " ('\(section)' may also be headed \(others.map { "'\($0)'" }.joined(separator: " or ")))"
      }
      findings.append(context.finding(.error, at: anchor, message, excerpt: section))
    }
    return findings
  }

  /// The sections a type requires (procedures get the default five when sop.yml lists none), or nil.
  static func requiredSections(type: String, policy: Policy?) -> [String]? {
    let definition = policy?.types[type]
    guard let required = definition?.requiredSections ?? (type == "procedure" ? procedureDefault : nil),
      !required.isEmpty
    else { return nil }
    return required
  }

  /// Lowercased, without leading numbering ("2.", "2.1", "2)") or a trailing colon, spaces collapsed.
  static func normalized(_ heading: String) -> String {
    // Written straight into the result (a heading of up to 15 bytes becomes a small string, with no heap
    // allocation): every document's headings and the required names are normalised on every run.
    var heading = heading
    var hasNonASCII = false
    let text = heading.withUTF8 { bytes in
      String(unsafeUninitializedCapacity: bytes.count) { result in
        var start = 0
        if let first = bytes.first, first >= 0x30 && first <= 0x39 {
          while start < bytes.count,
            (bytes[start] >= 0x30 && bytes[start] <= 0x39) || bytes[start] == 0x2E || bytes[start] == 0x29
          {
            start += 1
          }
        }
        var count = 0
        for byte in bytes[start...] {
          if byte == 0x20 || byte == 0x09 {
            if count > 0, result[count - 1] != 0x20 {
              result[count] = 0x20
              count += 1
            }
          } else {
            if byte >= 0x80 { hasNonASCII = true }
            result[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            count += 1
          }
        }
        while count > 0, result[count - 1] == 0x20 || result[count - 1] == UInt8(ascii: ":") { count -= 1 }
        return count
      }
    }
    return hasNonASCII ? text.lowercased() : text
  }

}
