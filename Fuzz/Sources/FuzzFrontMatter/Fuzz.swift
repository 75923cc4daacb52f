import Foundation
import FuzzSupport

@testable import DocumentModel

/// Document files: the byte split against the Character split, and the plain front-matter reader against
/// the full YAML decoder. The plain reader promises that whatever it accepts, the decoder reads the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  _ = try? ParsedDocument(path: "fuzz.md", data: bytes)
  guard let text = String(data: bytes, encoding: .utf8) else { return 0 }
  var yamls = [text]
  if let fast = DocumentText.fastSplit(text) {
    guard let slow = try? DocumentText(path: "fuzz.md", text: text), slow.frontMatterYAML == fast.yaml,
      slow.body == fast.body, slow.bodyLineOffset == fast.bodyLineOffset
    else { fatalError("the byte split disagrees with the Character split") }
    yamls.append(fast.yaml)
  }
  for yaml in yamls {
    guard let plain = PlainFrontMatter.decode(yaml) else { continue }
    let full = try? TypedYAML(path: "fuzz.md", lineOffset: 1).decode(
      FrontMatter.self, from: yaml, shape: FrontMatter.shape)
    guard plain == full else { fatalError("plain reader \(plain) but YAML decoder \(String(describing: full))") }
  }
  return 0
}

@_cdecl("FuzzFrontMatter_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
