import DocumentModel
import MarkdownSyntax

/// The document body as HTML: cmark-gfm's safe rendering, adjusted to sit inside a page.
enum BodyHTML {
  /// Renders `markdown` with cmark-gfm in safe mode (raw HTML dropped, unsafe links removed), then shifts
  /// headings down one level (the page's `<h1>` is the document title, so the body's `#` becomes `<h2>`),
  /// wraps tables in a scrolling region and scopes header cells to their column.
  static func render(_ markdown: String, documentPath: String = "", links: [String: String] = [:]) -> String {
    let html = adjust(CommonMarkParser.renderHTML(markdown))
    return links.isEmpty ? html : rewriteLinks(html, documentPath: documentPath, links: links)
  }

  /// Points each `href` and `src` whose relative target resolves (from the document's folder) to a repository
  /// path in `links` at that path's site address. cmark writes attribute values escaped (`&amp;`, `%20`), so
  /// they are unescaped the way `AttachmentLinks` reads Markdown before they are resolved.
  static func rewriteLinks(_ html: String, documentPath: String, links: [String: String]) -> String {
    var output = ""
    var rest = Substring(html)
    while let range = nextAttribute(in: rest) {
      output += rest[..<range.lowerBound]
      let value = String(rest[range])
      let unescaped = value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
      if let relative = AttachmentLinks.relativePath(Array(unescaped.utf8)),
        let resolved = AttachmentLinks.resolve(relative, from: documentPath), let target = links[resolved]
      {
        Markup.appendEscaped(target, to: &output)
      } else {
        output += value
      }
      rest = rest[range.upperBound...]
    }
    return output + rest
  }

  /// The value range of the next ` href="…"` or ` src="…"` attribute.
  private static func nextAttribute(in text: Substring) -> Range<Substring.Index>? {
    let href = text.range(of: " href=\"")
    let src = text.range(of: " src=\"")
    guard let start = [href, src].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
    guard let end = text[start.upperBound...].firstIndex(of: "\"") else { return nil }
    return start.upperBound..<end
  }

  /// Rewrites heading and table tags. Safe mode escapes every `<` that is text, so each `<` in cmark's output
  /// starts one of its own tags and a byte scan is exact.
  static func adjust(_ html: String) -> String {
    let input = Array(html.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(input.count + 256)
    let tableOpen = Array("<table>".utf8)
    let tableClose = Array("</table>".utf8)
    let wrapOpen = Array(
      "<div class=\"table-wrap\" role=\"region\" aria-label=\"Table\" tabindex=\"0\"><table>".utf8)
    let wrapClose = Array("</table></div>".utf8)
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
      // <hN> or </hN>, N in 1...5, followed by '>' or a space.
      let slash = index + 1 < input.count && input[index + 1] == UInt8(ascii: "/") ? 1 : 0
      let h = index + 1 + slash
      if h + 2 < input.count, input[h] == UInt8(ascii: "h"),
        (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(input[h + 1]),
        input[h + 2] == UInt8(ascii: ">") || input[h + 2] == UInt8(ascii: " ")
      {
        output.append(contentsOf: input[index...h])
        output.append(input[h + 1] + 1)
        index = h + 2
        continue
      }
      output.append(byte)
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: [UInt8]) -> Bool {
    guard index + prefix.count <= bytes.count else { return false }
    for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] {
      return false
    }
    return true
  }
}
