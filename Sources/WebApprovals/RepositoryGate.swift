import DocumentControl
import Foundation

/// Runs repository work one piece at a time on a queue of its own: libgit2 handles have one owner each, the
/// compare-and-swap of the branch needs no help from a second writer in this process, and blocking git reads
/// stay off the threads that serve HTTP.
final class RepositoryGate: Sendable {
  private let queue = DispatchQueue(label: "sop-serve.repository")
  private let path: String

  init(path: String) {
    self.path = path
  }

  /// Opens the repository afresh (so every request sees the branch as it is now) and runs `body` on it.
  func run<T: Sendable>(_ body: @escaping @Sendable (DocumentRepository) throws(ControlError) -> T) async -> Result<
    T, ControlError
  > {
    let path = path
    return await withCheckedContinuation { continuation in
      queue.async {
        do throws(ControlError) {
          let repository = try DocumentRepository(discoveringFrom: path)
          continuation.resume(returning: .success(try body(repository)))
        } catch {
          continuation.resume(returning: .failure(error))
        }
      }
    }
  }
}
