/// The `gpgsig` header of a raw commit object, split from the bytes it signs.
///
/// Read from bytes sop already holds (the check of every loose commit inflates it; see `checkCommits`), so a
/// signature costs no second read of the object: reading each approval again through
/// `git_commit_extract_signature` was a twelfth of `sop verify`. The rules are libgit2's (1.5,
/// `git_commit__extract_signature`) to the byte, quirks included, so that every commit gives the same
/// signature, signed bytes and failures whichever of the two reads it: `CommitSignatureTests` compares them
/// on hostile commits, and the fuzz target `FuzzGitObjects` runs this parser.
///
/// - The object is read as a C string: a NUL byte ends it.
/// - Lines are scanned from the start of the object, message included, and the last line is never looked
///   at; the first line starting `gpgsig ` is the signature, its continuation lines (starting with a space)
///   joined with newlines, the leading space of each dropped.
/// - Everything before that line, and everything after the signature's last line, is the signed data. A
///   second `gpgsig` header is therefore signed data, as git's own `parse_signed_commit` would not have it;
///   the signature then does not verify, which is the safe outcome.
/// - A line starting `gpgsig` but not `gpgsig ` loses those six bytes from the signed data, and the rest of
///   the line is scanned as if it were a line of its own (libgit2 does so; such a commit's signature cannot
///   verify against git's payload either).
/// - A signature line without a newline after it is malformed.
public enum CommitSignature {
  /// What a raw commit holds.
  public enum Extracted: Equatable, Sendable {
    /// A signature and the bytes it covers.
    case signed(StoredSignature)
    /// No `gpgsig` header (libgit2's `GIT_ENOTFOUND`).
    case unsigned
    /// A `gpgsig` header that does not end in a newline (libgit2's "malformed header").
    case malformed
  }

  /// libgit2's message for `.malformed`, kept so that the error is the same whichever read found it.
  static let malformedMessage = "malformed header"

  private static let field: [UInt8] = Array("gpgsig".utf8)
  private static let newline = UInt8(ascii: "\n")
  private static let space = UInt8(ascii: " ")

  /// Splits the `gpgsig` signature from a raw commit's bytes (the object's content, without the
  /// `commit <size>\0` header of its loose file).
  public static func extract(from raw: UnsafeRawBufferPointer) -> Extracted {
    // A C string: the first NUL ends it.
    let data = UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)])
    let end = data.count
    // Index of the first newline at or after `from`, or nil. The last answer is kept: a line of "gpgsig"
    // repeated (libgit2 steps 6 bytes and looks for the same newline again) would otherwise scan the rest of
    // the line once per step, quadratic in a commit anyone with push access can write.
    var scannedFrom = Int.max
    var scannedEnd: Int?
    func newline(from: Int) -> Int? {
      if from >= scannedFrom {
        guard let known = scannedEnd else { return nil }
        if from <= known { return known }
      }
      var index = from
      while index < end, data[index] != Self.newline { index += 1 }
      scannedFrom = from
      scannedEnd = index < end ? index : nil
      return scannedEnd
    }
    func hasField(at start: Int) -> Bool {
      guard end - start >= field.count else { return false }
      for offset in 0..<field.count where data[start + offset] != field[offset] { return false }
      return true
    }
    var signedData: [UInt8] = []
    signedData.reserveCapacity(end)
    var lineStart = 0
    // libgit2: while ((h = strchr(buf, '\n')) && h[1] != '\0').
    while let lineEnd = newline(from: lineStart), lineEnd + 1 < end {
      let next = lineEnd + 1
      guard hasField(at: lineStart) else {
        signedData.append(contentsOf: data[lineStart..<next])
        lineStart = next
        continue
      }
      let afterField = lineStart + field.count
      // The end of the rest of the line, looked for before the space is (as libgit2 does).
      let signatureEnd = newline(from: afterField)
      guard afterField < end, data[afterField] == space else {
        lineStart = afterField
        continue
      }
      guard var eol = signatureEnd else { return .malformed }
      var signature: [UInt8] = Array(data[(afterField + 1)..<eol])
      while eol + 1 < end, data[eol + 1] == space {
        signature.append(Self.newline)
        let continuation = eol + 2
        guard let nextEnd = newline(from: continuation) else { return .malformed }
        signature.append(contentsOf: data[continuation..<nextEnd])
        eol = nextEnd
      }
      signedData.append(contentsOf: data[(eol + 1)...])
      return .signed(
        StoredSignature(signature: String(decoding: signature, as: UTF8.self), signedData: signedData))
    }
    return .unsigned
  }

  /// `extract(from:)` for bytes in an array.
  public static func extract(from raw: [UInt8]) -> Extracted {
    raw.withUnsafeBytes { extract(from: $0) }
  }
}
