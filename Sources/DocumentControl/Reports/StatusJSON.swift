extension StatusReport {
  /// The report as `JSONEncoder` writes it for `sop status --format json` (`PrettyJSON`), the same bytes in
  /// a fraction of the time. Members stand in the encoder's order: keys sorted by their UTF-8 bytes.
  public var prettyJSON: String { String(decoding: prettyJSONBytes, as: UTF8.self) }

  /// `prettyJSON` as its UTF-8 bytes, for a caller that writes them out: the text would be a copy of them
  /// (13 MB for 20,000 documents).
  public var prettyJSONBytes: [UInt8] {
    // About 1,000 bytes a document with its approvals.
    var json = PrettyJSON(capacity: 1024 + 1024 * documents.count)
    json.object { json in
      json.key("documents")
      json.array { json in
        for document in documents {
          json.element()
          document.write(to: &json)
        }
      }
      if let policy {
        json.key("policy")
        policy.write(to: &json)
      }
      json.key("problems")
      json.array { json in
        for problem in problems {
          json.element()
          problem.write(to: &json)
        }
      }
    }
    return json.bytes
  }
}

extension DocumentStatusEntry {
  func write(to json: inout PrettyJSON) {
    json.object { json in
      json.member("approvals", approvals)
      json.member("blob", blob)
      json.key("editorial")
      if let editorial {
        json.object { json in
          json.member("missing", editorial.missing)
          json.member("words", editorial.words)
        }
      } else {
        json.null()
      }
      json.member("id", id)
      json.member("lastApproved", lastApproved)
      json.member("missing", missing)
      json.member("nextReview", nextReview)
      json.member("owner", owner)
      json.member("path", path)
      json.member("reviewOverdue", reviewOverdue)
      json.member("revision", revision)
      json.member("state", state.rawValue)
      json.member("stuck", stuck)
      json.member("title", title)
      json.member("type", type)
    }
  }
}

extension PolicyStatusEntry {
  func write(to json: inout PrettyJSON) {
    json.object { json in
      json.member("approvals", approvals)
      json.member("blob", blob)
      json.member("effectiveBlob", effectiveBlob)
      json.member("missing", missing)
      json.member("revision", revision)
      json.member("state", state.rawValue)
    }
  }
}

extension FileProblem {
  func write(to json: inout PrettyJSON) {
    json.object { json in
      json.member("column", column)
      json.member("line", line)
      json.member("message", message)
      json.member("path", path)
    }
  }
}

extension PrettyJSON {
  mutating func member(_ key: StaticString, _ approvals: [ApprovalEntry]) {
    self.key(key)
    array { json in
      for approval in approvals {
        json.element()
        json.object { json in
          json.member("commit", approval.commit)
          json.member("email", approval.email)
          json.member("name", approval.name)
          json.member("role", approval.role)
          json.member("time", approval.time)
        }
      }
    }
  }
}
