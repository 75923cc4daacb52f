import Foundation

/// Byte searches for short needles (Glibc's `memmem` is not visible from Swift without `_GNU_SOURCE`).
enum ByteSearch {
  /// Whether `needle` occurs in `bytes[range]`: `memchr` finds each candidate first byte, then the rest is
  /// compared.
  static func contains(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
    guard let base = bytes.baseAddress, let first = needle.first, needle.count <= range.count else { return false }
    var index = range.lowerBound
    let last = range.upperBound - needle.count
    while index <= last, let found = memchr(base + index, Int32(first), last - index + 1) {
      let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      var matches = true
      for offset in 1..<needle.count where bytes[start + offset] != needle[offset] {
        matches = false
        break
      }
      if matches { return true }
      index = start + 1
    }
    return false
  }

  /// Calls `body` with the offset of every `byte` in `bytes[range]`, found with `memchr`.
  static func forEach(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, _ body: (Int) -> Void) {
    guard let base = bytes.baseAddress else { return }
    var index = range.lowerBound
    while index < range.upperBound, let found = memchr(base + index, Int32(byte), range.upperBound - index) {
      let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      body(offset)
      index = offset + 1
    }
  }

  /// Whether `needle` stands at `offset` of `bytes[range]`.
  static func hasPrefix(_ needle: [UInt8], at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>)
    -> Bool
  {
    guard offset + needle.count <= range.upperBound else { return false }
    for (index, byte) in needle.enumerated() where bytes[offset + index] != byte { return false }
    return true
  }

  /// Whether a text is ASCII, testing 32 bytes for a high bit at a time.
  static func isASCII(_ text: UnsafeRawBufferPointer) -> Bool {
    let high: UInt64 = 0x8080_8080_8080_8080
    var index = 0
    while index + 32 <= text.count {
      let any =
        text.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        | text.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
        | text.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
        | text.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
      if any & high != 0 { return false }
      index += 32
    }
    while index < text.count {
      if text[index] >= 0x80 { return false }
      index += 1
    }
    return true
  }
}
