struct TagCheck {
  var problems: [VerificationProblem]
  var count: Int
}
extension DocumentRepository {
  func verifyPublishedTags(ledger: ApprovalLedger) throws(ControlError) -> TagCheck { TagCheck(problems: [], count: 0) }
}
