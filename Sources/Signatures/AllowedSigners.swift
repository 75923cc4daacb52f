import Foundation

/// One line of an ssh-keygen allowed-signers file: who may sign, with which key, for which namespaces.
///
/// The initializer validates every field because a stray quote or newline in a principal could
/// otherwise smuggle an extra trusted key into the rendered file.
public struct AllowedSigner: Sendable, Hashable {
  /// The principal (usually an e-mail address); files written by others may hold a comma-separated pattern list.
  public let principal: String
  /// The trusted key; its comment is dropped because the file format does not need it for trust.
  public let key: SSHPublicKey
  /// The namespaces this key may sign for (`namespaces="git"`); nil allows every namespace.
  public let namespaces: [String]?
  /// The `valid-after` timestamp as written (YYYYMMDD[HHMM[SS]][Z]), if any.
  public let validAfter: String?
  /// The `valid-before` timestamp as written (YYYYMMDD[HHMM[SS]][Z]), if any.
  public let validBefore: String?
  /// Whether the key is a certificate authority (`cert-authority`) rather than a signing key.
  public let isCertificateAuthority: Bool

  /// Creates an entry after checking that every field can be written to the file unambiguously.
  public init(
    principal: String, key: SSHPublicKey, namespaces: [String]? = nil, validAfter: String? = nil,
    validBefore: String? = nil, isCertificateAuthority: Bool = false
  ) throws(SignatureError) {
    guard !principal.isEmpty else {
      throw .invalidAllowedSigner(principal: principal, reason: "the principal is empty")
    }
    guard !principal.contains("\""), !principal.unicodeScalars.contains(where: Self.isControl) else {
      throw .invalidAllowedSigner(
        principal: principal, reason: "the principal contains a quote or a control character")
    }
    if let namespaces {
      guard !namespaces.isEmpty else {
        throw .invalidAllowedSigner(principal: principal, reason: "the namespace list is empty")
      }
      for namespace in namespaces {
        guard !namespace.isEmpty,
          !namespace.unicodeScalars.contains(where: { Self.isControl($0) || " \t\",".unicodeScalars.contains($0) })
        else {
          throw .invalidAllowedSigner(
            principal: principal,
            reason: "namespace \"\(namespace)\" must be non-empty, without spaces, quotes or commas")
        }
      }
    }
    for (name, value) in [("valid-after", validAfter), ("valid-before", validBefore)] {
      if let value, !Self.isTimestamp(value) {
        throw .invalidAllowedSigner(
          principal: principal, reason: "\(name) \"\(value)\" is not YYYYMMDD[HHMM[SS]][Z]")
      }
    }
    self.principal = principal
    self.key = key.comment == nil ? key : Self.dropComment(key)
    self.namespaces = namespaces
    self.validAfter = validAfter
    self.validBefore = validBefore
    self.isCertificateAuthority = isCertificateAuthority
  }

  /// The entry as one allowed-signers line, without a newline.
  public var line: String {
    var options: [String] = []
    if isCertificateAuthority { options.append("cert-authority") }
    if let namespaces { options.append("namespaces=\"\(namespaces.joined(separator: ","))\"") }
    if let validAfter { options.append("valid-after=\"\(validAfter)\"") }
    if let validBefore { options.append("valid-before=\"\(validBefore)\"") }
    // Quoting keeps principals with spaces in one field and stops a leading "#" from reading as a comment.
    let needsQuotes = principal.contains(where: \.isWhitespace) || principal.hasPrefix("#")
    var fields = [needsQuotes ? "\"\(principal)\"" : principal]
    if !options.isEmpty { fields.append(options.joined(separator: ",")) }
    fields.append(key.openSSHString)
    return fields.joined(separator: " ")
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .control
  }

  /// ssh-keygen accepts YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, optionally followed by Z for UTC.
  private static func isTimestamp(_ value: String) -> Bool {
    let digits = value.hasSuffix("Z") ? value.dropLast() : Substring(value)
    return [8, 12, 14].contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
  }

  private static func dropComment(_ key: SSHPublicKey) -> SSHPublicKey {
    do {
      return try SSHPublicKey(blob: key.blob)
    } catch {
      // The blob already passed the same checks when `key` was made.
      preconditionFailure("a validated key blob failed to parse again: \(error)")
    }
  }
}

/// Renders an allowed-signers file: one line per entry, sorted by principal then key, ending with a newline.
public func renderAllowedSigners(_ entries: [AllowedSigner]) -> String {
  let sorted = entries.sorted { left, right in
    if left.principal != right.principal { return left.principal < right.principal }
    if left.key.openSSHString != right.key.openSSHString {
      return left.key.openSSHString < right.key.openSSHString
    }
    return left.line < right.line
  }
  return sorted.map { $0.line + "\n" }.joined()
}

/// Parses an allowed-signers file; blank lines and `#` comments are skipped, errors name the line.
public func parseAllowedSigners(_ text: String) throws(SignatureError) -> [AllowedSigner] {
  var entries: [AllowedSigner] = []
  // "\r\n" is one Character in Swift, so splitting on "\n" alone would merge CRLF lines.
  let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
  for (index, rawLine) in lines.enumerated() {
    let lineNumber = index + 1
    let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
    if line.isEmpty || line.hasPrefix("#") { continue }
    do throws(SignatureError) {
      var parser = AllowedSignersLineParser(line)
      entries.append(try parser.parse())
    } catch {
      let reason: String
      switch error {
      case .malformedAllowedSigners(_, let message): reason = message
      case .invalidAllowedSigner(_, let message): reason = message
      case .malformedPublicKey(let message): reason = "the key cannot be read: \(message)"
      default: reason = error.description
      }
      throw .malformedAllowedSigners(line: lineNumber, reason: reason)
    }
  }
  return entries
}

/// Splits one non-blank line into principal, options and key, following ssh-keygen's quoting rules.
private struct AllowedSignersLineParser {
  private var rest: Substring

  init(_ line: String) {
    rest = Substring(line)
  }

  mutating func parse() throws(SignatureError) -> AllowedSigner {
    let principal = try takePrincipal()
    skipSpace()
    var options: [(name: String, value: String?)] = []
    if let first = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
      Self.isOptionList(first)
    {
      options = try takeOptions()
      skipSpace()
    }
    guard !rest.isEmpty else { throw Self.failure("the key is missing") }
    let key = try SSHPublicKey(authorizedKey: String(rest))

    var namespaces: [String]?
    var validAfter: String?
    var validBefore: String?
    var isCertificateAuthority = false
    for option in options {
      switch option.name.lowercased() {
      case "cert-authority":
        guard option.value == nil else { throw Self.failure("cert-authority takes no value") }
        isCertificateAuthority = true
      case "namespaces":
        namespaces = try Self.required(option).split(separator: ",").map(String.init)
      case "valid-after":
        validAfter = try Self.required(option)
      case "valid-before":
        validBefore = try Self.required(option)
      default:
        throw Self.failure("unknown option \"\(option.name)\"")
      }
    }
    return try AllowedSigner(
      principal: principal, key: key, namespaces: namespaces, validAfter: validAfter,
      validBefore: validBefore, isCertificateAuthority: isCertificateAuthority)
  }

  /// Key types never contain these characters, so their presence marks an option list.
  private static func isOptionList(_ token: Substring) -> Bool {
    token.contains("=") || token.contains("\"") || token.contains(",")
      || token.lowercased() == "cert-authority"
  }

  private static func failure(_ reason: String) -> SignatureError {
    .malformedAllowedSigners(line: 0, reason: reason)
  }

  private static func required(_ option: (name: String, value: String?)) throws(SignatureError) -> String {
    guard let value = option.value else {
      throw failure("option \(option.name) needs a quoted value, e.g. \(option.name)=\"…\"")
    }
    return value
  }

  private mutating func skipSpace() {
    rest = rest.drop(while: { $0 == " " || $0 == "\t" })
  }

  private mutating func takePrincipal() throws(SignatureError) -> String {
    if rest.first == "\"" {
      let afterQuote = rest.dropFirst()
      guard let close = afterQuote.firstIndex(of: "\"") else {
        throw Self.failure("the quoted principal has no closing quote")
      }
      let principal = String(afterQuote[..<close])
      rest = afterQuote[afterQuote.index(after: close)...]
      guard rest.isEmpty || rest.first == " " || rest.first == "\t" else {
        throw Self.failure("the quoted principal must be followed by a space")
      }
      return principal
    }
    let end = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? rest.endIndex
    let principal = String(rest[..<end])
    rest = rest[end...]
    return principal
  }

  /// Reads `name[="value"]` items separated by commas, up to the first unquoted space.
  private mutating func takeOptions() throws(SignatureError) -> [(name: String, value: String?)] {
    var options: [(name: String, value: String?)] = []
    while true {
      let nameEnd = rest.firstIndex(where: { $0 == "=" || $0 == "," || $0 == " " || $0 == "\t" }) ?? rest.endIndex
      let name = String(rest[..<nameEnd])
      guard !name.isEmpty else { throw Self.failure("an option name is empty") }
      rest = rest[nameEnd...]
      var value: String?
      if rest.first == "=" {
        rest = rest.dropFirst()
        guard rest.first == "\"" else {
          throw Self.failure("the value of option \(name) must be in double quotes")
        }
        let afterQuote = rest.dropFirst()
        guard let close = afterQuote.firstIndex(of: "\"") else {
          throw Self.failure("the value of option \(name) has no closing quote")
        }
        value = String(afterQuote[..<close])
        rest = afterQuote[afterQuote.index(after: close)...]
      }
      options.append((name, value))
      guard rest.first == "," else { break }
      rest = rest.dropFirst()
    }
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else {
      throw Self.failure("unexpected text after the options")
    }
    return options
  }
}
