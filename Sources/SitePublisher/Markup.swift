/// A fragment of HTML whose interpolations are escaped unless they are themselves `Markup`.
///
/// Every page is built from these, so text from documents (titles, names, subjects, ids) can only reach the
/// output escaped; trusted HTML (cmark's safe output, our own SVG) must be wrapped explicitly with `trusted`.
public struct Markup: ExpressibleByStringInterpolation, Sendable {
  /// The HTML.
  public private(set) var text: String

  /// A literal is trusted: it is written in this codebase.
  public init(stringLiteral value: String) {
    text = value
  }

  /// Interpolated values are escaped unless they are `Markup`.
  public init(stringInterpolation: StringInterpolation) {
    text = stringInterpolation.text
  }

  private init(raw: String) {
    text = raw
  }

  /// Wraps HTML that is already safe, such as cmark-gfm's output in safe mode.
  public static func trusted(_ html: String) -> Markup {
    Markup(raw: html)
  }

  /// Joins fragments, with `separator` between them.
  public static func join(_ parts: [Markup], separator: Markup = "") -> Markup {
    var result = ""
    for (index, part) in parts.enumerated() {
      if index > 0 { result += separator.text }
      result += part.text
    }
    return Markup(raw: result)
  }

  /// Appends another fragment.
  public mutating func append(_ other: Markup) {
    text += other.text
  }

  /// Escapes every interpolated string.
  public struct StringInterpolation: StringInterpolationProtocol {
    var text = ""

    /// Reserves room for the literal parts and about 16 bytes a value.
    public init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity + interpolationCount * 16)
    }

    /// Appends trusted literal text.
    public mutating func appendLiteral(_ literal: String) {
      text += literal
    }

    /// Appends text, escaped.
    public mutating func appendInterpolation(_ value: String) {
      Markup.appendEscaped(value, to: &text)
    }

    /// Appends text, escaped.
    public mutating func appendInterpolation(_ value: Substring) {
      Markup.appendEscaped(String(value), to: &text)
    }

    /// Appends a number.
    public mutating func appendInterpolation(_ value: Int) {
      text += String(value)
    }

    /// Appends a fragment as it is.
    public mutating func appendInterpolation(_ value: Markup) {
      text += value.text
    }

    /// Appends fragments as they are.
    public mutating func appendInterpolation(_ values: [Markup]) {
      for value in values { text += value.text }
    }
  }

  /// Escapes `&<>"'` and drops C0 control characters other than tab and newlines, which HTML forbids.
  static func appendEscaped(_ value: String, to output: inout String) {
    let needsWork = value.utf8.contains { byte in
      byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
        || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
    }
    guard needsWork else {
      output += value
      return
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(value.utf8.count + 32)
    for byte in value.utf8 {
      switch byte {
      case 0x26: bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
      case 0x3C: bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
      case 0x3E: bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
      case 0x22: bytes.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
      case 0x27: bytes.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
      case 0x09, 0x0A, 0x0D: bytes.append(byte)
      case 0..<0x20, 0x7F: bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
      default: bytes.append(byte)
      }
    }
    output += String(decoding: bytes, as: UTF8.self)
  }
}
