import DocumentModel

/// Writes JSON byte for byte as Foundation's `JSONEncoder` does with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes` (the format of sop's reports): two spaces per level, `"key" : value`, an empty
/// container as its brackets around a blank line, strings as `JSONString` writes them (shared with the lint
/// report's writer). For the one report large
/// enough for the encoder to show in a profile (`status`, 0.08 s of a cold status of 5,000 documents, on one
/// core after the walk); callers write keys in the encoder's order, bytewise, and `PrettyJSONTests` holds each
/// report type's output to the encoder's.
struct PrettyJSON {
  private(set) var bytes: [UInt8] = []
  private var depth = 0
  /// Whether the container just opened has no member yet (no `,` before the next one).
  private var isFirst = true

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// Opens an object; `body` writes its members with `key(_:)` and a value each.
  mutating func object(_ body: (inout PrettyJSON) -> Void) {
    container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
  }

  /// Opens an array; `body` writes its elements, each after `element()`.
  mutating func array(_ body: (inout PrettyJSON) -> Void) {
    container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
  }

  /// A member whose value is a string, or null.
  mutating func member(_ key: StaticString, _ value: String?) {
    self.key(key)
    string(value)
  }

  /// A member whose value is a number.
  mutating func member(_ key: StaticString, _ value: Int) {
    self.key(key)
    number(value)
  }

  /// A member whose value is true or false.
  mutating func member(_ key: StaticString, _ value: Bool) {
    self.key(key)
    bool(value)
  }

  /// A member whose value is an array of strings.
  mutating func member(_ key: StaticString, _ strings: [String]) {
    self.key(key)
    array { json in
      for string in strings {
        json.element()
        json.string(string)
      }
    }
  }

  /// Starts a member of an object: its key and the separator; its value follows.
  mutating func key(_ name: StaticString) {
    element()
    raw("\"")
    raw(name)
    raw("\" : ")
  }

  /// Starts an element of an array (or, through `key(_:)`, a member of an object).
  mutating func element() {
    if !isFirst { raw(",\n") }
    isFirst = false
    indent()
  }

  mutating func string(_ value: String) {
    JSONString.append(value, to: &bytes)
  }

  mutating func string(_ value: String?) {
    if let value { string(value) } else { null() }
  }

  mutating func number(_ value: Int) {
    bytes.append(contentsOf: String(value).utf8)
  }

  mutating func bool(_ value: Bool) {
    raw(value ? "true" : "false")
  }

  mutating func null() {
    raw("null")
  }

  private mutating func container(open: UInt8, close: UInt8, _ body: (inout PrettyJSON) -> Void) {
    bytes.append(open)
    bytes.append(UInt8(ascii: "\n"))
    depth += 1
    isFirst = true
    body(&self)
    depth -= 1
    // An empty container keeps the blank line the encoder writes.
    bytes.append(UInt8(ascii: "\n"))
    indent()
    bytes.append(close)
    isFirst = false
  }

  private mutating func raw(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  private mutating func indent() {
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
  }
}
