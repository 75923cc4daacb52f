import DocumentModel
import Foundation
import FuzzSupport

/// `sop.yml` decoding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  _ = try? Policy.decode(data: Data(UnsafeBufferPointer(start: data, count: size)))
  return 0
}

@_cdecl("FuzzPolicy_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
