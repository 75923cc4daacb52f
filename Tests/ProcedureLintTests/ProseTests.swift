import DocumentModel
import Foundation
import MarkdownSyntax
import Testing

@testable import ProcedureLint

/// The prose of a body (no front matter).
func prose(_ body: String) -> Prose {
  let text = "---\nid: QP-010\ntitle: T\ntype: procedure\nowner: maria@example.com\n---\n" + body
  let source = try! DocumentText.split(path: "a.md", data: Data(text.utf8))
  return LintDocument(path: "a.md", text: source, frontMatter: nil).prose
}

/// The sentences of a body as text.
func sentences(_ body: String) -> [String] {
  let prose = prose(body)
  return prose.sentences.map { prose.excerpt(words: $0.words, limit: 1_000) }
}

@Suite("Prose measures")
struct ProseTests {
  @Test(
    "Syllables follow the documented heuristic",
    arguments: [
      ("make", 1), ("table", 2), ("little", 2), ("checked", 1), ("started", 2), ("needed", 2), ("used", 1),
      ("makes", 1), ("boxes", 2), ("places", 2), ("washes", 2), ("the", 1), ("be", 1), ("free", 1),
      ("yes", 1), ("day", 1), ("only", 2), ("system", 2), ("calibration", 4), ("procedure", 3),
      ("supervisor", 4), ("well-known", 2), ("2015", 1), ("café", 2), ("Responsibilities", 6), ("a", 1),
    ])
  func syllables(word: String, expected: Int) {
    #expect(TextMetrics.syllables(word) == expected)
  }

  @Test("Sentences end at . ! ? but not after abbreviations or inside numbers")
  func sentenceSplitting() {
    #expect(
      sentences("Wear gloves, e.g. nitrile ones. Check the 3.5 mm gap (see No. 4). Done! Really? Yes…\n")
        == ["Wear gloves e.g nitrile ones", "Check the 3.5 mm gap see No 4", "Done", "Really", "Yes"])
    #expect(sentences("Call Dr. Smith, Mr. Jones etc. first.\n") == ["Call Dr Smith Mr Jones etc first"])
    #expect(sentences("He said \"stop.\" Then go.\n") == ["He said stop", "Then go"])
  }

  @Test("Each list item and heading ends a sentence")
  func blocksEndSentences() {
    #expect(
      sentences("# Get ready\n\n1. Open the valve\n2. Close the tap\n\n- Wear boots\n- Wear a hat\n")
        == ["Get ready", "Open the valve", "Close the tap", "Wear boots", "Wear a hat"])
    let prose = prose("1. Open the valve\n2. Close the tap\n\n- Wear boots\n")
    #expect(prose.units.map(\.isStep) == [true, true, false])
  }

  @Test("Lines typed as a plain list end sentences; a hard-wrapped sentence goes on over a name")
  func plainLineItems() {
    // A runbook's checks as plain lines (one paragraph when rendered), after a word or a closing bracket.
    #expect(
      sentences("  Confirm incident source (alert, ticket)\n  Identify affected systems\n  Confirm business impact\n")
        == ["Confirm incident source alert ticket", "Identify affected systems", "Confirm business impact"])
    // Hard-wrapped prose: after a function word, a capitalised word, punctuation, or before a lower-case
    // word or an acronym, the sentence goes on.
    #expect(
      sentences(
        "Send the form to the\nQuality Manager, who asks the Quality\nManager of the site for\nreview and\nQA sign-off.\n"
      )
        == ["Send the form to the Quality Manager who asks the Quality Manager of the site for review and QA sign-off"])
    // A line as long as hard-wrapped prose's goes on over a soft break, whatever its last word.
    #expect(
      sentences("Check every gauge on the shelf and then give the completed log to the site\nQuality Manager today.\n")
        == ["Check every gauge on the shelf and then give the completed log to the site Quality Manager today"])
    // A hard line break (two spaces) shows a new line: a capitalised word after it starts a sentence.
    #expect(
      sentences("Weigh the sample on the  \nCalibrated balance\n") == ["Weigh the sample on the", "Calibrated balance"])
  }

  @Test("A heading typed as a plain line ends its sentence; a short wrapped line or a wrapped link does not")
  func plainHeadingLines() {
    // A plain-text SOP's headings: the paragraph's first line of capitalised words, then a capitalised word
    // opening a line over 40 bytes and twice as long.
    #expect(
      sentences(
        "Purpose\nAs an organization, we publish the data we collect.\n\nReview and Update\n"
          + "This SOP is read yearly by the quality manager.\n")
        == [
          "Purpose", "As an organization we publish the data we collect", "Review and Update",
          "This SOP is read yearly by the quality manager",
        ])
    // Not a heading: a short line before another short one (a narrow column), a lower-case word that is not
    // a joining word, a first line over 40 bytes, a second line, punctuation, a line wrapped inside a link,
    // or a next line that opens with an acronym.
    let rest = " signs the form before the end of every shift"
    #expect(sentences("Call the Quality\nManager now.\n") == ["Call the Quality Manager now"])
    #expect(sentences("Send it to Quality\nManager\(rest).\n") == ["Send it to Quality Manager\(rest)"])
    #expect(
      sentences("Quality Manager Of The Northern Region Site\nManager\(rest).\n")
        == ["Quality Manager Of The Northern Region Site Manager\(rest)"])
    #expect(
      sentences("Read this first.\nQuality Manager\nManager\(rest).\n")
        == ["Read this first", "Quality Manager Manager\(rest)"])
    #expect(sentences("Purpose:\nManager\(rest).\n") == ["Purpose Manager\(rest)"])
    #expect(
      sentences("[Manchester Hackspace BioLab Usage\nGuidelines](guide.md) apply to every user of the lab.\n")
        == ["Manchester Hackspace BioLab Usage Guidelines apply to every user of the lab"])
    #expect(sentences("Quality Records\nQA\(rest).\n") == ["Quality Records QA\(rest)"])
  }

  @Test("Code, tables, HTML, images and URLs are not prose")
  func excluded() {
    let body = """
      Run `sop lint --fix` on [the form](https://example.com/forms/QP-404) now.

      ```
      code words here
      ```

      | Cell | Words |
      | --- | --- |
      | a b | c |

      <div>html words</div>

      ![alt words](image.png) See https://example.com/x and mail a@b.example today.

      """
    let prose = prose(body)
    let words = prose.units.filter(\.isProse).flatMap { $0.words.map { prose.text(ofWord: $0) } }
    #expect(words == ["Run", "on", "the", "form", "now", "See", "and", "mail", "today"])
    #expect(prose.proseWordCount == 9)
    #expect(prose.sentences.count == 2)
  }

  @Test("Flesch–Kincaid grade uses the standard weights")
  func grade() {
    #expect(abs(TextMetrics.fleschKincaidGrade(words: 100, sentences: 5, syllables: 150) - 9.91) < 0.001)
    #expect(TextMetrics.fleschKincaidGrade(words: 0, sentences: 0, syllables: 0) == 0)
  }

  @Test("Numbers are formatted for messages")
  func formatting() {
    #expect(TextMetrics.grouped(1_234_567) == "1,234,567")
    #expect(TextMetrics.decimal(11.24) == "11.2")
    #expect(TextMetrics.decimal(8) == "8")
    #expect(TextMetrics.count(1, "file") == "1 file")
    #expect(TextMetrics.count(2, "file") == "2 files")
  }

  @Test("Word positions are file positions, front matter included")
  func positions() {
    let prose = prose("Intro text.\n\n1. Open *the* valve\n   slowly.\n")
    let slowly = prose.words.indices.first { prose.text(ofWord: $0) == "slowly" }!
    let unit = prose.units.first { $0.words.contains(slowly) }!
    #expect(prose.position(ofWord: slowly, in: unit) == SourcePosition(line: 10, column: 4))
  }
}

@Suite("Number format")
struct NumberFormatTests {
  @Test("Numbers in messages: thousands grouped, no trailing zeros, at most the decimals asked for")
  func numbers() {
    #expect(TextMetrics.decimal(2_500) == "2,500")
    #expect(TextMetrics.decimal(10.5) == "10.5")
    #expect(TextMetrics.hundredths(1.72) == "1.72")
    #expect(TextMetrics.hundredths(1.7) == "1.7")
    #expect(TextMetrics.hundredths(2) == "2")
    #expect(TextMetrics.hundredths(1.05) == "1.05")
    #expect(TextMetrics.grouped(12_345) == "12,345")
  }
}
