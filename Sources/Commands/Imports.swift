import Foundation
import Ingest
import Reports
import Store
import Wording

/// `motcua import`: each file into the store in one transaction, the next opened meanwhile;
/// one that cannot be read does not stop the others.
public struct ImportRun {
    public var store: String
    public var files: [String]
    public var read: ReadOptions

    public init(store: String, files: [String], read: ReadOptions = ReadOptions()) {
        self.store = store
        self.files = files
        self.read = read
    }

    /// Imports every file, writing rejected rows to `rejects`; `each` gets a file's outcome or
    /// its error once it is done. Returns how many files could not be read; a fault of the
    /// store stops the run.
    public func perform(rejects path: String? = nil, progress: Progress? = nil,
                        each: (String, Result<ImportOutcome, CommandError>) -> Void) throws(CommandError) -> Int {
        let opened = try Inputs.open(store, .create)
        var rejects = try RejectsFile(path: path)
        var failures = 0
        try ExportOpening.oneAhead(paths: files, options: read) { (index, this) throws(CommandError) in
            let file = files[index]
            do {
                let outcome = try opened.importFile(this.value(), options: read, progress: { progress?(file, $0) },
                                                    onReject: { rejects.add($0) })
                each(file, .success(outcome))
            } catch let error as IngestError {
                failures += 1
                each(file, .failure(CommandError(file: error.file, line: error.line, .input(error))))
            } catch let error as StoreError {
                rejects.abandon()
                throw CommandError(file: error.path, .store(error))
            } catch {
                rejects.abandon()
                throw CommandError(file: opened.name, .store(StoreError(path: opened.name, kind: .failed(String(describing: error)))))
            }
        }
        try rejects.close()
        return failures
    }
}

extension ImportOutcome {
    /// What `import` says of a file (`name` as given on the command line).
    public func message(file name: String, _ language: Language) -> String {
        let (record, new) = { switch self { case .imported(let r): (r, true); case .alreadyImported(let r): (r, false) } }()
        let slots: [Slot: String] = [.file: new ? record.fileName : name, .id: record.id.map(String.init) ?? "?",
                                     .hash: String(record.sha256.prefix(12)), .stored: record.fileName,
                                     .rows: String(record.rowsRead), .accepted: String(record.accepted),
                                     .rejected: String(record.rejected)]
        return language[new ? .imported : .alreadyImported, slots]
    }
}

/// `motcua imports`, `imports remove`, `rejects`: what the store holds.
public enum StoreListing {
    /// Every import, oldest first, one tab-separated line each under a header.
    public static func imports(store path: String) throws(CommandError) -> String {
        let store = try Inputs.open(path, .read)
        let records = try CommandError.from { try store.imports() }
        var out = "id\tfile\tsha256\tkind\tencoding\tas_of\trows\taccepted\trejected\timported_at\n"
        let formatter = ISO8601DateFormatter()
        for r in records {
            let asOf = r.asOf.map { LocalMoment(seconds: $0).description } ?? ""
            out += "\(r.id ?? 0)\t\(r.fileName)\t\(r.sha256.prefix(12))\t\(r.exportKind)\t\(r.encoding)\t\(asOf)\t"
                + "\(r.rowsRead)\t\(r.accepted)\t\(r.rejected)\t\(formatter.string(from: r.importedAt))\n"
        }
        return out
    }

    /// Takes import `id` out of the store; says what was removed.
    public static func remove(import id: Int64, store path: String, _ language: Language) throws(CommandError) -> String {
        let store = try Inputs.open(path, .write)
        let record = try CommandError.from { try store.removeImport(id: id) }
        return language[.importRemoved, [.id: String(id), .file: record.fileName, .count: String(record.accepted)]]
    }

    /// The store's rejected rows as the spec's rejects output (those of import `id` only, when given).
    public static func rejects(store path: String, import id: Int64?) throws(CommandError) -> String {
        let store = try Inputs.open(path, .read)
        var rejects = try CommandError.from { try store.rejects(only: nil) }
        if let id {
            guard let name = try CommandError.from({ try store.imports() }).first(where: { $0.id == id })?.fileName else {
                throw CommandError(file: store.name, .store(StoreError(path: store.name, kind: .noSuchImport(id))))
            }
            rejects = rejects.filter { $0.file == name }
        }
        return RejectsWriter.csv(rejects)
    }
}
