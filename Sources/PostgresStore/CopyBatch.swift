import Ingest
import NIOCore
import Store

/// Up to `capacity` rows of an export being imported into PostgreSQL: the accepted ones
/// already in COPY text for `occurrence`, the rejected ones as read, and the unit spellings and
/// procedures seen for the first time.
///
/// Made on the reader's thread (a ``Pipeline``), so that reading, the row rules and encoding
/// overlap with sending. Dictionary ids come from their text (``DictionaryEntry``), so rows
/// go to `occurrence` as they are read. The last batch, sent even when empty, carries the
/// file's totals.
struct CopyBatch: Sendable {
    static let capacity = 8192

    /// The columns of `occurrence`, in the order each row is written.
    static let columns = ["import_id", "line", "code", "processed", "handed_over"] + PostgresStateColumns.names

    var rows = ByteBuffer()
    var accepted = 0
    var rejects: [(reject: Reject, code: String?)] = []
    var newSpellings: [DictionaryEntry] = []
    var newProcedures: [DictionaryEntry] = []
    /// How much of the file had been read when the batch was sent (0…1).
    var fraction = 0.0
    /// The totals so far: the last batch's are the file's.
    var rowsRead = 0
    var blankRecords = 0
    var asOf: LocalMoment?
    /// In the last batch: each unit spelling's id and its last line in the file, and the lines
    /// whose dossier comes again further down (only the last line of a dossier is its state).
    var latestSpellings: [(id: Int64, line: Int32)] = []
    var supersededLines: [Int32] = []

    /// Reads every row of `reader` into batches of rows for import `importID`.
    static func producer(_ reader: ExportReader, importID: Int64) -> Pipeline<CopyBatch>.Producer {
        { send throws(IngestError) in
            var text = CopyText(capacity: capacity * 144)
            var procedures = ProcedureIDs()
            var spellings: [(id: Int64, line: Int32)?] = []  // by the reader's spelling number
            var latest = DossierTable()
            var superseded: [Int32] = []
            var asOf: LocalMoment?
            var batch = CopyBatch()
            while let row = try reader.next() {
                reader.withCodeHashesAhead { latest.warm($0) }
                switch row.outcome {
                case .accepted(let facts):
                    // Spellings are numbered by the file's unit registry, which also sees
                    // rejected rows: a spelling is new here at its first accepted row.
                    let number = Int(facts.unitSpelling.rawValue)
                    if number >= spellings.count { spellings += Array(repeating: nil, count: number + 1 - spellings.count) }
                    let line = facts.dossier.source.line
                    let spelling = spellings[number]?.id ?? {
                        let entry = DictionaryEntry(spelling: reader.units.text(of: facts.unitSpelling))
                        batch.newSpellings.append(entry)
                        return entry.id
                    }()
                    spellings[number] = (spelling, line)
                    _ = row.withCode { code in
                        latest.upsert(code: code, hash: row.codeHash, facts.dossier) { held in
                            superseded.append(held.source.line)
                            return true
                        }
                    }
                    if asOf.map({ $0 < facts.latestMoment }) ?? true { asOf = facts.latestMoment }
                    let procedure = procedures.id(of: row) { batch.newProcedures.append($0) }
                    write(row, facts, importID: importID, spelling: spelling, procedure: procedure, to: &text)
                    batch.accepted += 1
                case .rejected(let reject):
                    let code = row.code
                    batch.rejects.append((reject, code.isEmpty ? nil : code))
                }
                if batch.accepted + batch.rejects.count == capacity {
                    batch.fraction = reader.byteCount > 0 ? min(1, Double(row.position.byte) / Double(reader.byteCount)) : 1
                    batch.finish(reader, text: &text, asOf: asOf)
                    guard send(batch) else { return }
                    batch = CopyBatch()
                }
            }
            batch.fraction = 1
            batch.finish(reader, text: &text, asOf: asOf)
            batch.latestSpellings = spellings.compactMap { $0 }
            batch.supersededLines = superseded
            _ = send(batch)
        }
    }

    private mutating func finish(_ reader: ExportReader, text: inout CopyText, asOf: LocalMoment?) {
        rows = text.take()
        rowsRead = reader.rowsRead
        blankRecords = reader.blankRecords
        self.asOf = asOf
    }

    /// One row of `occurrence`, in ``columns`` order.
    private static func write(_ row: ExportRow, _ facts: RowFacts, importID: Int64, spelling: Int64, procedure: Int64?,
                              to text: inout CopyText) {
        let d = facts.dossier
        text.integer(importID)
        text.integer(d.source.line)
        row.withCode { text.text($0) }
        text.integer(facts.processed?.seconds)
        text.integer(facts.handedOver?.seconds)
        PostgresStateColumns.write(d, spelling: spelling, procedure: procedure, to: &text)
        text.endRow()
    }
}

/// The procedures of one file (MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc as read) and their ids:
/// a cache hit per row keyed by the four fields' bytes.
struct ProcedureIDs {
    private var cache = ByteKeyedCache<Int64>(capacity: 1 << 16)
    /// Past the cache's capacity (hostile files): every key, at the cost of an array per row.
    private var overflow: [[UInt8]: Int64] = [:]
    private var key: [UInt8] = []

    /// nil when the row has none of the four fields; `new` sees a procedure's first appearance.
    /// Keyed by ``ProcedureKey``: no two procedures share one.
    mutating func id(of row: ExportRow, new: (DictionaryEntry) -> Void) -> Int64? {
        guard ProcedureKey.write(row, into: &key) else { return nil }
        if let known = key.withUnsafeBufferPointer({ cache.lookup($0) }) ?? overflow[key] { return known }
        let entry = DictionaryEntry(key: key, texts: ProcedureKey.texts(row))
        if cache.count < cache.capacity {
            key.withUnsafeBufferPointer { cache.insert($0, entry.id) }
        } else {
            overflow[key] = entry.id
        }
        new(entry)
        return entry.id
    }
}
