/// The "Suggest a change" link of a document page, from the `site: {suggest-change: …}` template of `sop.yml`.
enum SuggestChange {
  /// The template with `{id}`, `{revision}` and `{title}` filled in, each percent-encoded (everything but
  /// ASCII letters, digits and `-._~`), or nil when the template is no http(s) or mailto URL.
  static func url(template: String, id: String, revision: Int, title: String) -> String? {
    let lower = template.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else {
      return nil
    }
    guard
      template.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && $0 != "\"" && $0 != "<" })
    else { return nil }
    return
      template
      .replacingOccurrences(of: "{id}", with: encode(id))
      .replacingOccurrences(of: "{revision}", with: String(revision))
      .replacingOccurrences(of: "{title}", with: encode(title))
  }

  /// Percent-encodes every byte of `value` but ASCII letters, digits and `-._~`.
  static func encode(_ value: String) -> String {
    var output = ""
    for byte in value.utf8 {
      switch byte {
      case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E:
        output.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        output += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return output
  }
}
