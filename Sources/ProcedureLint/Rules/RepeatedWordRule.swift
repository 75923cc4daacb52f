/// Checks for a word written twice in a row ("are are").
enum RepeatedWordRule: DocumentRule {
  static let id = "repeated-word"
  static let summary =
    "A word written twice in a row (\"are are\", \"to to\") with only spaces or a line break between."
  static let rationale = """
    A doubled word is the typo a reader stumbles on and a spell checker passes, since each word is spelled \
    right; it is easy to make when a line is edited or wrapped. On the ten blind corpora of round fifteen \
    (150 third-party procedures, issue 14), judges named three as misses a tool could catch ("They are are \
    responsible", "This list is is not inclusive", "Get teams to to submit"), and no doubled word in those \
    documents was meant. Words doubled on purpose are left alone: "that that", "had had", "do do" and a \
    short list of interjections and intensifiers ("no no", "bye bye", "very very", "much much"); so are two \
    capitalised words ("Walla Walla", "Bora Bora": names), a pair whose second word starts with a capital \
    ("THE THE"), a capitalised word before itself in lower case unless it is a short word that opens \
    sentences ("Sprattus sprattus", a species name, in a qPCR protocol's table on the thirtieth blind \
    check; "The the" is still a slip), words with punctuation, inline code, an image or HTML between them, single letters other \
    than "a" (list labels, variables) and words that are not wholly ASCII letters (numbers, ids, Chinese and \
    Japanese). A warning: the page reads wrong, though nothing in it is missing.
    """
  static let defaultSeverity = Severity.warning

  static let passingExamples = [
    ExampleRepository.procedure(),
    // Words doubled on purpose, names, and doubles split by punctuation or inline code.
    ExampleRepository.procedure(
      purpose: """
        This procedure keeps our test gear accurate. We found that that gauge had had no check for a year. \
        The Walla Walla office follows it too. Keep each gauge clean. Clean gauges read true. Set the meter \
        to `fast` to save its battery.
        """),
    // Real-world shape (a qPCR protocol's table of standards, the thirtieth blind check): species names.
    ExampleRepository.procedure(
      extra: """
        | Species | Copies |
        | --- | --- |
        | _Sprattus sprattus_ | 88 |
        | _Rattus rattus_ | 278 |
        """),
  ]
  static let failingExamples = [
    // Real-world shape (an equipment-reassignment guide, the nineteenth blind check).
    ExampleRepository.procedure(
      purpose: "This procedure keeps our test gear accurate. Site supervisors are are responsible for it."),
    // Real-world shape (a hackathon set-up guide, the twenty-third blind check): in a step.
    ExampleRepository.procedure(
      steps: """
        1. Check the due date on the gauge label.
        2. Ask the site supervisor to to send the gauge to the lab a week before that date.
        """),
    // A slip at the start of a sentence.
    ExampleRepository.procedure(purpose: "This procedure keeps our test gear accurate. The the gauges go to the lab."),
    // Doubled across a wrapped line.
    ExampleRepository.procedure(
      steps: """
        1. Check the due date on the
           the gauge label.
        2. Write the new due date in the register.
        """),
  ]

  /// Words that are doubled on purpose: "that that", "had had", "what you do do", and interjections and
  /// intensifiers written twice.
  static let meantTwice: Set<String> = [
    "that", "had", "do", "bye", "ha", "no", "so", "very", "really", "much", "many", "far", "long", "yeah", "tut",
    "knock", "chop", "well", "now", "there", "blah", "hush", "tick", "bang", "ho", "hip", "ding", "ah", "oh",
    "wow", "la", "go", "boo", "pooh", "ta", "yes",
  ]

  /// Short words that open sentences, doubled by a slip at the start of one ("The the gauge …").
  static let sentenceOpeners: Set<String> = [
    "the", "a", "an", "to", "of", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "is", "are",
    "was", "were", "be", "it", "its", "this", "these", "those", "we", "you", "they", "he", "she", "if", "as", "all",
    "each", "any", "our", "your", "their", "when", "then", "please", "check", "make", "not",
  ]

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    let prose = document.prose
    var findings: [Finding] = []
    for unit in prose.units where unit.words.count > 1 {
      for first in unit.words.lowerBound..<(unit.words.upperBound - 1) where isDoubled(first, in: unit, prose) {
        let word = prose.text(ofWord: first + 1)
        findings.append(
          context.finding(
            .warning, at: prose.position(ofWord: first + 1, in: unit),
            "'\(prose.text(ofWord: first)) \(word)': the word '\(word)' is written twice; delete one",
            excerpt: prose.excerpt(words: unit.words)))
      }
    }
    return findings
  }

  /// Whether word `first` and the next are the same word, written twice by mistake.
  private static func isDoubled(_ first: Int, in unit: Prose.Unit, _ prose: Prose) -> Bool {
    let (one, two) = (prose.words[first], prose.words[first + 1])
    let length = one.end - one.start
    guard length == two.end - two.start, length > 1 || (prose.bytes[one.start] | 0x20) == UInt8(ascii: "a")
    else { return false }
    // Only spaces between them, and the same letters in any case.
    guard prose.bytes[one.end..<two.start].allSatisfy({ $0 == 0x20 }) else { return false }
    for offset in 0..<length {
      let (a, b) = (prose.bytes[one.start + offset], prose.bytes[two.start + offset])
      guard (a | 0x20) &- 0x61 < 26, (a | 0x20) == (b | 0x20) else { return false }
    }
    // "Walla Walla", "THE THE": a second word with a capital is a name or shouting, not a slip.
    guard prose.bytes[two.start] &- 0x61 < 26 else { return false }
    let lowercased = prose.lowercased(word: first)
    guard !meantTwice.contains(lowercased) else { return false }
    // "Sprattus sprattus", "Rattus rattus": a capitalised word before itself in lower case is a species name
    // (thirtieth blind check), unless it is a short word that opens sentences ("The the", "To to").
    if prose.bytes[one.start] &- 0x41 < 26, !sentenceOpeners.contains(lowercased) { return false }
    // Inline code, an image or HTML between the words leaves only a space in the prose: the words must stand
    // in one piece of text, or the second must open the next line (a wrapped line, which adds one space).
    let segment = prose.segment(ofByte: one.start, in: unit)
    let next = prose.segment(ofByte: two.start, in: unit)
    guard segment != next else { return true }
    return prose.segments[next].offset == two.start && two.start == one.end + 1
      && prose.segments[next].line > prose.segments[segment].line
  }
}
