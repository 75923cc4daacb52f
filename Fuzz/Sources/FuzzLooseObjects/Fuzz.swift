import Foundation
import FuzzSupport
import CLibgit2

@testable import GitStore

/// Loose object files: the one-pass inflate that keeps a sound object's content for libgit2
/// (`LooseObjects.inflateObject`) against the loop in pieces that judges damaged files (`inflateInPieces`).
/// The input is read twice: as a loose file's bytes (anything, damage included), where both must give the same
/// verdict; and as an object's content, compressed as git writes it, whole and cut short, where the kept
/// content must be exactly the input and a cut-short file must never be sound.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  agree(bytes)
  // The input as the content of a blob, compressed as git writes a loose object.
  let object = Array("blob \(bytes.count)\0".utf8) + bytes
  var compressedSize = compressBound(UInt(object.count))
  var compressed = [UInt8](repeating: 0, count: Int(compressedSize))
  guard compress(&compressed, &compressedSize, object, UInt(object.count)) == Z_OK else { return 0 }
  compressed.removeLast(compressed.count - Int(compressedSize))
  guard case .sound(let type, let body) = LooseObjects.inflateObject(compressed), type == "blob", body == bytes
  else { fatalError("a blob git would write is not read back whole") }
  agree(compressed)
  // Cut short anywhere, it is never sound (the end of a zlib stream carries its checksum).
  let cut = (bytes.first.map(Int.init) ?? 0) % compressed.count
  if case .sound = LooseObjects.inflateObject(Array(compressed.prefix(cut))) {
    fatalError("a loose file cut to \(cut) of \(compressed.count) bytes reads as sound")
  }
  return 0
}

/// Both inflates give the same verdict on `file`: sound with the same type, or damaged.
func agree(_ file: [UInt8]) {
  let whole = LooseObjects.inflateObject(file)
  let pieces = LooseObjects.inflateInPieces(file)
  switch (whole, pieces) {
  case (.sound(let a, _), .sound(let b, _)) where a == b: return
  case (.damaged, .damaged), (.notLoose, .notLoose): return
  default: fatalError("the two inflates disagree: \(whole) against \(pieces)")
  }
}

@_cdecl("FuzzLooseObjects_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
