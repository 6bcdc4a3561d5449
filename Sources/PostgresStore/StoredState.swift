import Ingest
import PostgresNIO
import Store

/// Every dossier's winning state, read from a PostgreSQL store into the shape raw files give
/// (``Ingest/DossierSet``), through the one as-of merger (``Ingest/AsOfMerger``).
enum StoredState {
    /// Over every import: one row per dossier from `current`, the units named by
    /// `spelling_latest`; `batched`: many rows a result row (``PackedBatches``), else one.
    static func current(imports: [ImportRecord], aliases: UnitAliases, batched: Bool,
                        on connection: PostgresConnection) async throws -> DossierSet {
        var reading = try await Reading(imports: imports, aliases: aliases, only: nil, on: connection)
        for try await (id, name, importID, line) in try await connection.query("""
            SELECT s.id, s.name, l.import_id, l.line FROM spelling_latest l JOIN unit_spelling s ON s.id = l.unit_spelling_id
            """, logger: PostgresSession.logger).decode((Int64, String, Int64, Int32).self) {
            guard let (unit, spelling) = try reading.intern(id, name) else { continue }
            reading.merger.offerSpelling(spelling, of: unit, at: SourceLine(file: try reading.file(of: importID), line: line))
        }
        var table = DossierTable()
        // `current` holds one row per code: each is appended without a lookup.
        func append(code: ByteBuffer, state: ByteBuffer) throws {
            let dossier = try reading.dossier(PackedState(state))
            code.withUnsafeReadableBytes { table.appendUnique(code: $0.assumingMemoryBound(to: UInt8.self), dossier) }
        }
        if batched {
            for try await row in try await connection.query(PackedBatches.query, logger: PostgresSession.logger) {
                var cells = RowCells(row)
                guard var batch = try cells.bytea() else { continue }
                while batch.readableBytes > 0 {
                    let (code, state) = try PackedBatches.next(in: &batch)
                    try append(code: code, state: state)
                }
            }
        } else {
            for try await row in try await connection.query("""
                SELECT code, \(unescaped: PostgresStateColumns.packed()) FROM current
                """, logger: PostgresSession.logger) {
                var cells = RowCells(row)
                try append(code: try cells.textBytes(), state: try cells.textBytes())
            }
        }
        reading.merger.offer(table, occurrences: imports.reduce(0) { $0 + $1.accepted })
        return try await reading.result(on: connection)
    }

    /// Over the imports given (a subset): from their occurrences, as raw files are read.
    static func derived(imports: [ImportRecord], aliases: UnitAliases,
                        on connection: PostgresConnection) async throws -> DossierSet {
        let ids = imports.compactMap(\.id)
        var reading = try await Reading(imports: imports, aliases: aliases, only: ids, on: connection)
        for try await (id, name) in try await connection.query(
            "SELECT id, name FROM unit_spelling", logger: PostgresSession.logger
        ).decode((Int64, String).self) {
            reading.names[id] = name
        }
        let rows = try await connection.query("""
            SELECT code, \(unescaped: PostgresStateColumns.packed()) FROM occurrence WHERE import_id = ANY(\(ids)::bigint[])
            """, logger: PostgresSession.logger)
        for try await row in rows {
            var cells = RowCells(row)
            let code = try cells.textBytes()
            let dossier = try reading.dossier(PackedState(try cells.textBytes()))
            code.withUnsafeReadableBytes { reading.merger.offer(code: $0.assumingMemoryBound(to: UInt8.self), dossier) }
            reading.merger.offerSpelling(dossier.unitSpelling, of: dossier.unit, at: dossier.source)
        }
        return try await reading.result(on: connection)
    }

    /// What a read needs besides the rows: the imports' ranks and indexes, the units and fields.
    private struct Reading {
        let imports: [ImportRecord]
        let only: [Int64]?
        var merger = AsOfMerger()
        var indexOfImport = DenseIDMap<Int32>()
        let units: UnitRegistry
        let fields = UnitRegistry()
        var spellings = DenseIDMap<(UnitID, UnitRegistry.SpellingID)>()
        var fieldOfProcedure = DenseIDMap<FieldID>()
        /// Procedures by MaTTHC, interned as raw files intern them.
        let procedures = ProcedureRegistry()
        var procedureOf = DenseIDMap<ProcedureID>()

        init(imports: [ImportRecord], aliases: UnitAliases, only: [Int64]?, on connection: PostgresConnection) async throws {
            self.imports = imports
            self.only = only
            units = UnitRegistry(aliases: aliases)
            for (index, record) in imports.enumerated() {
                if let id = record.id { indexOfImport[id] = Int32(index) }
                merger.addInput(FileRank(asOf: record.asOf.map(LocalMoment.init(seconds:)), name: record.fileName))
            }
            // The fields and codes of procedures the imports name: a field's name is the first
            // of its spellings in code-point order over every occurrence, as from raw files.
            let rows = try await connection.query("""
                SELECT DISTINCT p.id, NULLIF(p.field_name, ''), p.procedure_code FROM procedure p
                JOIN import_procedure ip ON ip.procedure_id = p.id
                WHERE \(only)::bigint[] IS NULL OR ip.import_id = ANY(\(only)::bigint[])
                """, logger: PostgresSession.logger)
            for try await (id, name, code) in rows.decode((Int64, String?, String).self) {
                fieldOfProcedure[id] = name.flatMap { fields.intern($0) }.map { FieldID(rawValue: $0.0.rawValue) } ?? .unknown
                procedureOf[id] = procedures.intern(code)
            }
            if max(imports.count, fields.unitCount, procedures.codes.count) > Dossier.idLimit { throw TooManyNames() }
        }

        /// The text of every unit spelling, when occurrences name spellings outside
        /// `spelling_latest` (reading a subset of imports).
        var names: [Int64: String] = [:]

        /// The dossier a row's packed state is, its ids resolved.
        mutating func dossier(_ state: PackedState) throws -> Dossier {
            let source = SourceLine(file: try file(of: state.importID), line: state.line)
            let spellingID = state.spellingID
            guard let (unit, spelling) = try spellings[spellingID] ?? names[spellingID].flatMap({ try intern(spellingID, $0) }) else {
                throw UnexpectedReply("a dossier's unit spelling is not stored")
            }
            let procedure = state.procedureID
            return try state.dossier(source: source, unit: unit, spelling: spelling, field: field(of: procedure),
                                     procedure: procedure.flatMap { procedureOf[$0] } ?? .none)
        }

        mutating func intern(_ id: Int64, _ name: String) throws -> (UnitID, UnitRegistry.SpellingID)? {
            if let known = spellings[id] { return known }
            guard units.spellings.count < Dossier.idLimit else { throw TooManyNames() }
            guard let interned = units.intern(name) else { return nil }
            spellings[id] = interned
            return interned
        }

        func file(of importID: Int64) throws -> Int32 {
            guard let file = indexOfImport[importID] else { throw UnexpectedReply("a row of an import that is not stored") }
            return file
        }

        func field(of procedure: Int64?) -> FieldID {
            procedure.flatMap { fieldOfProcedure[$0] } ?? .unknown
        }

        /// The set, with each import's rejected rows counted by reason.
        func result(on connection: PostgresConnection) async throws -> DossierSet {
            var inputs = imports.map(\.summary)
            for try await (importID, reason, count) in try await connection.query("""
                SELECT import_id, reason_code, count(*) FROM reject GROUP BY import_id, reason_code
                """, logger: PostgresSession.logger).decode((Int64, String, Int64).self) {
                guard let index = indexOfImport[importID], let reason = RejectReason(rawValue: reason) else { continue }
                inputs[Int(index)].rejectsByReason[reason] = Int(count)
            }
            return merger.dossierSet(units: units, fields: fields, procedures: procedures.codes, inputs: inputs)
        }
    }
}
