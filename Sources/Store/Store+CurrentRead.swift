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

    /// The columns a read of `current` selects, in the order ``stepRows(_:sql:arguments:decoding:_:)`` reads them.
    static let currentRowColumns = "occurrence_id, code, unit_spelling_id, procedure_id, \(stateCells())"

    /// The same from the rows of `occurrence` (alias `o`).
    static let occurrenceRowColumns = "o.id, o.code, o.unit_spelling_id, o.procedure_id, \(stateCells(of: "o"))"

    /// Steps `sql` (selecting ``currentRowColumns`` or ``occurrenceRowColumns``) through SQLite's C API and calls `body` with each
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
            // The occurrence's key: (import id << 32) | line.
            let key = sqlite3_column_int64(s, 0)
            guard let file = decoding.indexOfImport[key >> 32] else { continue }
            guard let (unit, spelling) = decoding.spellings[sqlite3_column_int64(s, 2)] else { throw outOfVocabulary }
            let dossier = try Self.dossier(cells, at: 4, source: SourceLine(file: file, line: Int32(truncatingIfNeeded: key)),
                                           unit: unit, spelling: spelling)
            try body(cells.bytes(1), dossier, sqlite3_column_int64(s, 3))
        }
    }

    /// Reads `current` in parts, one per rowid range, in rowid order: the first on `db` (the
    /// caller's read transaction), the others at the same time on read transactions of `pool`,
    /// on threads of their own (one a core but the caller's, at most four in all). A side read
    /// that sees another revision of the store than `db` (an import or removal committed in
    /// between), or that fails, is read again on `db`.
    /// `finish` is called on each part, in order, on the caller's thread, as soon as it is read
    /// and the ones before it are finished (the caller appends it to the first: a copy).
    /// So the caller's own range is a little smaller than the others', and the other threads
    /// read theirs in a few consecutive parts: the caller appends the first of them while the
    /// last are still being read, instead of all of them once every thread is done.
    /// `parts`: exactly that many ranges of even size (tests); by default several from some
    /// hundred thousand rows, where threads pay off, else one.
    /// `atMost`: no more rows than that (the imports' accepted rows); with the span of rowids,
    /// it sizes the tables once.
    static func readCurrent(_ db: Database, pool: (any DatabaseReader)?, decoding: RowDecoding,
                            atMost: Int, parts: Int? = nil, finish: (inout CurrentPart) -> Void) throws {
        let revision = try Int64.fetchOne(db, sql: "SELECT n FROM revision")
        // Two queries: SQLite answers MIN or MAX alone from the b-tree's ends, both at once by a scan.
        guard let low = try Int64.fetchOne(db, sql: "SELECT MIN(rowid) FROM current"),
              let high = try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM current") else { return }
        let estimate = Int(clamping: min(high - low + 1, Int64(atMost)))
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let threads = pool == nil ? 1 : max(1, parts.map { min($0, max(cores, 2)) } ?? (estimate < 100_000 ? 1 : min(cores, 4)))
        // The caller's share of the rows, then each side part's.
        let shares: [Double]
        if let parts, pool != nil {
            shares = Array(repeating: 1 / Double(max(1, parts)), count: max(1, parts))
        } else if threads == 1 {
            shares = [1]
        } else {
            // Appending a part costs about a tenth of reading it (measured: 1M rows read in
            // 450 ms on one core, appended in 60 ms).
            let own = 0.95 / Double(threads)
            let sideParts = (threads - 1) * 6
            shares = [own] + Array(repeating: (1 - own) / Double(sideParts), count: sideParts)
        }
        let ranges = Self.ranges(low...high, shares: shares)
        let share = estimate / max(1, ranges.count)

        // Depth 2: a part and its end, so that a thread goes on to its next part at once.
        let producers: [Pipeline<CurrentPart?>.Producer] = ranges.dropFirst().map { range in
            { send in
                let part = try? pool?.read { side -> CurrentPart? in
                    guard try Int64.fetchOne(side, sql: "SELECT n FROM revision") == revision else { return nil }
                    return try readCurrent(side, range: range, decoding: decoding, estimate: share)
                }
                _ = send(part ?? nil)
            }
        }
        let sides = producers.isEmpty ? nil
            : Pipeline(depth: 2, threads: threads - 1, ahead: producers.count, producers: producers)
        // The first part grows into the whole table: room for every row.
        var first = try readCurrent(db, range: ranges[0], decoding: decoding, estimate: estimate)
        finish(&first)
        for range in ranges.dropFirst() {
            let read = try? sides?.next()
            var part = try (read ?? nil) ?? readCurrent(db, range: range, decoding: decoding, estimate: share)
            finish(&part)
        }
    }

    /// `span` cut into consecutive ranges in proportion to `shares` (fewer when it holds fewer
    /// rowids than shares).
    static func ranges(_ span: ClosedRange<Int64>, shares: [Double]) -> [ClosedRange<Int64>] {
        let length = Double(span.upperBound - span.lowerBound + 1)
        var ranges: [ClosedRange<Int64>] = []
        var start = span.lowerBound
        var covered = 0.0
        for (index, share) in shares.enumerated() where start <= span.upperBound {
            covered += share
            let end = index == shares.count - 1 ? span.upperBound
                : min(span.upperBound, span.lowerBound + Int64((length * covered).rounded(.down)) - 1)
            guard end >= start else { continue }
            ranges.append(start...end)
            start = end + 1
        }
        return ranges
    }

    private static func readCurrent(_ db: Database, range: ClosedRange<Int64>, decoding: RowDecoding,
                                    estimate: Int) throws -> CurrentPart {
        // Room for codes of up to 24 bytes packed (exports' pack into 10 to 14): pages never
        // written are never taken, and longer codes grow the arena as usual.
        var part = CurrentPart(table: DossierTable(reservingCapacity: estimate, codeBytes: estimate * 24))
        part.procedureRows.reserveCapacity(estimate)
        // The codes of `current` are unique: appended without a lookup.
        try stepRows(db, sql: "SELECT \(currentRowColumns) FROM current WHERE rowid BETWEEN ? AND ?",
                     arguments: [range.lowerBound, range.upperBound], decoding: decoding) { code, dossier, procedure in
            part.table.appendUnique(code: code, dossier)
            part.procedureRows.append(procedure)
        }
        return part
    }
}
