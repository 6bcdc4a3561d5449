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
    static func bindState(_ s: SQLiteStatement, at first: Int32, _ d: Dossier) {
        let service = d.service
        func known(_ field: ServiceField, _ value: Int64?) -> Int64? { service.knows(field) ? value : nil }
        let values: [Int64?] = [
            Int64(d.channel.rawValue), Int64(d.status.rawValue), d.received.seconds, d.due?.seconds, d.finished?.seconds,
            d.digitisedDossier ? 1 : 0, d.digitisedResult ? 1 : 0,
            Int64(service.knownMask), known(.paidOnline, service.paidOnline ? 1 : 0),
            known(.fee, service.feeIsZero.map { $0 ? 1 : 0 }), known(.vneid, service.vneid ? 1 : 0),
            known(.reuse, service.reuse ? 1 : 0), known(.dataStore, service.dataStore ? 1 : 0),
            known(.supplements, Int64(service.supplements)), known(.rating, service.rating.map(Int64.init)),
            known(.complaint, service.complaint ? 1 : 0), known(.apology, service.apology?.seconds),
            known(.routing, Int64(service.routing.rawValue)),
        ]
        for (offset, value) in values.enumerated() {
            let index = first + Int32(offset)
            if let value { sqlite3_bind_int64(s, index, value) } else { sqlite3_bind_null(s, index) }
        }
    }

    /// The state an occurrence row holds in ``stateColumns``, from column `offset` on (by index:
    /// a report reads millions of rows).
    static func dossier(_ row: Row, at offset: Int, source: SourceLine, unit: UnitID = UnitID(rawValue: 0),
                        spelling: UnitRegistry.SpellingID = .none, field: FieldID = .unknown,
                        procedure: ProcedureID = .none) throws -> Dossier {
        guard let channel = Channel(rawValue: row[offset]), let status = Status(rawValue: row[offset + 1]) else {
            throw outOfVocabulary
        }
        var service = ServiceFacts()
        let mask: Int = row[offset + 7]
        for field in ServiceField.allCases where mask & (1 << field.rawValue) != 0 { service.setKnown(field) }
        if mask != 0 {
            let flag = { (i: Int) -> Bool in (row[offset + i] as Int64?) == 1 }
            service.paidOnline = flag(8)
            service.feeIsZero = (row[offset + 9] as Int64?).map { $0 == 1 }
            service.vneid = flag(10)
            service.reuse = flag(11)
            service.dataStore = flag(12)
            service.supplements = Int((row[offset + 13] as Int64?) ?? 0)
            service.rating = (row[offset + 14] as Int64?).map { UInt8(clamping: $0) }
            service.complaint = flag(15)
            service.apology = (row[offset + 16] as Int64?).map(LocalMoment.init(seconds:))
            service.routing = Routing(rawValue: UInt8(clamping: (row[offset + 17] as Int64?) ?? 0)) ?? .none
        }
        return Dossier(unit: unit, channel: channel, status: status, received: LocalMoment(seconds: row[offset + 2]),
                       due: (row[offset + 3] as Int64?).map(LocalMoment.init(seconds:)),
                       finished: (row[offset + 4] as Int64?).map(LocalMoment.init(seconds:)),
                       digitisedDossier: row[offset + 5], digitisedResult: row[offset + 6],
                       source: source, field: field, unitSpelling: spelling, procedure: procedure, service: service)
    }

    static var outOfVocabulary: DatabaseError {
        DatabaseError(resultCode: .SQLITE_CORRUPT, message: "occurrence out of vocabulary")
    }
}
