/// Reads one export file row by row: the export schema (the canonical fields) opened like every
/// table (``TableReader/open(_:encoding:delimiter:recordLimit:threads:readSize:)``), each
/// record mapped onto a dossier's facts or a ``Reject`` by the ``RowRules``.
///
/// A cursor in GRDB's sense: `next()` returns ``ExportRow``s until it returns nil. Making the
/// reader checks the file's encoding over every byte (on every core) and reads the header, on
/// the caller's thread. The rest of the file is cut into parts (``Chunking``) that threads of
/// their own read at once, each with its own libcsv parser and row rules, handing their rows
/// over in batches (a ``Pipeline``); `next()` takes the parts in file order, checks that each
/// starts where the one before ended (reading a part again when it does not), and gives every
/// row its position in the file and its units, fields of procedures and procedures in the
/// registries given, so that rows, rejects, counts and interned names are exactly those of one
/// pass.
///
/// Used by one thread at a time (it may be made on one and read on another).
public final class ExportReader: @unchecked Sendable {
    /// Longest record read (bytes of decoded text): a longer one is rejected (`header too
    /// long` when it is the header), its fields are not kept (memory stays bounded however
    /// long) and reading goes on after it.
    public static let recordLimit = 16 << 20

    public let file: InputFile
    public let encoding: SourceEncoding
    public let delimiter: UInt8
    public let header: HeaderMap
    /// Where the units of the rows are interned (their spellings' text).
    public let units: UnitRegistry
    /// Records read after the header (blank ones excluded). Counted every row by the thread
    /// reading: unchecked, as `state`.
    @exclusivity(unchecked) public internal(set) var rowsRead = 0
    /// Whitespace-only records skipped as blank lines.
    @exclusivity(unchecked) public internal(set) var blankRecords = 0
    /// The last record, once the end is reached, when it looks cut off (a warning, not an error).
    public internal(set) var cutOff: CutOffRecord?

    let fields: UnitRegistry?
    let procedures: ProcedureRegistry
    let columns: ColumnMap
    let recordLimit: Int
    let chunking: Chunking
    /// How many distinct values of a name column (and of the part's own ids) the run may meet:
    /// ``Dossier/idLimit``, lower in tests.
    var nameLimit = Dossier.idLimit
    /// What a thread needs to read a part after the first.
    let spec: PartSpec
    /// Where each part starts (the first at the file's start) and the parts being read.
    let partStarts: [Int]
    let parts: Pipeline<RowBatch>
    /// The part being taken, its batch and where in it; positions and registries of the part.
    /// Touched a few times a row by the one thread reading (see ``CSVReader`` on why unchecked).
    @exclusivity(unchecked) var state = PartState()

    /// Reads the header of `file`. `encoding` and `delimiter` override detection; `fileIndex`
    /// is the input's index in the run (the `file` of each dossier's ``SourceLine``); units,
    /// fields of procedures and procedures, when given, are interned in those registries.
    public convenience init(file: InputFile, fileIndex: Int32 = 0, encoding: SourceEncoding? = nil, delimiter: UInt8? = nil,
                            units: UnitRegistry, fields: UnitRegistry? = nil, procedures: ProcedureRegistry? = nil,
                            recordLimit: Int = ExportReader.recordLimit) throws(IngestError) {
        try self.init(file: file, fileIndex: fileIndex, encoding: encoding, delimiter: delimiter, units: units, fields: fields,
                      procedures: procedures, recordLimit: recordLimit, chunking: .standard)
    }

    init(file: InputFile, fileIndex: Int32 = 0, encoding: SourceEncoding? = nil, delimiter: UInt8? = nil,
         units: UnitRegistry, fields: UnitRegistry? = nil, procedures: ProcedureRegistry? = nil,
         recordLimit: Int = ExportReader.recordLimit, chunking: Chunking) throws(IngestError) {
        // A dossier names its file in as many bits as its other ids.
        guard fileIndex < Dossier.idLimit else { throw file.error(.tooManyInputs(limit: Dossier.idLimit)) }
        self.file = file
        self.units = units
        self.fields = fields
        self.procedures = procedures ?? ProcedureRegistry()
        self.recordLimit = recordLimit
        self.chunking = chunking
        let opening = try TableReader<CanonicalField>.open(file, encoding: encoding, delimiter: delimiter, recordLimit: recordLimit,
                                                           threads: chunking.threads, readSize: chunking.readSize)
        self.encoding = opening.encoding
        self.delimiter = opening.delimiter
        header = HeaderMap(headers: opening.names, delimiter: opening.delimiter)
        try header.validate(file: file.name, line: opening.record.position.line)
        columns = ColumnMap(header)
        spec = PartSpec(file: file, encoding: opening.encoding, delimiter: opening.delimiter, header: header,
                        fileIndex: fileIndex, limit: recordLimit, readSize: chunking.readSize, keepsFields: fields != nil)
        let starts = try chunking.starts(in: file, encoding: opening.encoding, from: opening.input.offset)
        if let next = starts.first { opening.csv.stop(at: next) }
        partStarts = [0] + starts
        var producers = [spec.part(opening.csv).producer]
        for (index, start) in starts.enumerated() {
            producers.append(spec.producer(from: start, stop: index + 1 < starts.count ? starts[index + 1] : nil))
        }
        parts = Pipeline(depth: chunking.depth, threads: chunking.threads, producers: producers)
    }

    /// Opens `path` and reads its header. `name` is how errors and rejects name the file.
    public convenience init(path: String, name: String? = nil, fileIndex: Int32 = 0, encoding: SourceEncoding? = nil,
                            delimiter: UInt8? = nil, units: UnitRegistry, fields: UnitRegistry? = nil,
                            procedures: ProcedureRegistry? = nil) throws(IngestError) {
        try self.init(file: InputFile(path: path, name: name), fileIndex: fileIndex, encoding: encoding,
                      delimiter: delimiter, units: units, fields: fields, procedures: procedures)
    }

    deinit { parts.cancel() }

    /// The file as named on the command line.
    public var name: String { file.name }

    /// Size of the file in bytes.
    public var byteCount: Int { file.size }
}

/// What a thread needs to read a part of an export that starts after the header.
struct PartSpec: Sendable {
    let file: InputFile
    let encoding: SourceEncoding
    let delimiter: UInt8
    let header: HeaderMap
    let fileIndex: Int32
    let limit: Int
    let readSize: Int
    let keepsFields: Bool

    /// The part read by `csv`, with row rules and registries of its own. Its column map is its
    /// own too: every row retains and releases it, and a count that two cores change at once
    /// bounces between them (shared, it cost a twentieth of a report).
    func part(_ csv: CSVReader) -> PartReader {
        PartReader(csv: csv, rules: RowRules(header: header, columns: ColumnMap(header), units: UnitRegistry(),
                                             fields: keepsFields ? UnitRegistry() : nil, procedures: ProcedureRegistry(),
                                             fileIndex: fileIndex),
                   fileName: file.name)
    }

    /// A reader of the part from file offset `start` (just after a line feed) to the first line
    /// start at or after `stop` where no record is under way (the end of the file when nil).
    func reader(from start: Int, stop: Int?) throws(IngestError) -> PartReader {
        let input = try DecodedInput(file: file, encoding: encoding, start: start, readSize: readSize)
        return part(CSVReader(input: input, prefix: [], delimiter: delimiter, limit: limit, stop: stop))
    }

    /// Reads that part, made on the thread that reads it.
    func producer(from start: Int, stop: Int?) -> Pipeline<RowBatch>.Producer {
        { send throws(IngestError) in try reader(from: start, stop: stop).produce(send) }
    }
}
