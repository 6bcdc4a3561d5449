import Ingest
import NIOCore
import Store

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

    /// A row's state as one `bytea` the server builds (each column after `prefix`): what a read
    /// selects instead of the columns, taken apart by ``PackedState``. Why: postgres-nio's cost
    /// is per cell, and a report reads a million rows; two cells a row (the code and this)
    /// instead of twenty-three. Big-endian integers, in this order: import id (8 bytes), line (4),
    /// unit spelling id (8), procedure id (8, 0 when NULL), channel (2), status (2), received
    /// (8), due (8), finished (8), service_known (2), the service columns packed by
    /// ``ServicePacking`` (8), apology (8),
    /// then a flags word (2): NULL procedure, due, finished, apology; the two digitised flags.
    static func packed(_ prefix: String = "") -> String {
        func column(_ name: String) -> String { prefix + name }
        let service = ServicePacking.sql { "\(column($0))::int" }
        let flags = ["\(column("procedure_id")) IS NULL", "\(column("due")) IS NULL", "\(column("finished")) IS NULL",
                     "\(column("apology")) IS NULL", column("digitised_dossier"), column("digitised_result")]
            .enumerated().map { "(CASE WHEN \($1) THEN \(1 << $0) ELSE 0 END)" }.joined(separator: " | ")
        return [
            "int8send(\(column("import_id")))", "int4send(\(column("line")))", "int8send(\(column("unit_spelling_id")))",
            "int8send(COALESCE(\(column("procedure_id")), 0))", "int2send(\(column("channel")))", "int2send(\(column("status")))",
            "int8send(\(column("received")))", "int8send(COALESCE(\(column("due")), 0))", "int8send(COALESCE(\(column("finished")), 0))",
            "int2send(\(column("service_known")))", "int8send((\(service))::bigint)", "int8send(COALESCE(\(column("apology")), 0))",
            "int2send((\(flags))::smallint)",
        ].joined(separator: " || ")
    }
}

/// A row's state as ``PostgresStateColumns/packed(_:)`` builds it.
struct PackedState {
    private let bytes: ByteBuffer
    static let size = 76

    init(_ bytes: ByteBuffer) throws {
        guard bytes.readableBytes == Self.size else { throw UnexpectedReply("a packed state of \(bytes.readableBytes) bytes") }
        self.bytes = bytes
    }

    private func integer<T: FixedWidthInteger>(at offset: Int, as type: T.Type) -> T {
        bytes.getInteger(at: bytes.readerIndex + offset, as: T.self) ?? 0
    }

    /// Whether the flags word has `bit` (1, 2, 4, 8: procedure, due, finished, apology NULL;
    /// 16, 32: digitised dossier, result).
    private func has(_ bit: UInt16) -> Bool { integer(at: 74, as: UInt16.self) & bit != 0 }

    var importID: Int64 { integer(at: 0, as: Int64.self) }
    var line: Int32 { integer(at: 8, as: Int32.self) }
    var spellingID: Int64 { integer(at: 12, as: Int64.self) }
    var procedureID: Int64? { has(1) ? nil : integer(at: 20, as: Int64.self) }

    /// The dossier this state is, named as the caller has resolved its ids.
    func dossier(source: SourceLine, unit: UnitID = UnitID(rawValue: 0), spelling: UnitRegistry.SpellingID = .none,
                 field: FieldID = .unknown, procedure: ProcedureID = .none) throws -> Dossier {
        guard let channel = UInt8(exactly: integer(at: 28, as: Int16.self)).flatMap(Channel.init(rawValue:)),
              let status = UInt8(exactly: integer(at: 30, as: Int16.self)).flatMap(Status.init(rawValue:)) else {
            throw UnexpectedReply("an occurrence out of vocabulary")
        }
        func moment(_ offset: Int, nullBit: UInt16) -> LocalMoment? {
            has(nullBit) ? nil : LocalMoment(seconds: integer(at: offset, as: Int64.self))
        }
        let service = ServicePacking.facts(mask: Int(integer(at: 56, as: Int16.self)), packed: integer(at: 58, as: Int64.self),
                                           apology: moment(66, nullBit: 8))
        return Dossier(unit: unit, channel: channel, status: status, received: LocalMoment(seconds: integer(at: 32, as: Int64.self)),
                       due: moment(40, nullBit: 2), finished: moment(48, nullBit: 4),
                       digitisedDossier: has(16), digitisedResult: has(32), source: source, field: field,
                       unitSpelling: spelling, procedure: procedure, service: service)
    }
}
