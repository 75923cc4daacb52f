/// Finds acronyms a new starter may not know: used without being spelled out.
enum UndefinedAcronymRule: DocumentRule {
  static let id = "undefined-acronym"
  static let summary =
    "An acronym (QMO, SWMS) used without being spelled out at its first use or in a glossary section."
  static let rationale = """
    Plain-language guidelines (and ASD-STE100's rule to use only approved abbreviations) ask writers to \
    spell out an abbreviation the first time it is used: a new employee does not know that the QMO is the \
    quality management officer, and has nobody to ask on a night shift. An acronym is a word of 3 to 6 \
    capitals (a plural `s` allowed), outside headings, code and quotes. It is defined when one of its uses \
    stands in brackets after the words it stands for ("Quality Management Officer (QMO)"), or is followed by \
    words whose initials spell it ("QMO (Quality Management Officer)", "QMO: Quality Management Officer"; \
    not "QMO: reviews every CAPA"), or when a heading or the title spells it out the same way ("# \
    Corrective and Preventive Action (CAPA)"), or when it starts an entry under a heading named Glossary, \
    Definitions, Abbreviations, Acronyms or Terms. Two capitals are not an acronym to report: \
    there are only 676 pairs, and nearly all that procedures use are everyday abbreviations (ID, IT, HR, PC, \
    UV, DB, MB, VM, and PI for a lab's principal investigator); on the seven tuning sets of issue 14, 20 \
    findings of two capitals were judged, none right (10 debatable, 10 wrong). Nor is the organisation's own \
    name: an acronym that is a word of `organisation` in sop.yml, or that its capitalised words spell \
    ("Open Computing Facility" for OCF). Well-known ones are not reported: standards bodies (ISO, IEC, ASTM, ANSI), \
    everyday ones (PDF, VIP, CEO, URL, USB, GPS, SLA, CRM, ERP) and the \
    common knowledge of quality work (SOP, QMS, KPI, PPE, SDS, MSDS): on the earlier checks, SOP and \
    QMS were reported 4 times and each was judged debatable ("known to its readers"). Nor \
    are terms listed in sop.yml under `lint: known-terms: [QMO, SWMS]`, type prefixes from sop.yml, \
    Roman numerals and words written in capitals for emphasis \
    (NOT, MUST, NEVER, ONE, ANY, WARNING) are not reported. Nor are ordinary words in capitals: a word the document \
    also writes in small letters (status values such as CLOSED or ACTIVE), a short list of label words \
    (NOTE, SEE, STATUS, REVIEW, DRAFT), two or more words in capitals side by side (a shouted label such \
    as "SEE ALSO" or "NEXT SCHEDULED REVIEW"), and citations ("61 FR 52654", "21 CFR 820"). A glossary \
    defines a term only where the term starts an entry with its meaning after it (a list item, a line or \
    a table row: "**QMO** – Quality Management Officer"); a mere mention under the heading does not. \
    Nor are button names after "press", "click", "tap", "push", "hit" or "select" ("Press READ", "press \
    SAVE to keep it or EXIT to reject it"), nor shouted words and key labels in a built-in list (THANKS, \
    END, ENTER, DELETE), nor everyday acronyms readers know by their letters (PVC, LED, SQL, DNA, PCR, MFA, \
    VPN, FDA, CFR) or units (RPM, PSI, KWH). An acronym is reported only where another document of the repository spells it out \
    (round eleven, issue 14): the organisation has shown that its readers need the words, and the message \
    gives them ("'HSE' is not spelled out here, though POL-001 spells it out as 'Health, Safety and \
    Environment'"). An acronym that a glossary entry defines, in any document, is defined for every document: \
    a glossary is where the organisation sends its readers. Over the eleven judged corpora, the acronyms \
    this rule found unexplained were judged 13 right, 54 debatable and 71 wrong: nearly all were terms of the \
    readers' trade (DMSO, HEK, CVE, TBE, PLA), agencies (CDC), brands and the organisation's own places (CRB \
    Makerspace), and neither how many documents left one unexplained (round ten reported those two or more \
    documents leave; on the tenth, blind check all nine were wrong) nor how often one was used separated \
    the right ones from the rest. Whether readers know an acronym is something only the organisation \
    knows; where it has spelled one out, sop can hold the other documents to it. `sop lint FILE` reads the \
    other documents for this, so a file linted by itself gets the findings it gets in a whole run; a \
    document alone in its repository, or content checked on its own (as before an approval), reports none. \
    To report more, set `min-documents` in sop.yml (`lint: rules: undefined-acronym: {min-documents: 2}`): \
    an acronym that many documents leave unexplained is reported too, and `1` reports every unexplained \
    acronym. An acronym in the title or the H1 names what the document is \
    about ("SAFS Purchasing"), and "TAE = project ID code" says what a term means, so neither is reported. \
    Nor is an \
    acronym reported when capitalised words anywhere in the document or its title spell it by their \
    initials ("the Department of Environmental Health and Safety" for EHS, a title "Tissue Culture Room" \
    for TC), or one hyphenated word by the initials of its parts in any case ("work-in-progress" for WIP, \
    round nineteen): the reader can work it out. Each \
    acronym is reported once, at its first use.
    """
  static let defaultSeverity = Severity.suggestion
  static let options = [
    RuleOption(
      name: "min-documents", defaultValue: 0,
      summary: "also report an acronym that this many documents leave unexplained (0: only those spelled out elsewhere)"
    )
  ]

  static let passingExamples = [
    ExampleRepository.procedure(),
    ExampleRepository.procedure(
      purpose: """
        The Quality Management Officer (QMO) keeps our test gear accurate. The QMO signs the register. Read \
        the SWMS (Safe Work Method Statement) first.
        """,
      records: "Keep the ISO 17025 reports as PDF files. Do NOT throw them away."),
    // Real-world shape (a packaging maker's traceability procedure, round nineteen): a hyphenated word spells it.
    ExampleRepository.procedure(
      purpose: """
        This procedure keeps our test gear accurate. Gauges in work-in-progress areas are checked weekly. Each \
        WIP gauge carries a blue label.
        """),
    // Real-world shape: a glossary at the end.
    ExampleRepository.procedure(
      purpose: "The QMO keeps our test gear accurate.",
      extra: """
        ## Glossary

        - **QMO:** Quality Management Officer.
        """),
    // Real-world shapes (software work instructions, a Word-converted complaint procedure): status values
    // in capitals, a shouted label, a citation of the Federal Register, a glossary table.
    ExampleRepository.procedure(
      purpose: "The QMO keeps our test gear accurate.",
      steps: """
        1. Check that every time bill is POSTED.
        2. Set the call status to REOPEN when the customer calls back; reopen a call only once.

        **SEE ALSO:** the billing guide, and 61 FR 52654 for the rule.
        """,
      extra: """
        ## Definitions

        | Term | Meaning |
        | --- | --- |
        | QMO | Quality Management Officer |
        """),
    // Real-world shape (a sample ISO 13485 CAPA procedure): the acronym is spelled out only in the H1.
    // Real-world shapes (a security playbook, a lab safety protocol): a number word in capitals for emphasis,
    // and acronyms every reader knows.
    ExampleRepository.procedure(
      purpose: "Block an IP address after 100 attempts against ONE account. Wear the UV shield, VIP or not."),
    // Real-world shape (a lab's pH-meter protocol): the meter's buttons.
    ExampleRepository.procedure(
      purpose: "Press READ and wait for the number to settle. Press SAVE to keep the calibration or EXIT to reject it."),
    // Real-world shapes (a lab's scanning SOP, a waste protocol, a security playbook, a makerspace SOP):
    // words in capitals used once are names, codes and shouts more often than acronyms to spell out.
    ExampleRepository.procedure(
      purpose: """
        THANKS! Send the request form (Building: ZRC) to the MSKCC help desk. Follow the OWASP guide, and cut \
        acrylic, never PVC.
        """),
    // Real-world shape (a lab's waste guide): the name is written out in a link, not as "(EHS)".
    ExampleRepository.procedure(
      purpose: """
        Ask the [Department of Environmental Health and Safety](https://example.com/ehs) for bins. EHS \
        collects full bins; call EHS for a pickup.
        """),
    // Real-world shape (an eQMS's record-control SOP): the terms of quality work itself.
    ExampleRepository.procedure(
      purpose: """
        This SOP is part of our QMS. QA checks each batch; QC tests the samples. Wear the PPE that the SDS \
        names, and report the KPI each month.
        """),
    // Real-world shape (a university IT decommissioning checklist): a virtual machine is a VM to its readers.
    ExampleRepository.procedure(
      steps: "1. Copy the VM files to the archive disk.\n2. Delete the VM once the copy is checked."),
    // Real-world shape (an RNA extraction protocol): units are known by their letters.
    ExampleRepository.procedure(
      steps: "1. Spin the plate at 4000 RPM for 5 minutes.\n2. Spin it again at 2000 RPM for 1 minute."),
    // Real-world shape (a university lab's onboarding checklist): two capitals are an everyday abbreviation
    // (PI for the principal investigator) far more often than a term to learn.
    ExampleRepository.procedure(
      steps: "1. Meet the PI to agree your first project.\n2. Ask the PI which bench and fridge shelf are yours."),
    capaForm(title: "Corrective action report", heading: "Corrective and Preventive Action (CAPA)"),
    // The front-matter title spells it out; the H1 is short.
    capaForm(title: "Corrective and Preventive Action (CAPA) report", heading: "CAPA report"),
    // Real-world shape (a lab's purchasing page "SAFS Purchasing", an instrument's "GCMS" manual): an acronym
    // in the H1 or the title names what the document is about; whoever opens it knows what that is.
    capaForm(title: "Corrective action report", heading: "CAPA process"),
    capaForm(title: "CAPA log", heading: "Corrective action log"),
    // Real-world shape (a field sampling protocol): a code defined on its own line, "TAE = project ID code".
    ExampleRepository.procedure(
      steps: """
        1. Name each sample by its codes:
           - SWMS = the number on the signed safety plan of the task
           - 01 = the site number
        2. Write the SWMS number on the tag of each sling.
        """),
    // Real-world shape (a field lab's sample check-in): the words in brackets spell the acronym, a word in
    // capitals giving all its letters ("a CID (Collection ID)").
    ExampleRepository.procedure(
      steps: "1. Match each sample to a CID (Collection ID) before you store it.\n2. Write the CID on the tube."),
    // Real-world shapes (a lab's sample check-in, a security team's guidelines, a university's COVID plan, on
    // the tenth blind check): terms of the readers' trade and agencies, left unexplained in several documents
    // and spelled out in none, are terms its readers know.
    ExampleRepository.procedure(
      steps: """
        1. Add DMSO to 10% and store the tube at -80 °C.
        2. Ask for a CVE for each confirmed issue, and follow the CDC guidance on masks.
        """),
    // A glossary entry in another document (the companion's "**NCR:** Non-Conformance Report") defines the
    // term for every document.
    ExampleRepository.procedure(steps: "1. Raise an NCR for each faulty part.\n2. File the NCR in the register."),
    // Real-world shapes (a field sampling protocol, a makerspace's waste streams): a supplier's product and a
    // 3D-printing material, left unexplained in this document only, are terms its readers know.
    ExampleRepository.procedure(
      steps: """
        1. Add 180 µl of ATL buffer to each filter and keep the ATL buffer at room temperature.
        2. Put PLA scraps in the box by the printer; the PLA box goes out with the recycling on Fridays.
        """),
  ]
  static let failingExamples = [
    // Real-world shape (the same onboarding checklist): a building known by three capitals is a term a new
    // starter must learn; it names the doors to ask a key for.
    ExampleRepository.procedure(
      steps: "1. Ask for a key to the LSB doors on the key form.\n2. Collect the key from the LSB front desk."),
    // A section heading that names the acronym without spelling it out defines nothing (the companion
    // procedure leaves CAPA unexplained too).
    ExampleRepository.procedure(
      purpose: "This procedure keeps our test gear accurate.",
      extra: """
        ## CAPA review

        Open a CAPA for every gauge that fails twice.
        """),
    // The equals sign must be followed by words: a template's "SWMS =" left empty says nothing.
    ExampleRepository.procedure(steps: "1. SWMS =\n2. Check the SWMS before the lift."),
    ExampleRepository.procedure(
      purpose: "The QMO keeps our test gear accurate. Check the SWMS before work starts; the QMO keeps it."),
    // A button verb covers the word after it only: the QMO here is a role.
    ExampleRepository.procedure(
      steps: """
        1. Press the red button and call the QMO.
        2. Wait for the QMO.
        """),
    // The well-known list is short: a quality acronym beyond it (CAPA) must still be spelled out.
    ExampleRepository.procedure(
      purpose: "This SOP is part of our QMS. Open a CAPA for every repeated finding; close the CAPA once fixed."),
    // Real-world shape: a role named by its acronym in the responsibilities is not a definition.
    ExampleRepository.procedure(
      purpose: """
        This procedure keeps our test gear accurate.

        - **QMO:** reviews every calibration record.
        - **Technician:** sends the record to the QMO.
        """),
    // Real-world shape: a glossary that mentions the acronym without saying what it stands for.
    ExampleRepository.procedure(
      purpose: "This procedure keeps our test gear accurate.",
      extra: """
        ## Glossary

        Calibration records go to the QMO once a year, and the QMO files them.
        """),
  ]

  /// A short CAPA form whose body uses CAPA, under the given title and H1.
  private static func capaForm(title: String, heading: String) -> String {
    ExampleRepository.document(
      id: "F-010", title: title, type: "form",
      body: """
        # \(heading)

        ## Purpose

        Every CAPA starts from a complaint, an audit finding or a nonconformance. Its owner closes the CAPA.
        """)
  }

  /// The acronyms a document leaves undefined, one finding each at its first use, before the linter has read
  /// the other documents: it keeps only those `Repository` keeps (another document spells them out, or
  /// `min-documents` documents leave them unexplained).
  static func check(_ document: LintDocument, context: RuleContext) -> [Finding] {
    use(document, context: context).findings
  }

  /// What one document tells the linter about its acronyms: those it leaves unexplained (one finding each,
  /// at the first use, with the generic message), those it spells out in its text (with the words, where
  /// they can be read off) and those its glossary defines. The linter keeps a finding only where another
  /// document spells the acronym out, or where `min-documents` documents leave it unexplained.
  static func use(_ document: LintDocument, context: RuleContext) -> Use {
    var use = Use()
    let prose = document.prose
    // The title in the front matter spells out an acronym the same way: "Corrective Action (CAPA)"; it does
    // so for the other documents even when the text has no word in capitals.
    let titleSpelled = document.title.map { acronymsSpelledOut(in: $0) } ?? [:]
    use.spelledOut = titleSpelled
    guard !prose.capitalWords.isEmpty else { return use }
    // Which sections are a glossary or lie under one, worked out once: asked for every word in capitals,
    // the heading walk with its lowercasing was a tenth of lint time on long real procedures.
    let glossaryScope = glossaryScope(document)
    var prefixes = Set(context.policy?.types.values.map(\.prefix) ?? [])
    prefixes.formUnion(context.policy?.lint.knownTerms ?? [])
    var defined = Set(titleSpelled.keys)
    // An acronym in the title or the H1 names what the document is about ("SAFS Purchasing", "GCMS
    // maintenance"): whoever opens it knows what that is.
    for name in [document.title ?? ""] + document.headings.filter({ $0.level == 1 }).prefix(1).map(\.text) {
      defined.formUnion(acronymsNamed(in: name))
    }
    var firstUse: [String: (word: Int, unit: Int)] = [:]
    var order: [String] = []
    // The unit where the last button name stood: "Press SAVE to keep it or EXIT to reject it".
    var buttonUnit = -1
    var sourceLines: [Substring]?
    prose.bytes.withUnsafeBufferPointer { bytes in
      var unitIndex = 0
      for wordIndex in prose.capitalWords {
        while prose.units[unitIndex].words.upperBound <= wordIndex { unitIndex += 1 }
        let unit = prose.units[unitIndex]
        let word = prose.words[wordIndex]
        // Two capitals (VM, PI, UV, DB) are an everyday abbreviation far more often than a term to learn.
        guard let acronym = acronym(in: bytes, word.start..<word.end), acronym.utf8.count >= 3 else { continue }
        if unit.section >= 0, glossaryScope[unit.section],
          isGlossaryEntry(wordIndex, unit: unit, document: document, lines: &sourceLines)
        {
          defined.insert(acronym)
          use.glossary.insert(acronym)
          continue
        }
        // A heading is not a use to report, but it may spell the acronym out: "# Corrective and Preventive
        // Action (CAPA)" defines CAPA for the whole document, as the title does.
        if case .heading = unit.kind {
          if isDefinition(wordIndex, word: word, unit: unit, in: bytes, prose: prose) {
            defined.insert(acronym)
            if use.spelledOut[acronym] == nil {
              use.spelledOut[acronym] = expansion(wordIndex, unit: unit, in: bytes, prose: prose)
            }
          }
          continue
        }
        // "Press READ", "click SAVE or EXIT": the name of a button, written as the device shows it.
        if wordIndex > unit.words.lowerBound {
          // Compared packed: this runs for every word in capitals, so it builds no string.
          let previous = prose.packedLowercase(word: wordIndex - 1)
          if let previous,
            packedButtonVerbs.contains(previous) || (buttonUnit == unitIndex && packedJoins.contains(previous))
          {
            buttonUnit = unitIndex
            continue
          }
        }
        guard !unit.isQuoted, !known.contains(acronym), !ordinaryWords.contains(acronym),
          !prefixes.contains(acronym)
        else { continue }
        if isDefinition(wordIndex, word: word, unit: unit, in: bytes, prose: prose) {
          defined.insert(acronym)
          if use.spelledOut[acronym] == nil {
            use.spelledOut[acronym] = expansion(wordIndex, unit: unit, in: bytes, prose: prose)
          }
        } else if !isInCapitalRun(wordIndex, unit: unit, in: bytes, prose: prose),
          !isCitation(wordIndex, unit: unit, in: bytes, prose: prose)
        {
          if firstUse[acronym] == nil {
            firstUse[acronym] = (wordIndex, unitIndex)
            order.append(acronym)
          }
        }
      }
    }
    // A word in capitals that the document also writes in small letters ("CLOSED" and "closed") is an
    // ordinary word written as a status value or a label, not an acronym.
    let ordinary = writtenInSmallLetters(Set(order.filter { defined.contains($0) == false }), prose: prose)
    let titleWords = document.title.map { $0.split(separator: " ").map(String.init) } ?? []
    // The organisation's own name in sop.yml ("Open Computing Facility", "OCF staff"): its staff know it.
    let organisation = (context.policy?.organisation ?? "").split { !$0.isLetter }.map(String.init)
    var proseInitials: WordInitials?
    for acronym in order {
      guard !defined.contains(acronym), !ordinary.contains(acronym), let first = firstUse[acronym] else { continue }
      // "the Department of Environmental Health and Safety … contact EHS", a title "Tissue Culture Room"
      // over "the TC room": the words are in the document, so the reader can work the acronym out.
      let letters = Array(acronym.utf8)
      // Built once per document, at the first acronym that needs it: on long real procedures, a string
      // per word per acronym took a sixth of all lint time.
      if proseInitials == nil { proseInitials = WordInitials(prose) }
      if isSpelled(letters, in: proseInitials!) || isSpelled(letters, in: WordInitials(titleWords))
        || organisation.contains(acronym) || isSpelled(letters, in: WordInitials(organisation))
        || isHyphenSpelled(letters, prose: prose)
      {
        continue
      }
      use.findings.append(
        context.finding(
          .suggestion, at: prose.position(ofWord: first.word, in: prose.units[first.unit]),
          "'\(acronym)' is not spelled out: write it in full at its first use, e.g. 'Full Name (\(acronym))', "
            + "or list it under a Glossary heading",
          excerpt: acronym))
    }
    return use
  }

  /// What `use(_:context:)` finds in one document.
  struct Use: Sendable {
    /// One finding per acronym left unexplained, at its first use; `excerpt` is the acronym.
    var findings: [Finding] = []
    /// The acronyms the document spells out in its title, a heading or its text, each with the words it
    /// stands for ("" where they cannot be read off, as in "our own officer (QMO)").
    var spelledOut: [String: String] = [:]
    /// The acronyms an entry of its glossary defines: defined for every document of the repository.
    var glossary: Set<String> = []
  }

  /// What every document of the repository says about acronyms, and so which findings stand: an acronym a
  /// glossary entry defines is defined for every document; otherwise a document that leaves it unexplained
  /// is reported where another document spells it out (the organisation has shown that its readers need the
  /// words, and the message can give them), or where `min-documents` documents (when set) leave it
  /// unexplained.
  struct Repository {
    private var glossary = Set<String>()
    private var spelledOut: [String: (label: String, words: String)] = [:]
    private var unexplained: [String: Int] = [:]

    /// `documents`: each document's path, how messages name it (its id) and what it says.
    init(_ documents: [(path: String, label: String, use: Use)]) {
      // By path, so that the document a message names is the same whatever the order of reading.
      for document in documents.sorted(by: { $0.path < $1.path }) {
        glossary.formUnion(document.use.glossary)
        // The first document that gives the words; the first that spells it out at all if none does.
        for (acronym, words) in document.use.spelledOut {
          if let kept = spelledOut[acronym], !kept.words.isEmpty || words.isEmpty { continue }
          spelledOut[acronym] = (document.label, words)
        }
        for finding in document.use.findings { unexplained[finding.excerpt, default: 0] += 1 }
      }
    }

    /// The findings of one document's `use` that stand, with the message naming where the acronym is spelled out.
    func reported(_ findings: [Finding], minDocuments: Int) -> [Finding] {
      findings.compactMap { finding in
        let acronym = finding.excerpt
        guard !glossary.contains(acronym) else { return nil }
        if let place = spelledOut[acronym] {
          var finding = finding
          finding.message = message(acronym, spelledOutIn: place.label, as: place.words)
          return finding
        }
        return minDocuments > 0 && unexplained[acronym, default: 0] >= minDocuments ? finding : nil
      }
    }
  }

  /// The message of a finding for an acronym that `label` (another document) spells out as `words`.
  static func message(_ acronym: String, spelledOutIn label: String, as words: String) -> String {
    let full = words.isEmpty ? "Full Name (\(acronym))" : "\(words) (\(acronym))"
    let there = words.isEmpty ? "\(label) spells it out" : "\(label) spells it out as '\(words)'"
    return "'\(acronym)' is not spelled out here, though \(there): write it in full at its first use, "
      + "'\(full)', or list it under a Glossary heading"
  }

  /// The words a definition spells the acronym with: before "(QMO)", or after "QMO (", "QMO:" or "QMO =".
  private static func expansion(
    _ index: Int, unit: Prose.Unit, in bytes: UnsafeBufferPointer<UInt8>, prose: Prose
  ) -> String {
    let word = prose.words[index]
    let letters = Array(bytes[word.start..<word.end].prefix { $0 &- 0x41 < 26 })
    func text(_ from: Int, _ to: Int) -> String {
      let range = prose.words[from].start..<prose.words[to].end
      return String(decoding: bytes[range], as: UTF8.self)
    }
    let before = word.start > unit.bytes.lowerBound ? bytes[word.start - 1] : 0
    if before == UInt8(ascii: "(") {
      // "Quality Management Officer (QMO)": the shortest run of words before it whose initials spell it.
      var initials: [UInt8] = []
      var start = index - 1
      while start >= unit.words.lowerBound, index - start <= letters.count + 3 {
        let lowered = prose.lowercased(word: start)
        if !smallWords.contains(lowered) {
          // Each part of a hyphenated word gives its initial: "Non-Conformance Report" for NCR.
          let range = prose.words[start].start..<prose.words[start].end
          let parts = bytes[range].split(separator: UInt8(ascii: "-")).compactMap(\.first)
          initials.insert(contentsOf: parts.map { $0 &- 0x61 < 26 ? $0 - 0x20 : $0 }, at: 0)
        }
        if initials == letters { return text(start, index - 1) }
        start -= 1
      }
      return ""
    }
    // "QMO (Quality Management Officer)", "QMO: …", "TAE = project ID code": the words after it until they
    // give as many letters as it has, counted as `isDefinition` counts them (a word in capitals gives all
    // its letters: "CID (Collection ID)"), and no further than a closing bracket.
    let last = min(unit.words.upperBound - 1, index + letters.count + 3)
    guard last > index else { return "" }
    var initials = 0
    var end = index
    for next in (index + 1)...last where initials < letters.count {
      let (start, stop) = (prose.words[next].start, prose.words[next].end)
      if stop - start >= 2, bytes[start..<stop].allSatisfy({ $0 &- 0x41 < 26 }) {
        initials += stop - start
      } else if !smallWords.contains(prose.lowercased(word: next)) {
        initials += 1
      }
      end = next
      if stop < unit.bytes.upperBound, bytes[stop] == UInt8(ascii: ")") { break }
    }
    return text(index + 1, end)
  }

  /// Per word, what `isSpelled` looks at: the first byte, whether a small letter follows it (a
  /// capitalised word, "Environmental") and whether it is a small word ("of", "and").
  private struct WordInitials {
    var first: [UInt8] = []
    var capitalised: [Bool] = []
    var small: [Bool] = []

    init(_ prose: Prose) {
      first.reserveCapacity(prose.words.count)
      capitalised.reserveCapacity(prose.words.count)
      small.reserveCapacity(prose.words.count)
      for (index, word) in prose.words.enumerated() {
        first.append(word.end > word.start ? prose.bytes[word.start] : 0)
        capitalised.append(word.end - word.start >= 2 && prose.bytes[word.start + 1] &- 0x61 < 26)
        small.append(prose.packedLowercase(word: index).map { packedSmallWords.contains($0) } ?? false)
      }
    }

    init(_ words: [String]) {
      for word in words {
        let bytes = Array(word.utf8.prefix(2))
        first.append(bytes.first ?? 0)
        capitalised.append(bytes.count == 2 && bytes[1] &- 0x61 < 26)
        small.append(smallWords.contains(word.lowercased()))
      }
    }
  }

  /// Whether one hyphenated word of the text spells the acronym by the initials of its parts, in any case
  /// ("Work-in-Progress" or "work-in-progress" for WIP, round nineteen: judged wrong when reported).
  private static func isHyphenSpelled(_ letters: [UInt8], prose: Prose) -> Bool {
    guard letters.count >= 2 else { return false }
    for word in prose.words where word.end - word.start >= 2 * letters.count - 1 {
      let bytes = prose.bytes[word.start..<word.end]
      guard bytes.first.map({ $0 | 0x20 == letters[0] | 0x20 }) ?? false, bytes.contains(UInt8(ascii: "-"))
      else { continue }
      let parts = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
      guard parts.count == letters.count else { continue }
      if zip(parts, letters).allSatisfy({ part, letter in part.first.map { $0 | 0x20 == letter | 0x20 } ?? false }) {
        return true
      }
    }
    return false
  }

  /// Whether some run of capitalised words spells the acronym by their initials, small words skipped
  /// ("Environmental Health and Safety" for EHS).
  private static func isSpelled(_ letters: [UInt8], in words: WordInitials) -> Bool {
    guard letters.count >= 2 else { return false }
    let count = words.first.count
    var start = 0
    while start + letters.count <= count {
      defer { start += 1 }
      // A capitalised word ("Environmental"), not the acronym itself or another word in capitals.
      guard words.first[start] == letters[0], words.capitalised[start] else { continue }
      var matched = 1
      var next = start + 1
      while matched < letters.count, next < count, next - start <= letters.count + 3 {
        if words.small[next] {
          next += 1
          continue
        }
        guard words.first[next] == letters[matched] else { break }
        matched += 1
        next += 1
      }
      if matched == letters.count { return true }
    }
    return false
  }

  /// Whether a use in a glossary section is an entry: the term starts its line, list item or table
  /// cell and a definition follows it ("**QMO** – Quality Management Officer", "QMO: …", a table row).
  /// "The QMO signs the register" under a Glossary heading mentions the term; it does not define it.
  private static func isGlossaryEntry(
    _ index: Int, unit: Prose.Unit, document: LintDocument, lines: inout [Substring]?
  ) -> Bool {
    let prose = document.prose
    if case .tableCell(let isHeader) = unit.kind {
      guard !isHeader, index == unit.words.lowerBound, let row = document.markdown.nodes[unit.node].parent
      else { return false }
      let cells = document.markdown.nodes[row].children
      return cells.count >= 2 && cells.first == unit.node
    }
    guard index + 1 < unit.words.upperBound else { return false }
    if index == unit.words.lowerBound { return true }
    // The first word of a source line of the paragraph (soft line breaks are spaces in `bytes`).
    let position = prose.position(ofWord: index, in: unit)
    let lineIndex = position.line - prose.lineOffset - 1
    // Split once per document: a glossary of a hundred terms split the whole source a hundred times.
    if lines == nil { lines = prose.source.split(separator: "\n", omittingEmptySubsequences: false) }
    guard lineIndex >= 0, lineIndex < lines!.count else { return false }
    let before = lines![lineIndex].prefix(max(position.column - 1, 0))
    return before.allSatisfy { " \t*_-+>|".contains($0) || $0.isNumber || $0 == "." }
  }

  /// Whether the word stands next to another word in capitals in its unit ("SEE ALSO", "NEXT SCHEDULED
  /// REVIEW"): a shouted label, not an acronym.
  private static func isInCapitalRun(
    _ index: Int, unit: Prose.Unit, in bytes: UnsafeBufferPointer<UInt8>, prose: Prose
  ) -> Bool {
    (index > unit.words.lowerBound && isCapitals(index - 1, in: bytes, prose: prose))
      || (index + 1 < unit.words.upperBound && isCapitals(index + 1, in: bytes, prose: prose))
  }

  /// Whether a word is two or more letters, all of them ASCII capitals (digits, `-` and `'` allowed).
  private static func isCapitals(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>, prose: Prose) -> Bool {
    let word = prose.words[index]
    var letters = 0
    for offset in word.start..<word.end {
      let byte = bytes[offset]
      if byte &- 0x41 < 26 {
        letters += 1
      } else if byte &- 0x61 < 26 || byte >= 0x80 {
        return false
      }
    }
    return letters >= 2
  }

  /// Whether the word is the body of a citation: a number before it and a number, "Part" or `§` after it
  /// ("61 FR 52654", "21 CFR 820", "21 CFR Part 11").
  private static func isCitation(
    _ index: Int, unit: Prose.Unit, in bytes: UnsafeBufferPointer<UInt8>, prose: Prose
  ) -> Bool {
    guard index > unit.words.lowerBound, index + 1 < unit.words.upperBound else { return false }
    let previous = prose.words[index - 1]
    guard (previous.start..<previous.end).allSatisfy({ bytes[$0] &- 0x30 < 10 }) else { return false }
    let next = prose.words[index + 1]
    let first = bytes[next.start]
    return first &- 0x30 < 10 || prose.lowercased(word: index + 1) == "part"
      || (next.start > 0 && bytes[next.start - 1] == 0xA7)
  }

  /// The candidates that some word of the document spells in small letters ("closed", "Closed").
  private static func writtenInSmallLetters(_ candidates: Set<String>, prose: Prose) -> Set<String> {
    guard !candidates.isEmpty else { return [] }
    var packed: [UInt64: String] = [:]
    for candidate in candidates {
      if let value = Array(candidate.utf8).withUnsafeBufferPointer({ Prose.packed($0) }) { packed[value] = candidate }
    }
    var found = Set<String>()
    prose.bytes.withUnsafeBufferPointer { bytes in
      for (index, word) in prose.words.enumerated() where word.end - word.start >= 2 && word.end - word.start <= 7 {
        // A word in small letters: its second byte is a small letter.
        guard bytes[word.start + 1] &- 0x61 < 26, let value = prose.packedLowercase(word: index) else { continue }
        var key = value
        // "closed" for CLOSED; a plural "POs" was read as PO, so "pos" is not looked at.
        if let candidate = packed[key] {
          found.insert(candidate)
        } else if bytes[word.end - 1] == UInt8(ascii: "s") {
          key >>= 8
          if let candidate = packed[key] { found.insert(candidate) }
        }
      }
    }
    return found
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
    // "TAE = project ID code": an equals sign after the term, and words after it, say what it means.
    var cursor = word.end
    while cursor < unit.bytes.upperBound, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
    if cursor < unit.bytes.upperBound, bytes[cursor] == UInt8(ascii: "="), index + 1 < unit.words.upperBound {
      return true
    }
    // "QMO (Quality Management Officer)", "QMO: Quality Management Officer" or "QMO – Quality …": the
    // words after it must spell it ("**QMO:** reviews every CAPA" is a role, not a definition).
    let letters = Array(String(decoding: bytes[word.start..<word.end], as: UTF8.self).utf8.prefix { $0 &- 0x41 < 26 })
    var initials: [UInt8] = []
    var next = index + 1
    while next < unit.words.upperBound, initials.count < letters.count, next - index <= letters.count + 3 {
      let (start, end) = (prose.words[next].start, prose.words[next].end)
      let lowered = prose.lowercased(word: next)
      if end - start >= 2, bytes[start..<end].allSatisfy({ $0 &- 0x41 < 26 }) {
        // A word in capitals gives all its letters: "CID (Collection ID)" (a sample register's own code).
        initials.append(contentsOf: bytes[start..<end])
      } else if !smallWords.contains(lowered) {
        initials.append(bytes[start] &- 0x61 < 26 ? bytes[start] - 0x20 : bytes[start])
      }
      next += 1
    }
    return initials == letters
  }

  /// The words of 3 to 6 capitals in a title or heading ("SAFS" in "SAFS Purchasing"), a plural `s` dropped.
  static func acronymsNamed(in text: String) -> Set<String> {
    var found = Set<String>()
    for word in text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
      let name = word.count > 3 && word.last == "s" ? word.dropLast() : word
      if (3...6).contains(name.count), name.allSatisfy({ $0.isUppercase }) { found.insert(String(name)) }
    }
    return found
  }

  /// The acronyms a title spells out in brackets after words: "Corrective and Preventive Action (CAPA)".
  static func acronymsSpelledOut(in title: String) -> [String: String] {
    var found: [String: String] = [:]
    var rest = title[...]
    while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
      let inside = rest[rest.index(after: open)..<close]
      if open > title.startIndex, (2...6).contains(inside.count), inside.allSatisfy({ $0.isASCII && $0.isUppercase }) {
        found[String(inside)] = spelling(inside, before: title[..<open])
      }
      rest = rest[rest.index(after: close)...]
    }
    return found
  }

  /// The last words of `text` whose initials spell `acronym`, small words skipped: "Corrective and
  /// Preventive Action" before "(CAPA)"; "" when no run of them does.
  private static func spelling(_ acronym: Substring, before text: Substring) -> String {
    let words = text.split(separator: " ")
    // Compared as text: a letter whose capital is two letters ("ß", the ligature "ﬁ" of a PDF copy) cannot
    // be one Character.
    let letters = acronym.uppercased()
    var initials = ""
    for start in words.indices.reversed() where words.count - start <= acronym.count + 3 {
      let word = words[start]
      if !smallWords.contains(word.lowercased()) {
        initials = word.split(separator: "-").compactMap(\.first).map { $0.uppercased() }.joined() + initials
      }
      if initials == letters { return words[start...].joined(separator: " ") }
    }
    return ""
  }

  /// Verbs that name a button or key after them ("Press READ", "click SAVE").
  private static let packedButtonVerbs = Prose.packedSet(["press", "click", "tap", "push", "hit", "select"])
  private static let packedJoins = Prose.packedSet(["or", "and"])

  /// Words an acronym usually skips ("Safe Work Method Statement" is SWMS; "Bill of Materials" is BOM).
  private static let smallWords: Set<String> = ["of", "and", "the", "for", "to", "in", "on", "a", "an", "&"]
  private static let packedSmallWords = Prose.packedSet(smallWords)

  /// Whether a heading names a glossary.
  private static func isGlossary(_ heading: String) -> Bool {
    let text = heading.lowercased()
    return glossaryWords.contains { text.contains($0) }
  }

  /// Per section, whether its heading names a glossary or it lies under such a heading of a higher level.
  private static func glossaryScope(_ document: LintDocument) -> [Bool] {
    let headings = document.headings
    let names = headings.map { isGlossary($0.text) }
    return headings.indices.map { index in
      if names[index] { return true }
      var level = headings[index].level
      var current = index - 1
      while current >= 0, level > 1 {
        if headings[current].level < level {
          if names[current] { return true }
          level = headings[current].level
        }
        current -= 1
      }
      return false
    }
  }

  private static let glossaryWords = ["glossary", "definition", "abbreviation", "acronym", "terms"]

  /// Acronyms every reader knows, and words written in capitals for emphasis.
  private static let known: Set<String> = [
    "ISO", "IEC", "DIN", "ASTM", "ANSI", "NZS", "CSA", "NFPA", "PDF", "CEO", "USA", "URL", "FAQ", "GPS", "USB", "TBD",
    "TBC", "TBA", "TODO", "FIXME", "XXX", "NOT", "MUST", "STOP", "WARNING", "CAUTION", "NOTE", "DANGER", "ALL",
    "NEVER", "ONLY", "AND", "THE", "YES", "OFF", "OUT", "FOR", "WITH", "NEW", "OLD", "SHALL", "SHOULD", "MAY", "VIP",
    "ONE", "TWO", "ANY", "EVERY", "EACH", "BOTH", "BEFORE", "AFTER",
    // The common knowledge of quality work: a quality manager would not ask for these to be spelled out.
    "SOP", "QMS", "KPI", "PPE", "SDS", "MSDS",
    // Everyday acronyms of offices, computers, labs and workshops, which readers know better by the
    // letters than by the words (who says "polyvinyl chloride"?).
    "PVC", "LED", "LCD", "CPU", "RAM", "SQL", "API", "HTML", "CSV", "XML", "JSON", "PIN", "ATM", "DNA", "RNA", "PCR",
    "HIV", "ICU", "CPR", "AED", "MRI", "CAD", "CNC", "PLC", "MFA", "VPN", "WIFI", "LAN", "DNS", "SSH", "SSL", "TLS",
    "HTTP", "HTTPS", "FTP", "WHO", "FDA", "EPA", "OSHA", "NHS", "GDPR", "DOT", "CFR", "GMT", "UTC", "ASAP", "FYI",
    "ETA", "RSVP", "VAT", "GST", "ISBN", "DIY", "LPG", "SMS", "MMS", "IOS", "QTY", "HVAC", "RFID", "NFC", "GUI", "AKA",
    "FAQS", "DOB",
    // Office and computing words any adult reader knows by their letters (SLA was judged debatable, "widely
    // known in compliance work"). Two capitals (DB, MB, VM) are not reported at all.
    "SSD", "HDD", "DVD", "SIM", "PNG", "JPG", "JPEG", "GIF", "ZIP", "SSO", "SLA", "CRM", "ERP", "CFO", "CTO", "COO",
    "CIO", "ROI", "NGO", "MBA", "EOD", "IRS", "WWW",
    // Units every reader knows by their letters: a lab protocol's centrifuge "RPM" was judged wrong ("every
    // reader knows it") on the sixth held-out check.
    "RPM", "PSI", "MPH", "KPH", "KWH",
  ]

  /// Ordinary English words that procedures write in capitals as status values, labels or warnings.
  private static let ordinaryWords: Set<String> = [
    "CLOSED", "POSTED", "ACTIVE", "LINKED", "NOTE", "NOTES", "SEE", "ALSO", "STATUS", "NEXT", "REVIEW", "DRAFT",
    "OPEN", "DONE", "HOLD", "READY", "FAILED", "PASSED", "PASS", "FAIL", "VOID", "FINAL", "ISSUED", "PAID", "SENT",
    "BILLED", "LOCKED", "SIGNED", "CANCEL", "DATE", "TITLE", "PAGE", "ITEM", "STEP", "TASK", "REVISED", "NONE",
    "DANGER", "CAUTION", "WARNING", "STOP", "YES", "NO", "IMPORTANT", "TIP", "RECORD", "OWNER", "SCOPE", "PURPOSE",
    // Shouted words and the labels of buttons and keys ("THANKS!", "press ENTER", "EXIT").
    "THANKS", "THANK", "YOU", "PLEASE", "HELP", "READ", "END", "SAVE", "EXIT", "ENTER", "MENU", "HOME", "BACK",
    "EDIT", "PRINT", "START", "RESET", "RUN", "LOAD", "APPLY", "SUBMIT", "SEND", "CLEAR", "DELETE", "ADD", "CLOSE",
    "CALL", "WAIT", "FIRE", "HOT", "COLD", "WET", "DRY", "LOW", "HIGH", "MAX", "MIN", "AUTO", "MODE", "SET",
    "TEST", "ZERO", "CAL", "KEEP", "OUT", "LEFT", "RIGHT", "UP", "DOWN", "NOW", "HERE", "THIS", "THAT", "WHAT",
    "WHY", "HOW", "WHEN", "WHERE", "WHO", "NEED", "USE", "FREE", "FULL", "EMPTY", "SAFE", "LIVE", "DEAD", "CLEAN",
    "DIRTY", "ENJOY", "GOOD", "BAD", "BEST", "FIRST", "LAST", "ONCE", "TWICE", "THREE", "FOUR", "FIVE", "TEN",
  ]
}
