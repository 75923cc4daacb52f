/// Checks for passive clauses: in each step, and their share of all sentences.
enum PassiveVoiceRule: DocumentRule {
  static let id = "passive-voice"
  static let summary =
    "Passive clauses (\"is checked\"): a suggestion on each step, a warning when over 15% of sentences."
  static let rationale = """
    ASD-STE100 section 3 asks for the active voice in procedural writing, and plain-language guidelines \
    ask for it everywhere: "The form is signed" hides who signs it. In a step, the reader must know who \
    acts. A clause counts as passive when a form of "be" is followed, within two adverbs, by a past \
    participle (a word ending in -ed or a common irregular one such as "done", "made", "kept").
    """
  static let defaultSeverity = Severity.suggestion
  static let options = [
    RuleOption(name: "share", defaultValue: 15, summary: "warn when more than this percentage of sentences is passive")
  ]

  static let passingExamples = [ExampleRepository.procedure()]
  static let failingExamples = [
    ExampleRepository.procedure(
      steps: """
        1. The due date on the gauge label is checked.
        2. Send the gauge to the lab a week before that date.
        3. Write the new due date in the register.
        """),
    ExampleRepository.procedure(
      purpose: "Test gear is kept accurate by this procedure. Gauges are sent to the lab.",
      records: "Lab reports are kept for seven years."),
  ]

  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    let prose = document.prose
    var findings: [Finding] = []
    var reportedSteps = Set<Int>()
    var passive = 0
    var firstPassive: (word: Int, unit: Int)?
    for sentence in prose.sentences {
      guard let word = passiveClause(in: sentence.words, prose: prose) else { continue }
      passive += 1
      if firstPassive == nil { firstPassive = (word, sentence.unit) }
      let unit = prose.units[sentence.unit]
      guard let step = unit.step, reportedSteps.insert(step).inserted else { continue }
      let phrase = "\(prose.text(ofWord: word)) \(prose.text(ofWord: participle(after: word, prose: prose)))"
      findings.append(
        context.finding(
          .suggestion, at: prose.position(ofWord: word, in: unit),
          "this step uses the passive voice ('\(phrase)'): start it with the action ('Check …') or say who acts",
          excerpt: prose.excerpt(words: sentence.words)))
    }
    let total = prose.sentences.count
    let limit = context.option("share")
    if let firstPassive, total > 0 {
      let share = TextMetrics.oneDecimal(Double(passive) * 100 / Double(total))
      if share > limit {
        findings.append(
          context.finding(
            .warning, at: prose.position(ofWord: firstPassive.word, in: prose.units[firstPassive.unit]),
            "\(TextMetrics.decimal(share))% of sentences are passive (\(passive) of \(total)); keep it to "
              + "\(TextMetrics.decimal(limit))% or less: say who does each action",
            metrics: ["share": share, "passive": Double(passive), "sentences": Double(total), "max": limit]))
      }
    }
    return findings
  }

  /// The word index of the "be" that starts the first passive clause of a sentence.
  static func passiveClause(in words: Range<Int>, prose: Prose) -> Int? {
    prose.bytes.withUnsafeBufferPointer { bytes in
      for index in words where isBe(prose.words[index], in: bytes) {
        var next = index + 1
        var adverbs = 0
        while next < words.upperBound, adverbs < 2, isAdverb(next, prose: prose) {
          next += 1
          adverbs += 1
        }
        if next < words.upperBound, isParticiple(next, prose: prose) { return index }
      }
      return nil
    }
  }

  private static func participle(after be: Int, prose: Prose) -> Int {
    var next = be + 1
    while next < prose.words.count, !isParticiple(next, prose: prose) { next += 1 }
    return min(next, prose.words.count - 1)
  }

  /// Whether a word is a form of "be", compared byte by byte (this runs on every word).
  private static func isBe(_ word: Prose.Word, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let length = word.end - word.start
    guard length >= 2, length <= 5 else { return false }
    switch bytes[word.start] | 0x20 {
    case UInt8(ascii: "a"), UInt8(ascii: "i"), UInt8(ascii: "w"), UInt8(ascii: "b"): break
    default: return false
    }
    outer: for form in beForms where form.count == length {
      for offset in 0..<length {
        let byte = bytes[word.start + offset]
        if form[offset] != (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) { continue outer }
      }
      return true
    }
    return false
  }

  private static func isAdverb(_ index: Int, prose: Prose) -> Bool {
    let text = prose.lowercased(word: index)
    return (text.hasSuffix("ly") && text.count > 3) || adverbs.contains(text)
  }

  static func isParticiple(_ index: Int, prose: Prose) -> Bool {
    let text = prose.lowercased(word: index)
    if irregularParticiples.contains(text) { return true }
    return text.count > 3 && text.hasSuffix("ed") && !notParticiples.contains(text)
  }

  private static let beForms: [[UInt8]] = ["am", "is", "are", "was", "were", "be", "been", "being"].map {
    Array($0.utf8)
  }
  private static let adverbs: Set<String> = [
    "not", "also", "then", "always", "never", "often", "still", "all", "only", "first", "then", "again",
  ]
  private static let notParticiples: Set<String> = [
    "need", "feed", "seed", "speed", "exceed", "proceed", "succeed", "indeed", "embed", "shed", "hundred",
    "bed", "red", "bleed", "breed", "greed", "tired", "sacred", "naked", "wicked", "rugged", "ragged",
  ]
  private static let irregularParticiples: Set<String> = [
    "done", "made", "given", "taken", "written", "seen", "known", "shown", "sent", "kept", "held", "found",
    "built", "brought", "bought", "caught", "taught", "told", "sold", "left", "lost", "paid", "put", "set",
    "cut", "worn", "torn", "drawn", "driven", "eaten", "fallen", "forgotten", "frozen", "hidden", "spoken",
    "stolen", "thrown", "begun", "broken", "chosen", "hung", "shut", "split", "spread", "struck", "stuck",
    "understood", "withdrawn", "undertaken", "overseen", "forbidden", "bound", "led", "met", "meant", "dealt",
    "heard", "laid", "said", "sought", "spent", "swept", "thought", "upheld", "withheld", "got", "gotten",
    "read", "run", "won", "fed", "hit", "let", "rung", "sworn", "woven", "arisen", "beaten", "bent", "fit",
  ]
}
