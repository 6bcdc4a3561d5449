import Ingest
import NIOCore

/// Up to `capacity` rows of an export being imported into PostgreSQL: the accepted ones
/// already in COPY text for the staging table, the rejected ones as read, and the unit
/// spellings and procedures seen for the first time (by their number in this file).
///
/// Made on the reader's thread (a ``Pipeline``), so that reading, the row rules and encoding
/// overlap with sending. The last batch, sent even when empty, carries the file's totals.
struct CopyBatch: Sendable {
    static let capacity = 8192

    /// The staging table's columns, in the order each row is written.
    static let stagingColumns = [
        "line", "code", "spelling", "channel", "status", "received", "due", "finished",
        "digitised_dossier", "digitised_result", "processed", "handed_over", "procedure",
    ]

    var rows = ByteBuffer()
    var accepted = 0
    var rejects: [(reject: Reject, code: String?)] = []
    var newSpellings: [(local: Int32, name: String)] = []
    var newProcedures: [(local: Int32, key: [UInt8], texts: [String])] = []
    /// How much of the file had been read when the batch was sent (0…1).
    var fraction = 0.0
    /// The totals so far: the last batch's are the file's.
    var rowsRead = 0
    var blankRecords = 0
    var asOf: LocalMoment?
    /// The last line of each unit spelling (by its number in this file; -1 for a number no
    /// accepted row has); in the last batch.
    var lastLineOfSpelling: [Int32] = []

    /// Reads every row of `reader` into batches.
    static func producer(_ reader: ExportReader) -> Pipeline<CopyBatch>.Producer {
        { send throws(IngestError) in
            var text = CopyText(capacity: capacity * 96)
            var procedures = ProcedureNumbers()
            var lastLine: [Int32] = []
            var asOf: LocalMoment?
            var batch = CopyBatch()
            while let row = try reader.next() {
                switch row.outcome {
                case .accepted(let facts):
                    // Spellings are numbered by the file's unit registry, which also sees
                    // rejected rows: a spelling is new here at its first accepted row.
                    let spelling = facts.unitSpelling.rawValue
                    if spelling >= lastLine.count {
                        lastLine += Array(repeating: -1, count: Int(spelling) + 1 - lastLine.count)
                    }
                    if lastLine[Int(spelling)] < 0 {
                        batch.newSpellings.append((spelling, reader.units.text(of: facts.unitSpelling)))
                    }
                    lastLine[Int(spelling)] = facts.dossier.source.line
                    if asOf.map({ $0 < facts.latestMoment }) ?? true { asOf = facts.latestMoment }
                    let procedure = procedures.number(of: row) { batch.newProcedures.append(($0, $1, $2)) }
                    write(row, facts, spelling: spelling, procedure: procedure, to: &text)
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
            batch.lastLineOfSpelling = lastLine
            _ = send(batch)
        }
    }

    private mutating func finish(_ reader: ExportReader, text: inout CopyText, asOf: LocalMoment?) {
        rows = text.take()
        rowsRead = reader.rowsRead
        blankRecords = reader.blankRecords
        self.asOf = asOf
    }

    /// One staging row, in ``stagingColumns`` order.
    private static func write(_ row: ExportRow, _ facts: RowFacts, spelling: Int32, procedure: Int32?, to text: inout CopyText) {
        let d = facts.dossier
        text.integer(d.source.line)
        row.withCode { text.text($0) }
        text.integer(spelling)
        text.integer(d.channel.rawValue)
        text.integer(d.status.rawValue)
        text.integer(d.received.seconds)
        text.integer(d.due?.seconds)
        text.integer(d.finished?.seconds)
        text.boolean(d.digitisedDossier)
        text.boolean(d.digitisedResult)
        text.integer(facts.processed?.seconds)
        text.integer(facts.handedOver?.seconds)
        text.integer(procedure)
        text.endRow()
    }
}

/// Numbers the procedures of one file (MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc as read) in the
/// order they first appear: a cache hit per row keyed by the four fields' bytes.
struct ProcedureNumbers {
    /// The fields the store keeps as read, though no rule uses them.
    static let fields: [CanonicalField] = [.maTTHC, .tenTTHC, .maLinhVuc, .tenLinhVuc]

    private var cache = ByteKeyedCache<Int32>(capacity: 1 << 16)
    /// Past the cache's capacity (hostile files): every key, at the cost of an array per row.
    private var overflow: [[UInt8]: Int32] = [:]
    private var count: Int32 = 0
    private var key: [UInt8] = []

    /// nil when the row has none of the four fields. `new` sees a procedure's first appearance:
    /// its number, its key (each field's length in 4 bytes, then its bytes: no two procedures
    /// share one) and its texts.
    mutating func number(of row: ExportRow, new: (Int32, [UInt8], [String]) -> Void) -> Int32? {
        key.removeAll(keepingCapacity: true)
        var empty = true
        for field in Self.fields {
            row.fields.withValue(field) { value in
                withUnsafeBytes(of: UInt32(value.count).littleEndian) { key.append(contentsOf: $0) }
                key.append(contentsOf: value)
                if !value.isEmpty { empty = false }
            }
        }
        if empty { return nil }
        if let known = key.withUnsafeBufferPointer({ cache.lookup($0) }) ?? overflow[key] { return known }
        let number = count
        count += 1
        if cache.count < cache.capacity {
            key.withUnsafeBufferPointer { cache.insert($0, number) }
        } else {
            overflow[key] = number
        }
        new(number, key, Self.fields.map { field in row.fields.withValue(field) { String(decoding: $0, as: UTF8.self) } })
        return number
    }
}
