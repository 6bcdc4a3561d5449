import GRDB
import GRDBSQLite
import Ingest

/// Writes the occurrences of import `importID` into `occurrence`, ``rowsPerStatement`` rows an
/// INSERT, in line order.
///
/// Why: every step of a statement costs SQLite its set-up and tear-down (a cursor opened and
/// closed, the transaction checked, the statement halted and reset), which one row a step paid
/// a million times. The rows wait here, their codes' bytes copied, until there are enough.
struct OccurrenceWriter {
    static let rowsPerStatement = 64

    /// One row but its code.
    private struct Row {
        var spelling: Int64
        var dossier: Dossier
        var processed: Int64?
        var handedOver: Int64?
        var procedure: Int64?
    }

    private static let columns = "id, import_id, line, code, unit_spelling_id, \(MotcuaStore.stateCells()), processed, handed_over, procedure_id"
    private static let cellsPerRow = Int32(8 + MotcuaStore.stateCellNames.count)

    private let db: Database
    private let importID: Int64
    private let full: Statement
    private var rows: [Row] = []
    private var codeBytes: [UInt8] = []
    private var codeEnds: [Int] = []

    init(_ db: Database, importID: Int64) throws {
        self.db = db
        self.importID = importID
        full = try db.makeStatement(sql: Self.insert(rows: Self.rowsPerStatement))
        rows.reserveCapacity(Self.rowsPerStatement)
        codeEnds.reserveCapacity(Self.rowsPerStatement)
    }

    /// OR FAIL: a row that breaks a constraint (a bug: keys are made here) stops the statement
    /// and the import rolls back whole. With SQLite's default (ABORT) every statement of many
    /// rows would first copy the page it appends to into a statement journal, a temporary
    /// file, to undo the statement alone: 241 MB written to /var/tmp for the 1M-row bench file.
    private static func insert(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: Int(cellsPerRow)).joined(separator: ", ") + ")"
        return "INSERT OR FAIL INTO occurrence (\(columns)) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// Adds the accepted row `facts` (its line from its dossier's source).
    mutating func append(code: UnsafeBufferPointer<UInt8>, spelling: Int64, facts: RowFacts, procedure: Int64?) throws {
        rows.append(Row(spelling: spelling, dossier: facts.dossier, processed: facts.processed?.seconds,
                        handedOver: facts.handedOver?.seconds, procedure: procedure))
        codeBytes.append(contentsOf: code)
        codeEnds.append(codeBytes.count)
        if rows.count == Self.rowsPerStatement { try write(full) }
    }

    /// Writes the rows still waiting (with a statement of their number).
    mutating func flush() throws {
        guard !rows.isEmpty else { return }
        try write(try db.makeStatement(sql: Self.insert(rows: rows.count)))
    }

    private mutating func write(_ statement: Statement) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        codeBytes.withUnsafeBufferPointer { codes in
            for (k, row) in rows.enumerated() {
                let first = Int32(k) * Self.cellsPerRow
                func bind(_ offset: Int32, _ value: Int64?) {
                    if let value { sqlite3_bind_int64(s, first + offset, value) } else { sqlite3_bind_null(s, first + offset) }
                }
                let line = Int64(row.dossier.source.line)
                bind(1, MotcuaStore.occurrenceKey(importID: importID, line: line))
                bind(2, importID)
                bind(3, line)
                let start = k == 0 ? 0 : codeEnds[k - 1]
                _ = sqlite3_bind_text(s, first + 4, UnsafeRawPointer(codes.baseAddress.map { $0 + start })?
                                        .assumingMemoryBound(to: CChar.self),
                                      Int32(codeEnds[k] - start), Self.transient)
                bind(5, row.spelling)
                MotcuaStore.bindState(s, at: first + 6, row.dossier)
                let after = 6 + Int32(MotcuaStore.stateCellNames.count)
                bind(after, row.processed)
                bind(after + 1, row.handedOver)
                bind(after + 2, row.procedure)
            }
        }
        let code = sqlite3_step(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        rows.removeAll(keepingCapacity: true)
        codeBytes.removeAll(keepingCapacity: true)
        codeEnds.removeAll(keepingCapacity: true)
    }

    /// SQLite's SQLITE_TRANSIENT (copy the bytes now), which Swift cannot import as a macro.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
