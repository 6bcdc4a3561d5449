import Foundation

/// The records of one export file, read on a thread of their own.
///
/// Reading a file has two halves of about equal cost: detecting the encoding, decoding and
/// parsing CSV with libcsv (the producer, here), and turning fields into dossier facts (the
/// consumer, `ExportReader`). On two cores they overlap. Records cross over in batches through a
/// bounded queue, so memory stays at a few batches whatever the file size.
final class RecordStream: RecordSource, @unchecked Sendable {

    private enum Message {
        case opened(Opening)
        case batch(RecordBatch)
        case end
        case failure(IngestError)
    }

    private let handOff = HandOff<Message>()

    // Consumer side.
    private var batch = RecordBatch()
    private var index = 0
    private var finished = false

    /// Starts reading `path` at once.
    init(path: String, name: String, encoding: SourceEncoding?, delimiter: UInt8?) {
        Thread.detachNewThread { [self] in produce(path: path, name: name, encoding: encoding, delimiter: delimiter) }
    }

    deinit { handOff.cancel() }

    /// Waits until the file is opened and its encoding and delimiter are known.
    func open() throws(IngestError) -> Opening {
        switch receive() {
        case .opened(let opening): return opening
        case .failure(let error): throw error
        case .batch, .end: preconditionFailure("a record stream opens before it reads")
        }
    }

    /// Points `record` at the next record; false at the end of the file.
    func read(into record: inout CSVRecord) throws(IngestError) -> Bool {
        while index >= batch.count {
            if finished { return false }
            switch receive() {
            case .batch(let next):
                batch = next
                index = 0
            case .end:
                finished = true
                return false
            case .failure(let error):
                finished = true
                throw error
            case .opened: continue
            }
        }
        batch.view(index, as: &record)
        index += 1
        return true
    }

    /// The text of the record last returned, as read, without its final line break.
    var lastRaw: [UInt8] { index > 0 ? batch.raw(index - 1) : [] }

    private func receive() -> Message { handOff.receive() }

    private func send(_ message: Message) -> Bool { handOff.send(message) }

    private func produce(path: String, name: String, encoding: SourceEncoding?, delimiter: UInt8?) {
        do {
            let (opening, csv) = try CSVReader.open(path: path, name: name, encoding: encoding, delimiter: delimiter)
            guard send(.opened(opening)) else { return }
            var record = CSVRecord()
            var batch = RecordBatch()
            while try csv.read(into: &record) {
                batch.append(record, raw: csv)
                if batch.isFull {
                    guard send(.batch(batch)) else { return }
                    batch = RecordBatch()
                }
            }
            if batch.count > 0 { guard send(.batch(batch)) else { return } }
            _ = send(.end)
        } catch {
            _ = send(.failure(error))
        }
    }
}

/// What the file turned out to be, known before the first record.
struct Opening {
    var encoding: SourceEncoding
    var delimiter: UInt8
    var byteCount: Int
}

/// Where `ExportReader` gets records from: a reader thread of their own (``RecordStream``), or
/// the calling thread (``InlineRecords``) when the caller already reads on a thread of its own.
protocol RecordSource: AnyObject {
    /// Waits until the file is opened and its encoding and delimiter are known.
    func open() throws(IngestError) -> Opening
    /// Points `record` at the next record; false at the end of the file.
    func read(into record: inout CSVRecord) throws(IngestError) -> Bool
    /// The text of the record last returned, as read, without its final line break.
    var lastRaw: [UInt8] { get }
}

/// Records read on the calling thread.
final class InlineRecords: RecordSource {
    private let path: String, name: String
    private let encoding: SourceEncoding?, delimiter: UInt8?
    private var csv: CSVReader?

    init(path: String, name: String, encoding: SourceEncoding?, delimiter: UInt8?) {
        (self.path, self.name, self.encoding, self.delimiter) = (path, name, encoding, delimiter)
    }

    func open() throws(IngestError) -> Opening {
        let (opening, csv) = try CSVReader.open(path: path, name: name, encoding: encoding, delimiter: delimiter)
        self.csv = csv
        return opening
    }

    func read(into record: inout CSVRecord) throws(IngestError) -> Bool {
        guard let csv else { return false }
        return try csv.read(into: &record)
    }

    var lastRaw: [UInt8] { csv?.lastRaw ?? [] }
}

extension CSVReader {
    /// Opens an export: detects its encoding (unless given), decodes its first line, detects
    /// the delimiter (unless given), and returns a reader positioned at the start.
    static func open(path: String, name: String, encoding: SourceEncoding?,
                     delimiter: UInt8?) throws(IngestError) -> (Opening, CSVReader) {
        let file = try InputFile(path: path, name: name)
        let detected: SourceEncoding
        if let encoding { detected = encoding } else { detected = try SourceEncoding.detect(in: file) }
        let input = try DecodedInput(file: file, encoding: detected)
        let prefix = try ExportReader.readFirstLine(of: input)
        let delimiter = delimiter ?? ExportReader.detectDelimiter(in: prefix)
        let opening = Opening(encoding: detected, delimiter: delimiter, byteCount: file.size)
        return (opening, CSVReader(input: input, prefix: prefix, delimiter: delimiter))
    }
}

/// Records back to back: their fields in one ``FieldBuffer``, positions, faults and raw text.
struct RecordBatch: @unchecked Sendable {
    private let fields = FieldBuffer(byteCapacity: 1 << 20, fieldCapacity: 1 << 15)
    private var firstField: [Int] = [0]
    private var positions: [RecordPosition] = []
    private var faults: [CSVFault?] = []
    private var rawBytes: [UInt8] = []
    private var rawEnds: [Int] = []

    var count: Int { positions.count }

    /// Full at 4096 records, or earlier when the fields fill a megabyte.
    var isFull: Bool { positions.count >= 4096 || fields.byteCount >= 1 << 20 }

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

    /// Makes `record` a view of record `index` (no copy).
    func view(_ index: Int, as record: inout CSVRecord) {
        record.fields = fields
        record.firstField = firstField[index]
        record.fieldCount = firstField[index + 1] - firstField[index]
        record.position = positions[index]
        record.fault = faults[index]
    }

    func raw(_ index: Int) -> [UInt8] {
        Array(rawBytes[(index == 0 ? 0 : rawEnds[index - 1])..<rawEnds[index]])
    }
}
