import DocumentModel

/// The index page's two small bar charts as inline SVG: documents by state, and reviews coming due in each of
/// the next twelve months. No script and no library; the numbers are also in each chart's `<desc>` and printed
/// above every bar, so nothing depends on seeing the bars.
struct StatusChart: Sendable {
  struct Bar: Sendable, Equatable {
    var label: String
    /// A second, smaller label line (the year under a month), or empty.
    var sublabel: String
    /// The name read out in the text alternative.
    var spokenLabel: String
    var value: Int
    var colour: String
  }

  static let stateOrder = ["approved", "draft", "obsolete"]
  private static let stateColours = ["approved": "#2e6b4a", "draft": "#7a5c0f", "obsolete": "#5a6676"]

  /// Bars for the document states: the three known states first, then any others by name.
  static func stateBars(_ counts: [String: Int]) -> [Bar] {
    let others = counts.keys.filter { !stateOrder.contains($0) }.sorted()
    return (stateOrder + others).map { state in
      let label = state.prefix(1).uppercased() + state.dropFirst()
      return Bar(
        label: label, sublabel: "", spokenLabel: label, value: counts[state] ?? 0,
        colour: stateColours[state] ?? "#3d4a5c")
    }
  }

  /// Bars for reviews: those already overdue at the effective date, then one per calendar month starting
  /// with the effective date's month.
  static func reviewBars(nextReviews: [UTCDate], overdue: Int, from start: UTCDate) -> [Bar] {
    var perMonth = [Int](repeating: 0, count: 12)
    for review in nextReviews {
      let offset = start.months(until: review)
      if (0..<12).contains(offset) { perMonth[offset] += 1 }
    }
    var bars = [
      Bar(label: "Overdue", sublabel: "", spokenLabel: "Overdue", value: overdue, colour: "#a33030")
    ]
    for offset in 0..<12 {
      let zeroBased = start.month - 1 + offset
      let year = start.year + zeroBased / 12
      let month = zeroBased % 12 + 1
      let short = UTCDate.monthLabel(year: year, month: month)
      let parts = short.split(separator: " ")
      bars.append(
        Bar(
          label: String(parts[0]), sublabel: offset == 0 || month == 1 ? String(parts[1]) : "",
          spokenLabel: UTCDate.longMonthLabel(year: year, month: month), value: perMonth[offset],
          colour: "#2b5a8a"))
    }
    return bars
  }

  /// An accessible SVG bar chart: role="img", a `<title>` and a `<desc>` that lists every value.
  static func svg(id: String, title: String, bars: [Bar], barWidth: Int, gap: Int) -> Markup {
    let left = 12
    let top = 22
    let plotHeight = 120
    let width = left * 2 + bars.count * barWidth + max(0, bars.count - 1) * gap
    let height = top + plotHeight + 40
    let baseline = top + plotHeight
    let maximum = max(1, bars.map(\.value).max() ?? 1)
    let description = bars.map { "\($0.spokenLabel): \($0.value)" }.joined(separator: ". ") + "."
    var parts: [Markup] = []
    parts.append(
      """
      <line x1="\(left - 4)" y1="\(baseline)" x2="\(width - left + 4)" y2="\(baseline)" stroke="#5a6676" stroke-width="1"/>
      """)
    for (index, bar) in bars.enumerated() {
      let x = left + index * (barWidth + gap)
      let barHeight = bar.value == 0 ? 0 : max(2, bar.value * plotHeight / maximum)
      let centre = x + barWidth / 2
      if barHeight > 0 {
        parts.append(
          """
          <rect x="\(x)" y="\(baseline - barHeight)" width="\(barWidth)" height="\(barHeight)" fill="\(bar.colour)"/>
          """)
      }
      parts.append(
        """
        <text x="\(centre)" y="\(baseline - barHeight - 6)" text-anchor="middle" font-size="12" fill="#1b2430">\(bar.value)</text>
        <text x="\(centre)" y="\(baseline + 16)" text-anchor="middle" font-size="11" fill="#1b2430">\(bar.label)</text>
        """)
      if !bar.sublabel.isEmpty {
        parts.append(
          """
          <text x="\(centre)" y="\(baseline + 30)" text-anchor="middle" font-size="10" fill="#4a5462">\(bar.sublabel)</text>
          """)
      }
    }
    return """
      <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" aria-labelledby="\(id)-title \(id)-desc">
      <title id="\(id)-title">\(title)</title>
      <desc id="\(id)-desc">\(description)</desc>
      \(Markup.join(parts, separator: "\n"))
      </svg>
      """
  }
}
