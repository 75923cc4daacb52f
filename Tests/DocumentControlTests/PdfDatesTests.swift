import Foundation
import Testing

@testable import DocumentControl

@Suite("PDF dates made reproducible")
struct PdfDatesTests {
  /// 2026-02-06 10:00:00 UTC.
  let effective = Date(timeIntervalSince1970: 1_770_372_000)

  func info(_ creation: String, _ modification: String) -> [UInt8] {
    Array(
      "%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (\(creation))\n/ModDate (\(modification))>>\n".utf8
    )
  }

  @Test("Chromium's run-time dates become the snapshot's date, byte for byte the same length")
  func replacesDates() throws {
    let printed = info("D:20261130052403+00'00'", "D:20261130052403+00'00'")
    let stable = try #require(PdfDates.normalised(printed, to: effective))
    #expect(stable == info("D:20260206100000+00'00'", "D:20260206100000+00'00'"))
    #expect(stable.count == printed.count)
    let other = info("D:20270101000000Z", "D:20270101000000")
    #expect(PdfDates.normalised(other, to: effective) == info("D:20260206100000Z", "D:20260206100000"))
  }

  @Test("A date of a length no form fits is refused, never written shorter or longer")
  func refusesOddLength() {
    #expect(PdfDates.normalised(info("D:2026", "D:20261130052403+00'00'"), to: effective) == nil)
    #expect(PdfDates.normalised(Array("%PDF-1.4\n/CreationDate (D:2026".utf8), to: effective) == nil)
    let none = Array("%PDF-1.4\n<</Producer (x)>>\n".utf8)
    #expect(PdfDates.normalised(none, to: effective) == none)
  }
}
