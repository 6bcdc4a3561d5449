/// Reads one export file row by row: checks that it is text, finds its header, then maps each
/// record onto a dossier's facts or a ``Reject``.
///
/// A cursor in GRDB's sense: `next()` returns ``ExportRow``s until it returns nil. Making the
/// reader checks the file's encoding over every byte and reads the header, on the caller's
/// thread; the records are then parsed by libcsv on a thread of their own and handed over in
/// batches (a ``Pipeline``), while the row rules run on the caller's thread: the two halves of
/// reading a file, of about equal cost, overlap on two cores.
///
/// Used by one thread at a time (it may be made on one and read on another).
public final class ExportReader: @unchecked Sendable {
    /// The spec's longest record, in bytes of decoded text: a longer one is rejected (record too
    /// long) and reading goes on after it.
    public static let recordLimit = 16 << 20

    public let file: InputFile
    public let encoding: SourceEncoding
    public let delimiter: UInt8
    public let header: HeaderMap
    /// Records read after the header (blank ones excluded).
    public private(set) var rowsRead = 0
    /// Whitespace-only records skipped as blank lines.
    public private(set) var blankRecords = 0
    /// The last record, once the end is reached, when it looks cut off (a warning, not an error).
    public private(set) var cutOff: CutOffRecord?
    private var last: LastRecord?

    private let rules: RowRules
    private let records: Pipeline<RecordBatch>
    private var batch: RecordBatch?
    private var index = 0

    /// Reads the header of `file`. `encoding` and `delimiter` override detection; `fileIndex`
    /// is the input's index in the run (the `file` of each dossier's ``SourceLine``); units,
    /// and fields of procedures when given, are interned in those registries.
    public init(file: InputFile, fileIndex: Int32 = 0, encoding: SourceEncoding? = nil, delimiter: UInt8? = nil,
                units: UnitRegistry, fields: UnitRegistry? = nil, recordLimit: Int = ExportReader.recordLimit) throws(IngestError) {
        self.file = file
        if let workbook = try file.spreadsheetKind() { throw file.error(.spreadsheet(workbook)) }
        self.encoding = try SourceEncoding.check(file, given: encoding)
        let input = try DecodedInput(file: file, encoding: self.encoding)
        let start = try HeaderLine.find(in: input, delimiter: delimiter, limit: recordLimit)
        self.delimiter = start.delimiter
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
        let headerRecord = record
        header = HeaderMap(headers: (0..<headerRecord.count).map { headerRecord.string(at: $0) }, delimiter: start.delimiter)
        try header.validate(file: file.name, line: line)
        rules = RowRules(header: header, units: units, fields: fields, fileIndex: fileIndex)
        records = Pipeline { send throws(IngestError) in
            while let batch = try csv.nextBatch() {
                guard send(batch) else { return }
            }
        }
    }

    /// Opens `path` and reads its header. `name` is how errors and rejects name the file.
    public convenience init(path: String, name: String? = nil, fileIndex: Int32 = 0, encoding: SourceEncoding? = nil,
                            delimiter: UInt8? = nil, units: UnitRegistry, fields: UnitRegistry? = nil) throws(IngestError) {
        try self.init(file: InputFile(path: path, name: name), fileIndex: fileIndex, encoding: encoding,
                      delimiter: delimiter, units: units, fields: fields)
    }

    /// The file as named on the command line.
    public var name: String { file.name }

    /// Size of the file in bytes.
    public var byteCount: Int { file.size }

    /// Where the units of the rows are interned (their spellings' text).
    public var units: UnitRegistry { rules.units }

    /// The next row, or nil at the end of the file.
    public func next() throws(IngestError) -> ExportRow? {
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
            let fields = RowFields(buffer: batch.fields, first: first, count: count, columns: rules.columns)
            let fault = batch.fault(i)
            let position = batch.position(i)
            if fault == nil, fields.isBlank {
                blankRecords += 1
                last = nil
                continue
            }
            rowsRead += 1
            last = LastRecord(line: position.line, fields: count, fault: fault)
            let (result, code) = rules.apply(fields, fault: fault, line: position.line)
            switch result {
            case .success(let facts):
                return ExportRow(position: position, outcome: .accepted(facts), fields: fields, codeBytes: code)
            case .failure(let failure):
                let reject = Reject(file: name, line: position.line, field: failure.field, reason: failure.reason,
                                    raw: String(decoding: batch.raw(i), as: UTF8.self))
                return ExportRow(position: position, outcome: .rejected(reject), fields: fields, codeBytes: code)
            }
        }
    }
}
