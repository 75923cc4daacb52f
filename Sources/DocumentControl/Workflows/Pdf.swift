import DocumentModel
import Foundation
import ParallelWork
import SitePublisher

/// What `sop pdf` is asked to do.
public struct PdfRequest: Sendable {
  /// The documents to print; empty means every effective document of the snapshot.
  public var documents: [String]
  /// The snapshot tag (`published/3` or `3`); nil means the latest.
  public var snapshot: String?
  /// The folder the PDFs are written to, whole.
  public var outputDirectory: URL
  /// The paper size.
  public var paper: Paper
  /// Whether to add the master document list (PDF and CSV) and the changes since the previous snapshot.
  public var isAuditPack: Bool

  /// Creates a request.
  public init(documents: [String], snapshot: String?, outputDirectory: URL, paper: Paper, isAuditPack: Bool) {
    self.documents = documents
    self.snapshot = snapshot
    self.outputDirectory = outputDirectory
    self.paper = paper
    self.isAuditPack = isAuditPack
  }
}

/// What `sop pdf` wrote.
public struct PdfOutcome: Codable, Sendable {
  /// One written file.
  public struct File: Codable, Sendable, Equatable {
    /// The file name inside the output folder, e.g. `QP-001-r2.pdf`.
    public var name: String
    /// Its size in bytes.
    public var bytes: Int
  }

  /// The snapshot printed, e.g. `published/3`.
  public var tag: String
  /// The output folder.
  public var outputDirectory: String
  /// Every file written, by name.
  public var files: [File]
}

extension DocumentRepository {
  /// How many pages are printed at once: each Chromium is a few hundred megabytes and uses a core or more.
  static let concurrentPrints = 2

  /// Prints documents of a verified snapshot (and with `isAuditPack` its master list and changes) to PDF
  /// with `engine`, then puts the files in place as one step: the output folder holds the old printouts or
  /// the new ones, never a mix.
  public func printPDFs(_ request: PdfRequest, engine: any PdfEngine) throws(ControlError) -> PdfOutcome {
    let writer = SiteWriter(marker: .printouts)
    do {
      try writer.checkTarget(request.outputDirectory)
    } catch {
      throw .invalidArgument(error.description)
    }
    let (tag, tags) = try verifiedSnapshot(named: request.snapshot)
    let earlier = tags.filter { $0.number < tag.number }
    let snapshot = try siteSnapshot(of: tag, earlierTags: earlier)
    let effective = Set(snapshot.documents.map(\.id)).subtracting(snapshot.withdrawn.map(\.id))
    for id in request.documents where !effective.contains(id) {
      if snapshot.withdrawn.contains(where: { $0.id == id }) {
        throw .invalidArgument("\(id) is withdrawn in \(tag.name), so it has no effective revision to print")
      }
      let listed = snapshot.documents.map(\.id).filter(effective.contains)
      let hint =
        listed.first { $0.uppercased() == id.uppercased() }.map { "did you mean \($0)?" }
        ?? "its documents: " + (listed.isEmpty ? "none" : listed.prefix(20).joined(separator: ", "))
        + (listed.count > 20 ? " and \(listed.count - 20) more" : "")
      throw .invalidArgument("\(id) is not a document of \(tag.name); \(hint)")
    }
    // A revision took effect with the first snapshot of the unbroken run that lists its content.
    var since: [String: Date] = [:]
    for entry in tag.entries where !entry.isWithdrawn {
      var first = tag
      for older in earlier.reversed() {
        guard older.entries.contains(where: { $0.id == entry.id && $0.blob == entry.blob && !$0.isWithdrawn }) else {
          break
        }
        first = older
      }
      since[entry.id] = Date(timeIntervalSince1970: TimeInterval(first.tagger.time))
    }
    let masterList = request.isAuditPack ? MasterList.rows(of: snapshot, effectiveSince: since) : nil
    let printSet = PrintRenderer(paper: request.paper).render(
      snapshot, documents: request.documents.isEmpty ? nil : request.documents, masterList: masterList)
    var files = try printed(printSet, date: snapshot.effectiveDate, engine: engine)
    if let masterList { files.append(SiteFile(path: "master-list.csv", bytes: Array(MasterList.csv(masterList).utf8))) }
    do {
      try writer.write(files, to: request.outputDirectory)
    } catch {
      throw .invalidArgument(error.description)
    }
    return PdfOutcome(
      tag: tag.name, outputDirectory: request.outputDirectory.path,
      files: files.map { PdfOutcome.File(name: $0.path, bytes: $0.bytes.count) }.sorted { $0.name < $1.name })
  }

  /// Writes the print folder to a private temporary folder, prints every job there and returns the PDFs with
  /// their dates set to `date`, in job order. The temporary folder is removed whatever happens.
  private func printed(_ printSet: PrintSet, date: Date, engine: any PdfEngine) throws(ControlError) -> [SiteFile] {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sop-pdf-\(UUID().uuidString.lowercased())", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let pages = scratch.appendingPathComponent("pages", isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      try SiteWriter().write(printSet.files, to: pages)
    } catch let error as SiteWriteError {
      throw .invalidArgument(error.description)
    } catch {
      throw .write(path: scratch.path, reason: error.localizedDescription)
    }
    let jobs = printSet.jobs
    let lanes = min(Self.concurrentPrints, jobs.count)
    // Each lane prints every `lanes`-th job in turn, so no more than `lanes` Chromiums run at once.
    let results = concurrentMap(count: lanes) { lane -> [Result<SiteFile, PdfEngineError>] in
      stride(from: lane, to: jobs.count, by: lanes).map { index in
        let job = jobs[index]
        let work = scratch.appendingPathComponent("work-\(index)", isDirectory: true)
        let output = scratch.appendingPathComponent("pdf-\(index).pdf")
        return Result { () throws(PdfEngineError) in
          do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
          } catch {
            throw PdfEngineError("could not create \(work.path): \(error.localizedDescription)")
          }
          try engine.printPDF(page: pages.appendingPathComponent(job.page), to: output, workFolder: work)
          let bytes = [UInt8]((try? Data(contentsOf: output)) ?? Data())
          guard let stable = PdfDates.normalised(bytes, to: date) else {
            throw PdfEngineError(
              "the PDF printed from \(job.page) has creation dates in a form sop cannot make reproducible")
          }
          return SiteFile(path: job.output, bytes: stable)
        }
      }
    }
    var byIndex: [Int: Result<SiteFile, PdfEngineError>] = [:]
    for (lane, laneResults) in results.enumerated() {
      for (step, result) in laneResults.enumerated() { byIndex[lane + step * lanes] = result }
    }
    var files: [SiteFile] = []
    for index in jobs.indices {
      switch byIndex[index] {
      case .success(let file)?: files.append(file)
      case .failure(let error)?: throw .refused("could not print \(jobs[index].output): \(error.description)")
      case nil: throw .refused("could not print \(jobs[index].output)")
      }
    }
    return files
  }
}

/// Makes a PDF's own dates reproducible: Chromium stamps `/CreationDate` and `/ModDate` with the time it ran;
/// they become the snapshot's effective date, written in the same number of bytes, so the cross-reference
/// offsets stay right and the same snapshot always gives the same bytes.
enum PdfDates {
  static let keys = ["/CreationDate (", "/ModDate ("]

  /// `bytes` with every date value set to `date`; nil when a value has a length no date form fits.
  static func normalised(_ bytes: [UInt8], to date: Date) -> [UInt8]? {
    var result = bytes
    let day = UTCDate(date)
    let digits =
      day.dayText.replacingOccurrences(of: "-", with: "")
      + day.isoText.dropFirst(11).dropLast().replacingOccurrences(of: ":", with: "")
    // The forms PDF allows (ISO 32000-1, 7.9.4), longest first; Chromium in UTC writes the first.
    let forms = ["D:\(digits)+00'00'", "D:\(digits)+00'00", "D:\(digits)Z", "D:\(digits)"].map { Array($0.utf8) }
    for key in keys.map({ Array($0.utf8) }) {
      var start = 0
      while let found = firstIndex(of: key, in: result, from: start) {
        let valueStart = found + key.count
        guard let close = result[valueStart...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
        guard let form = forms.first(where: { $0.count == close - valueStart }) else { return nil }
        result.replaceSubrange(valueStart..<close, with: form)
        start = close
      }
    }
    return result
  }

  private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
    for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
      if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
    }
    return nil
  }
}
