/// A count with its noun, singular or plural: `1 document`, `2 documents`, `1 problem`.
public func counted(_ value: Int, _ noun: String, plural: String? = nil) -> String {
  "\(value) " + (value == 1 ? noun : plural ?? noun + "s")
}

/// The choice nearest to `word` by edit distance, when it is near enough to be a typo: at most two edits,
/// or a third of the word's length for long words. Ties go to the first in text order.
public func nearest(_ word: String, among choices: [String]) -> String? {
  let ranked = choices.map { ($0, editDistance(word.uppercased(), $0.uppercased())) }.min {
    ($0.1, $0.0) < ($1.1, $1.0)
  }
  guard let ranked, ranked.1 > 0 || ranked.0 != word else { return nil }
  return ranked.1 <= max(2, word.count / 3) ? ranked.0 : nil
}

/// The columns a terminal gives `text`: East Asian wide and fullwidth characters take two, combining marks
/// none. Used to align tables that hold CJK titles.
public func displayWidth(_ text: String) -> Int {
  var width = 0
  for character in text {
    guard let scalar = character.unicodeScalars.first else { continue }
    width += isWide(scalar) ? 2 : 1
  }
  return width
}

/// Whether a scalar is East Asian Wide or Fullwidth (the ranges of Unicode's EastAsianWidth W and F that
/// hold letters and punctuation people type in titles).
private func isWide(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
    0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
    0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
    return true
  default:
    return false
  }
}
