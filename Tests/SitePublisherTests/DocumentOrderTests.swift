import Testing

@testable import SitePublisher

@Suite("Document order")
struct DocumentOrderTests {
  @Test("The precomputed sort key orders ids exactly as the comparison of parsed ids does")
  func keyMatchesComparison() {
    let ids = [
      "QP-9", "QP-10", "QP-010", "QP-1", "WI-2", "QP-", "qp-1", "", "A-B-3", "A-B-03", "A-3", "Ü-1", "QP 1", "-1",
      "QP-9223372036854775807", "F-1", "F-01",
    ]
    for left in ids {
      for right in ids {
        #expect(
          (DocumentOrder.Key(left) < DocumentOrder.Key(right)) == DocumentOrder.areInIncreasingOrder(left, right),
          "\(left) \(right)")
      }
    }
  }
}
