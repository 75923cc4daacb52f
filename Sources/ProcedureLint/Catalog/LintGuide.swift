/// The prose of `docs/lint.md` around the rule reference.
enum LintGuide {
  static let introduction = """
    # sop lint

    <!-- Generated from the rule catalog (Sources/ProcedureLint). Do not edit by hand: run
         SOP_RECORD=1 swift test --filter ProcedureLintTests to regenerate it. -->

    `sop lint` reads controlled documents (Markdown with YAML front matter) and reports what makes them \
    hard to follow, find or control: steps that are too long, lists with too many steps, forms with too \
    many fields, missing sections, broken references. Every finding points at the line and column of the \
    offending text (front matter included) and says what to do, with its numbers.

    ```
    sop lint [PATH...] [--format text|json|sarif] [--min-severity suggestion|warning|error] [--all] [--list-rules]
    ```

    - `PATH…`: files or folders to lint (default: every controlled document in the repository).
    - `--format`: `text` (default), `json` or `sarif`.
    - `--min-severity`: leave out findings below this severity (default `suggestion`, everything).
    - `--all`: in text output, list every finding (by default a file's findings of one rule after the \
    first five are counted on one line instead).
    - `--list-rules`: print every rule with its default severity and options, then exit.

    Each finding has a severity: `suggestion`, `warning` or `error`. `sop lint` exits with status 1 when \
    an `error` finding remains after `--min-severity` (see docs/cli.md), and `sop approve` refuses \
    content with an error finding. Files are read once and linted in parallel on all cores.

    """

  static func sections(sampleReport report: LintReport) -> String {
    let sample = LintReport(findings: Array(report.findings.prefix(2)), fileCount: 1)
    return """
      ## Output formats

      ### Text

      One line per finding, `path:line:column: severity rule-id: message`, then a summary line. Colour is \
      used only when the output is a terminal. A file with more than 10 findings gets a line of its own \
      first (`path: 62 findings (0 errors, 58 warnings, 4 suggestions)`), and after the first 5 findings of \
      one rule in one file the rest are counted on one line (`path: 40 more sentence-length findings not \
      shown (run with --all to see them)`). `--all` lists them all; JSON and SARIF always hold every finding.

      ```
      \(TextReporter.render(sample))
      ```

      ### JSON

      `--format json` prints one object with `findings` (sorted by path, line and column) and `summary`. Keys \
      are sorted and the output is pretty printed, so it diffs well. Each finding is flat: `rule`, \
      `severity`, `path`, `line`, `column`, `message`, and the numbers behind it (for example `words`, \
      `max`, `grade`, `fields`) as further keys.

      ```json
      \(JSONReporter.render(sample))
      ```

      ### SARIF

      `--format sarif` prints SARIF 2.1.0 for GitHub code scanning: `runs[0].tool.driver` is `sop` with \
      every rule (`id`, `name`, `shortDescription`, `fullDescription`, `help`, \
      `defaultConfiguration.level`). Each result has `ruleId`, `ruleIndex`, `level` (`error`, `warning`, \
      or `note` for a suggestion), `message.text`, one location (`artifactLocation.uri` is the \
      repository-relative path; `region.startLine` and `startColumn`), and \
      `partialFingerprints["sopFindingHash/v1"]`: a hash of the rule, the path and the offending text (or \
      the message without its numbers), plus an occurrence number. It holds no line number, so a finding \
      keeps its identity when lines above it move.

      ## Control comments

      HTML comments in the Markdown silence rules where a finding is expected and accepted:

      ```markdown
      <!-- sop-lint-disable sentence-length one-instruction -->
      …silenced from here…
      <!-- sop-lint-enable sentence-length one-instruction -->

      <!-- sop-lint-disable-next-line passive-voice -->
      1. The permit is signed by the site manager and the client's representative before work starts.

      <!-- sop-lint-disable-file doc-length -->
      ```

      - `sop-lint-disable RULE…` silences the rules from its line until a `sop-lint-enable` for them (or the \
      end of the file).
      - `sop-lint-disable-next-line RULE…` silences them on the next non-blank line (findings are placed at \
      the start of their sentence, list or heading).
      - `sop-lint-disable-file RULE…` silences them in the whole file, front matter included.
      - Without rule names a comment applies to every rule; `sop-lint-enable` without names ends every \
      range. Rule names may be separated by spaces or commas; unknown names are ignored.
      - Comments inside code blocks are code, not control comments.

      ## Configuration

      Severities and thresholds live in `sop.yml` under `lint:`. `rules` sets them for every document; \
      `types` overrides them for one document type (a key of `types` in sop.yml):

      ```yaml
      lint:
        rules:
          sentence-length: {severity: warning, step-max: 20, prose-max: 25}   # ASD-STE100; defaults 39 and 54
          passive-voice: off
          doc-length: {warning: 3000}
        types:
          form:
            form-fields: {warning: 20, error: 40}
          policy:
            readability: {severity: suggestion}
      ```

      - A rule's value is either a severity (`off`, `suggestion`, `warning`, `error`) or a mapping of \
      `severity` and the rule's numeric options. Options are numbers; each rule's options are listed in \
      the table above and in the rule reference below.
      - `off` turns the rule off. Any other `severity` replaces the severity of every finding of the rule; \
      for rules with tiers (`doc-length`, `readability`, `passive-voice`, `form-fields`) leave `severity` \
      out to keep the tiers and change only the thresholds.
      - A type override is merged over the general setting, option by option.
      - `known-terms` (beside `rules` and `types`) lists acronyms everyone in the organisation knows, e.g. \
      `known-terms: [SWMS, HSE]`; `undefined-acronym` does not report them.
      - An unknown rule id, option name, severity or type is not an error: `sop lint` prints a warning \
      naming the key (with a "did you mean" when close) and ignores it. The warning goes to standard error, \
      e.g. `sop: warning: sop.yml: lint.rules.sentence-lenght: unknown lint rule 'sentence-lenght'; did you \
      mean 'sentence-length'?; it is ignored`, and does not change the exit code.

      ## How prose is measured

      `doc-length`, `section-length`, `sentence-length`, `readability` and `passive-voice` read the prose \
      only: front matter, code blocks, inline code, tables, raw HTML, images, link URLs and bare URLs are \
      left out; link text stays. The action cells of a step table (a header with Step and Action columns) \
      are steps, so they are read as prose. Block quotes and a licence notice in the last three paragraphs \
      are prose for `doc-length` and `section-length` only.

      - Words are runs of non-space characters with at least one letter or digit.
      - Sentences end at `.`, `!`, `?` or `…` followed by a space or the end of the text (closing quotes \
      and brackets allowed), but not after common abbreviations (e.g., i.e., etc., No., Mr., Mrs., Ms., \
      Dr., vs., cf., approx., Fig., St., incl., Ref., and in citations Art., para., Sec., Sect., Ch., p.) \
      and not inside numbers (3.5); "etc." ends a sentence when the next word starts with a capital. Each heading, list item \
      and table cell ends a sentence, and so does a line that is all bold or that a bold label starts on \
      the next line (`**Severity**: High`, one field of a title block a line).
      - Syllables are estimated per word: count groups of vowels (a, e, i, o, u, and y when not the first \
      letter); drop a silent final e (make) but not in a consonant + le ending (table); drop a silent -ed \
      except after t or d (checked 1, started 2); drop a silent -es except after s, x, z, c, g, ch or sh \
      (makes 1, boxes 2); every word has at least one syllable; numbers count as one.
      - Flesch–Kincaid grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
      - Pages are 500 words; reading time is words ÷ 238 per minute (Brysbaert, 2019), rounded up.

      ## Precision on real-world text

      Issue 14 judged lint on 89 third-party ISO 13485 / IEC 62304 templates: 24% of findings right, 40% \
      debatable, 36% wrong. The rules were then checked on `Tests/ProcedureLintTests/Fixtures/RealWorld/`: \
      eight documents written in the style of such templates (numbered `###` step headings, quoted \
      standards and regulations, licence footers, `<enter …>` placeholders, Yes / No and Covered / Not \
      covered checklists, a register, an induction checklist, model numbers). Each finding was judged by \
      hand, as a quality manager would: right (a new employee would be helped by fixing it), debatable, \
      or wrong (fixing it would not help, or the advice does not fit).

      | Run | Findings | Right | Debatable | Wrong |
      | --- | --- | --- | --- | --- |
      | before (the rules of commit 5c10a5d) | 21 | 7 (33%) | 1 (5%) | 13 (62%) |
      | after (all rules, `undefined-acronym` included) | 43 | 33 (77%) | 10 (23%) | 0 (0%) |
      | after, without `undefined-acronym` | 28 | 25 (89%) | 3 (11%) | 0 (0%) |

      Wrong before: forms graded for readability on a few words, Yes / No rows, tick boxes and a register \
      counted as fields to write (three approval-blocking errors), a quoted regulation graded as a long \
      sentence, and passives in subordinate clauses ("If a box is damaged, …", "when the check is done"). \
      Debatable after: reading grades of 8.8 and 9.8 on descriptive text, a 23-word descriptive step, and \
      acronyms that many readers know (QMS, MDR, CTO). The after run also finds what passed before: four \
      unfinished places (`<enter role of process owner>`, `TBD`, `[insert …]`, a "Delete this note" \
      guidance paragraph), steps written as numbered headings, references to "SOP Internal Auditing" and "the \
      Training procedure", which do not exist, and QMO, PRRC, SOUP and CAPA never spelled out.

      How far to trust this: six of the eight documents were written before the rules changed, but their \
      findings were read while changing them (one fix, reduced relative clauses such as "the date it was \
      found", came from them). The other two (SOP-003, FRM-004) were written afterwards as a held-out check: \
      their first run gave 8 findings, 6 right, 1 debatable and 1 wrong ("Covered | Not covered" columns \
      counted as fields to write, an error); that and a passive inside a "how" clause were then fixed. \
      Eight documents are a small sample. One miss is known: "the Management Review procedure" passes because \
      a form titled "Management review checklist" holds both words (titles are matched by words, not type).

      ### A held-out check on twelve third-party procedures (2026-11-30)

      A held-out check on text nobody had tuned to: twelve procedures from five public repositories, none from \
      the template set above. They are Rowe IT's ISO 9001 handbook (document control, display screen \
      equipment, customer feedback), NEWAGE Labs' MkDocs QMS (internal audits, complaints, an empty skeleton), \
      two Word-converted procedures of a medical-device start-up (calibration, complaint handling with 21 CFR \
      820.198 quoted in full), three software work instructions with `### Step n:` headings, and a builder's \
      calibration SOP. They were linted with `required-sections: []`. All 140 findings were judged the same \
      way. Eighteen were left out because they were artefacts of copying: links to images, PDFs and `../../` \
      pages that exist in the source repositories but were not copied.

      | Rule | Judged | Right | Debatable | Wrong |
      | --- | --- | --- | --- | --- |
      | sentence-length | 51 | 17 (33%) | 20 (39%) | 14 (27%) |
      | passive-voice | 20 | 7 (35%) | 4 (20%) | 9 (45%) |
      | heading-structure | 19 | 3 (16%) | 15 (79%) | 1 (5%) |
      | undefined-acronym | 17 | 3 (18%) | 3 (18%) | 11 (65%) |
      | readability | 9 | 3 (33%) | 5 (56%) | 1 (11%) |
      | section-length | 4 | 1 (25%) | 2 (50%) | 1 (25%) |
      | one-instruction, broken-reference | 2 | 1 | 1 | 0 |
      | **all** | **122** | **35 (29%)** | **50 (41%)** | **37 (30%)** |

      This misses the target of issue 14 (at least 70% right and at most 10% wrong) by as much as the original \
      run did (24 / 40 / 36). Even if every debatable finding were counted as right, 30% would still be wrong. \
      No error was a false alarm: the only error that was not an artefact is a debatable backslash path.

      The wrong findings have six shapes:

      - Regulation text quoted without a block quote: §820.198 (a)–(g) and the 21 CFR 803.3 definitions, 11 \
        findings.
      - Capitalised ordinary words taken for acronyms: status values CLOSED, POSTED, LINKED, ACTIVE, and labels \
        such as "SEE ALSO", "NEXT SCHEDULED REVIEW", "DOCUMENT STATUS", 11 findings.
      - Passives that are states or system behaviour, 6 findings. Examples: "All POs are RECEIVED", "Verify the \
        call status is SCHEDULED", "The invoice is created in the accounts receivable system". The advice "Post \
        all time bills" changes the meaning.
      - Numbered items that are not steps, 3 findings: the Word-converted "3. **Training Requirement** – … shall \
        be trained", and a passive only in a relative clause ("corrections can be made").
      - Text the parser reads as one sentence, 3 findings: MkDocs links with spaces in the path, whose URL text \
        is counted as words, and a bold pseudo-heading with no blank line, glued to the next sentence.
      - One finding each: a reading grade on lists of two-word noun phrases, a second H1 ("# Appendices") told \
        to match the title, and a 7-word regulation title pushing a sentence to 26 words.

      Of the 50 debatable findings, 13 are prose sentences of 26–30 words and 13 are the same "H6 is 5 levels \
      deep", repeated for every heading in two runs of H6 headings. Several rewrites are garbled: "The \
      Technical Manager Deputy authores …", "Schedul verify the call status …". Two misses were found. \
      `unfinished` reports only empty *required* sections, so QP-004 (seven empty sections, the whole audit \
      procedure) and QP-006 (all four sections empty) pass. The placeholder "SOP-000x" is not caught either. \
      How far to trust this: one judge, who is not blind to the rules. The corpus is small, and two of the \
      five repositories look template-built.

      ### After the fixes: the twelve again, and six new procedures (2026-11-30)

      The twelve became the tuning set. The fixes: ordinary words in capitals, shouted labels and citations are \
      not acronyms, and a glossary defines a term only in an entry; a participle in capitals, a passive in the \
      object of an imperative, a system's action after an instruction and a labelled item get no passive advice, \
      and no garbled rewrite is offered; quoted law without a block quote is quoted; MkDocs link paths with \
      spaces are not words, and an all-bold line ends a sentence; a run of too-deep sibling headings is one \
      finding and only the first H1 is the title; empty sections and placeholder ids are `unfinished`; a \
      descriptive sentence of 26 to 30 words is a suggestion. The twelve, linted again and judged the same way \
      (97 findings, the same 18 artefacts):

      | Rule | Judged | Right | Debatable | Wrong |
      | --- | --- | --- | --- | --- |
      | sentence-length | 38 | 17 (45%) | 20 (53%) | 1 (3%) |
      | readability | 9 | 3 (33%) | 5 (56%) | 1 (11%) |
      | passive-voice | 9 | 7 (78%) | 2 (22%) | 0 |
      | undefined-acronym | 9 | 4 (44%) | 5 (56%) | 0 |
      | unfinished | 6 | 6 (100%) | 0 | 0 |
      | heading-structure | 5 | 3 (60%) | 2 (40%) | 0 |
      | section-length, one-instruction, broken-reference | 3 | 2 | 1 | 0 |
      | **all** | **79** | **42 (53%)** | **35 (44%)** | **2 (3%)** |

      No right finding was lost; 35 wrong and 16 debatable ones went, and 9 new ones came (the seven empty \
      sections and "SOP-000x" that were missed, and three acronyms that a mere glossary mention had hidden). \
      These documents were read while the rules changed, so this says little about other text. The held-out \
      check is six procedures from four other public repositories, chosen before the fixes and not linted \
      until they were done: two university-lab SOPs (an informal heavy-liquid separation, a belt-sander form), \
      a community kitchen's cleaning and storage procedures (DO / DO NOT lists), a sample ISO 13485 CAPA \
      procedure and a medical-device software CAPA procedure with numbered section headings ("4.1.1"). 42 \
      findings; 6 are links to images and pages that exist in the source repositories but were not copied:

      | Rule | Judged | Right | Debatable | Wrong |
      | --- | --- | --- | --- | --- |
      | sentence-length | 15 | 6 (40%) | 7 (47%) | 2 (13%) |
      | one-instruction | 6 | 3 (50%) | 2 (33%) | 1 (17%) |
      | undefined-acronym | 4 | 1 (25%) | 2 (50%) | 1 (25%) |
      | unfinished | 4 | 1 (25%) | 2 (50%) | 1 (25%) |
      | heading-structure | 2 | 1 | 1 | 0 |
      | passive-voice | 2 | 1 | 1 | 0 |
      | readability | 2 | 0 | 1 | 1 |
      | broken-reference | 1 | 0 | 0 | 1 |
      | **all** | **36** | **13 (36%)** | **16 (44%)** | **7 (19%)** |

      This still misses issue 14's target (at least 70% right, at most 10% wrong). The held-out wrong findings \
      have new shapes: a decimal section number ("### 4.1.1 Investigation") taken for a step number, so its \
      prose is held to the step limit of 20 words (3 findings, and 3 debatable); an acronym spelled out only in \
      the H1 ("Corrective and Preventive Action (CAPA)"); a title block written as headings ("## SOP-011") \
      reported as empty sections; the label "**SOP Title:**" read as a reference by title; a reading grade on \
      short lists of QMS noun phrases. The two kitchen procedures gave no finding at all. Same caveats: one \
      judge, not blind to the rules, and a small sample.

      ### A second held-out check: nine procedures from five more repositories (2026-11-30)

      The five held-out shapes were fixed next, each with a failing and a passing example: a section number of \
      two or more levels followed by a noun phrase ("### 4.1.1 Investigation") heads a section, not a step; an \
      acronym spelled out in a heading or the title is defined; a title block written as headings (a document \
      id, the title again, "Revision history" above the first text) is not a set of empty sections; "SOP \
      Title:" is a label; readability grades running prose only (a list item of fewer than 8 words without a \
      full stop is left out, and the 100-word minimum counts what is left). The six procedures above, linted \
      again (the same 6 artefacts): 27 judged, 12 right (44%), 15 debatable (56%), 0 wrong. All 7 wrong \
      findings went; so did one right one (a passive under "4.1.3 Evaluation", which is no longer a step, so \
      it gets no advice of its own; it still counts in the passive share) and one debatable one.

      The new held-out corpus is nine procedure-shaped documents from five public repositories not used \
      before, chosen (by reading them, not their lint output) before these fixes were written, and linted only \
      after they were committed: an unfilled ISO 13485 internal-audit SOP from an Obsidian QMS template, the \
      document-control and record-control SOPs of an eQMS project (Word-style numbered items, regulations \
      cited, status tables), four pages of a university lab manual (biohazard waste, cold room, shipping, \
      tissue culture; informal, written for kramdown), a lab-safety protocol on a protocol template, and a \
      security-operations playbook (step tables with tick boxes). They were linted with \
      `required-sections: []`. All 112 findings were judged as above; 11 are artefacts of copying (links to \
      pages and images that exist in the source repositories, and an H1 that differs from the title only \
      because the title was copied without its id):

      | Rule | Judged | Right | Debatable | Wrong |
      | --- | --- | --- | --- | --- |
      | passive-voice | 30 | 12 (40%) | 9 (30%) | 9 (30%) |
      | sentence-length | 30 | 9 (30%) | 20 (67%) | 1 (3%) |
      | undefined-acronym | 24 | 2 (8%) | 17 (71%) | 5 (21%) |
      | readability | 6 | 0 | 5 (83%) | 1 (17%) |
      | unfinished | 3 | 3 (100%) | 0 | 0 |
      | heading-structure | 3 | 2 | 1 | 0 |
      | section-length | 3 | 0 | 3 | 0 |
      | one-instruction | 2 | 1 | 0 | 1 |
      | **all** | **101** | **29 (29%)** | **55 (54%)** | **17 (17%)** |

      This misses issue 14's target (at least 70% right, at most 10% wrong), as the first held-out check did \
      (36% right, 19% wrong). No error was a false alarm (the three errors that are not artefacts are the unfilled \
      template's placeholders). The wrong findings: passive advice on what a system does or on a state \
      ("Notifications are sent to affected users", "the signature is permanently linked to the record", "the \
      default retention period is set to 15 Years", "Documents … are watermarked"; 4), garbled rewrites \
      ("Stor electronic records", "Store all plates need …", "Keep or a metadata log entry …"; 3), a \
      prohibition rewritten "Prohibit deletion of records", a passive share just over 15% made of \
      descriptions; acronyms every reader knows (IP, UV, VIP), "ONE" written for emphasis, and OWASP, an \
      organisation's name (5); a title block of bold-labelled lines read as one 29-word sentence and graded; \
      a `;` inside brackets read as a second instruction. Most debatable findings are descriptive sentences of \
      26 to 30 words, steps of 21 to 23 words, acronyms the readers of such a document know (SOP, QMS, SQL, \
      SIEM, MFA), and reading grades of regulatory or conversational prose. Misses: the unfilled template's \
      empty tables, `[DD/MM/YYYY]` and the heading "6.1 [Step or sub-process]"; a protocol template's \
      leftovers inside indented code blocks; thirteen steps where items 10 to 13 lack the space after the \
      number, so CommonMark reads them as one paragraph of step 9 (no `step-count` finding); headings written \
      without a space after the `#` (`####Cold Room Storage`, a heading in kramdown, text in CommonMark), \
      which are reported only indirectly, as long sections.

      Then the nine became a tuning set too. The fixes: a `;` in brackets does not chain instructions; \
      "stored", "disposed of" and "need to be stored" give whole rewrites, a subject cut at a quote gives no \
      rewrite, a prohibition is advised as "Do not …"; IP, UV, VIP and emphasis words such as ONE and ANY \
      are known; a line that starts with a bold label ends a sentence; a date format in brackets \
      (`[DD/MM/YYYY]`) is a placeholder; a heading without the space after its `#` signs is reported. The \
      nine, linted again (112 judged, the same 11 artefacts): 50 right (45%), 55 debatable (49%), 7 wrong \
      (6%). Of the 50 right findings, 17 are new and were added for misses found in these very documents \
      (15 headings without their space, 2 unfilled dates); without them, 33 of 95 (35%). Still wrong: the four \
      passives that describe what a system does and the share made of descriptions, OWASP, and a reading \
      grade of 10.3 on a playbook whose prose is terse technical step-table actions. These numbers are \
      from documents read while the rules changed, so they say little about other text; the held-out \
      figures above are the ones to compare. The corpus, its sources (repository, path, commit) and the \
      judgement of every finding were kept in a scratch directory, not in this repository \
      (`/tmp/lint-holdout2`: `SOURCES.md`, `JUDGED-heldout.md`, `JUDGED-after.md`). Same caveats: one judge, not blind to the rules, and a \
      small sample.

      ### A third held-out check: nine procedures from four more repositories (2026-11-30)

      Before it, the rules were changed where the earlier checks had found mostly debatable findings, each \
      with failing and passing examples: a step is reported from 24 words and another sentence from 31 \
      (`step-max` 23 and `prose-max` 30; they were 20 and 25, ASD-STE100's limits, which a team can still \
      set in sop.yml); a reading grade only above 10 (the suggestion from 8 went); SOP, QMS, QA, QC, KPI, \
      PPE, SDS and MSDS are known acronyms; a template's step slot left empty ("### 6.1 [Step or \
      sub-process]", a last line "10.[Step 10]") is unfinished, but not a "[Step 1]" label left before a \
      written step. On the second corpus these changes removed 20 findings (19 debatable; 1 right, a \
      26-word sentence that holds two actions) and added 1 right one, the "6.1 [Step or sub-process]" heading.

      The held-out corpus is nine procedure-shaped documents from four public repositories not used before, \
      chosen by reading them before any of these changes was written, and linted only once they were \
      committed (debug build of f49ddb3; the fix after it, 3a9dff4, gives the same findings): two machine SOPs of a university \
      makerspace (a laser cutter whose numbered steps restart at 1 around images, a drill press with bullet \
      steps under bold labels), four protocols of a university lab (receiving deliveries, using a pH meter, \
      automation liquid waste, glycerol stocks), two procedures of a small firm's ISO 9001 QMS \
      (nonconformity and corrective action, control of changes; they read machine-assisted) and a course's \
      SOP template half filled in as its own example. They were linted with `required-sections: []`. All \
      48 findings were judged as above; 10 are artefacts of copying (links to images that exist in the \
      source repository):

      | Rule | Judged | Right | Debatable | Wrong |
      | --- | --- | --- | --- | --- |
      | undefined-acronym | 13 | 0 | 6 (46%) | 7 (54%) |
      | one-instruction | 9 | 5 (56%) | 1 (11%) | 3 (33%) |
      | sentence-length | 4 | 3 (75%) | 1 (25%) | 0 |
      | heading-structure | 4 | 2 (50%) | 2 (50%) | 0 |
      | passive-voice | 4 | 0 | 2 (50%) | 2 (50%) |
      | readability | 2 | 2 | 0 | 0 |
      | section-length, broken-reference | 2 | 1 | 0 | 1 |
      | **all** | **38** | **13 (34%)** | **12 (32%)** | **13 (34%)** |

      This misses issue 14's target (at least 70% right, at most 10% wrong) by more than the second check \
      did (29% right, 17% wrong). No error was a false alarm: the only errors are the ten image links. The \
      changed rules did what they were for: both reading grades (15 and 12.9, nominal corporate wording) \
      are right, and no finding came from a step of 21 to 23 words or a sentence of 26 to 30. With the \
      earlier thresholds, set in sop.yml on the same build, the corpus gives 5 more findings, all judged \
      debatable: steps of 22 and 23 words and reading grades of 8.6 and 9.1. The wrong findings have new \
      shapes: words in capitals that are not acronyms (7 of the 13 acronym findings: a pH meter's buttons \
      after "Press", READ, END, SAVE and EXIT; "THANKS!"; a building code to copy into a form, ZRC; and PVC); a \
      `;` that joins an instruction to its consequence or explanation ("Do not operate the laser cutter \
      alone; doing so will get your access revoked", 3); passive advice on what software does ("You'll be \
      asked to give your job a name", rewritten "Ask you'll …") and on a reduced relative clause ("the \
      procedure being defined", rewritten "Define chart map …"); and the text of a link to a web page \
      ("37 Best Standard Operating Procedure (SOP) Templates") read as a reference by title. Most debatable \
      findings are acronyms the readers know (PI, CAD, LB, DOT, MSKCC, EVO); the others are a passive \
      share of 16.1% made mostly of descriptions, headings that start at H3 where the source has no H1, an \
      H6 inside a step told to be an H2, a garbled rewrite ("Scansnap' all documents") and a 27-word note. \
      Missed: the half-filled template's bracketed guidance ("[What areas of the organization will be \
      affected.]", standing alone or in a block quote) is not reported, because it does not start with an \
      instruction verb; and the laser cutter's list, restarted at 1 after each image, is several short \
      lists, so `step-count` does not see its 15 steps. The corpus, its sources (repository, path, commit) \
      and the judgement of every finding were kept in `/tmp/lint-holdout3` (`SOURCES.md`, \
      `JUDGED-heldout.md`). Same caveats: one judge, not blind to the rules, and a small sample; four of \
      the nine documents come from one lab.

      Then the nine became a tuning set too. The fixes, each with a failing and a passing example: a `;` \
      followed by a pronoun, "too" or an -ing word opens a comment on the instruction, not a second one; \
      "(SOP) Templates" is not a reference by title; a passive whose subject is the reader ("You'll be \
      asked …") or "being" with a participle after a noun gets no advice; a word in capitals right after \
      "press", "click", "tap", "push", "hit" or "select" (or joined to such a word by "or") is a button, \
      not an acronym; and, for the miss, a paragraph, list item or heading that is one bracketed sentence \
      ("[What areas of the organization will be affected.]") is template guidance, an error of \
      `unfinished`. The nine, linted again (the same 10 artefacts): 35 judged, 20 right (57%), 11 \
      debatable (31%), 4 wrong (11%). 9 wrong findings and 1 debatable one went, no right one; the 7 new \
      right ones are the template's guidance paragraphs, found in these very documents (without them, 13 \
      of 28, 46%). On the second corpus these fixes change no finding, and on the first the new guidance \
      check finds nothing (a bracketed MkDocs link whose path has spaces is left alone). Still wrong: PVC, "THANKS!" and the building code ZRC \
      read as acronyms, and a `;` before "consider …" that says how to do the first action. These numbers \
      come from documents read while the rules changed; the held-out figures above are the ones to \
      compare (`JUDGED-after.md`).

      ### Round four: what the three checks had in common (2026-11-30)

      The judges' reasons of all three held-out checks were read together, and each rule was made to fire \
      only on the shapes a quality manager had clearly agreed with. The changes, each with failing and \
      passing examples in the rule reference below:

      - `undefined-acronym` (0 right of 37 findings over the second and third checks): an acronym used once \
      in a document is reported only when another document being linted uses it too; an acronym spelled by \
      capitalised words anywhere in the document or its title ("the Department of Environmental Health and \
      Safety" for EHS) is not reported; a built-in list of shouted words and key labels (THANKS, END, \
      ENTER) and of everyday acronyms (PVC, SQL, MFA, DNA, FDA, CFR) is known. The organisation's own \
      acronyms, which recur, are still reported.
      - `passive-voice`: a step gets advice only when its passive carries an obligation ("must be", \
      "shall be", "should be", "needs to be", "is to be") or a prohibition ("is prohibited"); plain \
      passives in steps described what a system does. The share warns above 20% (was 15%). A negated \
      obligation is rewritten "Do not …"; a participle in mixed case ("ScanSnap'ed") gets no rewrite.
      - `one-instruction`: a `;` followed by "consider", "for example", "e.g.", "especially" and the like \
      says how to do the first action.
      - `step-count`: numbered lists with only pictures between them are one list (a miss of the third check).
      - `unfinished`: a template's outline indented as code ("[Issue 1]:") and a table whose rows are all \
      empty, outside forms and signature tables (two misses of the second check; the table is a warning).
      - `heading-structure`: without an H1, the shallowest heading is the top level; a heading inside a list \
      item is advised as bold text; a first H1 that is a numbered section ("# 1. Purpose") asks for the \
      missing title instead of "make them the same".
      - `section-length`: headings written without their space split the count.
      - `sentence-length`: a sentence wholly in round brackets inside a step is a note, held to the limit of \
      other text.
      - `readability`: a step table's action cells written as short phrases without a full stop are left \
      out of the grade, as short list items already were.

      The two earlier held-out corpora are tuning sets now, so these are tuned figures, not held-out ones. \
      Linted with the debug build of this round and judged with the earlier judges' verdicts where the \
      finding is the same (same place, same rule), and by this round's author where it is new or its message \
      changed, or had no earlier verdict (8 findings, marked as such in `/tmp/lint-round4/JUDGED-holdout2.md` and `JUDGED-holdout3.md`):

      | Corpus | Before (main at 7a5e89b) | After |
      | --- | --- | --- |
      | second check, 12 documents | 93 judged: 50 right (54%), 36 debatable (39%), 7 wrong (8%) | 70 judged: 52 right (74%), 18 debatable (26%), 0 wrong |
      | third check, 9 documents | 35 judged: 20 right (57%), 11 debatable (31%), 4 wrong (11%) | 25 judged: 22 right (88%), 3 debatable (12%), 0 wrong |

      Two right findings went (CAPA and UEBA, each used once in its document), and 24 debatable and 11 \
      wrong ones; two debatable ones became right with new advice (the missing title, a heading in a step). Of the findings after, 7 are new or changed by this round and were judged by its author \
      (6 right, 1 debatable); without them, the second corpus has 48 right of 66 (73%) and the third 20 of \
      22 (91%). On \
      the first held-out corpus nothing changed (26 findings before and after). In the sample repository \
      one finding went: WHS, used once in the policy and nowhere else. Still debatable: acronyms that are \
      the readers' own jargon and used several times (SIEM, SOC, RDP and AD in a security playbook, LB \
      in a lab), reading grades of regulatory prose, steps of 24 to 29 words, and "shall be retained" \
      advised as "Retain records …". No finding judged wrong is left. The real test is the next held-out corpus, which nobody working on these rules has seen.

      ### Round five: the fourth held-out check, and where sentence length starts (2026-11-30)

      The fourth held-out corpus (ten procedures from GitLab's and GSA's handbooks, a hackspace, lab protocols \
      and a runbook; nobody working on the rules had seen it) was judged 18 right, 49 debatable and 8 wrong \
      of 75 findings (24% / 65% / 11%). Over all four held-out checks the judges agreed on where a sentence \
      gets too long: just over the limit is debatable, well over it is right. Steps (limit 20, then 23) of \
      24 to 29 words: 5 right, about 18 debatable, 1 wrong; of 30 words or more: 6 right, 3 debatable. Other \
      sentences (limit 25, then 30) of 31 to 39 words: about 4 right, 25 debatable; of 40 or more: 6 right \
      and 1 wrong (a memo header read as one sentence). Plain-language guides commonly give 40 words as the \
      most for any sentence; ASD-STE100 gives 20 for procedures and 25 for descriptions, which a team can \
      still set. So `step-max` is 29 and `prose-max` 39: a step of 30 words and another sentence of 40 are \
      reported. The other changes, in the order of what they cost, each with failing and passing examples:

      - `sentence-length`: a line that starts with a bullet character (◦ • ▪ ‣ –), a table pipe (a table \
      CommonMark did not parse, such as a memo header starting with its divider row) or a short label \
      ("TO:", "Date:") is its own sentence.
      - `unfinished`: a heading that is itself a rule ("Put a sign on the machine …", "Do not store anything \
      in woodwork": four words or more that end as a sentence or open as an instruction, or eight words or \
      more) is content, not an empty section (3 wrong); Hugo shortcodes (`{{% alert %}}`, `{{< … >}}`) are \
      not template variables; a signature line left blank in a document that is not a form ("Signed: \
      \\_\\_\\_\\_") is an approval block nobody filled in (the judge's first miss).
      - `heading-structure`: without an H1, depth counts from the shallowest heading, so a handbook page in \
      H3 and H4 is two levels deep (1 wrong: "flatten it or move it to its own document").
      - `passive-voice`: the share is reported only from five passive sentences; 4 of 17 (23.5%), each \
      describing the system in a runbook whose steps are active, was judged wrong, while the shares judged \
      right held 8 to 17 passives. Counting only obligation passives would have lost right findings \
      ("is moved to", "can be tracked" in a 30% share).
      - `undefined-acronym`: office and computing acronyms any adult reader knows (DB, KB, MB, GB, SSD, SLA, \
      CRM, ERP, CFO, CV, SSO, …) are known (1 wrong: "DB"). Requiring three uses was considered and not \
      done: the findings judged right were used 3 and 5 times, the debatable ones 2 to 24 times, so the \
      count does not tell them apart. Most debatable ones are the organisation's own name (TTS, GSA, FAS), \
      known to its staff and unknown to a newcomer from outside.
      - `section-length`: a section more than half of whose words stand in list items is not reported. The \
      word counts did not separate right from debatable (right at 334 and 406 words; debatable from 308 to \
      674), but the shape did: long lists of numbered considerations or receipt fields were debatable, long \
      runs of mixed paragraphs right. The limit stays at 300.

      Not done: template guidance left as a plain sentence ("List of materials and methods for project \
      work." under Materials) reads like content; telling them apart needs the template.

      Linted with the debug build of this round; findings at the same place with the same rule keep the \
      earlier verdicts (a message that only quotes the new limit is the same finding), new ones were judged \
      by this round's author (one: QP-053's blank approval block, right). The fourth corpus is now a tuning \
      set, so these are tuned figures:

      | Corpus | Before (round four) | After |
      | --- | --- | --- |
      | fourth check, 11 documents | 75 judged: 18 right (24%), 49 debatable (65%), 8 wrong (11%) | 30 judged: 16 right (53%), 14 debatable (47%), 0 wrong |
      | second check, 12 documents | 70 judged: 51 right (73%), 19 debatable (27%), 0 wrong | 59 judged: 47 right (80%), 12 debatable (20%), 0 wrong |
      | third check, 9 documents | 25 judged: 21 right (84%), 4 debatable (16%), 0 wrong | 21 judged: 17 right (81%), 4 debatable (19%), 0 wrong |

      Right findings lost: 10 sentences under the new limits (steps of 24 to 28 words, sentences of 31 to 38), \
      and one 406-word section written as a list. On the fourth corpus the rest of the debatable findings \
      are acronyms of the organisation's own (6), reading grades of regulatory prose (2), sentences of 40 \
      to 45 words judged readable (2), passive steps whose rewrite keeps a noun or states a fact (2), a \
      clarification read as a second instruction (1) and a 308-word section (1). In the sample repository 13 findings went, all in QP-005: 12 sentences of 31 to 39 words, and \
      its 580-word Procedure section, a numbered list of 14 long steps that `step-count` still reports. \
      QP-005 keeps 69 findings (doc-length, readability, 43 long sentences and steps, a 67% passive share). \
      The real test is the next held-out corpus.

      ### A fifth held-out check: twelve procedures from nine more repositories (2026-11-30)

      Twelve documents from nine public repositories not used before (a makerspace's machine risk \
      assessment, lab protocols and an instrument instruction, a power-cut instruction, IT runbooks, a city's \
      purchasing workflow, HR requests, a hackspace's accident procedure and closing-up checklist, a \
      complaints procedure) were chosen and copied by someone who had not seen the rules or their changes, \
      and linted for the first time with the build of round five (sources and copying notes: \
      `/tmp/lint-holdout5/SOURCES.md` on the machine of that day). Another judge, who changed no code, read \
      every finding of that build and of the morning's release (7a5e89b) in its document:

      | Build | Findings | Copying artefacts | Judged | Right | Debatable | Wrong |
      | --- | --- | --- | --- | --- | --- | --- |
      | round five | 19 | 7 | 12 | 6 (50%) | 5 (42%) | 1 (8%) |
      | 7a5e89b | 40 | 7 | 33 | 10 (30%) | 17 (52%) | 6 (18%) |

      The wrong one left is "VM" in a system administrators' checklist. The five wrong ones the round \
      removed: "WELL" and "BBQ" taken for acronyms, two garbled passive rewrites and a `;` before "e.g." \
      read as a second instruction. Four right ones went with them: a 37-word sentence and a bullet of a \
      condition and three actions (under the new sentence limits), a passive step that never says who \
      follows the first-aid procedure, and "NEMs", used once and defined nowhere. A passive share of 21.1% \
      (4 of 19) is not reported because the share needs five passive sentences. So on text nobody tuned \
      to, wrong findings are at 8% (target at most 10%: met on this corpus) and right findings at 50% \
      (target at least 70%: not met). Twelve judged findings is a small sample.

      What the judge found that no build reports, for the next round: unfinished text in prose ("bring it \
      to the du,,,,", "(current? voltage? amperage?)", "<-- we need to figure this out"); steps that give no \
      method to check ("Verify the data was loaded successfully"); contacts never named ("report to \
      leadership"); H1 headings used as form labels; a numbered list restarting after each block quote.

      ### Round six: thresholds the judges called marginal, and unfinished prose (2026-11-30)

      The fifth check's debatable and wrong findings, and its judge's misses, each with failing and passing \
      examples:

      - `readability`: grades above 12 only (were 10). Over the six corpora judged so far, grades from 10 \
      to 12 were judged debatable seven times and right twice; grades above 12 right six times and \
      debatable three times. A team can still set `warning: 10`.
      - `step-count`: `max` is 12 (was 10): lists of 11 and 12 steps that read as one flow were judged \
      debatable, those of 14 to 17 right. New: a numbered list that starts again at 1 right after a short \
      block quote between steps (`> The correct program is now set.`) is reported once per run, with the \
      fix (indent the quote under its step); a Word-converted document whose one-item numbered labels stand \
      over long quoted paragraphs is not.
      - `unfinished`: a sentence that breaks off in a run of commas ("bring it to the du,,,,,,"), a \
      writer's note behind an arrow ("<-- we need to figure this out") and a paragraph that opens as a note \
      that it is still to be written ("Note, this needs to be updated with site-specific information") are \
      errors; open questions in brackets ("(current? voltage? amperage?)") and a step struck through as a \
      whole are warnings. "This needs to be set up every time …", "Note: this needs to be updated each \
      year", "(When did it start? What changed since?)" and a word struck through inside a sentence pass.
      - `heading-structure`: a first H1 that is a section ("# Purpose", or one of three or more H1s, such \
      as a risk assessment's "# Tool", "# Induction", "# Risk") is advised as a missing title ("add \
      '# Table Saw' above it and make the sections H2"), not "make them the same" (3 debatable, on three \
      corpora, for that advice).
      - `undefined-acronym`: VM is known (1 wrong: "every reader knows it").

      Not done: organisation names (TTS, GSA, FAS) still cannot be told from jargon; a passive share made \
      of checklist states ("Shed door closed and latched") keeps its advice; steps with no way to check \
      them ("Verify the data was loaded successfully") and contacts never named are left to the reader.

      Linted with the debug build of this round against the release build of main; the verdicts are the \
      judges' where the finding is unchanged, and this round's author's for the 3 heading messages and the \
      7 new findings (each one a miss the fifth check's judge named). The fifth corpus is now a tuning set:

      | Corpus | Before | After |
      | --- | --- | --- |
      | fifth check, 12 documents | 12 judged: 6 right (50%), 5 debatable (42%), 1 wrong (8%) | 15 judged: 14 right (93%), 1 debatable (7%), 0 wrong |
      | fourth check, 11 documents | 30 judged: 16 right (53%), 14 debatable (47%), 0 wrong | 28 judged: 16 right (57%), 12 debatable (43%), 0 wrong |
      | second check, 12 documents | 59 judged: 47 right (80%), 12 debatable (20%), 0 wrong | 57 judged: 47 right (82%), 10 debatable (18%), 0 wrong |

      Right findings lost: two reading grades of 11.2 and 11.3 on the first (tuning) corpus. In the sample \
      repository no finding came or went: QP-005 keeps its reading grade of 19.4 and its 14-step list, \
      whose messages now quote the new limits. The real test is the next held-out corpus.

      ### A sixth held-out check, and what followed (2026-11-30)

      Fifteen documents from thirteen public repositories not used before (a safeguarding policy, an \
      evacuation plan, IT runbooks, a western-blot and an RNA-extraction protocol, makerspace cleaning, \
      restocking and departure checklists, door-access and bar procedures, holiday, time-off and grievance \
      procedures, a lab onboarding checklist, a DMCA takedown procedure) were chosen and copied by someone \
      who had not seen the rules or their changes, and linted for the first time with the build of round \
      six (`/tmp/lint-holdout6/SOURCES.md` on the machine of that day). Another judge, who changed no code, \
      read every finding of that build and of the morning's release (0e17f82) in its document:

      | Build | Findings | Copying artefacts | Judged | Right | Debatable | Wrong |
      | --- | --- | --- | --- | --- | --- | --- |
      | round six | 42 | 3 | 39 | 15 (38%) | 17 (44%) | 7 (18%) |
      | 0e17f82 | 48 | 3 | 45 | 14 (31%) | 22 (49%) | 9 (20%) |

      So on text nobody tuned to, round six removed six findings (four reading grades from 10 to 12, all \
      debatable; "VM" twice, wrong) and lost no right one, and **the target is still not met**: 38% right \
      (target at least 70%) and 18% wrong (target at most 10%). By rule: `sentence-length` 17 findings, 7 \
      right and 10 debatable (background and hedging prose that reads well; a "214-word sentence" whose \
      real fault is steps written "3 Add …" without list syntax); `undefined-acronym` 6, of which 4 wrong \
      (ECL and PI in lab documents, RPM, the organisation's own OCF) and 1 right (a building, LSB, in an \
      onboarding checklist); `section-length` 3, all debatable; `heading-structure` 7, 6 right; \
      `unfinished` 2, both wrong (below); `one-instruction` 1, wrong (below).

      Fixed after that check, each with examples (so on this corpus these are tuned figures, not blind \
      ones): a section whose only content is a link (`- <https://wiki.example.org/…>` under "References") \
      is not empty (2 wrong); a step that says what someone else will do ("Your line manager will review \
      and then approve the request") is not two instructions, while "You will check … and then send …" \
      still is (1 wrong); units are known by their letters (RPM, PSI, KWH; 1 wrong). With these, the same \
      judged findings come to 15 right, 17 debatable and 3 wrong of 35 (43%, 49%, 9%); the earlier corpora \
      and the sample repository give the same findings as round six.

      What the judge found that no build reports: an emergency section that never gives the emergency \
      number and contacts with no phone or e-mail; a runbook that says "**Incomplete**" in bold; a step \
      that breaks off inside a bracket ("(should recover"); a reagent list that says 70% ethanol where the \
      step uses 75%; an evacuation plan that never names the assembly point; tasks a new member is asked to \
      tick off that are the supervisor's ("Provide desk space"); a first line `#Holidays, …` without the \
      space after `#` (the five headings after it are reported). The next round would start from these, and from sentence length, which is the largest source \
      of debatable findings on every corpus so far.

      ### Round seven: what a reader would shrug at, and the sixth check's misses (2026-11-30)

      Each change has failing and passing examples in its rule; the evidence is every judged finding of the \
      seven tuning sets (the first corpus and the six held-out checks, now all tuning sets), matched by place \
      and rule (`python3 /tmp/lint-round7/verdicts.py`, then `python3 /tmp/lint-round7/compare.py \
      <main build> <this build> -v`, on the machine of that day):

      - `sentence-length`: other text may run to 40 words (was 39), the most the plain-language guides cited \
      give: the four judged sentences of exactly 40 words were three debatable and one right (a passive \
      that hides who groups the issues). Examples in round brackets in other text ("(eg. "My cat died", or \
      …)", "(for example, wearing masks)") are not counted: 1 debatable gone (41 words, a third of them the \
      quoted examples). Counted in steps, where the two steps this would change were judged one right (a \
      retention rule whose "(e.g., 5 years minimum for MDR Annex IX)" is part of what to apply) and one \
      debatable. Lines \
      numbered "3 Add …" without the full stop that makes a list are one paragraph on the page; three or \
      more in sequence are now advised as a numbered list ("steps 3 to 15 run together into one paragraph \
      of 214 words: write each as a numbered list item …"), the fix the judge named for that debatable \
      finding, not "split this sentence".
      - Tried and not done for `sentence-length`: telling background from instruction. The sixth check's \
      debatable sentences mostly do carry an instruction or obligation ("must gain permission", "please \
      send a message", "should not invoke", "you have to take"), and right ones include pure description \
      (a programme's purpose, 53 words; a scorecard's goal, 44). Markers tried by hand (modal verbs, "you", \
      "we", imperatives) do not separate them; a limit of 45 words only for text without such \
      markers would drop 1 debatable (a 41-word definition) and 1 right (the 44-word goal). What the \
      judges separate is whether the sentence joins separate things (two requirements, an instruction and \
      a caveat) or states one rule with its conditions; sop does not parse that, and leaves the 41 to 49 \
      word sentences as they are.
      - `undefined-acronym`: two capitals are not reported (VM, PI, UV, DB, LB …): over the seven sets 20 \
      findings of two capitals were judged, none right (10 debatable, 10 wrong). This removed 66 entries of \
      one and two letters from the built-in list of known terms. An acronym that is a word of `organisation` in \
      sop.yml, or that its capitalised words spell ("Open Computing Facility" for OCF), is the \
      organisation's own name and not reported (no tuning set has its real organisation in sop.yml, so \
      this changes none of them; OCF in the sixth check stays, wrong). ECL, a lab reagent, still is.
      - `section-length`: reported only above a tenth over the limit (330 words at 300): the five judged \
      sections of 301 to 320 words were all debatable; the right ones had 334 to 406. The advice is now \
      "split it under sub-headings that say what each part is about" ("move detail into a work \
      instruction" did not fit policy text).
      - `heading-structure`: one `#` before a word on the document's first line ("#Holidays, emergencies, …") \
      is reported as a heading without its space; elsewhere "#1" and hashtags stay text.
      - `unfinished`: a paragraph labelled "Incomplete:" (also "Unfinished:", "Work in progress:", "WIP:", \
      "Under construction:") is an error; a bracket never closed is a warning, whether it is still open \
      where its paragraph or step ends ("… keep the upper layer (should recover") or left open at the end \
      of a numbered line when the next opens another. A bracket nested on one line or wrapped over lines \
      passes; none of the seven sets has another such bracket.

      Judged findings, main (98e564e) and this round (R right, D debatable, W wrong, A copying artefact, ? \
      never judged):

      | Set | main | round seven | Removed | New |
      | --- | --- | --- | --- | --- |
      | first corpus | R18 D7 A18 ?8 | same | — | — |
      | first held-out | R6 D5 A6 | same | — | — |
      | second | R43 D10 A11 ?4 | R43 D9 A11 ?4 | D1 (LB) | — |
      | third | R16 D4 A10 ?1 | same | — | — |
      | fourth | R15 D12 A14 ?1 | R14 D11 A14 ?1 | R1 (40 words), D1 (308-word section) | — |
      | fifth | R6 D2 A7 ?7 | same | — | — |
      | sixth | R15 D17 W3 A3 | R15 D11 W2 A3 ?3 | D6 (three 40-word and one 41-word sentence, sections of 301 and 304 words), W1 (PI) | 3 (below) |

      The three new findings on the sixth set are the judge's named misses (`#Holidays`, "**Incomplete**:", \
      "(should recover"), not judged blind; the 214-word finding keeps its place with the list advice. Counting \
      those four as right, the sixth set comes to 19 right, 10 debatable and 2 wrong of 31 (61%, 32%, 6%); \
      without them, 15, 11 and 2 of 28 (54%, 39%, 7%). Either way **the 70% target is not met** on these \
      numbers, and they are tuned figures; the next blind check is the test. Still debatable there: five \
      sentences of 42 to 47 words, a 364-word policy section, ASUC, an H1-to-H3 jump, a reading grade and a \
      passive share; still wrong: ECL and OCF. In the sample repository QP-005 loses two 40-word sentences \
      and keeps its other 27 long sentences, its 501-word section and the rest.

      Speed: on the 5,000-document history benchmark (`/tmp/ss-bench/history/repo`), 20 interleaved runs of \
      the release builds of main (98e564e) and this round took 0.300 s of CPU (user and system, median) each, \
      and 0.61 s and 0.56 s of wall time (median; the two shared cores had a load of 4 to 5, so wall times \
      ranged 0.41 to 0.82 s for both); both print the same 5,251 findings there, byte for byte.

      ### Round eight: the seventh check, and the shapes judges shrug at (2026-11-30)

      A seventh held-out check (fifteen documents from public repositories not used before: a background-check \
      and a whistleblowing policy, liquid-nitrogen and freezer instructions, a laser cutter's and a bandsaw's \
      pages, expense, sick-leave and capability procedures, a data-breach procedure, incident roles, a \
      microscope facility's rules, a transformation protocol, a new-starter checklist) gave round seven 5 \
      right, 18 debatable and 3 wrong findings (19%, 69%, 12%), with 18 copying artefacts left out. That set \
      is now a tuning set too. Each change below has failing and passing examples in its rule; the evidence is \
      every judged finding of the eight tuning sets, matched by place and rule (`python3 \
      /tmp/lint-round8/verdicts.py`, then `python3 /tmp/lint-round8/compare.py <main build> <this build> -v`, \
      on the machine of that day):

      - `sentence-length`: a step may run to 32 words (was 29) and other text to 41 (was 40). By words, over \
      all eight sets: steps of 30 to 32 words were 4 debatable and none right ("31 words against 29", "one \
      option, readable"); of 33 to 37, 6 right and 5 debatable; other sentences of 41 words 3 debatable and \
      none right; of 42 to 44, 7 right and 1 debatable. Removed: 7 debatable (two steps of 31 words, one of \
      30 and one of 32, three sentences of 41), no right one. Tried and not done: leaving out a quoted \
      statement in a step (the 51-word step that quotes an acknowledgement verbatim, debatable): only one \
      judged finding has that shape.
      - `heading-structure`: a jump to a level below one the document never uses is not reported (a title \
      and then every section an H3; an H2 title over H4 sections): the headings are consistent among \
      themselves. Removed: 3 debatable (sixth and seventh sets, "the skip changes nothing for a reader", as \
      three earlier ones of the fourth and fifth sets) and 2 right (third set: two lab protocols of that \
      very shape, judged "a real jump; H2 fixes it" by that set's judge; the judges disagree on this shape, \
      six debatable to two right). A jump past a level used elsewhere in the document is still reported.
      - `one-instruction`: "… and then wait to be reimbursed" (also "then wait for approval", "… for a \
      reply") waits for an outcome and is not a second action; "then wait 10 minutes" still is. A `;` \
      before a clause with its own subject and a modal verb ("report any major problem to the staff; minor \
      issues should be reported in the book") gives alternatives, not a sequence. Removed: 1 wrong, 1 \
      debatable.
      - `unfinished`: a run of empty sibling headings that each state a check in sentence case ("Surrounding \
      area cleared of obstacles", "Table clear of objects") is a checklist written as headings, not empty \
      sections (1 wrong removed; "delete the heading" would delete safety checks). A text that says it is \
      incomplete anywhere in a paragraph ("This is currently an incomplete list and your ability to collect \
      this information yourself is required", "this section is incomplete") is an error, the seventh \
      judge's named miss (1 new finding, not judged blind).
      - Not done: `undefined-acronym` (7 right, 15 debatable, 3 wrong over the eight sets). How often an \
      acronym is used does not separate them (right ones are used 1 to 9 times, wrong ones 2 to 12), nor \
      does use in other documents; what separates them is whether a new starter of that trade knows the \
      term, which sop cannot tell without a list, and a long built-in list is not principled. It stays a \
      suggestion, and `known-terms` in sop.yml is the way to quiet an organisation's own names.

      Judged findings, main (7abdc58) and this round (R right, D debatable, W wrong, A copying artefact, ? \
      never judged):

      | Set | main | round eight | Removed | New |
      | --- | --- | --- | --- | --- |
      | first corpus | R18 D7 A18 ?8 | R18 D5 A18 ?8 | D2 (41 words; a 32-word step) | — |
      | first held-out | R6 D5 A6 | same | — | — |
      | second | R43 D9 A11 ?4 | R43 D8 A11 ?4 | D1 (a 30-word step) | — |
      | third | R16 D4 A10 ?1 | R14 D4 A10 ?1 | R2 (H1 to H3 in two protocols written all in H3) | — |
      | fourth | R14 D11 A14 ?1 | same | — | — |
      | fifth | R6 D2 A7 ?7 | same | — | — |
      | sixth | R15 D11 W2 A3 ?3 | R15 D10 W2 A3 ?3 | D1 (H1 to H3) | — |
      | seventh | R5 D18 W3 A18 | R5 D11 W1 A18 ?1 | D7 (two 31-word steps, two 41-word sentences, H1 to H3, H2 to H4, `;` between alternatives), W2 (checks written as headings, "and then wait") | 1 ("This is currently an incomplete list") |

      So the seventh set comes to 5 right, 11 debatable and 1 wrong of 17 (29%, 65%, 6%); counting the new \
      finding as right, 6, 11 and 1 of 18 (33%, 61%, 6%). The sixth comes to 15, 10 and 2 of 27 (56%, 37%, \
      7%). These are tuned figures, and **the 70% target is not met** on either: what is left debatable on \
      the seventh set is mostly sentences of 34 to 53 words that carry one instruction or statement (5), \
      acronyms (3), a reading grade, a 348-word section and a 13-step list. In the sample repository QP-005 \
      loses a 30-word step and three 41-word sentences; the real-world fixture SOP-003 loses a 31-word step.

      Speed: on the 5,000-document history benchmark (`/tmp/ss-bench/history/repo`), main and this round \
      print the same 5,251 findings, byte for byte (none of its documents has a shape these changes touch). \
      Twenty interleaved runs of the debug builds took 2.08 s and 2.11 s of CPU (user and system, median; \
      ranges 1.97 to 2.21 and 2.00 to 2.22 s) and 2.00 and 2.03 s of wall time, on two shared cores with a \
      load of 4 to 7; a second set of eight runs gave 1.99 and 2.00 s of CPU. The difference is within the \
      noise of that machine.

      ### Round nine: the blind results, and the eighth check's unfilled placeholders (2026-11-30)

      The blind results first, as they were judged. On the seventh corpus (before it became a tuning set), \
      round seven's findings were 19% right, 69% debatable and 12% wrong. On an eighth corpus (fifteen \
      documents from public repositories not used before: a purchasing process, an animal-room protocol, \
      complaints, disciplinary and off-boarding procedures, an instrument work instruction, a vendor \
      evaluation, a workshop induction, incident categories, a calibration procedure, shipping and lock-up \
      procedures), judged without the rules in view, round seven gave 7 right, 21 debatable and 2 wrong \
      (23%, 70%, 7%) and round eight 6 right, 18 debatable and 2 wrong (23%, 69%, 8%), with 10 copying \
      artefacts left out. So on text nobody tuned to, **issue 14's target (at least 70% right, at most 10% \
      wrong) is far from met**: the wrong share is now near the target, the right share is not. By rule \
      (round seven): `sentence-length` 2 right, 10 debatable; `passive-voice` 4 right, 4 debatable; \
      `unfinished` 1 right (an `XXX`), 2 debatable (a bracket never closed where nothing is cut off, a stray \
      empty `## `); `readability` 2 debatable; `undefined-acronym` 2 wrong (EUR; GCMS, the instrument's own \
      name); `doc-length` (6% over), `heading-structure` and `section-length` 1 debatable each. That set is \
      now a tuning set too.

      This round adds findings where the judges found the rules silent on something a new employee would \
      be stuck by. The evidence is every judged finding of the nine tuning sets, matched by place and rule \
      (`python3 /tmp/lint-round9/verdicts.py`, then `python3 /tmp/lint-round9/compare.py <main build> <this \
      build> -v`, on the machine of that day):

      - `unfinished`: a template's slot in capitals that names what to fill in is a placeholder: one to four \
      words of capitals in square brackets, one of them a noun such as POSITION, GRADE, TITLE, ROLE, NAME, \
      DATE, NUMBER, CONTACT, PHONE or COMPANY ("appeal in writing … to [POSITION] within one week", "may be \
      authorised by [MANAGEMENT GRADE]"). An acronym in brackets after its words ("Federal Acquisition \
      Regulation [FAR]"), a label ("[NOTE]"), a standard ("[ISO 9001]") and a citation marker ("[1]") stay \
      text. A run of three or more x's standing as a word is a placeholder in either case ("XXXX", a step \
      written only "xxxxx"); "XXL", "XXXL" and "0xxx" are not. Added: 5 findings, all on the eighth set and \
      all named there as misses (the two placeholders of the disciplinary procedure; "1. xxx" under "Change \
      oil if low" and steps 5 and 6 of the glass-insert change, "xxxxx", in the instrument work \
      instruction); nothing on the other eight sets, none removed. Read one by one, each is a place where \
      the reader cannot go on (to whom an appeal goes, what to do with the flow controller off), so all \
      five are right by the judges' standard; but they were read by the one who wrote the check, not blind.
      - `unfinished`: an emergency section in a document that gives no number to call anywhere is a \
      warning at its heading. An emergency section has a heading of such words only ("Emergency", \
      "Emergency procedures", "Fire", "4.2 Fire and evacuation", "First aid response", "Evacuation plan"), \
      so "Non-emergency", "Fire extinguisher checks" and "Family emergencies" are not; a number is an \
      emergency number standing alone (999, 112, 911 …), a `tel:` link, three digits after "ext", "call" or \
      "phone", or four or more digits that are not a year or a date. Over the nine sets, four documents \
      have such a heading; one gives a number (the fifth set's accidents-and-injuries procedure) and stays \
      silent, and three get the finding, each named by its judge as a miss: the sixth set's safeguarding \
      policy ("999 is never written", the key contacts have no phone) and evacuation plan ("no one is told \
      to call the fire service"), and the eighth set's workshop induction ("No emergency number (112)"). \
      Added: those 3; none removed. Three documents are a small sample, so this is a warning, not an error.
      - `unfinished`, two shapes the eighth judge shrugged at: a bracket doubled by escaping (`\\( \\(e.g. …)` \
      from GitBook, read "( (e.g. … hours)") opens once, so it is not reported as never closed when nothing \
      is cut off; and a heading with no text (a stray "## " at the end of a file, which the page shows as \
      nothing) is not an empty section. Removed: 2 debatable, both on the eighth set; nothing else changes \
      on the nine sets.

      On seven of the nine sets (all but the sixth and the eighth) every finding is the same as on main \
      (095066e). On the sixth (R right, D debatable, W wrong, A copying artefact, ? never judged): main R15 D10 \
      W2 A3 ?3, this round the same plus 2 never judged (the safeguarding policy and the evacuation plan). On \
      the eighth: main R6 D18 W2 A10, this round R6 D16 W2 A10: 2 debatable removed, and 6 never judged added \
      (`[POSITION]`, `[MANAGEMENT GRADE]`, three `xxx` steps, and "Emergency Procedures" with no number).

      Counting the new findings as right, the eighth set comes to 12 right, 16 debatable and 2 wrong of 30 \
      (40%, 53%, 7%), and the sixth to 17, 10 and 2 of 29 (59%, 34%, 7%); without them, 6, 16 and 2 of 24 \
      (25%, 67%, 8%) and 15, 10 and 2 of 27 (56%, 37%, 7%). These are tuned figures, and **the 70% target \
      is not met**. Most of what is left debatable is sentences of 33 to 53 words that carry one \
      instruction or statement, which the judges call readable; this round did not change that.

      Speed: on the 5,000-document history benchmark (`/tmp/ss-bench/history/repo`), main and this round \
      print the same 5,251 findings, byte for byte (none of its documents has a slot in capitals, a run of \
      x's, an emergency heading, a doubled bracket or an empty heading). Sixteen interleaved runs of the \
      debug builds took 2.07 s and 2.10 s of CPU (user and system, median; ranges 2.02 to 2.12 and 2.06 to \
      2.18 s) and 1.12 and 1.13 s of wall time, on two shared cores with a load of 1.5 to 2.6. The first \
      change alone measured the same as main (2.07 s); the rest of the difference, about 1.5%, is the scan \
      of every heading for an emergency word (a first version that looked words up in a list cost about 3%, \
      and was replaced by a byte scan). It is within the spread of the runs, but probably real.

      ### A ninth held-out check (2026-11-30)

      A ninth corpus (fifteen documents from thirteen public repositories not used before: waste streams of \
      a workshop, a data breach procedure, lab purchasing, sickness absence, accident reporting, a \
      performance plan process, ordering oligos, an autoclave instruction, maker-lab safety rules, a \
      confidentiality policy, a field sampling protocol, holiday booking, off-boarding, changing CO2 \
      cylinders, freezer alarms) was collected without running sop and judged without the rules in view, \
      against round eight (095066e): 10 right, 19 debatable, 7 wrong (28%, 53%, 19%), 8 copying artefacts \
      left out. Round nine gives the same 44 findings on it, byte for byte: none of its documents has a \
      capital slot, a run of x's or an emergency heading without a number. By rule: `passive-voice` 4 right, \
      1 debatable; `sentence-length` 3 right, 7 debatable; `undefined-acronym` 1 debatable, 6 wrong (PLA, \
      SAFS, IDT, TAE defined on its own line, ATL, SLS: names every reader of those documents knows, while \
      MDS and CISER, which a newcomer would not, were not reported); `unfinished` 1 right, 3 debatable, 1 \
      wrong ("Directions:" called empty when its sub-headings were one level too high); `readability` 1 \
      right, 2 debatable; `section-length` 1 right, 1 debatable; `heading-structure` and `one-instruction` \
      2 debatable each. Over the three blind checks of today (rounds seven to nine on the seventh, eighth \
      and ninth corpora), `undefined-acronym` was never judged right (4 debatable, 9 wrong): whether an \
      acronym is known depends on the reader's trade, which a rule cannot see; it stays a suggestion, and \
      the list of known terms in `sop.yml` (`lint: known-terms:`) is the way to quiet it for a team.

      ### Round ten: precision first, from every verdict so far (2026-11-30)

      The blind checks said it plainly: on text nobody tuned to, about a quarter of findings were right and \
      half were "debatable", a finding a quality manager shrugs at, which costs trust as surely as a wrong \
      one. This round collected every hand verdict of the ten judged corpora (the first corpus and the nine \
      held-out checks, 240 judged findings of main's rules; `python3 /tmp/lint-round10/verdicts.py`, then \
      `python3 /tmp/lint-round10/compare.py <main build> <this build> -v`, on the machine of that day), \
      tabulated right, debatable and wrong by rule and by what can be measured (words per sentence, step or \
      not, share, how often and where an acronym is used, in how many documents), and narrowed each rule to \
      the shapes that were mostly judged right. Each change has failing and passing examples in its rule:

      - `undefined-acronym`: reported only when two or more of the documents linted together leave the \
      acronym unexplained. Over the ten sets its findings were 7 right, 16 debatable and 11 wrong, and on the \
      blind checks of rounds seven to nine it was never judged right; nothing measured in one document \
      separates them (right ones were used 1 to 9 times, wrong ones 2 to 28; in steps, tables and prose \
      alike), because what decides is whether the document's readers know the term (PLA to a 3D-printing \
      member, IDT to a molecular biologist, "ATL buffer" to whoever orders it). What a rule can see is that \
      an organisation's own terms recur across its documents unexplained (QMO in 12 of 13 SOPs; SWMS, HSE and \
      NCR in the sample repository), while a trade's terms sit in the one document of that trade. Also: an \
      acronym in the title or the H1 names what the document is about ("SAFS Purchasing"; judged wrong \
      twice), and "TAE = project ID code" defines a term (judged wrong once). A document linted alone, as \
      before an approval, now reports no acronym; the examples are linted beside a second document that \
      leaves QMO, SWMS, CAPA and LSB unexplained (see the examples' repository below). Removed: 6 right, 14 \
      debatable, 11 wrong; kept: QSP (right) and TTS twice (debatable), each left unexplained in two \
      documents of its set.
      - `sentence-length`: a step may run to 35 words (was 32) and other text to 49 (was 41). Steps of 33 to \
      35 words were judged 4 right and 6 debatable, other sentences of 42 to 49 words 10 right and 14 \
      debatable ("one instruction with its condition, readable", a definition, a purpose statement); above \
      the new limits, steps were 4 right and 3 debatable and other sentences 12 right and 5 debatable. \
      Removed: 14 right, 20 debatable. The limit is a number because nothing cheaper separates a sentence \
      that joins separate things from one that states one rule with its conditions (round seven tried).
      - `passive-voice`: the share is reported above 25% (was 20%). Shares from 20.4% to 24.2% were judged \
      debatable 4 times and right once (23.1%); above 25%, 13 right and 1 debatable. Removed: 2 right \
      (23.1%, and 25.0% exactly) and 4 debatable. Passive steps ("The gauge is to be removed by the \
      technician") are reported as before.
      - `heading-structure`: depth is reported only when a team sets `max-depth` (default 5, which H6, the \
      deepest Markdown heading, never exceeds; it was 3). Over the ten sets no depth finding was judged right \
      (16 debatable, 1 wrong: glossary terms and report fields as H6, an FAQ at H4, a protocol's parts at H5; \
      issue 14's own sample had 0 of 7). Removed: 1 debatable (the ninth set). Skipped levels, the H1 against \
      the title and headings without their space are reported as before.

      Judged findings, main (1190db7) and this round (R right, D debatable, W wrong, A copying artefact, ? \
      never judged); no finding was added on any set:

      | Set | main | round ten |
      | --- | --- | --- |
      | first corpus | R18 D5 A18 ?8 | R14 D5 A18 ?7 |
      | first held-out | R6 D5 A6 | R5 D4 A6 |
      | second | R43 D8 A11 ?4 | R39 D5 A11 ?4 |
      | third | R14 D4 A10 ?1 | R14 D2 A10 ?1 |
      | fourth | R14 D11 A14 ?1 | R9 D5 A14 ?1 |
      | fifth | R6 D2 A7 ?7 | R5 D1 A7 ?7 |
      | sixth | R15 D10 W2 A3 ?5 | R10 D4 A3 ?5 |
      | seventh | R5 D11 W1 A18 ?1 | R4 D6 A18 ?1 |
      | eighth | R6 D16 W2 A10 ?6 | R6 D7 A10 ?6 |
      | ninth | R10 D19 W7 A8 | R9 D13 W1 A7 |
      | **all** | **R137 D91 W12: 57%, 38%, 5%** | **R115 D52 W1: 68%, 31%, 1%** |

      By rule over the ten sets (judged findings): `sentence-length` 30, 28, 0 to 16, 8, 0 (52% right to \
      67%); `undefined-acronym` 7, 16, 11 to 1, 2, 0; `passive-voice` 34, 14, 0 to 32, 10, 0 (71% to 76%); \
      `heading-structure` 27, 9, 0 to 27, 8, 0; the other rules are unchanged: `unfinished` 15, 3, 1; \
      `one-instruction` 11, 5, 0; `readability` 9, 9, 0; `section-length` 2, 4, 0. These are tuned figures, \
      and **the 70% target is not shown met**: on the ninth set alone, the last blind one, this round gives 9 \
      right, 13 debatable and 1 wrong (39%, 57%, 4%; it was 28%, 53%, 19%). What stays debatable there: \
      sentences of 53 to 60 words that define or give background, reading grades inflated by lists and quoted \
      categories, a 347-word section, a broken heading structure advised by its first jump, "and then" \
      closing one dialog, and brackets \
      never closed where nothing is cut off; `readability` and `section-length`, at half right or less, have \
      no measured feature that separates right from debatable (grade, words per sentence, syllables per \
      word and section words all overlap), so they were left as they are. In the sample repository QP-005 \
      loses 27 long sentences (42 to 49 words, and four steps of 33 to 35) and keeps 33 findings (its 2,934 \
      words, grade 19.4, a 67% passive share, a 501-word section, a 14-step list, 9 steps over 35 words and a \
      50-word sentence, 14 passive steps and 4 chained ones); VOC is no longer \
      reported there, where "Verification of competence, often abbreviated to VOC" explains it and no other \
      document uses it; SWMS, HSE and NCR, unexplained in three to five documents each, still are.

      ### A tenth held-out check (2026-11-30)

      A tenth corpus (fifteen documents, two from most of eight public repositories not used before: a \
      security response team's guidelines and charter, PCR and agarose gels, sterile lab supplies, COVID-19 \
      lab safety, setting up a field lab, sample check-in, sick leave, cloud resources, a drill press, 3D \
      printers, general lab safety, cryogenic liquids, two cell transfection protocols) was collected without \
      running sop and judged without the rules in view. Main before round ten (1190db7): 7 right, 13 \
      debatable, 21 wrong (17%, 32%, 51%), 15 copying artefacts left out. Round ten (e753c95): 6 right, 7 \
      debatable, 12 wrong (24%, 28%, 48%), the same 15 artefacts; it added no finding and removed 16 (nine \
      acronyms, six long sentences of which one was right, one passive share). **Issue 14's target is not \
      met.** By rule, round ten: `undefined-acronym` 9 wrong (main: 17 wrong, 1 debatable): CVE in two \
      documents of one security team, DMSO in three lab protocols, CDC in two, and CRB, the makerspace's own \
      name, in two: when an organisation's documents share a trade, the trade's terms recur across them just \
      as its own jargon does, so the test of two documents does not separate them either; \
      `sentence-length` 2 right, 1 debatable; `passive-voice` 1 right, 1 debatable, 1 wrong ("only a part of \
      the building needs to be evacuated", information, given an instruction's advice); `unfinished` 2 right \
      (empty headings of a last step and of a hazard); `section-length` 1 right; `heading-structure` 4 \
      debatable (one odd piece of markup, four findings); `one-instruction` 2 wrong (a `;` joining a \
      suggestion and its caveat in wellbeing advice); `readability` 1 debatable. Without `undefined-acronym` \
      the corpus would give 6 right, 7 debatable, 3 wrong (38%, 44%, 19%).

      Two faults the judge named were fixed afterwards, each with examples in its rule (so this corpus is a \
      tuning set now): "etc." followed by a word that starts with a capital ends its sentence ("… store files \
      etc. More complex projects …" was read as one 45-word sentence), and a word in capitals inside an \
      acronym's spelling gives all its letters ("a CID (Collection ID)" is a definition). Neither changes the \
      findings above: round ten had already dropped both for other reasons. And `one-instruction` no longer \
      reads a permission with its one how-to ("Although disposable, these masks can be reused; leave each in \
      a paper bag for 3 days": a sentence that does not open with an instruction and says what can, may, must \
      or will be so) or a caveat after "; but" as two instructions: over the eleven judged sets that removes \
      this corpus's 2 wrong findings and 1 debatable one elsewhere, and keeps all 11 right ones \
      (`python3 /tmp/lint-round10/compare.py <before> <after> one-instruction -v`).

      ### Round eleven (2026-11-30)

      The tenth corpus's judge named two places `unfinished` missed and one habit `heading-structure` told \
      four times. Each change has failing and passing examples in its rule:

      - `unfinished`: a step, list item or paragraph whose last sentence ends with a colon that introduces \
      nothing is a warning, as an unclosed bracket is ("3. Select a saved PCR cycle to run or set up your own \
      PCR cycle. A typic cycle would involve:", then at once step 4). It introduces nothing when the next step \
      or item, a heading that closes its section, or the end of the document follows it; a nested list, a \
      table, code, an image, a paragraph, a sub-section's headings, the sections below text above the first \
      heading, short items that carry on a list whose nesting was lost ("- Materials:" over "- Pipette"), and \
      the steps after one that says "as follows:" or "the following:" are what it introduces. A form is left \
      alone (its "Signature:" is a field for its reader), and so is a run of labels in a list ("- Name:", "- \
      Date:"). A paragraph of \
      two or three words that names content or a control and then "here", with no link or image ("Button \
      here", the only text of a 3D printer page's "Report Issue" section; "Image here", "Insert screenshot \
      here"), is a placeholder, an error as `[insert …]` is; "Sign here", "Initial here", "Start here", "Click \
      here" and a form's "Photo here" are not.
      - `heading-structure`: headings inside list items are reported once per document, at the first, with \
      how many more items hold one ("H4 inside a list item, and 3 more list items like it"). A heading that \
      opens its item is shown as a heading beside a list number, so the advice is to put the number inside \
      the heading ("### 1. Field sampling prep area", one level below the heading above, so that the fix \
      skips no level); a heading after the item's text (an H6 inside step 4) is still advised as bold text.
      - `undefined-acronym`: an acronym is reported only where another document of the repository spells it \
      out, and the message names that document and the words ("'HSE' is not spelled out here, though POL-001 \
      spells it out as 'Health, Safety and Environment'"); a glossary entry in any document defines the term \
      for every document. Round ten's rule (an acronym two documents leave unexplained) was judged wrong 9 \
      times of 9 on the tenth blind check (CVE, DMSO, CDC, HEK, the CRB Makerspace), and over all eleven \
      judged sets the acronyms found unexplained were 13 right, 54 debatable and 71 wrong; it is kept, off \
      by default, as `min-documents: 2` (`1` reports every unexplained acronym). The sample repository now \
      spells out HSE (POL-001), NCR (QP-003) and SWMS (QP-006) once, as a company's documents do, and the \
      other documents that use them are reported.
      - `unfinished`, after the eleventh blind check (below): a paragraph, item or cell that opens with \
      "Placeholder" and "coming soon" in brackets or a short unit are errors; a telephone-shaped number whose \
      digits count up six or more in a row ("0800 123 4567", "01234 567 890") is a warning, an example number \
      a reader would dial in an emergency; and a title written as a file name ("Incident-Response-Checklist") \
      names the same heading, so that heading is the title block, not an empty section.
      - `passive-voice`: a step's sentence that opens with a word of frequency (Sometimes, Usually, Often, \
      Normally, Generally, Typically, Rarely, Seldom, Occasionally) gets no advice ("6. Sometimes only a part \
      of the building needs to be evacuated", advised as "Evacuate sometimes only a part of the building", \
      was judged wrong on the tenth blind check).

      On the tenth corpus the two rules gave 2 right and 4 debatable findings (the four headings); now they \
      give the 2 right ones, 1 of the 4 debatable ones (reworded), and the judge's two misses (not judged \
      blind). On the other ten judged sets they add and remove nothing \
      (`python3 /tmp/lint-round10/compare.py <before> <after> unfinished heading-structure -v`). The acronym \
      change removes 1 right, 2 debatable and 9 wrong findings over the eleven sets and adds 1 debatable one \
      (HSE in the tenth, spelled out in its sibling chapter); the passive-voice change removes the 1 wrong one.

      ### An eleventh held-out check (2026-11-30)

      Fifteen documents from ten public repositories that no earlier corpus drew on (a cannabis lab's \
      document-control and data-collection SOPs, a pharmacy's till and emergency procedures, a warehouse's \
      receiving and return-to-vendor pages, an air-traffic tower's local procedures and handover, an IT \
      incident runbook, two lab protocols, two lab onboarding pages, a newsletter's publication process and \
      checklist; 6,899 words), gathered and judged blind by an engineer who did not read the rules' code, with \
      the standard of the earlier checks. Main before round eleven (4098a29): 27 findings, 8 copying \
      artefacts left out, 4 right, 12 debatable, 3 wrong (21%, 63%, 16%). With round eleven's acronym, \
      passive-voice, unfinished (colon, "… here") and heading-structure changes, before any of its findings \
      were read: 25 findings, 4 right, 12 debatable, 1 wrong (**24%, 71%, 6%**): at most 10% wrong holds, at \
      least 70% right does not. The two SAP findings (an ERP vendor's name) went with the acronym change; the \
      one wrong finding left was an "empty section" that is the runbook's title, written again as its first \
      heading. The debatable ones are true but not what a reader would fix first: a readability grade of 12.4 \
      and a passive share of 28% and 29.4% just over their limits, one-instruction on a click path, a level \
      jump between consistent sub-headings, and stale 'TBA' markers. The judge's three worst misses were an \
      emergency page whose numbers are a template's ("0800 123 4567"), a procedure for a service that closed \
      in 2023, and placeholders `unfinished` did not know ("Placeholder for …", "(info coming soon)"); the \
      first and third are now reported (the bullet above), which makes this corpus a tuning set too. After \
      them: 31 findings: the 7 new ones are those misses (five numbers, one "Placeholder", one "coming soon"), \
      and the title is gone (not judged blind).

      ### Round fourteen, and a sixteenth and seventeenth held-out check (2026-12-01)

      Two more corpora of fifteen documents each, from public repositories that no earlier corpus drew on, \
      were collected and judged blind by engineers who did not read the rules' code. The sixteenth (a lab's \
      user accounts, a telescope's set-up, a ventilator project's purchasing, an incident checklist, a \
      robotics team's injuries page, garden rules, a teaching workshop's checklists, two lab protocols, a \
      microscope, a grievance and a laptop procedure, a lab's duties page, lab jobs), linted by the first part \
      of this round (9d3e5ea): 65 findings, 24 copying artefacts left out, **22 right, 16 debatable, 3 wrong \
      (54%, 39%, 7%)**; main before the round gave the same totals. The three wrong findings were passive \
      rewrites that garbled their step ("May 31 must plant all garden plots", from "must be planted by May \
      31"; "Restor plots"; "Do not connect they do …", from "They do not need to be connected"), and they are \
      fixed: "by" and a date or time is when, not who; "restored" is "restore"; "do not need to be" is no \
      duty and a subject holding "do" gets no rewrite. A heading that is a writer's note ("#### TODO add more \
      details") is now one finding, its marker, not also an empty section and a level jump (judged \
      debatable). A rewrite with no subject ("Sign …") and an agent that is a method ("by autoclaving") are \
      no longer offered (debatable 4 times, right never); a rewrite that names the agent keeps the step's modal \
      and its "not" ("The operator must not leave waste", where the plain present had said "The operator \
      leaves waste"). `readability` grades only text whose sentences average more than 18 words (see the \
      rule), a bracket left open after a long, complete remark is no longer "cut off", and links to an \
      anchor of the same document that no heading has are reported (`broken-reference`, a warning; the site \
      now gives every heading that anchor).

      The seventeenth corpus (a radio studio's live-to-air procedure, 3D-printer maintenance, a mail \
      server's release runbook, a church's audio checklists, scout-camp planning, a robotics team's tool \
      chest, a meetup checklist, a student society's cheque requests, a rooftop observatory, a fly room, \
      robot-arm safety, a club's purchasing, a student space, hosting a makerspace event, leaving a research \
      group), linted by the round's lint (fe51674 with the anchor check): 33 findings, 15 \
      artefacts, **5 right, 13 debatable, 0 wrong (28%, 72%, 0%)**; main before the round gave the same 33 \
      findings. **Issue 14's target (at least 70% right) is not met on either blind corpus**; at most 10% \
      wrong holds on the seventeenth. The debatable findings were true and marginal: passive shares of 26.8% \
      and 30.4%, sentences of 50 and 52 words, sections of 345 and 364 words, level jumps between \
      consistent headings, missing photographs the text describes well enough. Over all seventeen judged \
      sets (tuned now), by the hand verdicts: main before the round 205 right, 119 debatable, 3 wrong (63%); \
      after it 202 right, 101 debatable, 1 wrong (66%; the wrong one is the verdict on "Restor plots", \
      whose rewrite now reads "Restore plots"). No threshold separates right from debatable for \
      `sentence-length` (right and debatable at 50 to 60 words alike), the passive share (26.8% to 47.6%), \
      `section-length` (334 to 1,189 words) or `step-count`: the judges weigh what the sentence or section \
      says, which a count does not see. The worst misses of both corpora were of that kind too: a release \
      runbook that builds the previous version, a default password of 123456, emergency steps in a risky \
      order, a safety limit with no value. One was mechanical and is reported now: a bracket that says its \
      information is missing ("(need more info here)").

      ### Round fifteen: ten more held-out checks (2026-12-01)

      The corpora of the first seventeen checks were kept outside the repository and were lost with the \
      machine. This round's kit is in `Benchmarks/lint-accuracy/`: the instructions for collecting and \
      judging, the corpus builder, the comparison script, and for each corpus its sources (repository, path \
      and commit of every document, with its sha256), the verdicts and the judge's list of misses, so that a \
      later round can restore a corpus and compare builds on it. Ten corpora (c18 to c27) of fifteen \
      documents each, from 87 public repositories no earlier corpus is known to have used, were collected and \
      judged blind, two at a time, each on the build of that moment. **Blind: 100 right, 54 debatable, 22 \
      wrong of 176 judged findings (57%, 31%, 12.5%); the last two, on this round's final rules, 19, 9 and 1 of \
      29 (66%, 31%, 3%). Issue 14's target is not met.** Each corpus then became a tuning set. The fixes, \
      each with passing and failing examples in its rule:

      - `unfinished`: question marks left as a slot or a doubt ("???: What could we do …", "?x" for a team's \
        size, "Rubbish bags??"), but not a MkDocs box (`??? warning "…"`); a template's outline left as plain \
        text, two or more lines that say what a section should hold ("Instructions on how to clean up the \
        workspace …", "Contact information for further support.") or ask the writer for it, and numbered \
        stand-ins ("- Tool 1", "- Tool 2"); `[FIGURE]`, `[link to …]` and an editor's question in brackets; \
        an emergency response team with no number to call (and a standard's number, "ISO 9001", digits in a \
        link and "9001x" are no number to call). No longer reported: a colon over items indented to nest, and \
        a heading that is a field and its value ("MACHINE: BRM1612").
      - `broken-reference`: a link whose text is its own address ("[Funding](Funding)") is checked like any \
        other. A quoted name ("the “Bridge Foundry Policy”", an expense system's workspace), a heading of the \
        same document ("the Maintenance/Damage Report Procedure") and words past a sentence's end are not \
        references by title.
      - `heading-structure`: short lines written as a list with no list marks, which the page runs together \
        into one paragraph (a café's closing checklist of 38 tasks).
      - `one-instruction`: "It is normal … to fall, and then rise" tells what the reader will see; "Do not \
        pull the fabric; let the machine feed it" is one rule stated both ways; "then you will …" tells what \
        follows.
      - `passive-voice`: a passive in brackets is an aside; a list subject is rewritten whole (the sample's \
        QP-005 rewrites had dropped items: "Identify tickets and certificates …" is now "Identify licences, \
        tickets and certificates approaching expiry …"); a subject cut after eight words gets no rewrite.
      - `sentence-length`: lines lettered "a)" or "(ii)" are sentences of their own.

      With the final rules, all ten sets (tuned now) come to 125 right, 55 debatable and 3 wrong (68%, 30%, \
      2%). What the judges kept calling debatable is what a count measures: sentences of 36 to 62 words that \
      carry one instruction, reading grades just over 12, checklists of 13 to 22 short steps, passive shares \
      of 26% to 53% where the reader is plainly the one acting; `readability` and `step-count` were judged \
      right once each in seven findings. The worst misses were content a linter cannot read: a recipe at \
      double strength, "70°C" for minus 70, emergency steps in the wrong order, a safety step that was never \
      written.

      ### Round sixteen: six more held-out checks (2026-12-01)

      First, from the judged data of round fifteen: `readability` reports grades above 14 (was 12; every grade \
      from 12 to 14 had been judged debatable), the passive share warns above 30% (was 25%; every share from \
      25% to 30.4% had been judged debatable), a bullet nested under a step is no step for `one-instruction`, \
      and a new rule, `repeated-word`, reports a word written twice ("are are"). Four corpora (c28 to c31, \
      fifteen documents each, 34 repositories) were then collected and judged blind on that build (7b6bb21): \
      **39 right, 37 debatable, 32 wrong of 108 (36%, 34%, 30%)**, 52 copying artefacts left out. The wrong \
      findings had new shapes: 13 links whose address a site generator makes (`{{site.baseurl}}/calendar`), \
      four slots of an email template the reader fills in for each outage ("XXX", "YYY" in a `::: \
      email-template` container), four references by title to the document itself or to another \
      organisation's policy, a species name ("Sprattus sprattus") taken for a doubled word three times, \
      sections holding only inline code called empty, a bracketed remark and a generated stamp taken for \
      template guidance, a timetable read as one sentence, and "Here's our guidelines:" over the sections it \
      introduces. Each is fixed, with a passing example of its shape. The judges' worst mechanical misses \
      became a new rule, `step-numbers` (steps that jump from 7 to 14, steps numbered twice, an assay whose \
      steps start at 5), and a link written "[text] (address)" is now a `broken-reference` warning; a short \
      step whose chained action is a click or a key press ("close the lid, then press Read tube") is one \
      operation for `one-instruction`.

      Two more corpora (c32 and c33, 20 repositories) were collected and judged blind on the round's final \
      rules (8408315): **15 right, 12 debatable, 1 wrong of 28 (54%, 43%, 4%)**, 28 artefacts. So at most 10% \
      wrong holds on both; at least 70% right does not. The one wrong finding was a checklist template's \
      `<link to certificate>`, copied per new member. The debatable ones were again counts just over their \
      limits and chained actions that read as one. With the final rules, the fourteen sets judged before them \
      (c18 to c31, tuned now; findings the fixes added judged by the developer, not blind) come to 183 right, \
      80 debatable and 6 wrong (68%, 30%, 2%). The worst misses of c32 and c33 that a tool could catch: notes \
      to the writers hidden in HTML comments (`<!-- __TODO__ … -->`), slots in capitals ("PERSON HERE", \
      "METHOD HERE"), a password written in the text, references to section numbers that do not exist ("as \
      per 1.06.2").

      ### Round seventeen: limits moved where the judges shrugged (2026-12-01)

      Over the sixteen judged corpora of rounds fifteen and sixteen (c18 to c33, 298 judged findings), most \
      debatable findings were counts just over their limits, and the judges' notes said why: "one rule with its \
      conditions, reads fine", "long but coherent", "a protocol of 16 short steps reads as one flow", "the \
      reader is plainly the one acting". Each limit was moved to where the judged findings turn from mostly \
      debatable to mostly right, and each rule's rationale gives its counts: `sentence-length` reports a step \
      above 39 words (was 35; steps of 36 to 39 were 2 right, 10 debatable) and another sentence above 54 \
      (was 49; 50 to 54 words were 2 right, 9 debatable, 1 wrong); `section-length` reports above 440 words \
      (`max` 400, was 300; 331 to 440 words were 1 right, 7 debatable); `step-count` reports a list of more \
      than 20 steps (was 12; 13 to 19 steps were 1 right, 7 debatable); the passive share warns above 40% \
      (was 30%; 30% to 40% were 3 right, 7 debatable). A team that wants the stricter limits sets them in \
      sop.yml. `one-instruction` no longer reports a sentence of at most 30 words whose first action runs for \
      a stated time ("Centrifuge at 12,000 x g for 10 min at 4°C, then transfer the aqueous phase", judged \
      debatable four times of four), a quantity noted after a `;` ("; 0.5 - 1 ml per sample is usually \
      fine"), a purpose typed with a `;` for its colon ("To adjust; move the electrodes …") or a menu path in \
      quotes ("go to “panels”, “impedance”, then “check impedance”"), each judged wrong. On the sixteen sets \
      (tuned; `python3 compare.py c18 … c33 --findings NEW --base OLD` in the working copies) these changes \
      take 199 right, 92 debatable and 7 wrong (67%, 31%, 2%) to 190, 47 and 4 (79%, 20%, 2%): they remove \
      9 right findings with 45 debatable and 3 wrong ones. In the sample repository QP-005 keeps 26 of its 34 findings \
      (its passive share of 67.4%, its 501-word Responsibilities section, steps of 42, 47 and 48 words) and \
      loses its 14-step list, six steps of 37 to 39 words and a 50-word sentence.

      Four corpora of fifteen documents (c34 to c37, 38 repositories) were then collected and judged blind. \
      On that build (646ea49), c34 and c35 gave **13 right, 2 debatable, 9 wrong of 24 (54%, 8%, 38%)**: the \
      wrong ones were new shapes, MDwiki routes (`#!page.md`) and a MyST target (`(label)=`) taken for dead \
      anchors, steps 1 and 2 typed as bold lines over a list from 3, a format mask (`XXX-XXXX-X-XXXXXX`) and a \
      masked example number, a label indented under the last item of a list. Each was fixed with a passing \
      example, and the judges' mechanical misses became findings: headings without their space on any line \
      of a paragraph, `[text](## Heading text)` (not a link, since its address has spaces), "The form and \
      link will be filled out here", sub-steps indented too little to nest. On that build (eb67d45), c36 and \
      c37 gave **33 right, 7 debatable, 3 wrong of 43 (77%, 16%, 7%)**, the first blind check to meet issue \
      14's target; 12 of its right findings are broken links from two link definitions of one document \
      (counted once per definition: 24, 7, 3 of 34, 71%, 21%, 9%), and two corpora are a small sample. Their \
      three wrong findings (a legend's key `XXX:`, subsections typed as H1s under "## 5. Procedure", a `;` \
      before a reason) are fixed too. Two more corpora (c38 and c39), judged blind on the rules with those \
      fixes (1fc49d0), gave **18 right, 14 debatable, 5 wrong of 37 (49%, 38%, 14%)**: so the target is not \
      shown met. Eight of the debatable findings were a hall's numbered conditions of hire ("**The hirer** \
      shall …", 40 to 48 words), held now to the limit of other text as clauses that state a rule; the wrong \
      ones were lists cut by raw HTML at the margin (`</br>`, an image's `<div>`), no longer compared across \
      it, and passive rewrites of a right ("shall be entitled") and of the reader's own training ("must be \
      trained"), which get no rewrite now. Over the round's six blind corpora, each on the build of its \
      moment: 64 right, 23 debatable, 17 wrong of 104 (62%, 22%, 16%). With the final rules, the twenty-two \
      judged sets (tuned) give 262 right, 66 debatable and 4 wrong (79%, 20%, 1%). The kit, its corpora's \
      sources and every verdict are in `Benchmarks/lint-accuracy/`.

      ### Round eighteen: eight more blind corpora (2026-12-01)

      Eight corpora (c40 to c47, 110 documents from 65 public repositories no earlier corpus used: lab \
      manuals and protocols, employee handbooks, runbooks, open-source release and security procedures, a \
      school board's policies, a holiday home's guest manual) were collected and judged blind, four on the \
      rules of the round's start (0012b79) and four on those rules with the first four's fixes (e2b18db). \
      c40 to c43 gave **24 right, 15 debatable, 7 wrong of 46 (52%, 33%, 15%)**, c44 to c47 **24 right, 22 \
      debatable, 7 wrong of 53 (45%, 42%, 13%)**; 122 broken links that only the copying of one page broke \
      were left out. **So issue 14's target is not met blind.** The split by kind of rule is the finding of \
      the round: the rules that find a defect in the text (`broken-reference`, `unfinished`, `repeated-word`, \
      `undefined-acronym`) gave 37 right, 6 debatable and 7 wrong of 50 (74%, 12%, 14%), and those that \
      measure style (`sentence-length`, `one-instruction`, `passive-voice`, `heading-structure`, \
      `section-length`, `readability`, `step-numbers`) 11 right, 31 debatable and 7 wrong of 49 (22%, 63%, \
      14%): "true, but it reads fine". The limits were not moved again. Steps of 40 to 49 words, just over \
      the limit of 39, were judged right twice and debatable 13 times (blind, c34 to c47); before, steps just \
      over each earlier limit had been judged the same way (30 to 32 words at 29, 33 to 35 at 35, 36 to 39 \
      at 35). Every move has found a new band "just over the limit": a judge reads "41 words, aim for 39" as \
      marginal wherever the limit stands, and moving it again would follow that reading, not the reader's \
      need. A step of 40 words is long by ASD-STE100's measure (20) and by plain-language guides' (40).

      The fourteen wrong findings were new shapes, each fixed with a passing example: lists under sibling \
      headings that each carry on from one shared step ("## P1" over steps 2 to 5, "## P2" over 2 and 3), a \
      route after ", then" ("then through the lounge door"), "then:" before a command, a fact before a `;` \
      ("This is the only exit route; keep it clear"), "## TODO List" over a checklist, a byline written as \
      headings ("### Alex D. Hill"), a colon over headings numbered from 1, "TBD meaning to be determined", a \
      question shouted in capitals, a title that is an external link's text, a passive in "determine what, \
      if any, changes need to be made", the states listed under "Check the NIRS cap", and "Deal complaints \
      …" for "be dealt with" (now "Deal with complaints …"). The judges' mechanical misses are reported now: \
      "[under construction]", "(work in progress)", "(Picture needed)", "(more soon on that)", \
      "[YOUR_SERVER_ID]", "[Developer Name] - [Phone]"; a Jekyll footer's `{{ page.last_modified_date | \
      date: … }}` is not a slot, and "[Include] …" lines typed with line breaks are each a sentence. One rule \
      goes back to its contract: a heading level jump is reported even to a level the document never uses \
      (issue 4 names skipped levels; judges of three corpora named such jumps as misses); on the thirty \
      judged sets that adds 22 findings, judged by the developer by JUDGE.md's precedent (19 debatable, the \
      3 the judges named right). With the final rules, the thirty judged sets c18 to c47 (tuned) give 322 \
      right, 122 debatable and 5 wrong (72%, 27%, 1%); c40 to c47 alone 59, 38, 1 (60%, 39%, 1%).

      ### Round nineteen: eight more blind corpora and a new rule (2026-12-01)

      Eight more corpora (c48 to c55, 88 documents from 55 public repositories no earlier corpus used: lab \
      protocols and training manuals, open-source release and code-of-conduct procedures, security runbooks, \
      a law firm's ISO procedures, a packaging maker's BRCGS procedures, an out-of-school club, a media \
      department's van rules) were collected and judged blind, c48 to c51 on 299bdd0 and c52 to c55 on \
      7ba8d83, which fixed the first four's wrong findings. c48 to c51 gave **27 right, 17 debatable, 9 wrong \
      of 53 (51%, 32%, 17%)**, c52 to c55 **10 right, 7 debatable, 1 wrong of 18 (56%, 39%, 6%)**; 65 links \
      broken only by the copying were left out. **Issue 14's target is still not met blind.** By kind: the \
      rules that find a defect (`broken-reference`, `unfinished`, `repeated-word`, `undefined-acronym`, \
      `markup`) 21 right, 1 debatable, 5 wrong of 27 (78%, 4%, 19%); the style measures 16 right, 23 \
      debatable, 5 wrong of 44 (36%, 52%, 11%).

      A new rule, `markup`, reports bold the page shows as asterisks (`**Action: **Send`, `** AT NO TIME**`) \
      and lines that start with `** ` as another markup's nested list; a judge of round eighteen named three \
      `**Action: **` lines the worst miss of a document. On the 38 judged sets it finds those places and \
      nothing else. Nine of the ten wrong findings were new shapes, each fixed with a passing example: an \
      `XXX` in a quoted message the reader sends, a sentence set in heading type ("##### To prepare a 2% \
      gel, double the mass …"), "work-in-progress" spelling WIP, MyST label links, a route through a name \
      in capitals after "then", a labelled value that opens with an adverb ("Solubility: Slightly soluble \
      …; soluble in …"), "must be needed", and a clause after `;` that opens with a plural noun ("; \
      consumers switch as their old certs expire"). The tenth, a `.html` link that works on the site the page \
      is published to, is left. The judges' mechanical misses are reported now: a writer's instruction in \
      capitals ("INSERT PICTURE OF FAILING TO COMPLY", also in an indented block), an empty question \
      heading, empty sections named in sentence case (a checklist of states needs a state word: \
      "cleared", "clear of"), `_<name/email>_` as all of a table cell, "[Name, Phone Number]". A byline in \
      heading type ("### Created by …" under the title) is not a level of the outline (three jumps to one \
      were judged debatable). With the final rules, the 38 judged sets (tuned) give 383 right, 142 debatable \
      and 6 wrong (72%, 27%, 1%); c48 to c55 alone 56, 21, 1 (72%, 27%, 1%).

      ### Round twenty: seven more blind corpora (2026-12-01)

      Seven more corpora (81 documents from 58 public repositories no earlier corpus used: code-of-conduct \
      enforcement and incident procedures, onboarding checklists, a biobank's SOPs exported from readme.io, \
      a research infrastructure's controlled SOP, lab protocols kept in Pandoc and Obsidian, runbooks, \
      expense and travel policies, maker-lab and school lab rules) were collected and judged blind: c56 to c59 \
      on 2b06276 (round nineteen's rules with wiki links added to `markup`), and c61 to c63 on 5b66962, which \
      fixed the first four's wrong findings. The search tools' budget ran out while the second set was \
      collected (c60 holds one document of 130 words, below the minimum, and was not judged). c56 to c59 gave \
      **59 right, 33 debatable, 11 wrong of 103 (57%, 32%, 11%)**, c61 to c63 **5 right, 10 debatable, 2 \
      wrong of 17 (29%, 59%, 12%)**; 96 links broken only by the copying were left out. **Issue 14's target \
      is still not met blind**: 64 right, 43 debatable, 13 wrong of 120 (53%, 36%, 11%). By kind: the rules \
      that find a defect 33 right, 4 debatable, 4 wrong of 41 (80%, 10%, 10%); the style measures 31 right, \
      39 debatable, 9 wrong of 79 (39%, 49%, 11%), six of the nine wrong ones on one repository's readme.io \
      blocks.

      All thirteen wrong findings are fixed, each with an example: readme.io blocks are left out of the \
      prose (their JSON tables were graded as 80- and 159-word sentences and long sections) and `markup` \
      reports them; sub-steps indented too little to nest restart their numbers on purpose (`step-numbers` \
      no longer says "number in order"; `heading-structure` reports the indent); "; however," opens an \
      exception and "clicking format, then font" is a menu path (`one-instruction`); a metadata table's \
      "Template SOP Type" is a label; an empty "References" heading in a document that cites Pandoc keys \
      (`@Fisher2011`) is where citeproc writes the list; a picture whose address holds `{{ site.baseurl }}` \
      keeps its caption out of the "[Name]" slot check. A numbered H3 naming a part every controlled document \
      has ("### 4. Purpose") heads a section, not a step, so its paragraphs are held to the limit of other \
      text (three steps of 40 to 44 words, debatable). The same level jump made again (H2 to H4 under each \
      of five sections) is reported once with the count of the others: every repeat was judged debatable. \
      The judges' mechanical misses now found: wiki links and embeds (`[[Page]]`, `![[photo.png]]`, in \
      three Obsidian lab protocols), readme.io blocks, and a chat assistant's reply left in an SOP ("Let me \
      know if you need further refinements!"). With the final rules, the 45 judged sets (tuned) give 471 \
      right, 178 debatable and 6 wrong (72%, 27%, 1%); c56 to c63 alone 68, 35, 0 (66%, 34%, 0%).

      ### Round twenty-one: eight more blind corpora (2026-12-01)

      Eight more corpora (c64 to c71: 73 documents from 42 public repositories no earlier corpus used: lab \
      protocols and instrument SOPs, a leisure centre's reception and emergency pages, a makerspace's rules, \
      a board's e-vote procedure, invoicing and onboarding checklists, release and security procedures, an \
      archive's digitization guidelines, a MEG lab's tidy-up list) were linted with 87a0661 and judged blind. \
      The search tools' budget ran out while the second four were collected: c68, c70 and c71 hold four \
      documents each and c69 one. c70 gave no finding; c69's eight findings are all links broken by the \
      copying, and it was not judged. The six judged sets gave **31 right, 22 debatable, 19 wrong of 72 \
      (43%, 31%, 26%)**; 62 links broken only by the copying were left out. **Issue 14's target is not met \
      blind.** By kind: the rules that find a defect 24 right, 6 debatable, 15 wrong of 45 (53%, 13%, 33%), \
      eight of the fifteen on one lab's anchors and metadata headings; the style measures 7 right, 16 \
      debatable, 4 wrong of 27 (26%, 59%, 15%).

      Eighteen of the nineteen wrong findings are fixed, each with an example: anchors written `<a name = \
      "SetUp">` (spaces around `=`, as HTML allows) are anchors (`broken-reference`, six); "Last updated: \
      February 5, 2025" and "Pre-requisite SOP: NA" as headings are records, not empty sections, and a \
      bullet "- Exceptions:" heads the bullets after it (`unfinished`, five); 'Updated by: XXXXX' quoted \
      after "to" is the text the reader is told to set; bold that closes well (`**<span>…</span>**,`) is not \
      paired with the next line's asterisks (`markup`, three); a list typed "1." throughout with one slip is \
      in order (`step-numbers`); "and then increase if needed" adjusts one action (`one-instruction`); a \
      merge conflict's `<<<<<<< HEAD` over `=======` is no heading (`heading-structure`). Left: a passive \
      condition in a board's procedure ("Quorum must be reached (4/7) for the vote to be valid"), where \
      "Reach quorum" does not fit. New: a merge conflict left in a document (`<<<<<<< HEAD` … `>>>>>>>`) is \
      an `unfinished` error (a cluster's account page held one; the judge named it the real defect). \
      MediaWiki pictures (`[[File:Trolley.jpg|200px|thumb|left|Trolley]]`) are advised as a Markdown \
      picture with their caption. A list indented by a tab with nothing to nest under, which the page shows \
      as code (a gas-handling procedure's every valve list; the judge of c64 named it), is a `markup` \
      warning, once a document; it adds three findings on the judged sets, each right by the developer's \
      reading. Over all 51 blind checks (c18 to c71, each judged on the build of its moment) the findings \
      were 398 right, 253 debatable and 127 wrong (51%, 33%, 16%). With the final rules, the 51 judged sets \
      (tuned) give 506 right, 200 debatable and 7 wrong (71%, 28%, 1%); c64 to c71 alone 33, 22, 1 (59%, \
      39%, 2%).

      ### Round twenty-two: eight more blind corpora, in two sets (2026-12-02)

      Eight more corpora (c72 to c79: 84 documents from 56 repositories, 55 of them new to the corpora: a \
      modular-home builder's QMS, lab onboarding and offboarding, a county assessor's desk review, emergency \
      and on-call procedures, HPC policies, a library's supply and shipping guidelines, an offshore survey's \
      integrity check, a hackathon organiser's incident response, field sampling protocols) were judged blind \
      in two sets: c72 to c75 on 7b3c4cd, then, after their wrong findings were fixed, c76 to c79 on 50a836f. \
      The first set gave **60 right, 23 debatable, 10 wrong of 93 (65%, 25%, 11%)**, the second 16, 12, 3 of \
      31 (52%, 39%, 10%); both together 76, 35, 13 of 124 (61%, 28%, 10%), with 93 links broken only by the \
      copying left out. **Issue 14's target is not met blind**, though the wrong share fell from 26% in round \
      twenty-one to 10%.

      Eleven of the thirteen wrong findings are fixed, each with an example: slots in a sample message the \
      reader adapts ("The notification could be something like:" over a quote with "$XXX"; "**Example**: \
      *"Hi, I'm [Your Name] …"*") and a marker spoken of after an article ("with a TODO in the code") \
      (`unfinished`, three); "the Collection Services policy and procedures manual" names a longer document \
      (`broken-reference`); a state after "When …, check the vacuum screen." and a picture's caption that \
      restates an earlier step ("Power must be set to 200mW", twice) get no imperative rewrite \
      (`passive-voice`, three); checklist items indented under a MkDocs admonition's title end their sentences \
      (`sentence-length`); references with a DOI or "et al." and findings told in the past tense chain no \
      instructions (`one-instruction`, two); a title's inline-code marks do not make it differ from its H1 \
      (`heading-structure`). Left: an image link that works only through VuePress's `public/` folder, and a \
      `;` in an item of a list of causes. Also fixed: "Quorum must be reached (4/7) for the vote to be valid", \
      left in round twenty-one (a condition to hold gets a rewrite only from a named agent). New, from the \
      judges' misses of earlier rounds: "(LINK)" in capitals stands where a link belongs (`unfinished`), \
      headings numbered by hand that skip, repeat or run back among their siblings (`step-numbers`: a gas \
      system's stages 0, 1, 2, 4), and sub-items typed "ii." on lines Markdown joins into one paragraph \
      (`markup`); and, from this round's misses, slots such as "[Contact Information]" and "[Your provider's \
      support]" and a bracket that says its text needs updating ("[needs updating with info about …]", \
      `unfinished`). Over all 59 blind checks (c18 to c79, each judged on the build of its moment) the \
      findings were 474 right, 288 debatable and 140 wrong (53%, 32%, 16%). With the final rules, the 59 \
      judged sets (tuned) give 597 right, 235 debatable and 8 wrong (71%, 28%, 1%).

      ## Pre-commit hook

      The repository ships a `.pre-commit-hooks.yaml` for the pre-commit framework (hook id `sop-lint`). Without the framework, \
      save this as `.git/hooks/pre-commit` and make it executable (`chmod +x .git/hooks/pre-commit`):

      ```sh
      #!/bin/sh
      # Refuse the commit while any document has an error finding.
      exec sop lint --min-severity error
      ```

      ## GitHub Actions

      Upload the SARIF output so findings show up in code scanning and on pull requests (the job needs \
      `security-events: write`; install or build `sop` in an earlier step):

      ```yaml
      jobs:
        lint:
          runs-on: ubuntu-latest
          permissions:
            contents: read
            security-events: write
          steps:
            - uses: actions/checkout@v4
            # … install sop here …
            - name: Lint documents
              run: sop lint --format sarif > sop-lint.sarif
            - name: Upload lint results
              if: always()
              uses: github/codeql-action/upload-sarif@v3
              with:
                sarif_file: sop-lint.sarif
                category: sop-lint
      ```

      """
  }

  static func exampleRepository(
    policyYAML: String, documents: [(id: String, path: String, status: String)], files: [String],
    examplePath: String, companion: (path: String, fenced: String)
  ) -> String {
    """
    ## The examples' repository

    Every example above is a whole file, linted as `\(examplePath)` (the findings listed under each \
    failing example are generated from it) beside one more document, `\(companion.path)`, with this `sop.yml`:

    ```yaml
    \(policyYAML)
    ```

    and these other documents:

    | Id | Path | Status |
    | --- | --- | --- |
    \(documents.map { "| \($0.id) | \($0.path) | \($0.status) |" }.joined(separator: "\n"))

    Other files: \(files.filter { path in !documents.contains { $0.path == path } }.map { "`\($0)`" }.joined(separator: ", ")).

    The document linted beside each example, `\(companion.path)`, spells out QMO, SWMS, CAPA, LSB and CID in its \
    text and defines NCR in its glossary, as an organisation's documents do; `undefined-acronym` reports an \
    acronym only where another document spells it out, so an example that leaves one of the first five \
    unexplained is reported, and one that uses NCR is not:

    \(companion.fenced)
    """
  }
}
