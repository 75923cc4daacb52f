/// Links between documents in a rendered body: rewrites links to other documents' Markdown files to their
/// pages (or to plain text with a note when the document is not in effect) and links bare ids in the text.
extension BodyHTML {
  /// Rewrites the cmark-gfm output `html` of the document `selfID` stored at `source`. Bare ids are linked in
  /// text only: not inside code, preformatted text, existing links or headings, and never the page's own id.
  /// Safe mode escapes every `<` that is text, so each `<` starts a tag and a byte scan is exact.
  /// Links and embeds of an attachment (`attachments`: repository path to its href from `documents/`) point at
  /// the copied file.
  static func rewriteLinks(
    _ html: String, links: DocumentLinks, selfID: String, source: String, attachments: [String: String] = [:]
  ) -> String {
    let input = Array(html.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(input.count + 256)
    var code = 0
    var anchors = 0
    var headings = 0
    // The text that replaces the `</a>` of a link shown as plain text, one per open link.
    var closings: [[UInt8]?] = []
    var index = 0
    while index < input.count {
      let byte = input[index]
      if byte == UInt8(ascii: "<") {
        var end = index + 1
        while end < input.count, input[end] != UInt8(ascii: ">") { end += 1 }
        let tag = input[index..<min(end + 1, input.count)]
        let name = tagKey(tag)
        switch name {
        case Tag.code, Tag.pre: code += 1
        case Tag.closing | Tag.code, Tag.closing | Tag.pre: code = max(0, code - 1)
        case Tag.h1, Tag.h2, Tag.h3, Tag.h4, Tag.h5, Tag.h6: headings += 1
        case Tag.closing | Tag.h1, Tag.closing | Tag.h2, Tag.closing | Tag.h3, Tag.closing | Tag.h4,
          Tag.closing | Tag.h5, Tag.closing | Tag.h6:
          headings = max(0, headings - 1)
        case Tag.img:
          if let src = attribute("src", in: tag), let copied = attachment(src, attachments, source) {
            output.append(contentsOf: replacing("src", in: tag, with: copied))
            index = end + 1
            continue
          }
        case Tag.a:
          anchors += 1
          if let href = attribute("href", in: tag), let copied = attachment(href, attachments, source) {
            output.append(contentsOf: replacing("href", in: tag, with: copied))
            closings.append(nil)
            index = end + 1
            continue
          }
          if let href = attribute("href", in: tag), let target = links.target(ofHref: href, from: source) {
            switch target {
            case .page(_, let page):
              output.append(contentsOf: Array("<a class=\"doc-link\" href=\"".utf8))
              output.append(contentsOf: Array(page.utf8))
              output.append(contentsOf: Array("\">".utf8))
              closings.append(nil)
            case .withdrawn(let id):
              output.append(contentsOf: Array("<span class=\"unlinked\">".utf8))
              let note: Markup = "</span> <span class=\"link-note\">(\(id) is withdrawn)</span>"
              closings.append(Array(note.text.utf8))
            case .notInSnapshot:
              output.append(contentsOf: Array("<span class=\"unlinked\">".utf8))
              closings.append(Array("</span> <span class=\"link-note\">(not in effect in this snapshot)</span>".utf8))
            }
            index = end + 1
            continue
          }
          closings.append(nil)
        case Tag.closing | Tag.a:
          anchors = max(0, anchors - 1)
          if let closing = closings.popLast(), let closing {
            output.append(contentsOf: closing)
            index = end + 1
            continue
          }
        default: break
        }
        output.append(contentsOf: tag)
        index = end + 1
        continue
      }
      if code == 0, anchors == 0, headings == 0, isUpper(byte), index == 0 || !isWordByte(input[index - 1]),
        let length = idLength(input, at: index)
      {
        let id = String(decoding: input[index..<index + length], as: UTF8.self)
        if id != selfID, let page = links.page(of: id) {
          output.append(contentsOf: Array("<a class=\"doc-ref\" href=\"\(page)\">\(id)</a>".utf8))
          index += length
          continue
        }
      }
      output.append(byte)
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The length of a document id (`[A-Z][A-Z0-9]*-[0-9]+`) at `index`, ending at a word boundary; nil when
  /// there is none.
  private static func idLength(_ bytes: [UInt8], at index: Int) -> Int? {
    var end = index + 1
    while end < bytes.count, isUpper(bytes[end]) || isDigit(bytes[end]) { end += 1 }
    guard end < bytes.count, bytes[end] == UInt8(ascii: "-") else { return nil }
    end += 1
    let digits = end
    while end < bytes.count, isDigit(bytes[end]) { end += 1 }
    guard end > digits, end - index <= 100 else { return nil }
    if end < bytes.count, isWordByte(bytes[end]) { return nil }
    return end - index
  }

  private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  /// Letters, digits, `_`, `-` and non-ASCII bytes: what continues a word around an id.
  private static func isWordByte(_ byte: UInt8) -> Bool {
    isUpper(byte) || isDigit(byte) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D || byte >= 0x80
  }

  /// Tag names packed into an integer by `tagKey`, so the scan compares names without building strings.
  private enum Tag {
    static let closing: UInt64 = 1 << 63
    static let a = key("a")
    static let img = key("img")
    static let code = key("code")
    static let pre = key("pre")
    static let h1 = key("h1")
    static let h2 = key("h2")
    static let h3 = key("h3")
    static let h4 = key("h4")
    static let h5 = key("h5")
    static let h6 = key("h6")

    static func key(_ name: String) -> UInt64 {
      name.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }
  }

  /// The lowercased name of the tag `<name …>` or `</name>` packed into an integer (`Tag.closing` set for a
  /// closing tag); 0 for names longer than 7 bytes, which the scan never needs.
  private static func tagKey(_ tag: ArraySlice<UInt8>) -> UInt64 {
    var key: UInt64 = 0
    var count = 0
    var isClosing = false
    for (offset, byte) in tag.dropFirst().enumerated() {
      if offset == 0, byte == UInt8(ascii: "/") {
        isClosing = true
        continue
      }
      if byte == UInt8(ascii: ">") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "/")
      {
        break
      }
      count += 1
      guard count <= 7 else { return 0 }
      key = key << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
    }
    return isClosing ? key | Tag.closing : key
  }

  /// The copied file's href when `href` (relative to the document at `source`) names one of its attachments.
  private static func attachment(_ href: String, _ attachments: [String: String], _ source: String) -> String? {
    guard !attachments.isEmpty, let relative = DocumentLinks.relativePath(ofHref: href),
      let path = DocumentLinks.resolve(relative, from: source)
    else { return nil }
    return attachments[path]
  }

  /// `tag` with the value of `name="…"` replaced by `value` (a site path made of safe characters).
  private static func replacing(_ name: String, in tag: ArraySlice<UInt8>, with value: String) -> [UInt8] {
    let bytes = Array(tag)
    guard let range = valueRange(of: name, in: bytes) else { return bytes }
    return Array(bytes[..<range.lowerBound]) + Array(value.utf8) + Array(bytes[range.upperBound...])
  }

  /// The value of `name="…"` in a tag cmark wrote (values are double-quoted and escaped).
  private static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> String? {
    let bytes = Array(tag)
    return valueRange(of: name, in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
  }

  /// Where the value of `name="…"` lies in `bytes`.
  private static func valueRange(of name: String, in bytes: [UInt8]) -> Range<Int>? {
    let needle = Array(" \(name)=\"".utf8)
    guard bytes.count > needle.count else { return nil }
    for start in 0...(bytes.count - needle.count) where bytes[start..<start + needle.count].elementsEqual(needle) {
      var end = start + needle.count
      while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
      return (start + needle.count)..<end
    }
    return nil
  }
}
