import DocumentModel
import Foundation
import MarkdownSyntax

/// A heading of the document.
struct Heading: Sendable {
  /// Its node.
  var node: Int
  /// 1 to 6.
  var level: Int
  /// Where it starts.
  var start: SourcePosition
  /// Its plain text (inline code included), trimmed.
  var text: String
}

/// A link or image destination written in the body.
struct Link: Sendable {
  /// The destination as written.
  var destination: String
  /// Where the link starts.
  var start: SourcePosition
}

/// One document, read and parsed once, with everything rules look at.
struct LintDocument: Sendable {
  /// Path relative to the repository root.
  let path: String
  /// The split file.
  let text: DocumentSource
  /// The decoded front matter, or nil when it is invalid (the `front-matter` rule reports why).
  let frontMatter: FrontMatter?
  /// The type named in the front matter, even when other keys are invalid.
  let typeName: String?
  /// The title named in the front matter, even when other keys are invalid.
  let title: String?
  /// The parsed body.
  let markdown: MarkdownDocument
  /// Words and sentences.
  let prose: Prose
  /// Headings in order.
  let headings: [Heading]
  /// Relative and absolute link and image destinations (autolinks left out).
  let links: [Link]
  /// `sop-lint-…` control comments.
  let controls: ControlComments
  /// Top-level front-matter keys and their lines.
  let frontMatterLines: FrontMatterLines

  init(path: String, text: DocumentSource, frontMatter: FrontMatter?) {
    self.path = path
    self.text = text
    self.frontMatter = frontMatter
    let lines = FrontMatterLines(text: text)
    frontMatterLines = lines
    typeName = frontMatter?.type ?? lines.value(ofKey: "type")
    title = frontMatter?.title ?? lines.value(ofKey: "title")
    let markdown = CommonMarkParser.parse(text.body, lineOffset: text.bodyLineOffset)
    self.markdown = markdown
    var builder = Builder(markdown: markdown, bodySize: text.body.utf8.count)
    builder.run()
    prose = builder.prose
    headings = builder.headings
    links = builder.links
    controls = ControlComments(directives: builder.directives, body: text.body, bodyLineOffset: text.bodyLineOffset)
  }

  /// Where the body's first block starts (the top of the body when it is empty).
  var bodyStart: SourcePosition {
    if markdown.nodes.count > 1 { return markdown.nodes[1].start }
    return SourcePosition(line: text.bodyLineOffset + 1, column: 1)
  }

  /// Where the front matter starts: the opening `---` line.
  var frontMatterStart: SourcePosition { SourcePosition(line: 1, column: 1) }

  /// One linear pass over the flat node array; per-node context is inherited from the parent, so
  /// nesting depth costs nothing.
  private struct Builder {
    let markdown: MarkdownDocument
    var prose = Prose()
    var headings: [Heading] = []
    var links: [Link] = []
    var directives: [ControlComments.Directive] = []

    /// The size of the Markdown body in bytes, to reserve room for its words once.
    let bodySize: Int

    init(markdown: MarkdownDocument, bodySize: Int) {
      self.markdown = markdown
      self.bodySize = bodySize
    }

    private struct Context {
      var unit: Int32 = -1
      var item: Int32 = -1
      var isHidden = false
      var isInTable = false
      var isHeaderRow = false
    }

    mutating func run() {
      let nodes = markdown.nodes
      var contexts = [Context](repeating: Context(), count: nodes.count)
      var openUnit = -1
      // Reserved once from the body size (an English word and its space take about six bytes), so the
      // arrays rarely grow while tokenizing.
      prose.bytes.reserveCapacity(max(8_192, bodySize))
      prose.words.reserveCapacity(bodySize / 6)
      prose.sentences.reserveCapacity(bodySize / 60)
      prose.segments.reserveCapacity(nodes.count / 2)
      prose.units.reserveCapacity(nodes.count / 4)
      for index in nodes.indices {
        // Fields are read in place: copying a whole node would retain its strings and children.
        var context = nodes[index].parent.map { contexts[$0] } ?? Context()
        switch nodes[index].kind {
        case .item:
          context.item = Int32(index)
        case .table:
          context.isInTable = true
        case .tableRow(let isHeader):
          context.isHeaderRow = isHeader
        case .codeBlock:
          context.isHidden = true
        case .htmlBlock, .htmlInline:
          context.isHidden = true
          collectDirectives(nodes[index])
        case .code:
          if !context.isHidden, context.unit >= 0 { prose.bytes.append(0x20) }
          context.isHidden = true
        case .image(let source, _):
          context.isHidden = true
          links.append(Link(destination: source, start: nodes[index].start))
        case .link(let destination, _):
          if isAutolink(nodes[index], destination: destination) {
            context.isHidden = true
          } else {
            links.append(Link(destination: destination, start: nodes[index].start))
          }
        case .paragraph, .heading, .tableCell:
          if context.isHidden { break }
          closeUnit(openUnit)
          openUnit = index
          context.unit = Int32(index)
          startUnit(index: index, context: context)
        case .text:
          if !context.isHidden, context.unit >= 0 {
            prose.segments.append(
              Prose.Segment(offset: prose.bytes.count, line: nodes[index].start.line, column: nodes[index].start.column)
            )
            prose.bytes.append(contentsOf: nodes[index].literal.utf8)
          }
        case .softBreak, .lineBreak:
          if !context.isHidden, context.unit >= 0 { prose.bytes.append(0x20) }
        default:
          break
        }
        contexts[index] = context
      }
      closeUnit(openUnit)
    }

    private mutating func startUnit(index: Int, context: Context) {
      let node = markdown.nodes[index]
      let kind: Prose.UnitKind
      switch node.kind {
      case .heading(let level):
        kind = .heading(level: level)
        headings.append(
          Heading(
            node: index, level: level, start: node.start,
            text: trimmed(markdown.plainText(of: index))))
      case .tableCell: kind = .tableCell(isHeader: context.isHeaderRow)
      default: kind = .paragraph
      }
      var step: Int?
      if context.item >= 0, let list = markdown.nodes[Int(context.item)].parent,
        case .list(isOrdered: true, _, _) = markdown.nodes[list].kind
      {
        step = Int(context.item)
      }
      prose.units.append(
        Prose.Unit(
          node: index, kind: kind, start: node.start, bytes: prose.bytes.count..<prose.bytes.count,
          segments: prose.segments.count..<prose.segments.count, words: 0..<0, sentences: 0..<0, step: step,
          section: headings.count - 1))
    }

    private mutating func closeUnit(_ node: Int) {
      guard node >= 0, let last = prose.units.indices.last else { return }
      prose.units[last].bytes = prose.units[last].bytes.lowerBound..<prose.bytes.count
      prose.units[last].segments = prose.units[last].segments.lowerBound..<prose.segments.count
      prose.tokenizeLastUnit()
    }

    private func trimmed(_ text: String) -> String {
      let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
      guard let first = text.first, let last = text.last, isSpace(first) || isSpace(last) else { return text }
      return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }

    /// An autolink shows its own URL: its only text is the destination (less a `mailto:` or `http://`).
    private func isAutolink(_ node: MarkdownNode, destination: String) -> Bool {
      guard node.children.count == 1, case .text = markdown.nodes[node.children[0]].kind else { return false }
      let label = markdown.nodes[node.children[0]].literal
      return label == destination || "mailto:" + label == destination || "http://" + label == destination
    }

    private mutating func collectDirectives(_ node: MarkdownNode) {
      guard node.literal.utf8.count >= 13, node.literal.contains("sop-lint-") else { return }
      directives.append(contentsOf: ControlComments.parse(node.literal, startLine: node.start.line))
    }
  }
}
