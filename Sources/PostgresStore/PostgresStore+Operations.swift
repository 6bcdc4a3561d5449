import Foundation
import Ingest
import PostgresNIO
import Store

extension PostgresStore {
    /// Imports one export file in one transaction (see ``PostgresImport``). Throws
    /// `IngestError` for a file that cannot be read (exit 66) and ``StoreError`` for the store.
    public func importFile(_ export: OpenedExport, options: ImportOptions, progress: @escaping (Double) -> Void,
                           onReject: (Reject) -> Void) throws -> ImportOutcome {
        // Opened, checked and its header read before the server is asked anything; hashed on
        // the side while the rows are read.
        let (file, reader) = (export.file, export.reader)
        let digest = FileDigest(file: file)
        let ignored = String(decoding: try JSONEncoder().encode(reader.header.ignored), as: UTF8.self)
        let record = ImportRecord(
            id: nil, fileName: reader.name, sha256: "pending:" + UUID().uuidString, bytes: reader.byteCount,
            exportKind: reader.header.kind.rawValue, encoding: reader.encoding.rawValue, delimiter: Int(reader.delimiter),
            asOf: nil, rowsRead: 0, accepted: 0, rejected: 0, blankRecords: 0, ignoredColumns: ignored, importedAt: Date())
        // Told from the import's task while this thread waits for it: never two at once.
        let report = Unchecked(progress)
        let job = PostgresImport(record: record, baseName: FileRank(asOf: nil, name: reader.name).baseName,
                                 statedAsOf: options.asOf, reader: reader, progress: { report.value($0) })
        let result = try session.run(writing: true) { connection in
            try await job.run(on: connection) { () throws(IngestError) in try digest.value() }
        }
        switch result {
        case .imported(let record, let rejects):
            // Reported once committed: a rolled-back import has none.
            rejects.forEach(onReject)
            return .imported(record)
        case .alreadyImported(let record):
            return .alreadyImported(record)
        case .unreadable(let error):
            throw error
        }
    }

    public func imports() throws(StoreError) -> [ImportRecord] {
        try session.run { connection in try await PostgresRecords.imports(on: connection) }
    }

    public func removeImport(id: Int64) throws(StoreError) -> ImportRecord {
        let name = name
        return try session.run(writing: true) { connection in
            try await connection.transaction {
                let logger = PostgresSession.logger
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.mergeLock))", logger: logger)
                guard let record = try await PostgresRecords.importRecord(id: id, on: connection) else {
                    throw StoreError(path: name, kind: .noSuchImport(id))
                }
                try await connection.query("DELETE FROM occurrence WHERE import_id = \(id)", logger: logger)
                try await connection.query("DELETE FROM reject WHERE import_id = \(id)", logger: logger)
                try await PostgresCurrentState.fallBack(removing: id, on: connection)
                try await connection.query("DELETE FROM import WHERE id = \(id)", logger: logger)
                return record
            }
        }
    }

    public func rejects(only: Set<Int64>?) throws(StoreError) -> [Reject] {
        try readSnapshot { connection in
            try await PostgresRecords.rejects(only: only, on: connection).map(\.reject)
        }
    }

    public func dossiers(only: Set<Int64>?, aliases: UnitAliases) -> any DossierSource {
        PostgresDossiers(store: self, only: only, aliases: aliases)
    }

    /// Runs `body` in one read-only snapshot of the store: what it reads is the store before or
    /// after any import, never half of one.
    func readSnapshot<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(StoreError) -> T {
        try session.run { connection in
            try await connection.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { try await body(connection) }
        }
    }
}
