import DocumentModel

/// Assigns required roles to distinct signers.
enum RoleAssignment {
  /// The approvals with roles assigned when every required role has a different signer, else nil.
  static func complete(required: [String], approvals: [ApprovalRecord]) -> [ApprovalRecord]? {
    let (assignment, missing) = best(required: required, approvals: approvals)
    guard missing.isEmpty else { return nil }
    return assignment
  }

  /// Roles still unfilled after the best assignment of `approvals` to `required`.
  static func missing(required: [String], approvals: [ApprovalRecord]) -> [String] {
    best(required: required, approvals: approvals).missing
  }

  /// Maximum matching of role slots to signers by augmenting paths (small inputs: a few roles).
  static func best(required: [String], approvals: [ApprovalRecord]) -> (
    assignment: [ApprovalRecord], missing: [String]
  ) {
    var slotOfApproval = [Int?](repeating: nil, count: approvals.count)
    func augment(_ slot: Int, _ visited: inout Set<Int>) -> Bool {
      for (index, approval) in approvals.enumerated()
      where approval.eligibleRoles.contains(required[slot]) && !visited.contains(index) {
        visited.insert(index)
        if let taken = slotOfApproval[index] {
          guard augment(taken, &visited) else { continue }
        }
        slotOfApproval[index] = slot
        return true
      }
      return false
    }
    var missing: [String] = []
    for slot in required.indices {
      var visited = Set<Int>()
      if !augment(slot, &visited) { missing.append(required[slot]) }
    }
    let assigned = approvals.enumerated().map { index, approval -> ApprovalRecord in
      var copy = approval
      if let slot = slotOfApproval[index] { copy.role = required[slot] }
      return copy
    }
    return (assigned, missing)
  }
}
