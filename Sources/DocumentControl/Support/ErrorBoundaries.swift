import Foundation
import GitStore
import Signatures

// Where the typed errors of lower modules become `ControlError`, once each; `Sources/sop` maps
// `ControlError` to a message and an exit code in one place (`fail`).

/// Runs a GitStore call, turning its `GitError` into `ControlError.git`.
func viaGit<T>(_ body: () throws(GitError) -> T) throws(ControlError) -> T {
  do {
    return try body()
  } catch {
    throw .git(error)
  }
}

/// Signs `message` for git (namespace `git`), turning a `SignatureError` into `ControlError.signing`.
func signForGit(_ message: String, with signer: any MessageSigner) throws(ControlError) -> String {
  do {
    return try signer.sign(Data(message.utf8), namespace: "git")
  } catch {
    throw .signing(error)
  }
}

/// Runs code that throws both `ControlError` and `GitError` (a refusal decided between git reads), keeping
/// the first and translating the second.
func translatingErrors<T>(_ body: () throws -> T) throws(ControlError) -> T {
  do {
    return try body()
  } catch let error as ControlError {
    throw error
  } catch let error as GitError {
    throw .git(error)
  } catch {
    throw .refused("\(error)")
  }
}
