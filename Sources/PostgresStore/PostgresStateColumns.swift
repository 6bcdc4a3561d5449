import Ingest

/// The columns of an occurrence that make a dossier's state, in one place: `occurrence` and
/// `current` both hold them, imports write them (``write(_:spelling:procedure:to:)``), the
/// current-state merge copies them, every read takes them back (``dossier(_:source:unit:spelling:field:procedure:)``),
/// in this order. The PostgreSQL twin of the SQLite store's `stateColumnNames`.
enum PostgresStateColumns {
    /// The dictionary ids first (a read resolves them before it makes the dossier), then the
    /// state proper; the optional service columns last (migration v2: NULL where the
    /// occurrence's file lacks the column, `service_known` saying which it has).
    static let names = [
        "unit_spelling_id", "procedure_id",
        "channel", "status", "received", "due", "finished", "digitised_dossier", "digitised_result",
        "service_known", "paid_online", "fee_zero", "vneid", "reuse", "data_store", "supplements", "rating",
        "complaint", "apology", "routing",
    ]

    /// The columns for a SELECT or an INSERT's list, each after `prefix` (`o.` for a table alias).
    static func list(_ prefix: String = "") -> String {
        names.map { prefix + $0 }.joined(separator: ", ")
    }

    /// Writes the state of `d` in ``names`` order, as COPY text.
    static func write(_ d: Dossier, spelling: Int64, procedure: Int64?, to text: inout CopyText) {
        text.integer(spelling)
        text.integer(procedure)
        text.integer(d.channel.rawValue)
        text.integer(d.status.rawValue)
        text.integer(d.received.seconds)
        text.integer(d.due?.seconds)
        text.integer(d.finished?.seconds)
        text.boolean(d.digitisedDossier)
        text.boolean(d.digitisedResult)
        let service = d.service
        func known<T>(_ field: ServiceField, _ value: T?) -> T? { service.knows(field) ? value : nil }
        text.integer(service.knownMask)
        text.boolean(known(.paidOnline, service.paidOnline))
        text.boolean(known(.fee, service.feeIsZero))
        text.boolean(known(.vneid, service.vneid))
        text.boolean(known(.reuse, service.reuse))
        text.boolean(known(.dataStore, service.dataStore))
        text.integer(known(.supplements, service.supplements))
        text.integer(known(.rating, service.rating))
        text.boolean(known(.complaint, service.complaint))
        text.integer(known(.apology, service.apology?.seconds))
        text.integer(known(.routing, service.routing.rawValue))
    }

    /// The state in a row's cells from `channel` on (the ids before it already read).
    static func dossier(_ cells: inout RowCells, source: SourceLine, unit: UnitID = UnitID(rawValue: 0),
                        spelling: UnitRegistry.SpellingID = .none, field: FieldID = .unknown,
                        procedure: ProcedureID = .none) throws -> Dossier {
        guard let channel = UInt8(exactly: try cells.requiredInteger()).flatMap(Channel.init(rawValue:)),
              let status = UInt8(exactly: try cells.requiredInteger()).flatMap(Status.init(rawValue:)) else {
            throw UnexpectedReply("an occurrence out of vocabulary")
        }
        let received = LocalMoment(seconds: try cells.requiredInteger())
        let due = try cells.integer().map(LocalMoment.init(seconds:))
        let finished = try cells.integer().map(LocalMoment.init(seconds:))
        let digitised = (try cells.boolean(), try cells.boolean())
        var service = ServiceFacts()
        let mask = try cells.requiredInteger()
        for field in ServiceField.allCases where mask & (1 << field.rawValue) != 0 { service.setKnown(field) }
        service.paidOnline = try cells.optionalBoolean() ?? false
        service.feeIsZero = try cells.optionalBoolean()
        service.vneid = try cells.optionalBoolean() ?? false
        service.reuse = try cells.optionalBoolean() ?? false
        service.dataStore = try cells.optionalBoolean() ?? false
        service.supplements = Int(try cells.integer() ?? 0)
        service.rating = try cells.integer().map { UInt8(clamping: $0) }
        service.complaint = try cells.optionalBoolean() ?? false
        service.apology = try cells.integer().map(LocalMoment.init(seconds:))
        service.routing = Routing(rawValue: UInt8(clamping: try cells.integer() ?? 0)) ?? .none
        return Dossier(unit: unit, channel: channel, status: status, received: received, due: due, finished: finished,
                       digitisedDossier: digitised.0, digitisedResult: digitised.1, source: source, field: field,
                       unitSpelling: spelling, procedure: procedure, service: service)
    }
}
