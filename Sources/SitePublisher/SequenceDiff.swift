/// What a run of a diff does with its tokens.
public enum DiffOperation: String, Sendable, Equatable, Codable {
  case equal
  case delete
  case insert
}

/// A run of `count` consecutive tokens with the same operation.
struct DiffRun: Sendable, Equatable {
  var operation: DiffOperation
  var count: Int
}

/// Myers' O((N+M)·D) shortest edit script, with a ceiling on D.
///
/// The ceiling is what keeps a redline of two unrelated 10,000-word revisions from taking seconds and
/// hundreds of megabytes: past it the caller falls back to a coarser comparison.
enum SequenceDiff {
  /// The runs that turn `old` into `new`, or nil when that needs more than `maxEdits` insertions and deletions.
  static func runs<Element: Equatable>(old: [Element], new: [Element], maxEdits: Int) -> [DiffRun]? {
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
      old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    let oldMiddle = Array(old[prefix..<(old.count - suffix)])
    let newMiddle = Array(new[prefix..<(new.count - suffix)])
    guard let middle = myers(oldMiddle, newMiddle, maxEdits: maxEdits) else { return nil }
    var result: [DiffRun] = []
    func add(_ operation: DiffOperation, _ count: Int) {
      guard count > 0 else { return }
      if let last = result.last, last.operation == operation {
        result[result.count - 1].count += count
      } else {
        result.append(DiffRun(operation: operation, count: count))
      }
    }
    add(.equal, prefix)
    for run in middle { add(run.operation, run.count) }
    add(.equal, suffix)
    return result
  }

  private static func myers<Element: Equatable>(_ a: [Element], _ b: [Element], maxEdits: Int) -> [DiffRun]? {
    let n = a.count
    let m = b.count
    if n == 0 && m == 0 { return [] }
    if n == 0 { return m <= maxEdits ? [DiffRun(operation: .insert, count: m)] : nil }
    if m == 0 { return n <= maxEdits ? [DiffRun(operation: .delete, count: n)] : nil }
    let limit = min(n + m, maxEdits)
    let offset = limit + 1
    var v = [Int](repeating: 0, count: 2 * limit + 3)
    // trace[d] holds v[-d-1 ... d+1] as it was before round d: all that backtracking needs, about D² ints.
    var trace: [[Int]] = []
    for d in 0...limit {
      trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
      for k in stride(from: -d, through: d, by: 2) {
        var x: Int
        if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
          x = v[offset + k + 1]
        } else {
          x = v[offset + k - 1] + 1
        }
        var y = x - k
        while x < n, y < m, a[x] == b[y] {
          x += 1
          y += 1
        }
        v[offset + k] = x
        if x >= n && y >= m {
          return backtrack(trace: trace, n: n, m: m)
        }
      }
    }
    return nil
  }

  private static func backtrack(trace: [[Int]], n: Int, m: Int) -> [DiffRun] {
    var reversed: [DiffOperation] = []
    reversed.reserveCapacity(n + m)
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let snapshot = trace[d]
      let shift = d + 1
      let k = x - y
      let previousK: Int
      if k == -d || (k != d && snapshot[k - 1 + shift] < snapshot[k + 1 + shift]) {
        previousK = k + 1
      } else {
        previousK = k - 1
      }
      let previousX = snapshot[previousK + shift]
      let previousY = previousX - previousK
      while x > previousX, y > previousY {
        reversed.append(.equal)
        x -= 1
        y -= 1
      }
      if d > 0 {
        reversed.append(x == previousX ? .insert : .delete)
      }
      x = previousX
      y = previousY
    }
    var runs: [DiffRun] = []
    for operation in reversed.reversed() {
      if let last = runs.last, last.operation == operation {
        runs[runs.count - 1].count += 1
      } else {
        runs.append(DiffRun(operation: operation, count: 1))
      }
    }
    return runs
  }
}
