import Foundation
import GRDB
import GRDBSQLite
import Ingest

/// Reading stored rows into dossiers, and `current` on every core: a report over every import
/// reads one row per dossier, and SQLite's stepping and decoding are most of its time.
extension MotcuaStore {
    /// What a stored row needs to become a ``Dossier``: the tables read once at the start of
    /// the read, shared by the threads that read `current` side by side. The procedure is
    /// named afterwards, in row order, on the caller's thread (its ids are interned in order).
    struct RowDecoding: Sendable {
        var indexOfImport = DenseIDMap<Int32>()
        var spellings = DenseIDMap<(UnitID, UnitRegistry.SpellingID)>()
    }

    /// The rows of one rowid range of `current`: their dossiers (procedure not yet named) and
    /// the `procedure_id` of each (0: none), in rowid order.
    struct CurrentPart {
        var table: DossierTable
        var procedureRows: [Int64] = []
    }

    /// The columns every read of stored rows selects, in the order ``stepRows(_:sql:arguments:decoding:_:)`` reads them.
    static let rowColumns = "import_id, line, code, unit_spelling_id, procedure_id, \(packedStateColumns)"

    /// Steps `sql` (selecting ``rowColumns``) through SQLite's C API and calls `body` with each
    /// row's code bytes (valid during the call), its dossier and its `procedure_id` (0: none).
    /// Rows of an import `decoding` does not know are skipped (an import left out by `only`).
    static func stepRows(_ db: Database, sql: String, arguments: StatementArguments = [], decoding: RowDecoding,
                         _ body: (UnsafeBufferPointer<UInt8>, Dossier, Int64) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let s = statement.sqliteStatement
        let cells = SteppedCells(statement: s)
        while true {
            let step = sqlite3_step(s)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: step), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            guard let file = decoding.indexOfImport[sqlite3_column_int64(s, 0)] else { continue }
            guard let (unit, spelling) = decoding.spellings[sqlite3_column_int64(s, 3)] else { throw outOfVocabulary }
            let dossier = try Self.dossier(cells, at: 5, source: SourceLine(file: file, line: Int32(clamping: sqlite3_column_int64(s, 1))),
                                           unit: unit, spelling: spelling)
            try body(cells.bytes(2), dossier, sqlite3_column_int64(s, 4))
        }
    }

    /// Reads `current` into parts, one per rowid range, in rowid order: the first on `db` (the
    /// caller's read transaction), the others at the same time on read transactions of `pool`,
    /// on threads of their own. A side read that sees another revision of the store than `db`
    /// (an import or removal committed in between), or that fails, is read again on `db`.
    /// `parts`: how many ranges (tests); by default one per core (at most four) from some
    /// hundred thousand rows, where threads pay off, else one.
    /// `finish` is called on each part, in order, on the caller's thread, as soon as it is read:
    /// the first one's while the others are still being read.
    /// `atMost`: no more rows than that (the imports' accepted rows); with the span of rowids,
    /// it sizes the tables once.
    static func readCurrent(_ db: Database, pool: (any DatabaseReader)?, decoding: RowDecoding,
                            atMost: Int, parts: Int? = nil, finish: (inout CurrentPart) -> Void) throws -> [CurrentPart] {
        let revision = try Int64.fetchOne(db, sql: "SELECT n FROM revision")
        // Two queries: SQLite answers MIN or MAX alone from the b-tree's ends, both at once by a scan.
        guard let low = try Int64.fetchOne(db, sql: "SELECT MIN(rowid) FROM current"),
              let high = try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM current") else { return [] }
        let estimate = Int(clamping: min(high - low + 1, Int64(atMost)))
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let count = pool == nil ? 1 : max(1, parts ?? (estimate < 100_000 ? 1 : min(cores, 4)))
        // At most `count` ranges of `step` rowids, the last one shorter (fewer rows than ranges: fewer ranges).
        let step = (high - low) / Int64(count) + 1
        let ranges: [ClosedRange<Int64>] = stride(from: low, through: high, by: Int(step)).map { (start: Int64) in
            let end: Int64 = high - start < step ? high : start + step - 1
            return start...end
        }
        let share = estimate / ranges.count

        let sides = ranges.dropFirst().map { range in
            SideRead { () throws -> CurrentPart? in
                guard let pool else { return nil }
                return try pool.read { side -> CurrentPart? in
                    guard try Int64.fetchOne(side, sql: "SELECT n FROM revision") == revision else { return nil }
                    return try readCurrent(side, range: range, decoding: decoding, estimate: share)
                }
            }
        }
        // The first part grows into the whole table: room for every row.
        var parts = [try readCurrent(db, range: ranges[0], decoding: decoding, estimate: estimate)]
        finish(&parts[0])
        for (side, range) in zip(sides, ranges.dropFirst()) {
            var part = try side.wait() ?? readCurrent(db, range: range, decoding: decoding, estimate: share)
            finish(&part)
            parts.append(part)
        }
        return parts
    }

    private static func readCurrent(_ db: Database, range: ClosedRange<Int64>, decoding: RowDecoding,
                                    estimate: Int) throws -> CurrentPart {
        // Room for codes of up to 24 bytes (exports' are about 20): pages never written are never
        // taken, and longer codes grow the arena as usual.
        var part = CurrentPart(table: DossierTable(reservingCapacity: estimate, codeBytes: estimate * 24))
        part.procedureRows.reserveCapacity(estimate)
        // The codes of `current` are unique: appended without a lookup.
        try stepRows(db, sql: "SELECT \(rowColumns) FROM current WHERE rowid BETWEEN ? AND ?",
                     arguments: [range.lowerBound, range.upperBound], decoding: decoding) { code, dossier, procedure in
            part.table.appendUnique(code: code, dossier)
            part.procedureRows.append(procedure)
        }
        return part
    }
}

/// A read on a thread of its own, whose result (or error) the caller waits for. An error
/// gives nil: the caller reads the same rows itself and meets the error there, if it is one.
private final class SideRead<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Guards `result`: the semaphore orders the hand-over, the lock makes it visible to
    /// ThreadSanitizer too.
    private let lock = NSLock()
    private var result: Value?

    init(_ body: @escaping @Sendable () throws -> Value?) {
        Thread.detachNewThread {
            let value = try? body()
            self.lock.withLock { self.result = value }
            self.done.signal()
        }
    }

    /// The result, taken: the caller's copy is then the only one, so changing it (naming a
    /// part's procedures) does not copy a million dossiers first.
    func wait() -> Value? {
        done.wait()
        return lock.withLock {
            defer { result = nil }
            return result
        }
    }
}
