import Ingest

/// Up to `capacity` rows of an export being imported: accepted ones (code bytes back to back,
/// facts, the descriptive texts the store keeps), rejected ones, and the text of unit
/// spellings seen for the first time.
///
/// An import reads on a thread of its own and hands its rows over in batches (a ``Pipeline``),
/// so that reading (libcsv, then the row rules) overlaps with SQLite's inserts.
struct ImportBatch: Sendable {
    static let capacity = 8192
    var codeBytes: [UInt8] = []
    var codeEnds: [Int] = []
    var facts: [RowFacts] = []
    var rejects: [Reject] = []
    /// The dossier code of each rejected row, when it could be read.
    var rejectCodes: [String?] = []
    /// MaTTHC, TenTTHC, MaLinhVuc, TenLinhVuc of each accepted row, each followed by 0x1F.
    var texts: [UInt8] = []
    var textEnds: [Int] = []
    var newSpellings: [(id: UnitRegistry.SpellingID, text: String)] = []
    /// How much of the file had been read when the batch was sent (0…1).
    var fraction = 0.0
    /// The reader's counts when the batch was sent: the last batch's are the file's.
    var rowsRead = 0
    var blankRecords = 0
    /// The file's last record, when it looks cut off (the last batch only).
    var cutOff: CutOffRecord?

    /// The fields the store keeps as read, though no rule uses them.
    static let descriptiveFields: [CanonicalField] = [.maTTHC, .tenTTHC, .maLinhVuc, .tenLinhVuc]

    var rowCount: Int { facts.count + rejects.count }

    func code(_ index: Int) -> ArraySlice<UInt8> {
        codeBytes[(index == 0 ? 0 : codeEnds[index - 1])..<codeEnds[index]]
    }

    /// Descriptive field `k` (0–3, in `descriptiveFields` order) of accepted row `index`.
    func text(_ index: Int, _ k: Int) -> ArraySlice<UInt8> {
        let i = index * 4 + k
        return texts[(i == 0 ? 0 : textEnds[i - 1])..<(textEnds[i] - 1)]
    }

    /// The four descriptive fields of accepted row `index`, separators included: one
    /// contiguous key that tells apart "AB"+"C" from "A"+"BC".
    func descriptiveKey(_ index: Int) -> ArraySlice<UInt8> {
        let first = index * 4
        return texts[(first == 0 ? 0 : textEnds[first - 1])..<textEnds[first + 3]]
    }

    /// Reads every row of `reader` into batches, for a ``Pipeline``: the last batch (sent even
    /// when empty) carries the file's counts.
    static func producer(_ reader: ExportReader) -> Pipeline<ImportBatch>.Producer {
        { send throws(IngestError) in
            var seen = Set<Int32>()
            var batch = ImportBatch()
            while let row = try reader.next() {
                switch row.outcome {
                case .accepted(let facts):
                    row.withCode { batch.codeBytes.append(contentsOf: $0) }
                    batch.codeEnds.append(batch.codeBytes.count)
                    batch.facts.append(facts)
                    for field in descriptiveFields {
                        row.fields.withValue(field) { batch.texts.append(contentsOf: $0) }
                        batch.texts.append(0x1F)
                        batch.textEnds.append(batch.texts.count)
                    }
                    if seen.insert(facts.unitSpelling.rawValue).inserted {
                        batch.newSpellings.append((facts.unitSpelling, reader.units.text(of: facts.unitSpelling)))
                    }
                case .rejected(let reject):
                    batch.rejects.append(reject)
                    let code = row.code
                    batch.rejectCodes.append(code.isEmpty ? nil : code)
                }
                if batch.rowCount == capacity {
                    batch.fraction = reader.byteCount > 0 ? min(1, Double(row.position.byte) / Double(reader.byteCount)) : 1
                    batch.rowsRead = reader.rowsRead
                    batch.blankRecords = reader.blankRecords
                    guard send(batch) else { return }
                    batch = ImportBatch()
                }
            }
            batch.fraction = 1
            batch.rowsRead = reader.rowsRead
            batch.blankRecords = reader.blankRecords
            batch.cutOff = reader.cutOff
            _ = send(batch)
        }
    }
}
