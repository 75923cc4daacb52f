/// Finds acronyms a new starter may not know: used without being spelled out.
enum UndefinedAcronymRule: DocumentRule {
  static let id = "undefined-acronym"
  static let summary =
    "An acronym (QMO, SWMS) used without being spelled out at its first use or in a glossary section."
  static let rationale = """
    Plain-language guidelines (and ASD-STE100's rule to use only approved abbreviations) ask writers to \
    spell out an abbreviation the first time it is used: a new employee does not know that the QMO is the \
    quality management officer, and has nobody to ask on a night shift. An acronym is a word of 2 to 6 \
    capitals (a plural `s` allowed), outside headings, code and quotes. It is defined when one of its uses \
    stands in brackets after the words it stands for ("Quality Management Officer (QMO)"), or is followed by \
    words whose initials spell it ("QMO (Quality Management Officer)", "QMO: Quality Management Officer"; \
    not "QMO: reviews every CAPA"), or when it appears under a heading named Glossary, Definitions, \
    Abbreviations, Acronyms or Terms. Well-known ones (standards bodies such as ISO, IEC, EN, AS, BS, and \
    PDF, ID, IT, CEO, HR, EU, UK, US, \
    URL, OK), terms listed in sop.yml under `lint: known-terms: [QMO, SWMS]`, type prefixes from sop.yml, \
    Roman numerals and words written in capitals for emphasis \
    (NOT, MUST, NEVER, WARNING) are not reported. Each acronym is reported once, at its first use.
    """
  static let defaultSeverity = Severity.suggestion

  static let passingExamples = [
    ExampleRepository.procedure(),
    ExampleRepository.procedure(
      purpose: """
        The Quality Management Officer (QMO) keeps our test gear accurate. The QMO signs the register. Read \
        the SWMS (Safe Work Method Statement) first.
        """,
      records: "Keep the ISO 17025 reports as PDF files. Do NOT throw them away."),
    // Real-world shape: a glossary at the end.
    ExampleRepository.procedure(
      purpose: "The QMO keeps our test gear accurate.",
      extra: """
        ## Glossary

        - **QMO:** Quality Management Officer.
        """),
  ]
  static let failingExamples = [
    ExampleRepository.procedure(
      purpose: "The QMO keeps our test gear accurate. Check the SWMS before work starts."),
    // Real-world shape: a role named by its acronym in the responsibilities is not a definition.
    ExampleRepository.procedure(
      purpose: """
        This procedure keeps our test gear accurate.

        - **QMO:** reviews every calibration record.
        """),
  ]

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    let prose = document.prose
    guard !prose.capitalWords.isEmpty else { return [] }
    let glossarySections = Set(
      document.headings.indices.filter { isGlossary(document.headings[$0].text) })
    var prefixes = Set(context.policy?.types.values.map(\.prefix) ?? [])
    prefixes.formUnion(context.policy?.lint.knownTerms ?? [])
    var defined = Set<String>()
    var firstUse: [String: (word: Int, unit: Int)] = [:]
    var order: [String] = []
    prose.bytes.withUnsafeBufferPointer { bytes in
      var unitIndex = 0
      for wordIndex in prose.capitalWords {
        while prose.units[unitIndex].words.upperBound <= wordIndex { unitIndex += 1 }
        let unit = prose.units[unitIndex]
        let word = prose.words[wordIndex]
        guard let acronym = acronym(in: bytes, word.start..<word.end) else { continue }
        if unit.section >= 0, glossarySections.contains(unit.section) || isInGlossary(unit.section, document) {
          defined.insert(acronym)
          continue
        }
        if case .heading = unit.kind { continue }
        guard !unit.isQuoted, !known.contains(acronym), !prefixes.contains(acronym) else { continue }
        if isDefinition(wordIndex, word: word, unit: unit, in: bytes, prose: prose) {
          defined.insert(acronym)
        } else if firstUse[acronym] == nil {
          firstUse[acronym] = (wordIndex, unitIndex)
          order.append(acronym)
        }
      }
    }
    return order.compactMap { acronym in
      guard !defined.contains(acronym), let use = firstUse[acronym] else { return nil }
      return context.finding(
        .suggestion, at: prose.position(ofWord: use.word, in: prose.units[use.unit]),
        "'\(acronym)' is not spelled out: write it in full at its first use, e.g. 'Full Name (\(acronym))', "
          + "or list it under a Glossary heading",
        excerpt: acronym)
    }
  }

  /// The acronym a word is (its capitals without a plural `s`), or nil.
  private static func acronym(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
    var end = range.upperBound
    if end - range.lowerBound > 2, bytes[end - 1] == UInt8(ascii: "s") { end -= 1 }
    guard end - range.lowerBound <= 6 else { return nil }
    for index in range.lowerBound..<end where bytes[index] &- 0x41 >= 26 { return nil }
    let text = String(decoding: bytes[range.lowerBound..<end], as: UTF8.self)
    return text.allSatisfy({ "IVXLC".contains($0) }) ? nil : text
  }

  /// Whether this use defines the acronym: "(QMO)" right after words, or "QMO (" followed by words.
  private static func isDefinition(
    _ index: Int, word: Prose.Word, unit: Prose.Unit, in bytes: UnsafeBufferPointer<UInt8>, prose: Prose
  ) -> Bool {
    let before = word.start > unit.bytes.lowerBound ? bytes[word.start - 1] : 0
    let after = word.end < unit.bytes.upperBound ? bytes[word.end] : 0
    if before == UInt8(ascii: "("), after == UInt8(ascii: ")") || after == UInt8(ascii: "s"),
      index > unit.words.lowerBound
    {
      return true
    }
    // "QMO (Quality Management Officer)", "QMO: Quality Management Officer" or "QMO – Quality …": the
    // words after it must spell it ("**QMO:** reviews every CAPA" is a role, not a definition).
    let letters = Array(String(decoding: bytes[word.start..<word.end], as: UTF8.self).utf8.prefix { $0 &- 0x41 < 26 })
    var initials: [UInt8] = []
    var next = index + 1
    while next < unit.words.upperBound, initials.count < letters.count, next - index <= letters.count + 3 {
      let start = prose.words[next].start
      let lowered = prose.lowercased(word: next)
      if !smallWords.contains(lowered) {
        initials.append(bytes[start] &- 0x61 < 26 ? bytes[start] - 0x20 : bytes[start])
      }
      next += 1
    }
    return initials == letters
  }

  /// Words an acronym usually skips ("Safe Work Method Statement" is SWMS; "Bill of Materials" is BOM).
  private static let smallWords: Set<String> = ["of", "and", "the", "for", "to", "in", "on", "a", "an", "&"]

  /// Whether a heading names a glossary.
  private static func isGlossary(_ heading: String) -> Bool {
    let text = heading.lowercased()
    return glossaryWords.contains { text.contains($0) }
  }

  /// Whether section `index` lies under a glossary heading of a higher level.
  private static func isInGlossary(_ index: Int, _ document: LintDocument) -> Bool {
    var level = document.headings[index].level
    var current = index - 1
    while current >= 0, level > 1 {
      if document.headings[current].level < level {
        if isGlossary(document.headings[current].text) { return true }
        level = document.headings[current].level
      }
      current -= 1
    }
    return false
  }

  private static let glossaryWords = ["glossary", "definition", "abbreviation", "acronym", "terms"]

  /// Acronyms every reader knows, and words written in capitals for emphasis.
  private static let known: Set<String> = [
    "ISO", "IEC", "EN", "DIN", "ASTM", "ANSI", "AS", "NZS", "BS", "UL", "CSA", "NFPA", "PDF", "ID", "IT", "OK", "CEO",
    "HR", "EU", "UK", "US", "USA",
    "URL", "FAQ", "PC", "QR", "AM", "PM", "TV", "GPS", "USB", "CC", "BY", "TBD", "TBC", "TBA", "TODO", "FIXME",
    "XXX", "NOT", "MUST", "DO", "NO", "STOP", "WARNING", "CAUTION", "NOTE", "DANGER", "ALL", "NEVER", "ONLY",
    "AND", "OR", "THE", "IF", "YES", "ON", "OFF", "IN", "OUT", "UP", "TO", "AT", "BE", "IS", "A", "AN", "OF",
    "FOR", "WITH", "NEW", "OLD", "SHALL", "SHOULD", "MAY", "NA",
  ]
}
