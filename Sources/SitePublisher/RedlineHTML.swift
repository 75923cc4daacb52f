/// The redline as HTML: one paragraph per block, changed words in `<ins>`/`<del>`, long unchanged stretches
/// folded into a `<details>` so the changes are easy to find in a long procedure.
enum RedlineHTML {
  /// Unchanged blocks kept visible on each side of a change.
  static let context = 2

  static func render(_ redline: Redline) -> Markup {
    var parts: [Markup] = []
    var index = 0
    let blocks = redline.blocks
    while index < blocks.count {
      guard blocks[index].isUnchanged else {
        parts.append(render(blocks[index]))
        index += 1
        continue
      }
      var end = index
      while end < blocks.count, blocks[end].isUnchanged { end += 1 }
      let head = index == 0 ? 0 : context
      let tail = end == blocks.count ? 0 : context
      let run = blocks[index..<end]
      if run.count <= head + tail + 1 {
        parts.append(contentsOf: run.map(render))
      } else {
        parts.append(contentsOf: run.prefix(head).map(render))
        let folded = run.dropFirst(head).dropLast(tail)
        parts.append(
          """
          <details class="rl-skipped">
          <summary>\(DocumentPage.count(folded.count, "unchanged paragraph"))</summary>
          \(Markup.join(folded.map(render), separator: "\n"))
          </details>
          """)
        parts.append(contentsOf: run.suffix(tail).map(render))
      }
      index = end
    }
    return Markup.join(parts, separator: "\n")
  }

  static func render(_ block: RedlineBlock) -> Markup {
    var classes = "rl"
    switch block.kind {
    case .heading(let level): classes += " rl-h rl-h\(level)"
    case .paragraph: break
    case .listItem: classes += " rl-li"
    case .quote: classes += " rl-quote"
    case .code: classes += " rl-code"
    case .tableRow: classes += " rl-row"
    case .metadata: classes += " rl-meta"
    }
    if block.pieces.allSatisfy({ $0.operation == .insert }) { classes += " rl-added" }
    if block.pieces.allSatisfy({ $0.operation == .delete }) { classes += " rl-removed" }
    var text = Markup(stringLiteral: "")
    if !block.marker.isEmpty || block.kind == .listItem {
      text.append("<span class=\"rl-marker\">\(block.marker.isEmpty ? " " : block.marker)</span> ")
    }
    for segment in block.segments {
      if segment.isSpaced { text.append(" ") }
      switch segment.operation {
      case .equal: text.append("\(segment.text)")
      case .insert: text.append("<ins>\(segment.text)</ins>")
      case .delete: text.append("<del>\(segment.text)</del>")
      }
    }
    return "<p class=\"\(classes)\">\(text)</p>"
  }
}
