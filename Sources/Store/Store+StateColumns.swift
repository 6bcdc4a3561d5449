import GRDB
import GRDBSQLite
import Ingest

/// A dossier's state as the store keeps it, in one place: the import binds it, every read
/// decodes it, in this order; `occurrence` and `current` hold the same cells.
extension MotcuaStore {
    /// The state columns of `occurrence` and `current` before v8 (v1's, then v2's optional
    /// service columns): what the migrations up to v7 made, and what v8 packs.
    static let stateColumnNames = [
        "channel", "status", "received", "due", "finished", "digitised_dossier", "digitised_result",
        "service_known", "paid_online", "fee_zero", "vneid", "reuse", "data_store", "supplements", "rating",
        "complaint", "apology", "routing",
    ]

    /// The state's cells (v8), in the order ``bindState(_:at:_:)`` binds and
    /// ``dossier(_:at:source:unit:spelling:field:procedure:)`` reads them: the small facts packed
    /// (``PackedFacts``), then the dates, the apology's NULL unless the file had a service column.
    static let stateCellNames = ["facts", "received", "due", "finished", "apology"]

    /// ``stateCellNames`` for a SELECT from `table` (a name or alias), or unqualified.
    static func stateCells(of table: String? = nil) -> String {
        stateCellNames.map { name in table.map { "\($0).\(name)" } ?? name }.joined(separator: ", ")
    }

    /// Binds the state of `d` to `s`, from parameter `first` on, in ``stateCellNames`` order.
    static func bindState(_ s: SQLiteStatement, at first: Int32, _ d: Dossier) {
        func bind(_ offset: Int32, _ value: Int64?) {
            if let value { sqlite3_bind_int64(s, first + offset, value) } else { sqlite3_bind_null(s, first + offset) }
        }
        bind(0, PackedFacts(d).rawValue)
        bind(1, d.received.seconds)
        bind(2, d.due?.seconds)
        bind(3, d.finished?.seconds)
        bind(4, d.service.knows(.apology) ? d.service.apology?.seconds : nil)
    }

    /// The state a row read with ``stateCells(of:)`` holds from column `offset` on (by index:
    /// a report reads millions of rows).
    static func dossier<Cells: StateCells>(_ row: Cells, at offset: Int, source: SourceLine, unit: UnitID = UnitID(rawValue: 0),
                                           spelling: UnitRegistry.SpellingID = .none, field: FieldID = .unknown,
                                           procedure: ProcedureID = .none) throws -> Dossier {
        func value(_ i: Int) -> Int64? { row.int(offset + i) }
        // NULL reads as 0, which no channel or status is: a row edited by hand is refused.
        let facts = PackedFacts(rawValue: row.intOrZero(offset))
        guard let channel = facts.channel, let status = facts.status, let received = value(1) else {
            throw outOfVocabulary
        }
        // The apology is asked for only when the row's file had a service column (few do).
        let service = facts.serviceKnown == 0 ? ServiceFacts()
            : ServicePacking.facts(mask: facts.serviceKnown, packed: facts.servicePacked,
                                   apology: value(4).map(LocalMoment.init(seconds:)))
        return Dossier(unit: unit, channel: channel, status: status, received: LocalMoment(seconds: received),
                       due: value(2).map(LocalMoment.init(seconds:)), finished: value(3).map(LocalMoment.init(seconds:)),
                       digitisedDossier: facts.digitisedDossier, digitisedResult: facts.digitisedResult,
                       source: source, field: field, unitSpelling: spelling, procedure: procedure, service: service)
    }

    static var outOfVocabulary: DatabaseError {
        DatabaseError(resultCode: .SQLITE_CORRUPT, message: "occurrence out of vocabulary")
    }
}

/// Integer cells of a result row, by index: a GRDB `Row`, or a statement stepped through
/// SQLite's C API (a report's million rows, without a `Row` each).
protocol StateCells {
    func int(_ index: Int) -> Int64?
    /// The cell as an integer, 0 for NULL.
    func intOrZero(_ index: Int) -> Int64
}

extension Row: StateCells {
    func int(_ index: Int) -> Int64? { self[index] }
    func intOrZero(_ index: Int) -> Int64 { self[index] ?? 0 }
}

/// The current row of a statement being stepped.
struct SteppedCells: StateCells {
    let statement: SQLiteStatement

    /// One SQLite call a cell: SQLite reads NULL as 0, and only a 0 is asked whether it was
    /// NULL (a report reads millions of cells; two calls each were a twentieth of it, and
    /// `IFNULL` in the query cost about what it saved).
    func int(_ index: Int) -> Int64? {
        let column = Int32(index)
        let value = sqlite3_column_int64(statement, column)
        if value != 0 { return value }
        return sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : 0
    }

    func intOrZero(_ index: Int) -> Int64 { sqlite3_column_int64(statement, Int32(index)) }

    /// A text cell's UTF-8 bytes, valid until the next step.
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let column = Int32(index)
        let text = sqlite3_column_text(statement, column)
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
    }
}
