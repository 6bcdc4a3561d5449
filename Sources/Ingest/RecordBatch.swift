/// Records back to back: their fields in one ``FieldBuffer``, positions, faults and raw text.
///
/// What a reading thread hands over (through a ``Pipeline``): once sent, a batch is never
/// written again, so rows may keep views on its fields.
struct RecordBatch: @unchecked Sendable {
    let fields = FieldBuffer(byteCapacity: 1 << 18, fieldCapacity: 1 << 13)
    private var firstField: [Int] = [0]
    private var positions: [RecordPosition] = []
    private var faults: [CSVFault?] = []
    private var rawBytes: [UInt8] = []
    private var rawEnds: [Int] = []

    var count: Int { positions.count }

    /// Full at 1024 records, or earlier when the fields or the raw text fill 256 KiB: small
    /// enough that the batches in flight cost little memory, large enough that handing them
    /// over costs nothing.
    var isFull: Bool { positions.count >= 1024 || fields.byteCount >= 1 << 18 || rawBytes.count >= 1 << 18 }

    mutating func append(_ record: CSVRecord, raw csv: CSVReader) {
        for i in 0..<record.count {
            let field = record.fields.field(i)
            fields.append(field.baseAddress, count: field.count)
        }
        firstField.append(fields.fieldCount)
        positions.append(record.position)
        faults.append(record.fault)
        csv.appendLastRaw(to: &rawBytes)
        rawEnds.append(rawBytes.count)
    }

    /// The fields of record `index`, where they are in `fields` (a view, no copy).
    func fieldRange(_ index: Int) -> (first: Int, count: Int) {
        (firstField[index], firstField[index + 1] - firstField[index])
    }

    func position(_ index: Int) -> RecordPosition { positions[index] }

    func fault(_ index: Int) -> CSVFault? { faults[index] }

    /// The raw text of record `index`, as read, without its final line break.
    func raw(_ index: Int) -> ArraySlice<UInt8> {
        rawBytes[(index == 0 ? 0 : rawEnds[index - 1])..<rawEnds[index]]
    }
}

extension CSVReader {
    /// The next records, up to a full batch; nil at the end of the file.
    func nextBatch() throws(IngestError) -> RecordBatch? {
        var batch = RecordBatch()
        var record = CSVRecord()
        while !batch.isFull, try read(into: &record) {
            batch.append(record, raw: self)
        }
        return batch.count > 0 ? batch : nil
    }
}
