import Foundation
import FuzzSupport

@testable import DocumentModel

/// Document files: the byte split against the Character split, and the plain front-matter reader
/// against the full YAML decoder wherever both accept.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  _ = try? ParsedDocument(path: "fuzz.md", data: bytes)
  guard let text = String(data: bytes, encoding: .utf8) else { return 0 }
  if let fast = DocumentText.fastSplit(text) {
    guard let slow = try? DocumentText(path: "fuzz.md", text: text), slow.frontMatterYAML == fast.yaml,
      slow.body == fast.body, slow.bodyLineOffset == fast.bodyLineOffset
    else { fatalError("the byte split disagrees with the Character split") }
  }
  if let plain = PlainFrontMatter.decode(text),
    let full = try? TypedYAML(path: "fuzz.md", lineOffset: 1).decode(
      FrontMatter.self, from: text, shape: FrontMatter.shape)
  {
    guard plain == full else { fatalError("plain reader \(plain) but YAML decoder \(full)") }
  }
  return 0
}

@_cdecl("FuzzFrontMatter_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
