import GRDB
import GRDBSQLite
import Ingest

/// The columns of an occurrence that make a dossier's state, in one place: the import binds
/// them, every load reads them back, in this order. A table of current states or another
/// database follows the same list.
extension MotcuaStore {
    /// The state columns, in the order ``bindState(_:at:_:)`` binds and ``dossier(_:at:source:unit:spelling:field:procedure:)``
    /// reads them.
    static let stateColumnNames = [
        "channel", "status", "received", "due", "finished", "digitised_dossier", "digitised_result",
        // The optional service columns (migration v2): NULL where the occurrence's file lacks
        // the column; `service_known` says which it has, one bit each by ServiceField.
        "service_known", "paid_online", "fee_zero", "vneid", "reuse", "data_store", "supplements", "rating",
        "complaint", "apology", "routing",
    ]

    /// The state columns, for a SELECT.
    static let stateColumns = stateColumnNames.joined(separator: ", ")

    /// Binds the state of `d` to `s`, from parameter `first` on, in ``stateColumnNames`` order.
    ///
    /// An import binds a million rows: no array a row, and the ten service parameters of a row
    /// without a service column are left as they are when the row bound before had none either
    /// (SQLite keeps bindings across resets; `servicesAreNull` says what they hold).
    static func bindState(_ s: SQLiteStatement, at first: Int32, _ d: Dossier, servicesAreNull: inout Bool) {
        func bind(_ offset: Int32, _ value: Int64?) {
            if let value { sqlite3_bind_int64(s, first + offset, value) } else { sqlite3_bind_null(s, first + offset) }
        }
        bind(0, Int64(d.channel.rawValue))
        bind(1, Int64(d.status.rawValue))
        bind(2, d.received.seconds)
        bind(3, d.due?.seconds)
        bind(4, d.finished?.seconds)
        bind(5, d.digitisedDossier ? 1 : 0)
        bind(6, d.digitisedResult ? 1 : 0)
        let service = d.service
        bind(7, Int64(service.knownMask))
        if service.knownMask == 0 {
            if !servicesAreNull { for offset in 8...17 { bind(Int32(offset), nil) } }
            servicesAreNull = true
            return
        }
        servicesAreNull = false
        func known(_ field: ServiceField, _ value: Int64?) -> Int64? { service.knows(field) ? value : nil }
        bind(8, known(.paidOnline, service.paidOnline ? 1 : 0))
        bind(9, known(.fee, service.feeIsZero.map { $0 ? 1 : 0 }))
        bind(10, known(.vneid, service.vneid ? 1 : 0))
        bind(11, known(.reuse, service.reuse ? 1 : 0))
        bind(12, known(.dataStore, service.dataStore ? 1 : 0))
        bind(13, known(.supplements, Int64(service.supplements)))
        bind(14, known(.rating, service.rating.map(Int64.init)))
        bind(15, known(.complaint, service.complaint ? 1 : 0))
        bind(16, known(.apology, service.apology?.seconds))
        bind(17, known(.routing, Int64(service.routing.rawValue)))
    }

    /// The state a row read with ``stateReadColumns`` holds from column `offset` on (by index:
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

/// The state as every read takes it, from `current` as stored (migration v8) and from
/// `occurrence` packed by the query: `facts` (``PackedFacts``), then `received`, `due`,
/// `finished` and `apology` as stored. Five cells a row instead of eighteen: SQLite's stepping
/// and decoding of cells were most of a store report's time.
extension MotcuaStore {
    /// `current`'s state columns, in the order ``dossier(_:at:source:unit:spelling:field:procedure:)`` reads them.
    static let stateReadColumns = "facts, received, due, finished, apology"

    /// The same five from the state columns of `occurrence` (alias `table`): what an import
    /// merges into `current`, and what reads of occurrences select.
    static func stateReadColumns(packing table: String) -> String {
        "\(PackedFacts.sql(table)) AS facts, \(table).received, \(table).due, \(table).finished, " +
            "CASE WHEN \(table).service_known = 0 THEN NULL ELSE \(table).apology END AS apology"
    }
}
