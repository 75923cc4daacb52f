/// A position in a source file: 1-based line and column (column counts UTF-8 bytes, as cmark does).
public struct SourcePosition: Sendable, Hashable, Codable, Comparable {
  /// The 1-based line.
  public var line: Int
  /// The 1-based column.
  public var column: Int

  /// Creates a position.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// Orders positions by line, then column.
  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// What a Markdown node is, with the attributes rules and renderers need.
public enum MarkdownNodeKind: Sendable, Hashable {
  /// The root of a document.
  case document
  /// A `>` block quote.
  case blockQuote
  /// A bullet or numbered list.
  case list(isOrdered: Bool, start: Int, isTight: Bool)
  /// One list item; `taskState` is nil for a plain item, else whether its box is ticked.
  case item(taskState: Bool?)
  /// A fenced or indented code block.
  case codeBlock(info: String)
  /// A block of raw HTML (comments included).
  case htmlBlock
  /// A paragraph.
  case paragraph
  /// A heading of level 1 to 6.
  case heading(level: Int)
  /// A `---` thematic break.
  case thematicBreak
  /// A GFM table.
  case table
  /// A table row; the first row of a table is its header.
  case tableRow(isHeader: Bool)
  /// A table cell.
  case tableCell
  /// Plain text.
  case text
  /// A soft line break inside a paragraph.
  case softBreak
  /// A hard line break.
  case lineBreak
  /// An inline code span.
  case code
  /// Inline raw HTML.
  case htmlInline
  /// Emphasis.
  case emphasis
  /// Strong emphasis.
  case strong
  /// A link with its destination.
  case link(destination: String, title: String)
  /// An image with its source.
  case image(source: String, title: String)
  /// GFM strikethrough.
  case strikethrough
  /// Anything else cmark-gfm produced, by its type name.
  case other(String)

  /// Whether the node is a block (as opposed to inline content).
  public var isBlock: Bool {
    switch self {
    case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading,
      .thematicBreak, .table, .tableRow, .tableCell:
      return true
    default:
      return false
    }
  }
}

/// One node of a parsed document, stored flat so that deeply nested input never recurses.
public struct MarkdownNode: Sendable, Hashable {
  /// The node's kind and attributes.
  public var kind: MarkdownNodeKind
  /// Where the node starts in the source (front-matter offset included).
  public var start: SourcePosition
  /// Where the node ends in the source (inclusive).
  public var end: SourcePosition
  /// The literal text of text, code, code block and HTML nodes; empty otherwise.
  public var literal: String
  /// The index of the parent node, or nil for the root.
  public var parent: Int?
  /// The indexes of the children, in document order.
  public var children: [Int]
  /// How many ancestors the node has (the root has 0).
  public var depth: Int
}

/// A parsed Markdown document: nodes in document (pre-order) order, the root at index 0.
public struct MarkdownDocument: Sendable {
  /// All nodes in pre-order; `nodes[0]` is the document root.
  public let nodes: [MarkdownNode]

  /// Creates a document from nodes already in pre-order.
  public init(nodes: [MarkdownNode]) {
    self.nodes = nodes
  }

  /// The root node.
  public var root: MarkdownNode { nodes[0] }

  /// Indexes of every node of the subtree at `index` (itself first), in pre-order, without recursion.
  public func subtree(of index: Int) -> [Int] {
    var result: [Int] = []
    var stack = [index]
    while let next = stack.popLast() {
      result.append(next)
      stack.append(contentsOf: nodes[next].children.reversed())
    }
    return result
  }

  /// The concatenated plain text of a node's subtree: text and code literals, breaks as spaces.
  public func plainText(of index: Int) -> String {
    // Most headings and cells hold one text node: its literal is the answer, without walking the subtree.
    if nodes[index].children.count == 1 {
      let child = nodes[index].children[0]
      switch nodes[child].kind {
      case .text, .code: return nodes[child].literal
      default: break
      }
    }
    var text = ""
    for child in subtree(of: index) {
      switch nodes[child].kind {
      case .text, .code: text += nodes[child].literal
      case .softBreak, .lineBreak: text += " "
      default: break
      }
    }
    return text
  }

  /// The indexes of ancestors of a node, nearest first.
  public func ancestors(of index: Int) -> [Int] {
    var result: [Int] = []
    var current = nodes[index].parent
    while let parent = current {
      result.append(parent)
      current = nodes[parent].parent
    }
    return result
  }
}
