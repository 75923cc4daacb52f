import Foundation
import MarkdownSyntax

/// The document body as HTML: cmark-gfm's safe rendering, adjusted to sit inside a page.
enum BodyHTML {
  /// Renders `markdown` with cmark-gfm in safe mode (raw HTML dropped, unsafe links removed), then shifts
  /// headings down one level (the page's `<h1>` is the document title, so the body's `#` becomes `<h2>`),
  /// wraps tables in a scrolling region and scopes header cells to their column.
  static func render(_ markdown: String) -> String {
    adjust(CommonMarkParser.renderHTML(markdown))
  }

  /// The body of the document `id` as HTML, without an opening heading that repeats its title. The body's
  /// headings shift down one level below the page's `<h1>`, except when the repeated title was left out and
  /// the body has no other `#` heading: then its `##` sections are already the page's `<h2>`s.
  static func renderBody(_ markdown: String, id: String, title: String) -> String {
    let trimmed = withoutTitleHeading(markdown, id: id, title: title)
    let html = CommonMarkParser.renderHTML(trimmed)
    let removedTitle = trimmed.utf8.count != markdown.utf8.count
    let keepsLevels = removedTitle && !hasLevelOneHeading(html)
    // The title heading left out still takes its anchor, as on GitHub: a later "## Internal audit" is
    // "#internal-audit-1" in both places.
    return adjust(html, shiftsHeadings: !keepsLevels, leftOutHeading: removedTitle ? titleLine(markdown) : nil)
  }

  /// The text of the first line of `markdown` that is not blank, without its `# ` and closing hashes.
  private static func titleLine(_ markdown: String) -> String {
    let line = markdown.split(separator: "\n", omittingEmptySubsequences: false).first {
      !$0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }
    return (line ?? "").dropFirst(2).trimmingCharacters(in: CharacterSet(charactersIn: " #\r\t"))
  }

  /// `markdown` without its opening `# heading` when that heading only repeats the title the page already
  /// shows (`# Internal audit`, `# QP-002 Internal audit`, `# QP-002: Internal audit`), so the title is not
  /// printed twice.
  static func withoutTitleHeading(_ markdown: String, id: String, title: String) -> String {
    // Bytes first: most bodies are ruled out by their first line without building any string.
    let bytes = markdown.utf8
    var start = bytes.startIndex
    while true {
      var end = start
      while end != bytes.endIndex, bytes[end] != 0x0A { end = bytes.index(after: end) }
      let isBlank = bytes[start..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
      guard isBlank else { break }
      guard end != bytes.endIndex else { return markdown }
      start = bytes.index(after: end)
    }
    var end = start
    while end != bytes.endIndex, bytes[end] != 0x0A { end = bytes.index(after: end) }
    let line = bytes[start..<end]
    guard line.starts(with: [0x23, 0x20]) else { return markdown }
    func normal(_ text: some StringProtocol) -> String {
      text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
    let text = String(decoding: line.dropFirst(2), as: UTF8.self)
    var heading = normal(text.trimmingCharacters(in: CharacterSet(charactersIn: " #\r")))
    let lowerID = id.lowercased()
    if heading.hasPrefix(lowerID) {
      heading = String(heading.dropFirst(lowerID.count)).trimmingCharacters(
        in: CharacterSet(charactersIn: " :—–-").union(.whitespaces))
    }
    guard heading == normal(title) else { return markdown }
    let rest = end == bytes.endIndex ? end : bytes.index(after: end)
    return String(decoding: bytes[..<start], as: UTF8.self) + String(decoding: bytes[rest...], as: UTF8.self)
  }

  /// Whether `html` has an `<h1` tag (a byte scan: `String.contains` goes through Foundation's search).
  static func hasLevelOneHeading(_ html: String) -> Bool {
    var html = html
    return html.withUTF8 { bytes in
      guard bytes.count >= 3 else { return false }
      for index in 0..<(bytes.count - 2)
      where bytes[index] == 0x3C && bytes[index + 1] == 0x68 && bytes[index + 2] == 0x31 {
        return true
      }
      return false
    }
  }

  /// Rewrites heading and table tags. Safe mode escapes every `<` that is text, so each `<` in cmark's output
  /// starts one of its own tags and a byte scan is exact.
  static func adjust(_ html: String, shiftsHeadings: Bool = true, leftOutHeading: String? = nil) -> String {
    let input = Array(html.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(input.count + 256)
    let tableOpen = Array("<table>".utf8)
    let tableClose = Array("</table>".utf8)
    let wrapOpen = Array(
      "<div class=\"table-wrap\" role=\"region\" aria-label=\"Table\" tabindex=\"0\"><table>".utf8)
    let wrapClose = Array("</table></div>".utf8)
    var anchors = HeadingAnchors()
    if let leftOutHeading { _ = anchors.next(leftOutHeading) }
    var index = 0
    while index < input.count {
      let byte = input[index]
      guard byte == UInt8(ascii: "<") else {
        output.append(byte)
        index += 1
        continue
      }
      if hasPrefix(input, at: index, tableOpen) {
        output.append(contentsOf: wrapOpen)
        index += tableOpen.count
        continue
      }
      if hasPrefix(input, at: index, tableClose) {
        output.append(contentsOf: wrapClose)
        index += tableClose.count
        continue
      }
      // <th> or <th align=…>: header cells get scope="col" so screen readers announce their column.
      if index + 3 < input.count, input[index + 1] == UInt8(ascii: "t"), input[index + 2] == UInt8(ascii: "h"),
        input[index + 3] == UInt8(ascii: ">") || input[index + 3] == UInt8(ascii: " ")
      {
        output.append(contentsOf: Array("<th scope=\"col\"".utf8))
        index += 3
        continue
      }
      // <hN> or </hN>, N in 1...6, followed by '>' or a space: shifted one level down (N up to 5), and each
      // opening tag given its anchor, so that a link to "#6-conclude-the-incident" reaches its heading.
      let slash = index + 1 < input.count && input[index + 1] == UInt8(ascii: "/") ? 1 : 0
      let h = index + 1 + slash
      if h + 2 < input.count, input[h] == UInt8(ascii: "h"),
        (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(input[h + 1]),
        input[h + 2] == UInt8(ascii: ">") || input[h + 2] == UInt8(ascii: " ")
      {
        let shifts = shiftsHeadings && input[h + 1] <= UInt8(ascii: "5")
        output.append(contentsOf: input[index...h])
        output.append(shifts ? input[h + 1] + 1 : input[h + 1])
        index = h + 2
        if slash == 0 {
          // A heading of symbols only ("🔧") has an empty anchor, and an id may not be empty.
          let anchor = anchors.next(headingText(input, from: h + 2))
          if !anchor.isEmpty { output.append(contentsOf: Array(" id=\"\(anchor)\"".utf8)) }
        }
        continue
      }
      output.append(byte)
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The text of the heading whose opening tag ends at `start` (its `>` or the space before its attributes):
  /// its content up to the closing tag, without tags, with cmark's four entities decoded.
  static func headingText(_ input: [UInt8], from start: Int) -> String {
    var index = start
    while index < input.count, input[index] != UInt8(ascii: ">") { index += 1 }
    index += 1
    var text: [UInt8] = []
    var inTag = false
    while index < input.count {
      let byte = input[index]
      if byte == UInt8(ascii: "<") {
        if index + 2 < input.count, input[index + 1] == UInt8(ascii: "/"), input[index + 2] == UInt8(ascii: "h") {
          break
        }
        inTag = true
      } else if byte == UInt8(ascii: ">") {
        inTag = false
      } else if !inTag {
        text.append(byte)
      }
      index += 1
    }
    var decoded = String(decoding: text, as: UTF8.self)
    guard decoded.contains("&") else { return decoded }
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
      decoded = decoded.replacingOccurrences(of: entity, with: character)
    }
    return decoded
  }

  private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: [UInt8]) -> Bool {
    guard index + prefix.count <= bytes.count else { return false }
    for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] {
      return false
    }
    return true
  }
}

/// A document body as the site renders it (cmark-gfm's safe mode, the repeated title left out), for the other
/// front end that shows documents: `sop serve`.
public func documentBodyMarkup(_ markdown: String, id: String, title: String) -> Markup {
  .trusted(BodyHTML.renderBody(markdown, id: id, title: title))
}
