/// Reads one CSV input of any schema record by record: checks that it is text, finds its
/// header and maps it onto the schema's columns, then hands out each non-blank record's fields
/// by column. Exports (``ExportReader``), the procedure catalogue, the `--calendar` and
/// `--units` files are all read by it: the same encodings, delimiters, quoting, header
/// matching and structural faults everywhere.
///
/// Making the reader checks the file's encoding over every byte and reads the header, on the
/// caller's thread; the records are then parsed by libcsv on a thread of their own and handed
/// over in batches (a ``Pipeline``).
///
/// Used by one thread at a time (it may be made on one and read on another).
public final class TableReader<Field: TableField>: @unchecked Sendable {
    public let file: InputFile
    public let encoding: SourceEncoding
    public let delimiter: UInt8
    public private(set) var header: TableHeader<Field>
    /// True when the file has no header line: its first line names none of the schema's
    /// columns, and the columns are read by position (small files people write by hand).
    public private(set) var isPositional = false
    let columns: ColumnMap
    /// Records read after the header (blank ones excluded).
    public private(set) var rowsRead = 0
    /// Whitespace-only records skipped as blank lines.
    public private(set) var blankRecords = 0
    /// The last record, once the end is reached, when it looks cut off (a warning, not an error).
    public private(set) var cutOff: CutOffRecord?
    private var last: LastRecord?
    private let records: Pipeline<RecordBatch>
    private var batch: RecordBatch?
    private var index = 0

    /// Reads the header of `file`. `encoding` and `delimiter` override detection. `positional`:
    /// a first line that names none of the schema's columns is a record, and the columns are
    /// taken in the schema's order.
    public init(file: InputFile, encoding: SourceEncoding? = nil, delimiter: UInt8? = nil, positional: Bool = false,
                recordLimit: Int = ExportReader.recordLimit) throws(IngestError) {
        self.file = file
        let opening = try Self.open(file, encoding: encoding, delimiter: delimiter, recordLimit: recordLimit)
        self.encoding = opening.encoding
        self.delimiter = opening.delimiter
        let csv = opening.csv
        header = TableHeader(headers: opening.names, delimiter: opening.delimiter)
        if positional, header.columns.isEmpty {
            header = TableHeader(positionalWithDelimiter: opening.delimiter)
            isPositional = true
            var first = RecordBatch()
            first.append(opening.record, raw: csv)
            batch = first
        }
        try header.validate(file: file.name, line: opening.record.position.line)
        columns = ColumnMap(header)
        records = Pipeline { send throws(IngestError) in
            while let batch = try csv.nextBatch() {
                guard send(batch) else { return }
            }
        }
    }

    /// A file opened up to its first record that is not blank (the header line, or a first
    /// record): checked to be text over every byte (on `threads` threads), the delimiter found,
    /// and the CSV reader that read that record.
    struct Opening {
        let encoding: SourceEncoding
        let delimiter: UInt8
        let input: DecodedInput
        let csv: CSVReader
        let record: CSVRecord
        var names: [String] { (0..<record.count).map { record.string(at: $0) } }
    }

    static func open(_ file: InputFile, encoding: SourceEncoding?, delimiter: UInt8?, recordLimit: Int,
                     threads: Int = 1, readSize: Int = DecodedInput.chunkSize) throws(IngestError) -> Opening {
        if let workbook = try file.spreadsheetKind() { throw file.error(.spreadsheet(workbook)) }
        let encoding = try SourceEncoding.check(file, given: encoding, threads: threads)
        let input = try DecodedInput(file: file, encoding: encoding, readSize: readSize)
        let start = try HeaderLine.find(in: input, delimiter: delimiter, limit: recordLimit)
        let csv = CSVReader(input: input, prefix: start.text, delimiter: start.delimiter, line: start.line,
                            byte: start.byte, limit: recordLimit)
        var record = CSVRecord()
        repeat {
            guard try csv.read(into: &record) else { throw file.error(.empty) }
        } while record.fault == nil && record.isBlank
        let line = record.position.line
        switch record.fault {
        case .tooLong?: throw file.error(.headerTooLong(limit: recordLimit), line: line)
        case .some: throw file.error(.malformedHeader, line: line)
        case nil: break
        }
        return Opening(encoding: encoding, delimiter: start.delimiter, input: input, csv: csv, record: record)
    }

    /// Opens `path` and reads its header. `name` is how errors and rejects name the file.
    public convenience init(path: String, name: String? = nil, encoding: SourceEncoding? = nil,
                            delimiter: UInt8? = nil, positional: Bool = false) throws(IngestError) {
        try self.init(file: InputFile(path: path, name: name), encoding: encoding, delimiter: delimiter,
                      positional: positional)
    }

    /// The file as named on the command line.
    public var name: String { file.name }

    /// The next record that is not blank, or nil at the end of the file.
    public func next() throws(IngestError) -> TableRecord? {
        while true {
            guard let batch, index < batch.count else {
                guard let next = try records.next() else {
                    if batch != nil {
                        cutOff = last?.cutOff(header: header.count, endsWithLineBreak: file.endsWithLineBreak(encoding))
                    }
                    batch = nil
                    return nil
                }
                batch = next
                index = 0
                continue
            }
            let i = index
            index += 1
            let (first, count) = batch.fieldRange(i)
            let fields = RowFields(buffer: batch.fields, first: first, count: count, columns: columns)
            let fault = batch.fault(i)
            let position = batch.position(i)
            if fault == nil, fields.isBlank {
                blankRecords += 1
                last = nil
                continue
            }
            rowsRead += 1
            last = LastRecord(line: position.line, fields: count, fault: fault)
            return TableRecord(fields: fields, fault: fault, position: position, batch: batch, index: i)
        }
    }
}

/// One record of a CSV input: its fields by column (a view on the batch it was read in), its
/// structural fault if any, where it starts, and its raw text on demand.
public struct TableRecord: @unchecked Sendable {
    public let fields: RowFields
    public let fault: CSVFault?
    public let position: RecordPosition
    let batch: RecordBatch
    let index: Int

    /// The record's text as read, decoded, without its final line break.
    public var raw: String { String(decoding: batch.raw(index), as: UTF8.self) }

    /// The structural reject reason of a faulted record; nil for a record that parsed.
    public var faultReason: RejectReason? {
        switch fault {
        case .malformedQuote?: return .malformedQuote
        case .unterminatedQuote?: return .unterminatedQuote
        case .tooLong?: return .recordTooLong
        case nil: return nil
        }
    }
}
