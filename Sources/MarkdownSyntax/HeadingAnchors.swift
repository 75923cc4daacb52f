/// The anchors of a document's headings, as GitHub makes them (github-slugger) and the published site writes
/// them: a link to `#6-conclude-the-incident` reaches the heading "6. Conclude the incident" both where the
/// author previews the file and on the site. One definition for the site (which writes the ids) and for lint
/// (which reports links to anchors that no heading has).
public struct HeadingAnchors: Sendable {
  private var used: [String: Int] = [:]

  /// An empty set: no heading seen yet.
  public init() {}

  /// The anchor of the next heading in document order whose text (as the page shows it, without markup) is
  /// `text`: its slug, or the slug with "-1", "-2", … when an earlier heading took it.
  public mutating func next(_ text: String) -> String {
    // github-slugger's rule exactly: "Step", "Step 1", "Step" give "step", "step-1", "step-2".
    let base = Self.slug(text)
    var anchor = base
    while used[anchor] != nil {
      let count = (used[base] ?? 0) + 1
      used[base] = count
      anchor = "\(base)-\(count)"
    }
    used[anchor] = 0
    return anchor
  }

  /// A heading's text made an anchor: lower case; letters, digits, marks, `-` and `_` kept; each space a `-`;
  /// anything else (punctuation, symbols, emoji) left out.
  public static func slug(_ text: String) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.lowercased().unicodeScalars {
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
        .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
        result.unicodeScalars.append(scalar)
      case .spaceSeparator where scalar == " ":
        result.unicodeScalars.append("-")
      case .dashPunctuation where scalar == "-":
        result.unicodeScalars.append(scalar)
      default:
        break
      }
    }
    return result
  }
}
