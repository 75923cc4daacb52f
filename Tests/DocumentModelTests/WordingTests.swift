import DocumentModel
import Testing

@Suite("Wording helpers")
struct WordingTests {
  @Test("Counts take the singular for one")
  func counts() {
    #expect(counted(1, "document") == "1 document")
    #expect(counted(0, "document") == "0 documents")
    #expect(counted(2, "policy", plural: "policies") == "2 policies")
  }

  @Test("The nearest id is suggested for a typo, not for an unrelated word")
  func nearestID() {
    let ids = ["QP-001", "QP-002", "F-010"]
    #expect(nearest("QP-01", among: ids) == "QP-001")
    #expect(nearest("qp-002", among: ids) == "QP-002")
    #expect(nearest("WI-777", among: ids) == nil)
    #expect(nearest("QP-001", among: ids) == nil)
  }

  @Test("CJK characters take two columns")
  func width() {
    #expect(displayWidth("Lifting") == 7)
    #expect(displayWidth("安全手順") == 8)
    #expect(displayWidth("Müller") == 6)
  }
}
