import DocumentModel
import Foundation
import MarkdownSyntax
import Testing

@testable import ProcedureLint

@Suite("Rule behaviour")
struct RuleBehaviourTests {
  @Test("A long step is reported at its first word, with its numbers and what to do")
  func longStep() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. ↓Check the due date on the gauge label and, if the date is less than one week away, send it to the lab today with the form, the old certificate, the last two readings and its note for the lab.
          2. Write the new due date in the register.
          """))
    let findings = lint(marked.text, rule: "sentence-length")
    #expect(findings.map(\.position) == marked.positions)
    #expect(findings.first?.message == "split this step: 40 words, aim for 39 or fewer")
    #expect(findings.first?.metrics == ["words": 40, "max": 39])
    #expect(findings.first?.severity == .warning)
  }

  @Test("markup: a MediaWiki picture is advised as a picture with its caption and file; a wiki link by its label")
  func mediaWikiPicture() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. Park the trolley by the door. ↓[[File:EEG_Trolley.jpg|200px|thumb|left|EEG Trolley]]
          2. Charge the batteries as ↓[[Charging batteries]] says.
          3. Check the bench. ↓[[File:Bench top.png|thumb|200px]]
          """))
    let findings = lint(marked.text, rule: "markup")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.map(\.message) == [
        "'[[File:EEG_Trolley.jpg|200px|thumb|left|EEG Trolley]]' is a wiki picture, which Markdown shows as text, so "
          + "the picture is not shown: write '![EEG Trolley](EEG_Trolley.jpg)' with the file's path",
        "'[[Charging batteries]]' is a wiki link, which Markdown shows as text, not as a link: write "
          + "'[Charging batteries](…)' with the file's path",
        "'[[File:Bench top.png|thumb|200px]]' is a wiki picture, which Markdown shows as text, so the picture is "
          + "not shown: write '![what it shows](Bench%20top.png)' with the file's path",
      ])
  }

  @Test("markup: lists indented as code are one finding, at the first, with the count of the others")
  func indentedLists() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. Prepare the bench.

          ### 0. Start
          ↓\t- Open valve V1.
          \t- Close valve V2.
          \t- Start the pump.

          ### 1. Stop
          \t- Stop the pump.
          \t- Open valve V2.
          """))
    let findings = lint(marked.text, rule: "markup")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.first?.message
        == "these 3 list items are indented by a tab with no item above to nest under, so the page shows them as "
        + "code, not as a list (and 1 more such list): start each item at the margin")
  }

  @Test("unfinished: a merge conflict is one error at its first line, naming its lines")
  func mergeConflict() {
    let marked = Marked(
      ExampleRepository.procedure(
        records: """
          Lab reports are kept in the register.

          ↓<<<<<<< HEAD
          The register keeps each lab report for seven years.
          =======
          The register keeps each lab report for ten years.
          >>>>>>> 53c1198
          """))
    let findings = lint(marked.text, rule: "unfinished")
    #expect(findings.map(\.position) == marked.positions)
    #expect(findings.first?.severity == .error)
    let line = marked.positions.first?.line ?? 0
    #expect(
      findings.first?.message
        == "a merge conflict is still here (lines \(line) to \(line + 4)): keep the text that holds, then delete the "
        + "lines '<<<<<<<', '=======' and '>>>>>>>'")
  }

  @Test("heading-structure: the same jump again is counted on the first; another kind of jump has its own")
  func repeatedHeadingJump() {
    let marked = Marked(
      ExampleRepository.document(
        id: "QM-010", type: "manual",
        body: """
          # Calibrate test gear

          ## Logs

          ↓#### Where the logs are

          The register holds them.

          ## Metrics

          #### Where the metrics are

          The dashboard shows them.

          ##### Old metrics

          The archive holds them.

          ## Alerts

          #### Who is called

          The lab lead is called.

          ↓###### Night calls

          The duty phone rings.
          """))
    let findings = lint(marked.text, rule: "heading-structure")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.map(\.message) == [
        "heading level jumps from H2 to H4, as it does at 2 more headings: use H3 for each",
        "heading level jumps from H4 to H6: use H5",
      ])
  }

  @Test("unfinished: question marks the writer left, each where it stands; a colon over items indented to nest")
  func writersQuestionMarks() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. Set up the welcome desk with ↓?x volunteers.
          2. ↓???: What could we do to make the organisers easy to find?
          3. ↓Take the signs down and collect the rubbish bags?? (Where do we put them?)
          4. Are you ready? Is the gauge set?! Prêt ? Oui. Is it (?) set.
          5. Think about:
           - How quickly can you update the volunteer schedule
           - How long before the change reaches everyone
          """))
    let findings = lint(marked.text, rule: "unfinished")
    #expect(findings.map(\.position) == marked.positions)
    #expect(findings.map(\.severity) == [.error, .error, .warning])
    #expect(findings.first?.message == "placeholder '?x' is still here: settle it before approval, or take it out")
    #expect(
      findings.last?.message
        == "'Take the signs down and collect the rubbish bags??' asks a question the writer left open: settle it, "
        + "then write the answer")
  }

  @Test("unfinished: a template's outline left as plain text is reported line by line, numbered stand-ins once")
  func templateOutline() {
    let marked = Marked(
      ExampleRepository.procedure(
        extra: """
          ## Tools

          - ↓Tool 1
          - Tool 2
          - Pump 3

          ## Cleanup

          - ↓Instructions on how to clean up the workspace after completing maintenance.
          - ↓Contact information for further support.
          """))
    let findings = lint(marked.text, rule: "unfinished")
    #expect(findings.map(\.position) == marked.positions)
    #expect(findings.first?.message == "placeholder 'Tool 1' and 1 more are still here: name the real tools")
    #expect(findings.allSatisfy { $0.severity == .error })
    // One such line is not enough: a writer may say where information is.
    let single = ExampleRepository.procedure(
      extra: "## Cleanup\n\n- Instructions on how to clean up the workspace after completing maintenance.")
    #expect(lint(single, rule: "unfinished").isEmpty)
  }

  @Test("unfinished: a picture and a link still to come, and an editor's question in brackets, each reported")
  func picturesLinksAndQuestions() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. Fix the cryostage in the position shown in the ↓[FIGURE].
          2. Review the LN2 CoSHH ↓[link to CoSHH] before you fill the dewar.
          3. Print two copies of the form.

          ↓[the two instructions above seem redundant, no?]
          """))
    #expect(lint(marked.text, rule: "unfinished").map(\.position) == marked.positions)
  }

  @Test("passive-voice: a list subject is rewritten whole, a passive in brackets is an aside")
  func passiveListSubjects() {
    let messages = lint(
      ExampleRepository.procedure(
        steps: """
          1. Regulators, reels, timers, hoods and suits must be dunked and rinsed, then hung up.
          2. Before the audit, evidence of training, licences and experience is to be obtained.
          3. Records of all training that the company has ever required of its staff, inductions and VOCs are \
          to be filed.
          4. Ensure you have a date (if over two nights, both nights must be attended) and a venue.
          """), rule: "passive-voice"
    ).filter { $0.severity == .suggestion }.map(\.message)
    // Real-world shapes (a dive club's kit rules and a guiding county's course page, the twenty-fourth and
    // twenty-fifth held-out checks): "Dunk weight belts and Suits …" dropped seven of nine items (judged
    // wrong); a list whose first item is long has no known start, and gets no rewrite.
    #expect(
      messages == [
        "this step uses the passive voice ('be dunked'): start with the action: 'Dunk regulators, reels, timers, "
          + "hoods and suits …'",
        "this step uses the passive voice ('be obtained'): start with the action: 'Obtain evidence of "
          + "training, licences and experience …'",
      ])
  }

  @Test("passive-voice: a verb that takes its object through a preposition keeps it in the rewrite")
  func passivePrepositionalVerbs() {
    let messages = lint(
      ExampleRepository.procedure(
        steps: """
          1. Complaints should be dealt with courteously.
          2. Every query must be responded to by the duty manager within a day.
          """), rule: "passive-voice"
    ).filter { $0.severity == .suggestion }.map(\.message)
    // Real-world shape (a school board's complaints policy, round eighteen): "Deal complaints …" dropped the
    // "with" the verb needs (judged wrong).
    #expect(
      messages == [
        "this step uses the passive voice ('be dealt with'): start with the action: 'Deal with complaints …'",
        "this step uses the passive voice ('be responded to by the duty manager'): name who acts first: 'The duty "
          + "manager must respond to every query …'",
      ])
  }

  @Test("unfinished: a heading that is a field and its value is not an empty section")
  func fieldHeadings() {
    for heading in ["MACHINE: BRM1612", "STATUS - BOARD APPROVED OCT 2019", "SOP NO: 12"] {
      #expect(UnfinishedRule.isField(heading), "\(heading)")
    }
    for heading in ["Step 3: Calibrate", "Induction - How To", "PPE:", "Q: What if the gauge is late?", "ISO 9001"] {
      #expect(!UnfinishedRule.isField(heading), "\(heading)")
    }
  }

  @Test("A number to call is told from a range, a year or a date; an emergency heading may say what it is for")
  func emergencyNumbers() {
    for text in ["Call 0161 234 5678.", "Ring 555-1234.", "Dial ext 123.", "Call 999.", "<tel:+441612345678>"] {
      #expect(UnfinishedRule.givesNumber(text), "\(text)")
    }
    for text in ["Wash for 10-15 mins.", "Use 20/25 mm pipes.", "Since 2019.", "On 12.03.2024.", "1,000 gloves"] {
      #expect(!UnfinishedRule.givesNumber(text), "\(text)")
    }
    // A standard, digits in a link or an id, a decimal and digits that run into letters (eighteenth blind check).
    for text in [
      "We follow ISO 9001 and IEC 62304.", "See https://shop.example/itm/283283832702.", "Form QP-20481.",
      "Teardown crew: 9001x.", "Cut 12500mm of cable.",
    ] {
      #expect(!UnfinishedRule.givesNumber(text), "\(text)")
    }
    for text in ["Ring ISO 4455 (the site's own line).", "Security: 01632 960123."] {
      #expect(UnfinishedRule.givesNumber(text), "\(text)")
    }
    for heading in [
      "Emergency procedures", "First aid Emergency procedure for phenol/trizol", "Fire procedure for the warehouse",
      "Emergency Response Team",
    ] {
      #expect(UnfinishedRule.isEmergencyHeading(heading), "\(heading)")
    }
    for heading in [
      "Fire extinguisher checks", "Fire extinguisher checks for the warehouse", "Non-emergency contacts",
      "For emergencies", "Emergency procedure for the storage of flammable liquids in the main building",
    ] {
      #expect(!UnfinishedRule.isEmergencyHeading(heading), "\(heading)")
    }
  }

  @Test("broken-reference: a link or an image with no address is an error at the link")
  func emptyLinks() {
    let marked = Marked(
      ExampleRepository.procedure(
        records: "Check ↓[opencorporates]() and ↓![the map]( ) first; [the site](https://example.org) is fine."))
    let findings = lint(marked.text, rule: "broken-reference")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.map(\.message) == [
        "this link has no address, so it goes nowhere: add the address or remove the link",
        "this image has no address, so it goes nowhere: add the address or remove the image",
      ])
    #expect(findings.allSatisfy { $0.severity == .error })
  }

  @Test("Descriptive sentences may run to 54 words")
  func descriptiveSentence() {
    let sentence = Array(repeating: "word", count: 54).joined(separator: " ") + "."
    #expect(lint(ExampleRepository.procedure(purpose: sentence), rule: "sentence-length").isEmpty)
    let longer = "One " + sentence
    let findings = lint(ExampleRepository.procedure(purpose: longer), rule: "sentence-length")
    #expect(findings.map(\.message) == ["split this sentence: 55 words, aim for 54 or fewer"])
  }

  @Test("Examples in brackets are not counted; numbered lines run together are advised as a list")
  func sentenceShapes() {
    let reason = Array(repeating: "word", count: 41).joined(separator: " ")
    let examples = "Tell the office \(reason) (eg. \"dropped\", \"sent for repair\" or \"lent to site B\")."
    #expect(lint(ExampleRepository.procedure(purpose: examples), rule: "sentence-length").isEmpty)
    let aside = "Tell the office \(reason) (see the \"dropped\", \"sent for repair\" or \"lent to site B\" rows)."
    #expect(
      lint(ExampleRepository.procedure(purpose: aside), rule: "sentence-length").map(\.message) == [
        "split this sentence: 56 words, aim for 54 or fewer"
      ])
    let example = try! #require(SentenceLengthRule.failingExamples.first)
    #expect(
      lint(example, rule: "sentence-length").map(\.message) == [
        "steps 1 to 5 run together into one paragraph of 62 words: write each as a numbered list item, with a "
          + "full stop after its number ('1. …')"
      ])
  }

  @Test("An acronym that names the organisation in sop.yml is not reported")
  func organisationAcronym() {
    let text = ExampleRepository.procedure(
      steps:
        "1. Sign in with the OCF account.\n2. Name the OCF as the submitter.\n3. Ask the ASUC for advice, and copy the ASUC in."
    )
    // A second document spells both out, so both are terms its readers need spelled out.
    let other = ExampleRepository.procedure(
      id: "QP-012", purpose: "Ask the Open Computing Facility (OCF) staff or the Associated Students (ASUC).")
    func acronyms(_ linter: Linter) -> [String] {
      linter.lint([
        LintFile(path: ExampleRepository.examplePath, data: Data(text.utf8)),
        LintFile(path: "procedures/QP-012.md", data: Data(other.utf8)),
      ]).findings.filter { $0.rule == "undefined-acronym" && $0.path == ExampleRepository.examplePath }.map(\.excerpt)
    }
    #expect(acronyms(ExampleRepository.linter) == ["OCF", "ASUC"])
    let yaml = ExampleRepository.policyYAML.replacingOccurrences(
      of: "organisation: Example Builders", with: "organisation: Open Computing Facility")
    #expect(acronyms(Linter(policy: try! Policy.decode(yaml: yaml))) == ["ASUC"])
  }

  @Test("doc-length counts body words only and gives pages and minutes")
  func docLength() {
    let text = ExampleRepository.procedure(
      purpose: "Check the pump.\n\n```\n" + String(repeating: "code ", count: 6_000) + "\n```\n\n"
        + ExampleRepository.filler(sentences: 400))
    let findings = lint(text, rule: "doc-length")
    #expect(findings.count == 1)
    let words = Int(findings[0].metrics["words"] ?? 0)
    #expect(words > 2_500 && words < 3_000)
    #expect(findings[0].severity == .warning)
    #expect(findings[0].message.contains("pages") && findings[0].message.contains("minutes to read"))
    #expect(findings[0].metrics["minutes"] == (Double(words) / 238).rounded(.up))
    #expect(findings[0].metrics["pages"] == TextMetrics.oneDecimal(Double(words) / 500))
    let huge = ExampleRepository.procedure(purpose: ExampleRepository.filler(sentences: 800))
    #expect(lint(huge, rule: "doc-length").first?.severity == .error)
  }

  @Test("section-length reports the heading of a long section")
  func sectionLength() {
    let marked = Marked(
      ExampleRepository.document(
        body: "# Calibrate test gear\n\n↓## Purpose\n\n" + ExampleRepository.filler(sentences: 80) + "\n"))
    let findings = lint(marked.text, rule: "section-length")
    #expect(findings.map(\.position) == marked.positions)
    #expect(findings.first?.message.hasPrefix("section 'Purpose' has ") == true)
  }

  @Test("step-count counts the items of one numbered list")
  func stepCount() {
    let steps = (1...21).map { "\($0). Check valve \($0)." }.joined(separator: "\n")
    let marked = Marked(ExampleRepository.procedure(steps: "↓" + steps))
    let findings = lint(marked.text, rule: "step-count")
    #expect(findings.map(\.position) == marked.positions)
    #expect(findings.first?.metrics["steps"] == 21)
    let twenty = (1...20).map { "\($0). Check valve \($0)." }.joined(separator: "\n")
    #expect(lint(ExampleRepository.procedure(steps: twenty), rule: "step-count").isEmpty)
    // Bullets under the procedure heading are steps too; bullets elsewhere are not.
    let bullets = (1...22).map { "- Check valve \($0)." }.joined(separator: "\n")
    #expect(lint(ExampleRepository.procedure(steps: bullets), rule: "step-count").first?.metrics["steps"] == 22)
    #expect(lint(ExampleRepository.procedure(purpose: bullets), rule: "step-count").isEmpty)
    let headings = (1...21).map { "### \($0). Check valve \($0)\n\nLook at the seal." }.joined(separator: "\n\n")
    #expect(lint(ExampleRepository.procedure(steps: headings), rule: "step-count").first?.metrics["steps"] == 21)
    // Bullet notes nested under some steps (a lab protocol's volumes and timing notes) leave one list of 21
    // steps reported once, not once for each note list after it.
    let nested = (1...21).map {
      "\($0). Check valve \($0)." + ($0 % 4 == 3 ? "\n    * Use the small key.\n    * Note the reading." : "")
    }
    .joined(separator: "\n")
    let once = lint(ExampleRepository.procedure(steps: nested), rule: "step-count")
    #expect(once.map { $0.metrics["steps"] } == [21])
  }

  @Test("one-instruction finds chained steps, not chained descriptions")
  func oneInstruction() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. Open the valve↓, then close the tap.
          2. Open the valve ↓and then close the tap.
          3. Open the valve↓; close the tap.
          4. Open the valve. Close the tap.
          5. Read the `a;b` value and the thenar gauge.
          """,
        records: "Keep the records; then archive them, then smile."))
    let findings = lint(marked.text, rule: "one-instruction")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.first?.message == "this step chains instructions (', then'): give each action its own numbered step")
  }

  @Test("one-instruction: a check or a condition excuses only the connector right after it")
  func oneInstructionChecksAndConditions() {
    func reported(_ step: String) -> Bool {
      !lint(
        ExampleRepository.procedure(steps: "1. \(step)\n2. Write the new due date in the register.\n"),
        rule: "one-instruction"
      )
      .isEmpty
    }
    for chained in [
      "Make sure the power is off, then remove the cover, then replace the fuse.",
      "Ensure the power is off, remove the cover and then replace the fuse.",
      "Check that the seal is intact, then sign the label and then file it.",
      "If the gauge is damaged, tag it, then send it to the lab.",
      "Tools: wrench and gloves. Remove the cover; replace the fuse.",
      "Step 3: Slowly open the valve; close the tap.",
      "Double check the list and then submit it and then file it.",
      "If the seal is broken, then tag the gauge, then send it to the lab.",
    ] {
      #expect(reported(chained), "\(chained)")
    }
    for single in [
      "Make sure the pressure is below 2.5 bar, then open the valve.",
      "If the pH is above 7.5, then add 1 mL of acid.",
      "Ensure the temp. is below 5 °C, then open the lid.",
      "If the reading is out of range (e.g. above 5 bar), then stop the pump.",
      "If the seal is broken, missing or loose, then tag the gauge.",
      "If the pH, measured at 20 °C, is above 7, then add 1 mL of acid.",
    ] {
      #expect(!reported(single), "\(single)")
    }
  }

  @Test("one-instruction: a long step of excused connectors is read once")
  func oneInstructionLongStep() {
    // 64 KB of "and then" after a check: each connector costs the same, so this takes milliseconds (it took
    // seconds when every connector read its clause again). The check excuses the first "and then" only.
    let step = "Ensure x" + String(repeating: " and then a", count: 5_800) + "."
    let findings = lint(ExampleRepository.procedure(steps: "1. \(step)\n"), rule: "one-instruction")
    #expect(findings.map(\.position.column) == [4 + "Ensure x and then a ".count])
  }

  @Test("readability reports the grade with its parts")
  func readability() throws {
    let example = try #require(ReadabilityRule.failingExamples.first)
    let finding = try #require(lint(example, rule: "readability").first)
    #expect(finding.metrics["grade"].map { $0 > 14 } == true)
    #expect(finding.severity == .warning)
    #expect(finding.message.hasPrefix("reading grade "))
    #expect(lint(ExampleRepository.procedure(), rule: "readability").isEmpty)
  }

  @Test("passive-voice: a suggestion per passive step, a warning over 15% of sentences")
  func passiveVoice() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. The label must ↓be checked by the supervisor.
          2. The gauge must not ↓be sent and ↓is then kept.
          3. Send the gauge to the lab.
          """,
        records:
          "Lab reports are kept for seven years. Old reports are archived by the office. Copies are sent to the client."
      ))
    let findings = lint(marked.text, rule: "passive-voice")
    let suggestions = findings.filter { $0.severity == .suggestion }
    #expect(suggestions.map(\.position) == [marked.positions[0], marked.positions[1]])
    #expect(
      suggestions.first?.message
        == "this step uses the passive voice ('be checked by the supervisor'): name who acts first: "
        + "'The supervisor must check the label …'")
    #expect(
      suggestions.last?.message
        == "this step uses the passive voice ('be sent'): start with the action: 'Do not send the gauge …'")
    // A plain passive in a step describes; it counts towards the share but gets no advice of its own.
    let plain = ExampleRepository.procedure(
      steps: """
        1. Check the due date on the gauge label.
        2. Send the gauge to the lab a week before that date.
        3. Notifications are sent to the supervisor.
        4. Write the new due date in the register.
        """)
    #expect(lint(plain, rule: "passive-voice").isEmpty)
    let share = findings.filter { $0.severity == .warning }
    #expect(share.count == 1)
    #expect(share.first?.position == marked.positions[0])
    #expect(share.first?.metrics["passive"] == 5)
    // Body sentences and steps only: the six headings are not sentences of the share.
    #expect(share.first?.metrics["sentences"] == 10)
    // Four passives of 17 sentences (23.5%) are too few to speak of a share: one sentence moves it 6 points.
    let few = ExampleRepository.procedure(
      purpose: "The pump is driven by a motor. The speed is set by the controller. It can be used on site.",
      steps: """
        1. The seal can be replaced in ten minutes.
        2. Send the gauge to the lab.
        """)
    #expect(lint(few, rule: "passive-voice").filter { $0.severity == .warning }.isEmpty)
    #expect(lint(ExampleRepository.procedure(purpose: "We need the gauge. It is red."), rule: "passive-voice").isEmpty)
  }

  @Test("passive-voice: rewrites seen garbled or wrong on real procedures are now whole or left out")
  func passiveVoiceRewrites() {
    // From the second held-out check: "Stor electronic records", "Dispose all …", "Keep or a … entry",
    // "Prohibit deletion of records …", "Store all plates need …"; "Sight of each new worker …" and "Confirm it …".
    let findings = lint(
      ExampleRepository.procedure(
        steps: """
          1. Electronic records must be stored in the register.
          2. All broken glassware must be disposed of in the glass bin.
          3. A "Certificate of Destruction" or a log entry must be kept.
          4. Deletion of records is strictly prohibited unless the Quality Manager agrees.
          5. All plates need to be stored in a clear plastic box.
          6. The induction card (White Card) of each new worker is to be sighted before work starts.
          7. Where the work is high-risk, it is to be confirmed that the SWMS has been read.
          """),
      rule: "passive-voice"
    ).filter { $0.severity == .suggestion }
    #expect(
      findings.map(\.message) == [
        "this step uses the passive voice ('be stored'): start with the action: 'Store electronic records …'",
        "this step uses the passive voice ('be disposed of'): start with the action: "
          + "'Dispose of all broken glassware …'",
        // 3: the subject was cut at the quote; no rewrite, so no advice of its own.
        "this step uses the passive voice ('is strictly prohibited'): write the rule as an instruction: 'Do not …'",
        "this step uses the passive voice ('be stored'): start with the action: 'Store all plates …'",
        // 6, the sample repository's QP-005: cut at the bracket, the subject would start at "of"; no advice.
        "this step uses the passive voice ('be confirmed'): start with the action: 'Confirm that …'",
      ])
  }

  @Test("form-fields counts empty cells, underscore runs and boxes, in forms only")
  func formFields() {
    let body = """
      # Gauge sign-out

      | Field | Entry |
      | --- | --- |
      | Gauge | |
      | Date | ____ |
      | Notes | none |

      Name: ______ Signature: ______ `____`

      - [ ] Clean
      - [x] Closed
      - Plain item
      """
    let form = ExampleRepository.document(id: "F-010", title: "Gauge sign-out", type: "form", body: body)
    let linter = Linter(
      policy: policyWith(lint: "  rules:\n    form-fields: {warning: 3, error: 30}\n"),
      knownDocuments: ExampleRepository.knownDocuments)
    let findings = lint(form, rule: "form-fields", linter: linter)
    #expect(findings.first?.metrics["fields"] == 4)
    #expect(findings.first?.metrics["ticks"] == 2)
    #expect(
      findings.first?.message
        == "this form has 4 fields to write (and 2 tick boxes, which are quick); keep them to 3 or fewer: ask only "
        + "for what you will use, or split the form")
    let procedure = ExampleRepository.document(body: body)
    #expect(lint(procedure, rule: "form-fields", linter: linter).isEmpty)
  }

  @Test("required-sections: any order, any case, numbering, aliases, per-type lists")
  func requiredSections() {
    let reordered = ExampleRepository.document(
      body: "# Calibrate test gear\n\n## 5. RECORDS:\n\n## Procedure\n\n## scope\n\n## Purpose\n\n## Responsibilities\n"
    )
    #expect(lint(reordered, rule: "required-sections").isEmpty)
    let marked = Marked(ExampleRepository.document(body: "↓# Calibrate test gear\n\n## Purpose\n\n## Scope\n"))
    let findings = lint(marked.text, rule: "required-sections")
    #expect(Set(findings.map(\.excerpt)) == ["Responsibilities", "Procedure", "Records"])
    #expect(Set(findings.map(\.position)) == Set(marked.positions))
    let instruction = ExampleRepository.document(
      id: "WI-010", title: "Pour", type: "work-instruction", body: "# Pour\n\n## Purpose\n\n## Steps\n")
    #expect(lint(instruction, rule: "required-sections").isEmpty)
    let missing = ExampleRepository.document(
      id: "WI-010", title: "Pour", type: "work-instruction", body: "# Pour\n\n## Purpose\n")
    #expect(lint(missing, rule: "required-sections").first?.message.contains("'Method'") == true)
    let form = ExampleRepository.document(id: "F-010", title: "Form", type: "form", body: "# Form\n")
    #expect(lint(form, rule: "required-sections").isEmpty)
    let noPolicy = Linter(policy: nil)
    #expect(
      lint(ExampleRepository.document(body: "# Calibrate test gear\n"), rule: "required-sections", linter: noPolicy)
        .count == 5)
  }

  @Test("Huge rule settings never trap; infinite and NaN ones are refused in sop.yml")
  func hostileSettings() throws {
    let linter = Linter(policy: policyWith(lint: "  rules:\n    heading-structure: {max-depth: 1e300}\n"))
    #expect(lint(ExampleRepository.document(body: "## Purpose\n\n###### Deep\n"), linter: linter).count >= 0)
    for value in [".inf", "-.inf", ".nan"] {
      #expect(throws: DocumentModelError.self) {
        try Policy.decode(
          yaml: ExampleRepository.policyYAML + "\nlint:\n  rules:\n    heading-structure: {max-depth: \(value)}\n")
      }
    }
  }

  @Test("heading-structure: skipped levels, depth over max-depth 3 when set, H1 against the title")
  func headingStructure() {
    let marked = Marked(
      ExampleRepository.document(
        title: "Calibrate Test  gear",
        body: """
          # calibrate test gear

          ## Purpose

          ↓#### Skipped

          ### Fine

          #### Third level below the title

          ↓##### Too deep

          ##### Its sibling, reported with it

          # Appendices (a later H1 is a part, not the title)
          """))
    let linter = Linter(policy: policyWith(lint: "  rules:\n    heading-structure: {max-depth: 3}\n"))
    let findings = lint(marked.text, rule: "heading-structure", linter: linter)
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.map(\.message) == [
        "heading level jumps from H2 to H4: use H3",
        "H5 (and 1 more H5 heading after it) is 4 levels deep below the title, deeper than 3: flatten the "
          + "structure or move this part into its own document",
      ])
    // By default (max-depth 5) depth is not reported; the skipped level still is.
    #expect(lint(marked.text, rule: "heading-structure").map(\.position) == [marked.positions[0]])
  }

  @Test("heading-structure: headings inside list items are one finding, with advice that fits their shape")
  func headingsInListItems() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. ↓#### Prep bench
          - Clear the bench before each check.

          2. #### Measuring bench
          - Zero the gauge before each check.

          3. #### Store
          - Put the gauge back in its case.
          """))
    let findings = lint(marked.text, rule: "heading-structure")
    #expect(findings.map(\.position) == marked.positions)
    // H3, not H4: the heading above the list is an H2, so "#### 1. Prep bench" would skip a level.
    #expect(
      findings.map(\.message) == [
        "H4 inside a list item, and 2 more list items like it: the page shows a list number beside a heading; "
          + "put the number inside the heading instead ('### 1. Prep bench')"
      ])
    let step = ExampleRepository.procedure(steps: "1. Scan the pages.\n   ###### Note\n   Scan odd sizes separately.")
    #expect(
      lint(step, rule: "heading-structure").map(\.message) == [
        "H6 inside a list item: the page shows a heading in the middle of step 1; write it as bold text ('**Note**')"
      ])
    let bullet = ExampleRepository.procedure(steps: "- #### Prep bench\n\n  Clear the bench before each check.")
    #expect(
      lint(bullet, rule: "heading-structure").map(\.message) == [
        "H4 inside a list item: the page shows a bullet beside a heading; take the heading out of the list "
          + "('### Prep bench')"
      ])
  }

  @Test("unfinished: a writer's note in brackets in lower case ('(todo - add a picture)', '[tbd]')")
  func bracketedNotes() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. Turn on the rack switches ↓(todo - add a picture of the switches with the ones to turn on).
          2. Ask the owner ↓[tbd] or the lead ↓(Fixme: name).
          3. Keep the (Todos) list and the (tbdx) code ↓(TODO) as they are.
          4. Open the app (Todo list) and close it, and ask ↓(To do: name the owner).
          5. Open the lid ↓(

          todo later
          """))
    let findings = lint(marked.text, rule: "unfinished")
    #expect(
      findings.map(\.position).map(\.line)
        == marked.positions.map(\.line).reduce(into: []) { lines, line in
          if lines.last != line { lines.append(line) }
        })
    #expect(
      findings.first?.message
        == "a note to the writer ('(todo - add a picture of the switches with the ones to tu…') is still here: "
        + "settle what it asks, "
        + "then delete it")
    // The bracket left open at the end of step 5 is reported as such, not as a note "(todo later".
    #expect(findings.map(\.severity) == [.error, .error, .error, .error, .warning])
  }

  @Test("unfinished: a slot in capitals in a block quote is a script's; an instruction in brackets is not")
  func quotedSlots() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. Ask the participant:

             > [NAME], how was your experience?

          2. Send the message:

             > Dear supplier, ↓[insert the site's name] has moved.

          3. Write the new due date for ↓[NAME] in the register.

          4. Call for help:

             > **Emergency:** call the duty manager, ↓[NAME], on [PHONE NUMBER].

             > Call ↓[INSERT PHONE NUMBER] in an emergency.
          """))
    let findings = lint(marked.text, rule: "unfinished")
    #expect(findings.map(\.position) == marked.positions)
  }

  @Test("passive-voice: a rewrite that names the agent keeps the step's modal and its 'not'")
  func passiveAgentKeepsModal() {
    let messages = lint(
      ExampleRepository.procedure(
        steps: """
          1. Children under age 16 must be accompanied by an adult.
          2. Waste must not be left by the operator on the bench.
          3. The bench must never be cleaned by visitors.
          4. The form should be signed by the supervisor.
          5. Gloves shouldn't be worn by the operator at the lathe.
          6. The gauge is not to be moved by visitors.
          7. The gauge is to be removed by the technician.
          """), rule: "passive-voice"
    ).filter { $0.severity == .suggestion }.map { $0.message.components(separatedBy: "name who acts first: ").last! }
    // Real-world shape (a makerspace's visitor policy, the fifteenth held-out check): "An adult accompanies
    // children" turned the rule into a description; "The operator leaves waste" would say the opposite.
    #expect(
      messages == [
        "'An adult must accompany children under age 16 …'",
        "'The operator must not leave waste …'",
        "'Visitors must never clean the bench …'",
        "'The supervisor should sign the form …'",
        "'The operator should not wear gloves …'",
        "'Visitors must not move the gauge …'",
        "'The technician removes the gauge …'",
      ])
  }

  @Test("passive-voice: 'by' a date is when, not who; a method after 'by' is not an actor; 'restored'")
  func passiveByTime() {
    let messages = lint(
      ExampleRepository.procedure(
        steps: """
          1. All garden plots must be fully planted by May 31.
          2. Plots must be restored to their original state by the closing date.
          3. Reports must be sent by the end of the month.
          4. Any contaminated waste should be inactivated by autoclaving.
          5. The form must be signed by the supervisor.
          """), rule: "passive-voice"
    ).filter { $0.severity == .suggestion }.map { $0.message.components(separatedBy: "): ").last! }
    // Real-world shapes (a community garden's rules, the sixteenth held-out check; a lab's GMO protocol):
    // "May 31 must plant all garden plots" and "Restor plots" were judged wrong, "Autoclaving should
    // inactivate" debatable.
    #expect(
      messages == [
        "start with the action: 'Plant all garden plots …'",
        "start with the action: 'Restore plots …'",
        "start with the action: 'Send reports …'",
        "name who acts first: 'The supervisor must sign the form …'",
      ])
  }

  @Test("unfinished and heading-structure: a heading that is a note to the writer is one finding, its marker")
  func writersNoteHeading() {
    let text = ExampleRepository.procedure(
      extra: """
        ## Closing remarks

        Ask the lab manager if anything is unclear.

        #### TODO add more details as required
        #### TODO add links to the protocols
        """)
    let findings = lint(text)
    #expect(findings.map(\.rule) == ["unfinished", "unfinished"], "\(findings.map(\.message))")
    #expect(findings.allSatisfy { $0.message.hasPrefix("placeholder 'TODO'") })
    let notes = ["TODO add links", "TBD", "FIXME: owner", "TODOs", "Toolbox talk", "TBDx", "Todo list", "FAQ"].map {
      Heading(node: 0, level: 4, start: SourcePosition(line: 1, column: 1), text: $0).isWritersNote
    }
    #expect(notes == [true, true, true, false, false, false, false, false])
  }

  @Test("passive-voice: no rewrite from the words of another verb of the same subject")
  func passiveSecondVerb() {
    let text = ExampleRepository.procedure(
      steps: """
        1. All protocols for the gauges should be in their own folder and should be clearly written.
        2. Write the new due date in the register.
        """)
    // No rewrite can be built from it, so the step gets no advice (nor a garbled one).
    #expect(lint(text, rule: "passive-voice").isEmpty)
    // A time or a month in the subject is not a verb: the rewrite stays.
    let kept = lint(
      ExampleRepository.procedure(
        steps: """
          1. The 8 am delivery must be checked by the storeman.
          2. The May report must be signed by the manager.
          """), rule: "passive-voice"
    ).map(\.message)
    #expect(
      kept == [
        "this step uses the passive voice ('be checked by the storeman'): name who acts first: 'The storeman must "
          + "check the 8 am delivery …'",
        "this step uses the passive voice ('be signed by the manager'): name who acts first: 'The manager must sign "
          + "the May report …'",
      ])
  }

  @Test("unfinished: example telephone numbers, a text that says it is a placeholder, and 'coming soon'")
  func exampleNumbersAndAnnouncedPlaceholders() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. Call the security company: ↓0800 123 4567
          2. Rate the visit 1 2 3 4 5 6 7 and call the office on 0161 496 0958.
          3. **GitHub:** (info ↓coming soon)
          """,
        extra: """
          ## Lateral separation

          | Option | Use |
          | --- | --- |
          | Head office | ↓01234 567 890 |

          ↓Placeholder for local lateral separation options.
          """))
    let findings = lint(marked.text, rule: "unfinished")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.map(\.message) == [
        "'0800 123 4567' looks like an example number (its digits count up, one after another), not a real one: "
          + "write the real number",
        "the text promises what is not here yet ('coming soon'): write it, or take the promise out",
        "'01234 567 890' looks like an example number (its digits count up, one after another), not a real one: "
          + "write the real number",
        "the text says it is a placeholder ('Placeholder for local lateral separation options'): write the real "
          + "text, then delete the note",
      ])
    #expect(findings.map(\.severity) == [.warning, .error, .warning, .error])
  }

  @Test("unfinished: a colon that introduces nothing is a warning at its sentence; \"Button here\" is a placeholder")
  func danglingColonsAndSlots() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. Switch on the gauge bench.
          2. Select a saved check cycle. ↓A typical cycle would involve:
          3. Exit the cycle editing screen and press start.
          4. Check the bench settings:
             - 20 °C for 5 minutes
          """,
        extra: """
          ## Storage

          ↓Store each gauge as follows:

          ## Report a fault

          ↓Button here

          ## Tools

          **↓Materials:**

          ## Notes

          ↓Send the report to:
          """))
    let findings = lint(marked.text, rule: "unfinished")
    #expect(findings.map(\.position) == marked.positions)
    let advice = ": write what it introduces, or end the sentence there"
    #expect(
      findings.map(\.message) == [
        "'A typical cycle would involve:' ends with a colon, but the next step comes straight after it" + advice,
        "'Store each gauge as follows:' ends with a colon, but the section ends there" + advice,
        "placeholder 'Button here' is still here: put in what it names, or delete it",
        // A label alone has no sentence to end.
        "'Materials:' ends with a colon, but the section ends there: write what it introduces, or delete it",
        "'Send the report to:' ends with a colon, but the document ends there" + advice,
      ])
    #expect(findings.map(\.severity) == [.warning, .warning, .error, .warning, .warning])
  }

  @Test("broken-reference: related ids, bare ids with known prefixes, links")
  func brokenReferences() {
    let marked = Marked(
      """
      ---
      id: QP-010
      title: Calibrate test gear
      type: procedure
      owner: maria@example.com
      related: [QP-002, ↓QP-404]
      ---

      # Calibrate test gear

      See QP-001, QP-010 and (↓QP-405). Not ids: UTF-8, COVID-19, ISO-9001, xQP-406, QP-4071a, `QP-408`.
      Links: [ok](QP-001-document-control.md#scope), [dir](../forms/), [web](https://x.example/QP-409),
      ↓[gone](../forms/F-404.md), ↓[out](../../etc/passwd), [top](/images/site-plan.png), [anchor](#scope),
      ↓[no anchor](#scop).

      ## Scope

      It covers every gauge.
      """)
    let findings = lint(marked.text, rule: "broken-reference")
    #expect(findings.map(\.position) == marked.positions)
    #expect(findings.first?.message == "related id QP-404 matches no document: fix the id or remove it from `related`")
    #expect(findings[1].message == "QP-405 matches no document: fix the id or remove the reference")
    #expect(findings[2].message.contains("forms/F-404.md"))
    #expect(
      findings.last?.message
        == "link '#scop' goes to no heading of this document, so it leads nowhere: link to a heading's anchor "
        + "(its text in lower case, spaces as hyphens), or remove the link")
    #expect(findings.last?.severity == .warning)
  }

  @Test("broken-reference: a title before 'SOP', 'Policy' or 'Procedure' is a reference too")
  func titleBeforeKind() {
    let marked = Marked(
      ExampleRepository.procedure(
        records: """
          Refer to ↓the Using and Calibrating Thermometers SOP. Report misuse as per ↓the System Access Policy \
          and keep ↓the Control of Records Procedure. Follow the Document Control Policy and the Internal Audit \
          procedure. Read the Standard Operating Procedures (SOP) first; the Safety Procedures apply, and so \
          does this SOP. This is the Standard Operating Procedure (SOP) for gauges; sign the Standard Operating \
          Procedure Acknowledgement Form and the Quality Policy Statement, and follow the Control of Document \
          Policy.
          """))
    let findings = lint(marked.text, rule: "broken-reference")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.map(\.excerpt) == [
        "the Using and Calibrating Thermometers SOP", "the System Access Policy", "the Control of Records Procedure",
      ])
    #expect(findings.allSatisfy { $0.severity == .warning })
  }

  @Test("broken-reference: a URL that repeats its scheme goes nowhere")
  func repeatedScheme() {
    let marked = Marked(
      ExampleRepository.procedure(
        records: """
          Read ↓[fees](http://http//library.example.edu/c.php?g=4), ↓[rules](HTTPS://https://x.example/a) and \
          [ok](https://x.example/http/https), [host](http://http.example/), [bare](http://https).
          """))
    let findings = lint(marked.text, rule: "broken-reference")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.first?.message
        == "link 'http://http//library.example.edu/c.php?g=4' repeats its scheme, so it goes nowhere: write it as "
        + "'http://library.example.edu/c.php?g=4'")
    #expect(findings.map(\.severity) == [.error, .error])
    #expect(BrokenReferenceRule.repeatedScheme("HTTPS://https://x.example/a") == "HTTPS://x.example/a")
    #expect(BrokenReferenceRule.repeatedScheme("http://http:/x.example") == "http://x.example")
    for fine in ["https://x.example", "mailto:http://x", "http://", "http://http", "ftp://http//x", "http//http//x"] {
      #expect(BrokenReferenceRule.repeatedScheme(fine) == nil)
    }
  }

  // Found by the Lint fuzz target (Fuzz/Corpus/Lint/4ef55e70…): cmark-gfm gives no position to the text that its
  // autolink extension cuts out after an e-mail address, and it was placed at the paragraph's start, on an
  // earlier line and past that line's end.
  @Test("Findings in the text after an e-mail address are where the text is")
  func positionsAfterAutolinkedEmail() {
    let marked = Marked(
      ExampleRepository.procedure(
        records: "The register keeps each report.\nAsk qa@example.com about ↓QP-404 or r@x.t: [↓QP-405."))
    let findings = lint(marked.text, rule: "broken-reference")
    #expect(findings.map(\.position) == marked.positions)
    #expect(findings.map(\.excerpt) == ["QP-404", "QP-405"])
  }

  // Found by the Lint fuzz target (Fuzz/Corpus/Lint/704653dc…, "2. .\n(" behind a front matter): cmark-gfm puts the
  // text that opens a continuation line at its container's content column, past the end of a short lazy line.
  @Test("Findings on a continuation line indented more or less than its container are where the text is")
  func positionsOnContinuationLines() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. Check the due date on the gauge label.
          2. Send the gauge to the lab,
          as ↓QP-404 says.
          3. Write the new due date in the register.
          """,
        records: "The register keeps each report.\n    Ask about ↓QP-405 today."))
    let findings = lint(marked.text, rule: "broken-reference")
    #expect(findings.map(\.position) == marked.positions)
    #expect(findings.map(\.excerpt) == ["QP-404", "QP-405"])
  }

  // Found by the Lint fuzz target (Fuzz/Corpus/Lint/f02bb13c…, a real-world procedure whose paragraph ends in a
  // table's header row): cmark-gfm gives such a row the paragraph's first line and columns counted through it.
  @Test("Findings in a table's header row that ends a paragraph are where the text is")
  func positionsInHeaderRowAfterParagraph() {
    let marked = Marked(
      ExampleRepository.procedure(
        records:
          "The register keeps each report, as the table shows.\nOwner | ↓QP-404 | ↓QP-405\n|---|---|---|\n| a | b | c |"
      ))
    let findings = lint(marked.text, rule: "broken-reference")
    #expect(findings.map(\.position) == marked.positions)
    #expect(findings.map(\.excerpt) == ["QP-404", "QP-405"])
  }

  @Test("obsolete-reference: related, bare ids and links to obsolete documents")
  func obsoleteReferences() {
    let marked = Marked(
      ExampleRepository.procedure(
        related: "[↓QP-009]", records: "Old: ↓QP-009 and ↓[link](QP-009-old-audit.md). Current: QP-002."))
    let findings = lint(marked.text, rule: "obsolete-reference")
    #expect(findings.map(\.position) == marked.positions)
  }

  @Test("duplicate-id is reported on each file after the first, naming it")
  func duplicateIDs() {
    let text = ExampleRepository.procedure(id: "QP-020")
    let report = ExampleRepository.linter.lint([
      LintFile(path: "b/QP-020.md", data: Data(text.utf8)),
      LintFile(path: "a/QP-020.md", data: Data(text.utf8)),
      LintFile(path: "c/QP-020.md", data: Data(text.utf8)),
    ])
    let findings = report.findings.filter { $0.rule == "duplicate-id" }
    #expect(findings.map(\.path) == ["b/QP-020.md", "c/QP-020.md"])
    #expect(findings.allSatisfy { $0.message.contains("a/QP-020.md") && $0.line == 2 && $0.column == 5 })
  }

  @Test("approver-count points at the type line")
  func approverCount() throws {
    let example = try #require(ApproverCountRule.failingExamples.first)
    let finding = try #require(lint(example, rule: "approver-count").first)
    #expect(finding.position == SourcePosition(line: 4, column: 7))
    #expect(finding.message.hasPrefix("type 'manual' needs 3 approvals (quality, owner, admin)"))
  }

  @Test("front-matter checks the type and owner against sop.yml, with their lines")
  func frontMatter() {
    let text = ExampleRepository.document(
      type: "procedur", owner: "nobody@example.com", body: "# Calibrate test gear\n")
    let findings = lint(text, rule: "front-matter")
    #expect(findings.map(\.position) == [SourcePosition(line: 4, column: 7), SourcePosition(line: 5, column: 8)])
    #expect(findings[0].message.contains("did you mean 'procedure'?"))
    let noPolicy = Linter(policy: nil)
    #expect(lint(text, rule: "front-matter", linter: noPolicy).isEmpty)
    let missing = lint("---\nid: QP-010\ntitle: T\ntype: procedure\n---\n", rule: "front-matter")
    #expect(missing.map(\.message) == ["missing required key 'owner': add `owner: …` to the front matter"])
  }
}

/// The examples' policy with a `lint:` block appended.
func policyWith(lint block: String) -> Policy {
  try! Policy.decode(yaml: ExampleRepository.policyYAML + "\nlint:\n" + block)
}

@Suite("Chinese and Japanese sentences")
struct CJKSentenceTests {
  @Test("Sentences end at 。！？ and are measured in characters; the column counts characters")
  func cjk() {
    let long = String(repeating: "校正", count: 26) + "。"  // 52 characters
    let marked = Marked(ExampleRepository.procedure(purpose: "短い文です。↓" + long))
    let findings = lint(marked.text, rule: "sentence-length")
    #expect(findings.map(\.position) == marked.positions)
    #expect(findings.first?.metrics["characters"] == 52)
    #expect(findings.first?.message == "split this sentence: 52 characters, aim for 50 or fewer")
    let short = ExampleRepository.procedure(purpose: String(repeating: "校正する。", count: 20))
    #expect(lint(short, rule: "sentence-length").isEmpty)
  }
}

@Suite("Template guidance")
struct TemplateGuidanceTests {
  @Test("Guidance left in is reported by unfinished, not graded as the author's prose")
  func guidance() {
    let text = ExampleRepository.procedure(
      purpose: """
        This procedure keeps our test gear accurate.

        *Note: describe here, in your own words and in as much detail as a new reader needs, which gauges, \
        meters and test sets this procedure covers, and why. Delete this note when done.*
        """)
    let findings = lint(text)
    #expect(findings.map(\.rule) == ["unfinished"])
  }

  @Test("repeated-word: at the second word, across a wrapped line, not across code or in a species name")
  func repeatedWords() {
    let marked = Marked(
      ExampleRepository.procedure(
        purpose: """
          Site supervisors are ↓are responsible for it. Set the meter to `fast` to save power. The
          ↓the gauges go to the lab. _Rattus rattus_ is not kept here.
          """))
    let findings = lint(marked.text, rule: "repeated-word")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.map(\.message) == [
        "'are are': the word 'are' is written twice; delete one",
        "'The the': the word 'the' is written twice; delete one",
      ])
    #expect(findings.allSatisfy { $0.severity == .warning })
  }

  @Test("markup: a bold pair with a space inside, at its opening asterisks (characters, not bytes); nested items once")
  func brokenBold() {
    let marked = Marked(
      ExampleRepository.procedure(
        purpose: """
          Für § 4 gilt: ↓**Action: **Check the gauge, and ↓** AT NO TIME** open its case. `** code **` is \
          code, \\** is escaped, per day** and the ** rest close nothing, **bold** is bold.

          * Gauges
          ↓** Calibrated once a year by the lab
          *** Labelled with the due date
          """))
    let findings = lint(marked.text, rule: "markup")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.map(\.message) == [
        "'**Action: **' shows its asterisks on the page, because a space stands before the closing asterisks: "
          + "write '**Action:**'",
        "'** AT NO TIME**' shows its asterisks on the page, because a space stands after the opening asterisks: "
          + "write '**AT NO TIME**'",
        "'** Calibrated once a year by the lab' starts with asterisks that Markdown shows as text (AsciiDoc's "
          + "nested list item), and so do 1 more line: indent each item under the one above it and start it with '-'",
      ])
    #expect(findings.allSatisfy { $0.severity == .warning })
    // One line that starts with "** " is a footnote's note, not a nested list.
    #expect(
      lint(ExampleRepository.procedure(purpose: "Costs 40 euros a day**\n\n** Weekdays only."), rule: "markup").isEmpty)
  }

  @Test("unfinished: a writer's instruction in capitals, in an indented block at its source line; not SQL or a key")
  func capitalInstruction() {
    let marked = Marked(
      ExampleRepository.procedure(
        purpose: """
          !!! warning "Solder"
              Keep the iron in its stand. Press the INSERT key to add a row.

              ↓INSERT PICTURE OF FAILING TO COMPLY

              INSERT INTO gauges VALUES (1);
          """))
    let findings = lint(marked.text, rule: "unfinished")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.map(\.message) == [
        "placeholder 'INSERT PICTURE OF FAILING TO COMPLY' is still here (indented, so the page shows it as code): "
          + "replace it with what it asks for"
      ])
    #expect(findings.map(\.severity) == [.error])
  }

  @Test("broken-reference: a link with a space before its address is a warning at its bracket")
  func spacedLink() {
    let marked = Marked(
      ExampleRepository.procedure(
        records: "Book on ↓[Moodle] (https://moodle.example.org) first.\n\n- [x] (optional) Keep a copy.\n"))
    let findings = lint(marked.text, rule: "broken-reference")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.map(\.message) == [
        "'[Moodle] (https://moodle.example.org)' is not a link: the space between ']' and '(' makes the page show "
          + "the brackets and the address as text; remove it"
      ])
    #expect(findings.map(\.severity) == [.warning])
  }

  @Test("step-numbers: one finding per list at the first number out of order; lists carried on are in order")
  func stepNumbers() {
    let marked = Marked(
      ExampleRepository.procedure(
        steps: """
          1. Check the due date on the gauge label.
          2. Send the gauge to the lab.
          ↓7. Write the new due date in the register.
          7. File the report.

          The lab keeps the gauge for a week.

          8. Put the gauge back on its shelf.

          ## Storage

          ↓3. Keep each gauge in its case.
          """))
    let findings = lint(marked.text, rule: "step-numbers")
    #expect(findings.map(\.position) == marked.positions)
    #expect(
      findings.map(\.message) == [
        "the steps skip from 2 to 7 (the page shows 3): if steps 3 to 6 are missing, write them; otherwise "
          + "number the steps in order",
        "this numbered list starts at 3, but the list before it reached 8: steps 3 to 8 are numbered twice; "
          + "number the steps in order",
      ])
  }
}
