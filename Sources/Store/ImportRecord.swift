import Foundation
import GRDB
import Ingest

/// One import: a file taken into the store whole, in one transaction.
public struct ImportRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "import"

    public var id: Int64?
    /// The file as named on the command line when it was imported.
    public var fileName: String
    public var sha256: String
    public var bytes: Int
    public var exportKind: String
    public var encoding: String
    public var delimiter: Int
    /// Local seconds since 1970 (see ``LocalMoment``).
    public var asOf: Int64?
    public var rowsRead: Int
    public var accepted: Int
    public var rejected: Int
    public var blankRecords: Int
    /// JSON array of the header words that name no canonical field.
    public var ignoredColumns: String
    public var importedAt: Date
    /// The file's last record, when it looked cut off at import (not stored: said once, then).
    public var cutOff: CutOffRecord? = nil

    enum CodingKeys: String, CodingKey {
        case id, fileName = "file_name", sha256, bytes, exportKind = "export_kind", encoding, delimiter
        case asOf = "as_of", rowsRead = "rows_read", accepted, rejected, blankRecords = "blank_records"
        case ignoredColumns = "ignored_columns", importedAt = "imported_at"
    }

    public init(id: Int64?, fileName: String, sha256: String, bytes: Int, exportKind: String, encoding: String,
                delimiter: Int, asOf: Int64?, rowsRead: Int, accepted: Int, rejected: Int, blankRecords: Int,
                ignoredColumns: String, importedAt: Date) {
        self.id = id
        self.fileName = fileName
        self.sha256 = sha256
        self.bytes = bytes
        self.exportKind = exportKind
        self.encoding = encoding
        self.delimiter = delimiter
        self.asOf = asOf
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejected = rejected
        self.blankRecords = blankRecords
        self.ignoredColumns = ignoredColumns
        self.importedAt = importedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The import as the summary and `check` describe an input.
    public var summary: InputSummary {
        var s = InputSummary(
            name: fileName, byteCount: bytes, kind: ExportKind(rawValue: exportKind) ?? .spreadsheet,
            encoding: SourceEncoding(rawValue: encoding) ?? .utf8, delimiter: UInt8(clamping: delimiter),
            ignoredColumns: (try? JSONDecoder().decode([String].self, from: Data(ignoredColumns.utf8))) ?? [])
        s.sha256 = sha256
        s.rowsRead = rowsRead
        s.accepted = accepted
        s.asOf = asOf.map(LocalMoment.init(seconds:))
        s.blankRecords = blankRecords
        return s
    }
}
