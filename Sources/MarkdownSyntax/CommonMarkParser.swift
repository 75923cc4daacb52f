import CCmarkGFM
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Parses Markdown with cmark-gfm (tables, strikethrough, task lists, autolinks) and renders safe HTML.
///
/// This is the only file in the project that talks to cmark-gfm: everything it returns is a Swift value,
/// and every C object is freed before a function returns.
public enum CommonMarkParser {
  private static let extensionNames = ["table", "strikethrough", "tasklist", "autolink"]

  /// Registers the GFM extensions once per process; cmark-gfm keeps them in a global registry.
  private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

  /// cmark-gfm keeps the extensions' special characters in one global table that every parse adds to
  /// and removes from (cmark-gfm PR #176), so parses running at once can corrupt each other's trees.
  ///
  /// Only `cmark_parser_finish` touches that table: it adds the characters, parses the inlines (the
  /// only code that reads the table) and removes them. Reading the blocks (`cmark_parser_feed`),
  /// converting the tree and rendering HTML touch no shared state, so they run on all cores and
  /// only the inline pass is serialised. (Checked against the disassembly of libcmark-gfm
  /// 0.29.0.gfm.6: no function reachable from `cmark_parser_feed` reads either table.)
  private static let finishLock = NSLock()

  /// The library version that analysis was made against. With any other version the whole parse is
  /// serialised: another release may read the shared table elsewhere.
  static let checkedVersion = "0.29.0.gfm.6"

  /// Whether the running libcmark-gfm is the checked one (read at run time, not from the headers).
  static let onlyInlinePassIsShared: Bool = String(cString: cmark_version_string()) == checkedVersion

  /// Runs `body` under the lock when the whole parse must be serialised.
  private static func wholeParse<T>(_ body: () -> T) -> T {
    onlyInlinePassIsShared ? body() : finishLock.withLock(body)
  }

  /// Runs the inline pass under the lock when only it needs serialising.
  private static func inlinePass<T>(_ body: () -> T) -> T {
    onlyInlinePassIsShared ? finishLock.withLock(body) : body()
  }

  /// Parses `markdown` into a flat tree; `lineOffset` is added to every line (the front matter's length).
  public static func parse(_ markdown: String, lineOffset: Int = 0) -> MarkdownDocument {
    withParser(markdown, options: CMARK_OPT_SOURCEPOS) { root, _ in
      convert(root: root, lineOffset: lineOffset)
    }
  }

  /// Renders `markdown` to HTML. Raw HTML is dropped and unsafe link schemes are removed.
  public static func renderHTML(_ markdown: String) -> String {
    withParser(markdown, options: CMARK_OPT_DEFAULT) { root, parser in
      guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser))
      else { return "" }
      defer { free(html) }
      return String(cString: html)
    }
  }

  private static func withParser<T>(
    _ markdown: String, options: Int32, _ body: (OpaquePointer, OpaquePointer) -> T
  ) -> T {
    wholeParse { parseUnlocked(markdown, options: options, body) }
  }

  private static func parseUnlocked<T>(
    _ markdown: String, options: Int32, _ body: (OpaquePointer, OpaquePointer) -> T
  ) -> T {
    _ = registration
    let parser = cmark_parser_new(options)!
    defer { cmark_parser_free(parser) }
    for name in extensionNames {
      if let syntaxExtension = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, syntaxExtension)
      }
    }
    var text = markdown
    text.withUTF8 { buffer in
      buffer.baseAddress.map { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          cmark_parser_feed(parser, $0, buffer.count)
        }
      }
    }
    let root = inlinePass { cmark_parser_finish(parser)! }
    defer { cmark_node_free(root) }
    return body(root, parser)
  }

  /// Walks the C tree with cmark's own iterator (no recursion), copying each node into Swift values.
  private static func convert(root: OpaquePointer, lineOffset: Int) -> MarkdownDocument {
    var nodes: [MarkdownNode] = []
    var openStack: [Int] = []
    /// Just past the last text node, for the inline nodes cmark gives no position.
    var textEnd: SourcePosition?
    let iterator = cmark_iter_new(root)!
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { break }
      if event == CMARK_EVENT_EXIT {
        openStack.removeLast()
        continue
      }
      let index = nodes.count
      let parent = openStack.last
      var start = SourcePosition(
        line: Int(cmark_node_get_start_line(node)) + lineOffset, column: Int(cmark_node_get_start_column(node)))
      var end = SourcePosition(
        line: Int(cmark_node_get_end_line(node)) + lineOffset, column: Int(cmark_node_get_end_column(node)))
      if start.line == lineOffset, let parent {
        // cmark leaves some inline positions at 0, among them the link and the text after it that the autolink
        // extension cuts out of a text node ("mail qa@example.com about QP-003"). Such a node starts where the
        // text before it ends, when that lies inside the parent; else the parent's start is the best answer.
        start = textEnd.flatMap { $0 < nodes[parent].start ? nil : $0 } ?? nodes[parent].start
        end = nodes[parent].end
      }
      // Leaf nodes get an ENTER event only; containers get ENTER and EXIT.
      let isContainer = isContainer(node)
      // A container's children are counted first, so its list is allocated once at its size instead of
      // growing while they are appended. The node is built in place in `nodes`: a local copy was copied
      // again, with its strings retained and released.
      var children: [Int] = []
      if isContainer {
        var count = 0
        var child = cmark_node_first_child(node)
        while let current = child {
          count += 1
          child = cmark_node_next(current)
        }
        if count > 0 { children.reserveCapacity(count) }
      }
      nodes.append(
        MarkdownNode(
          kind: kind(of: node), start: start, end: end,
          literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "", parent: parent,
          children: children, depth: openStack.count))
      if let parent { nodes[parent].children.append(index) }
      if cmark_node_get_type(node) == CMARK_NODE_TEXT {
        textEnd = SourcePosition(line: start.line, column: start.column + nodes[index].literal.utf8.count)
      }
      if isContainer {
        openStack.append(index)
      }
    }
    return MarkdownDocument(nodes: nodes)
  }

  private static func isContainer(_ node: OpaquePointer) -> Bool {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
      CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
      return false
    default:
      return true
    }
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }

  private static func kind(of node: OpaquePointer) -> MarkdownNodeKind {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_DOCUMENT: return .document
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST:
      return .list(
        isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
        start: Int(cmark_node_get_list_start(node)), isTight: cmark_node_get_list_tight(node) != 0)
    case CMARK_NODE_ITEM:
      let isTask = string(cmark_node_get_type_string(node)) == "tasklist"
      return .item(taskState: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil)
    case CMARK_NODE_CODE_BLOCK: return .codeBlock(info: string(cmark_node_get_fence_info(node)))
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
    case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
    case CMARK_NODE_TEXT: return .text
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code
    case CMARK_NODE_HTML_INLINE: return .htmlInline
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_LINK:
      return .link(
        destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    case CMARK_NODE_IMAGE:
      return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
    default:
      switch string(cmark_node_get_type_string(node)) {
      case "table": return .table
      case "table_header": return .tableRow(isHeader: true)
      case "table_row":
        return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
      case "table_cell": return .tableCell
      case "strikethrough": return .strikethrough
      case let name: return .other(name)
      }
    }
  }
}
