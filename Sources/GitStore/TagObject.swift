import CLibgit2

/// An annotated tag object: its header, message and the SSH signature appended to the message.
///
/// Tag bytes are untrusted (anyone can write any object with `git hash-object --literally`), so
/// parsing is total: a malformed tag is a `GitError`, never a trap.
public struct TagObject: Sendable, Hashable {
  /// The armor line that starts an SSH signature appended to a tag message.
  static let signatureStart = Array("\n-----BEGIN SSH SIGNATURE-----".utf8)

  /// The tagged object.
  public var object: ObjectID
  /// The tagged object's type name, e.g. `commit`.
  public var type: String
  /// The tag name, e.g. `published/3`.
  public var name: String
  /// Who made the tag; nil for the old tags git wrote without a tagger line.
  public var tagger: GitSignature?
  /// The message, after the blank line that ends the header, without the signature.
  public var message: String
  /// The armored signature as stored (from `-----BEGIN` to the end), or nil for an unsigned tag.
  public var signature: String?
  /// The bytes the signature covers as read: the whole object up to the signature (empty when the
  /// value was not read from git; format it with `unsignedText()`).
  public var signedData: [UInt8]

  /// Creates an unsigned tag to format with `unsignedText()`, sign, and write with `createTag(buffer:)`.
  public init(object: ObjectID, type: String = "commit", name: String, tagger: GitSignature?, message: String) {
    self.object = object
    self.type = type
    self.name = name
    self.tagger = tagger
    self.message = message
    signature = nil
    signedData = []
  }

  /// Parses the raw bytes of a tag object as `git cat-file tag` prints them.
  public init(parsing data: [UInt8]) throws(GitError) {
    var payload = data
    signature = nil
    if let start = Self.lastRange(of: Self.signatureStart, in: data) {
      payload = Array(data[...start])
      signature = String(decoding: data[(start + 1)...], as: UTF8.self)
    }
    signedData = payload
    // The header ends at the first blank line; a tag without a message may end at its last newline.
    let newline = UInt8(ascii: "\n")
    let blank = payload.indices.dropLast().first { payload[$0] == newline && payload[$0 + 1] == newline }
    let headerEnd = blank ?? (payload.last == newline ? payload.count - 1 : payload.count)
    let header = String(decoding: payload[..<headerEnd], as: UTF8.self)
    message = blank.map { String(decoding: payload[($0 + 2)...], as: UTF8.self) } ?? ""
    var lines = header.split(separator: "\n", omittingEmptySubsequences: false)[...]
    func field(_ key: String) throws(GitError) -> String {
      guard let line = lines.first, line.hasPrefix(key + " ") else {
        throw Self.malformed("it has no '\(key)' line where git puts one")
      }
      lines.removeFirst()
      return String(line.dropFirst(key.count + 1))
    }
    let objectHex = try field("object")
    guard let object = ObjectID(hex: objectHex) else { throw Self.malformed("its object is not an object id") }
    self.object = object
    type = try field("type")
    name = try field("tag")
    if lines.first?.hasPrefix("tagger ") == true {
      let line = try field("tagger")
      guard let tagger = GitSignature(identityLine: line) else {
        throw Self.malformed("its tagger line is not 'Name <email> seconds +hhmm'")
      }
      self.tagger = tagger
    } else {
      tagger = nil
    }
  }

  /// The unsigned object text: header, blank line, message. Sign these bytes, then append the signature.
  ///
  /// The tagger is checked as libgit2 checks a commit's author, so a name or email from `sop.yml`
  /// cannot add header lines or move the email.
  public func unsignedText() throws(GitError) -> String {
    for (key, value) in [("tag name", name), ("type", type)] where value.isEmpty || value.contains(where: \.isNewline) {
      throw GitError(
        operation: "format tag", code: GIT_EINVALID.rawValue, message: "the \(key) '\(value)' is not usable in a tag")
    }
    var text = "object \(object.hex)\ntype \(type)\ntag \(name)\n"
    if let tagger {
      try tagger.validate(operation: "format tag")
      text += "tagger \(tagger.identityLine)\n"
    }
    return text + "\n" + message
  }

  private static func malformed(_ reason: String) -> GitError {
    GitError(operation: "read tag", code: GIT_EINVALID.rawValue, message: "not a valid tag object: \(reason)")
  }

  /// The index of the last occurrence of `needle` in `haystack`.
  private static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    var start = haystack.count - needle.count
    while start >= 0 {
      if haystack[start] == needle[0], haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
      start -= 1
    }
    return nil
  }
}

extension GitSignature {
  /// Parses git's identity line `Name <email> 1700000000 +0000`, or nil when it is not one.
  ///
  /// Like git, the email runs from the first `<` to the next `>`; what follows must be the time in
  /// seconds and the offset, each as git writes them. Out-of-range numbers are nil, not a trap.
  public init?(identityLine line: some StringProtocol) {
    let text = Substring(line)
    guard let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") else { return nil }
    let name = text[..<open]
    let email = text[text.index(after: open)..<close]
    guard !email.contains("<") else { return nil }
    let rest = text[text.index(after: close)...].split(separator: " ", omittingEmptySubsequences: false)
    guard rest.count == 3, rest[0].isEmpty, !rest[1].isEmpty, rest[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
      let time = Int64(rest[1]), let offset = Self.offsetMinutes(rest[2])
    else { return nil }
    self.init(
      name: String(name.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()),
      email: String(email), time: time, offsetMinutes: offset)
  }

  /// `+hhmm` or `-hhmm` in minutes (git accepts any four digits, so `+9999` is 6,039 minutes).
  private static func offsetMinutes(_ text: Substring) -> Int? {
    let bytes = Array(text.utf8)
    guard bytes.count == 5, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
      bytes[1...].allSatisfy({ $0 >= 48 && $0 <= 57 })
    else { return nil }
    let digits = bytes[1...].map { Int($0 - 48) }
    let minutes = (digits[0] * 10 + digits[1]) * 60 + digits[2] * 10 + digits[3]
    return bytes[0] == UInt8(ascii: "-") ? -minutes : minutes
  }

  /// The identity as git writes it in a header: `Name <email> seconds +hhmm`.
  ///
  /// Like libgit2, hours and minutes are each two digits at least, so an offset of 100 hours or more
  /// (`+9999` reads as 6,039 minutes) writes more digits than git reads back.
  public var identityLine: String {
    let minutes = offsetMinutes.magnitude
    func twoDigits(_ value: UInt) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return
      "\(name) <\(email)> \(time) \(offsetMinutes < 0 ? "-" : "+")\(twoDigits(minutes / 60))\(twoDigits(minutes % 60))"
  }

  /// Refuses a name or email that would break an object header, as libgit2 refuses angle brackets.
  func validate(operation: String) throws(GitError) {
    for (key, value) in [("name", name), ("email", email)] {
      if let bad = value.unicodeScalars.first(where: { "<>\n\0".unicodeScalars.contains($0) }) {
        throw GitError(
          operation: operation, code: GIT_EINVALID.rawValue,
          message:
            "the \(key) '\(value)' contains \(bad.escaped(asASCII: true)), which git does not allow in an identity")
      }
    }
  }
}
