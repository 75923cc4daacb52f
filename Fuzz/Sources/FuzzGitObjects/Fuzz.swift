import FuzzSupport
import GitStore

/// Tag objects (header, tagger identity, signature split), commits' `gpgsig` split and commit-message trailers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // A message that quotes the armor line cannot read back unsigned: the quote would be taken for the
  // signature. (Signed, the real signature comes last and wins.)
  if let tag = try? TagObject(parsing: bytes), (tag.tagger?.offsetMinutes.magnitude ?? 0) < 6_000,
    !("\n" + tag.message).contains("\n-----BEGIN SSH SIGNATURE-----"),
    let text = try? tag.unsignedText()
  {
    // A tag that parses and formats must read back as the same tag.
    guard let again = try? TagObject(parsing: Array(text.utf8)), again.object == tag.object,
      again.type == tag.type, again.name == tag.name, again.tagger == tag.tagger, again.message == tag.message
    else { fatalError("a formatted tag does not read back:\n\(text)") }
  }
  // The input as a raw commit whose signature is split from what it signs (`CommitSignature`, verify's path):
  // what is signed is the visible text (up to a NUL) less at least the `gpgsig ` header.
  if case .signed(let stored) = CommitSignature.extract(from: bytes) {
    let visible = bytes.prefix { $0 != 0 }.count
    guard stored.signedData.count + 7 <= visible, !stored.signedData.contains(0) else {
      fatalError("a signature split gave more than its input")
    }
  }
  let text = String(decoding: bytes, as: UTF8.self)
  for line in text.split(separator: "\n") {
    // Offsets of 100 hours or more (`+9999`) have no four-digit form to read back.
    if let identity = GitSignature(identityLine: line), identity.offsetMinutes.magnitude < 6_000,
      GitSignature(identityLine: identity.identityLine) != identity
    {
      fatalError("an identity does not read back: \(identity.identityLine)")
    }
  }
  for trailer in Trailer.parse(text) where trailer.key.isEmpty {
    fatalError("a trailer with an empty key")
  }
  return 0
}

@_cdecl("FuzzGitObjects_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
