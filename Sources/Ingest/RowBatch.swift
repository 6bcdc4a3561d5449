/// Rows of one part of an export, read and judged on a thread of its own: the records' fields
/// back to back, each row's position (counted from the part's start) and outcome, and the unit
/// spellings, fields of procedures and procedure codes the part met first, with the row that met them (the
/// part's registries are its own; the consumer interns them again, in file order).
///
/// What a reading thread hands over (through a ``Pipeline``): once sent, a batch is never
/// written again, so rows may keep views on its fields.
struct RowBatch: @unchecked Sendable {
    /// Plain bytes, nothing counted: appending a row and taking it again copy it as such (a
    /// row holding a reject's strings or a code's array was copied and destroyed through
    /// value witnesses, about 3 % of the reading threads' samples). What needs a reference waits
    /// in ``rejects`` and ``normalizedCodes``.
    struct Row {
        var position: RecordPosition
        var firstField: Int32
        var fieldCount: Int32
        var fault: CSVFault?
        /// nil for a blank record.
        var outcome: Outcome?
        var code: Code
    }

    /// ``ExportRow/Outcome``, a reject by its place in ``rejects``.
    enum Outcome {
        case accepted(RowFacts)
        case rejected(Int32)
    }

    /// ``CodeBytes``, a normalised code by its place in ``normalizedCodes``.
    enum Code {
        case asRead
        case normalized(Int32)
        case none
    }

    let fields = FieldBuffer(byteCapacity: 1 << 17, fieldCapacity: 1 << 12)
    var rows: [Row] = []
    /// The ``DossierTable/hash(_:)`` of each accepted row's code (0 for other rows), worked out
    /// here rather than on the thread that merges the rows.
    var codeHashes: [UInt32] = []
    /// The rejects of the rejected rows, in row order.
    var rejects: [Reject] = []
    /// The codes that were normalised (not ASCII as read), in row order.
    var normalizedCodes: [[UInt8]] = []
    var newSpellings: [(row: Int, text: String)] = []
    /// A field of procedures first met: its text and the part's id for it.
    var newFields: [(row: Int, text: String, id: Int32)] = []
    /// A procedure code first met: the part interns codes in the order it meets them, so the
    /// part's id of each is its place in this list (over the part's batches).
    var newProcedures: [(row: Int, code: String)] = []
    /// The part's last batch: where its reader ended.
    var end: ReadEnd?

    /// Full at 512 rows, or earlier when the fields fill 128 KiB: small enough that the
    /// batches in flight cost little memory, large enough that handing them over costs nothing.
    var isFull: Bool { rows.count >= 512 || fields.byteCount >= 1 << 17 }
}

/// A part of an export as its reading thread sees it: its CSV reader, and the row rules with
/// registries of its own. Made on one thread, then used by its reading thread alone.
struct PartReader: @unchecked Sendable {
    let csv: CSVReader
    let rules: RowRules
    let fileName: String

    /// ``produce(_:)`` for a ``Pipeline``.
    var producer: Pipeline<RowBatch>.Producer {
        { send throws(IngestError) in try produce(send) }
    }

    /// Reads the part into batches, for a ``Pipeline``: the last batch (sent even when empty)
    /// says where the part ended.
    func produce(_ send: (RowBatch) -> Bool) throws(IngestError) {
        var record = CSVRecord()
        var batch = RowBatch()
        let units = rules.units
        let fields = rules.fields
        let procedures = rules.procedures
        while try csv.read(into: &record) {
            let first = batch.fields.fieldCount
            batch.fields.append(contentsOf: record.fields)
            let row = RowFields(buffer: batch.fields, first: first, count: record.count, columns: rules.columns)
            var codeHash: UInt32 = 0
            var entry = RowBatch.Row(position: record.position, firstField: Int32(first), fieldCount: Int32(record.count),
                                     fault: record.fault, outcome: nil, code: .none)
            if record.fault != nil || !row.isBlank {
                let (spellings, fieldNames) = (units.spellings.count, fields?.spellings.count ?? 0)
                let procedureCount = procedures.codes.count
                let (result, code) = rules.apply(row, fault: record.fault, line: record.position.line)
                switch code {
                case .asRead: entry.code = .asRead
                case .none: entry.code = .none
                case .normalized(let bytes):
                    entry.code = .normalized(Int32(batch.normalizedCodes.count))
                    batch.normalizedCodes.append(bytes)
                }
                switch result {
                case .success(let facts):
                    entry.outcome = .accepted(facts)
                    codeHash = code.withBytes(in: row, DossierTable.hash)
                case .failure(let failure):
                    entry.outcome = .rejected(Int32(batch.rejects.count))
                    batch.rejects.append(Reject(file: fileName, line: record.position.line, field: failure.field?.rawValue,
                                                reason: failure.reason, raw: String(decoding: csv.lastRaw, as: UTF8.self)))
                }
                for id in spellings..<units.spellings.count {
                    batch.newSpellings.append((batch.rows.count, units.spellings[id].text))
                }
                for id in procedureCount..<procedures.codes.count {
                    batch.newProcedures.append((batch.rows.count, procedures.codes[id]))
                }
                if let fields {
                    for id in fieldNames..<fields.spellings.count {
                        batch.newFields.append((batch.rows.count, fields.spellings[id].text, fields.spellings[id].unit.rawValue))
                    }
                }
            }
            batch.rows.append(entry)
            batch.codeHashes.append(codeHash)
            if batch.isFull {
                guard send(batch) else { return }
                batch = RowBatch()
            }
        }
        batch.end = csv.end
        _ = send(batch)
    }
}
