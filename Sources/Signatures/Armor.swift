import Foundation

/// The PEM-like wrapping `ssh-keygen -Y sign` puts around an SSHSIG blob.
enum SignatureArmor {
  static let beginLine = "-----BEGIN SSH SIGNATURE-----"
  static let endLine = "-----END SSH SIGNATURE-----"
  /// ssh-keygen wraps base64 at 70 columns; matching it keeps native signatures byte-identical.
  static let lineWidth = 70

  /// Armors a blob exactly as ssh-keygen does, minus the final newline (git stores it that way).
  static func armor(_ blob: Data) -> String {
    let encoded = blob.base64EncodedString()
    var lines = [beginLine]
    var start = encoded.startIndex
    while start < encoded.endIndex {
      let end = encoded.index(start, offsetBy: lineWidth, limitedBy: encoded.endIndex) ?? encoded.endIndex
      lines.append(String(encoded[start..<end]))
      start = end
    }
    lines.append(endLine)
    return lines.joined(separator: "\n")
  }

  /// Removes the armor; surrounding whitespace, CRLF line ends and a missing final newline are all accepted.
  static func dearmor(_ text: String) throws(SignatureError) -> Data {
    if let blob = try dearmorASCII(text) { return blob }
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.hasPrefix(beginLine) else {
      throw .malformedSignature(reason: "missing BEGIN line")
    }
    guard trimmed.hasSuffix(endLine), trimmed.count >= beginLine.count + endLine.count else {
      throw .malformedSignature(reason: "missing END line")
    }
    let body = trimmed.dropFirst(beginLine.count).dropLast(endLine.count)
    // A byte filter: Character iteration was a tenth of `sop verify`'s time over 1,300 signatures.
    let compact = String(
      decoding: body.utf8.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }, as: UTF8.self)
    guard !compact.isEmpty else {
      throw .malformedSignature(reason: "there is nothing between the BEGIN and END lines")
    }
    guard let blob = Data(base64Encoded: compact) else {
      throw .malformedSignature(reason: "the body is not valid base64")
    }
    return blob
  }

  /// `dearmor` for a text of ASCII bytes only (every signature git writes), on its bytes: Foundation's
  /// trimming and Swift's Character counting were a twentieth of `sop verify` over 1,300 signatures. Nil for
  /// any other text, which `dearmor` reads as before. In ASCII each byte is one Character, but for CR LF, and
  /// no CR LF can straddle the armor lines (they begin and end with "-"), so the checks, and the reasons
  /// given, are the same as `dearmor`'s.
  private static func dearmorASCII(_ text: String) throws(SignatureError) -> Data? {
    var bytes = Array(text.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    // CharacterSet.whitespacesAndNewlines in ASCII: tab, line feed to carriage return, space.
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    let start = bytes.firstIndex { !isSpace($0) } ?? bytes.endIndex
    let end = (bytes.lastIndex { !isSpace($0) }).map { $0 + 1 } ?? start
    let begin = Array(beginLine.utf8)
    let finish = Array(endLine.utf8)
    let trimmed = bytes[start..<max(start, end)]
    guard trimmed.starts(with: begin) else { throw .malformedSignature(reason: "missing BEGIN line") }
    guard trimmed.reversed().starts(with: finish.reversed()), trimmed.count >= begin.count + finish.count else {
      throw .malformedSignature(reason: "missing END line")
    }
    bytes = trimmed.dropFirst(begin.count).dropLast(finish.count).filter {
      $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09
    }
    guard !bytes.isEmpty else {
      throw .malformedSignature(reason: "there is nothing between the BEGIN and END lines")
    }
    guard let blob = Data(base64Encoded: Data(bytes)) else {
      throw .malformedSignature(reason: "the body is not valid base64")
    }
    return blob
  }
}
