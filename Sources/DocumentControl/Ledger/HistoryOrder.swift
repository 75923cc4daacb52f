import GitStore

/// The order in which the history model judges commits (H1–H3 in docs/approvals.md).
///
/// The mainline is the first-parent chain from the tip. Each mainline commit brings in the commits reachable
/// from it but not from its first parent: the side branch of a merge, oldest first, then the merge itself.
/// A batch is judged at its mainline commit's place, so policy state only moves forward along the mainline.
struct HistoryOrder {
  /// One commit and the mainline commit whose batch brings it in.
  struct Step: Equatable {
    var commit: ObjectID
    var entersAt: ObjectID
  }

  /// The steps, mainline order, each batch parents before children.
  var steps: [Step]
  /// The mainline, root first.
  var mainline: [ObjectID]
  /// Every root commit (no parents) reachable from the tip, in walk order.
  var roots: [ObjectID]
  /// Commits that descend from the mainline's root (or are it); the rest come from other roots.
  var trusted: Set<ObjectID>

  /// Orders `parents` (every reachable commit's parent list) for `tip`. Iterative: a history of any depth
  /// uses no recursion.
  ///
  /// `checkpoints` are tips this clone (or server) judged before, oldest first (H13 in docs/approvals.md):
  /// the history each one reached is ordered first, as it was then, and only what came after is ordered by
  /// the newer first-parent chains. A merge cannot then re-order history already judged (whoever made it
  /// chose which parent is first). Checkpoints that are not in this history are left out.
  ///
  /// With `prior`, the history a walk ordered before (of a commit on the tip's first-parent chain, under the
  /// same first checkpoints) counts as ordered already: `parents` needs only the commits that are new, and
  /// the steps are the ones a walk of the whole history gives after the prior walk's steps.
  init(tip: ObjectID, parents: [ObjectID: [ObjectID]], checkpoints: [ObjectID] = [], after prior: Prior? = nil) {
    var seen = prior?.commits ?? []
    var mainline: [ObjectID] = []
    var steps: [Step] = []
    var roots: [ObjectID] = []
    for anchor in checkpoints.filter({ parents[$0] != nil }) + [tip] where !seen.contains(anchor) {
      // The anchor's first-parent chain down to what an earlier anchor already ordered.
      var chain: [ObjectID] = []
      var cursor: ObjectID? = anchor
      var onChain = Set<ObjectID>()
      while let commit = cursor, !seen.contains(commit), onChain.insert(commit).inserted {
        chain.append(commit)
        cursor = parents[commit]?.first
      }
      for commit in chain.reversed() {
        mainline.append(commit)
        Self.bringIn(commit, parents: parents, seen: &seen, steps: &steps, roots: &roots)
      }
    }
    self.mainline = mainline
    self.steps = steps
    self.roots = roots
    var trusted = Set<ObjectID>()
    if let prior {
      for step in steps
      where (parents[step.commit] ?? []).contains(where: { trusted.contains($0) || prior.isTrusted($0) }) {
        trusted.insert(step.commit)
      }
    } else if let root = mainline.first {
      trusted.insert(root)
      for step in steps where (parents[step.commit] ?? []).contains(where: trusted.contains) {
        trusted.insert(step.commit)
      }
    }
    self.trusted = trusted
  }

  /// The commits a walk ordered before, and those of them that do not descend from the trusted root.
  struct Prior {
    var commits: Set<ObjectID>
    var untrusted: Set<ObjectID>

    func isTrusted(_ commit: ObjectID) -> Bool { commits.contains(commit) && !untrusted.contains(commit) }
  }

  /// The commits ordered that do not descend from the mainline's root.
  var untrusted: Set<ObjectID> { Set(steps.lazy.map(\.commit).filter { !trusted.contains($0) }) }

  /// Appends `commit` and, before it, every commit it reaches that is not yet ordered, parents first.
  private static func bringIn(
    _ commit: ObjectID, parents: [ObjectID: [ObjectID]], seen: inout Set<ObjectID>, steps: inout [Step],
    roots: inout [ObjectID]
  ) {
    // Post-order over the parents not yet seen: everything an earlier mainline commit reaches is seen.
    var stack: [(ObjectID, Int)] = [(commit, 0)]
    seen.insert(commit)
    while let (current, next) = stack.last {
      let list = parents[current] ?? []
      if next < list.count {
        stack[stack.count - 1].1 = next + 1
        let parent = list[next]
        if seen.insert(parent).inserted { stack.append((parent, 0)) }
      } else {
        stack.removeLast()
        if list.isEmpty { roots.append(current) }
        steps.append(Step(commit: current, entersAt: commit))
      }
    }
  }
}
