/// Reads one export file row by row: a ``TableReader`` of the export schema (the canonical
/// fields), each record mapped onto a dossier's facts or a ``Reject`` by the ``RowRules``.
///
/// A cursor in GRDB's sense: `next()` returns ``ExportRow``s until it returns nil. The records
/// are parsed by libcsv on a thread of their own while the row rules run on the caller's
/// thread: the two halves of reading a file, of about equal cost, overlap on two cores.
///
/// Used by one thread at a time (it may be made on one and read on another).
public final class ExportReader: @unchecked Sendable {
    /// The spec's longest record, in bytes of decoded text: a longer one is rejected (record too
    /// long) and reading goes on after it.
    public static let recordLimit = 16 << 20

    private let table: TableReader<CanonicalField>
    private let rules: RowRules

    /// Reads the header of `file`. `encoding` and `delimiter` override detection; `fileIndex`
    /// is the input's index in the run (the `file` of each dossier's ``SourceLine``); units,
    /// fields of procedures and procedures, when given, are interned in those registries.
    public init(file: InputFile, fileIndex: Int32 = 0, encoding: SourceEncoding? = nil, delimiter: UInt8? = nil,
                units: UnitRegistry, fields: UnitRegistry? = nil, procedures: ProcedureRegistry? = nil,
                recordLimit: Int = ExportReader.recordLimit) throws(IngestError) {
        table = try TableReader(file: file, encoding: encoding, delimiter: delimiter, recordLimit: recordLimit)
        rules = RowRules(header: table.header, columns: table.columns, units: units, fields: fields,
                         procedures: procedures ?? ProcedureRegistry(), fileIndex: fileIndex)
    }

    /// Opens `path` and reads its header. `name` is how errors and rejects name the file.
    public convenience init(path: String, name: String? = nil, fileIndex: Int32 = 0, encoding: SourceEncoding? = nil,
                            delimiter: UInt8? = nil, units: UnitRegistry, fields: UnitRegistry? = nil,
                            procedures: ProcedureRegistry? = nil) throws(IngestError) {
        try self.init(file: InputFile(path: path, name: name), fileIndex: fileIndex, encoding: encoding,
                      delimiter: delimiter, units: units, fields: fields, procedures: procedures)
    }

    public var file: InputFile { table.file }
    public var encoding: SourceEncoding { table.encoding }
    public var delimiter: UInt8 { table.delimiter }
    public var header: HeaderMap { table.header }
    /// Records read after the header (blank ones excluded).
    public var rowsRead: Int { table.rowsRead }
    /// Whitespace-only records skipped as blank lines.
    public var blankRecords: Int { table.blankRecords }
    /// The last record, once the end is reached, when it looks cut off (a warning, not an error).
    public var cutOff: CutOffRecord? { table.cutOff }

    /// The file as named on the command line.
    public var name: String { table.file.name }

    /// Size of the file in bytes.
    public var byteCount: Int { table.file.size }

    /// Where the units of the rows are interned (their spellings' text).
    public var units: UnitRegistry { rules.units }

    /// The next row, or nil at the end of the file.
    public func next() throws(IngestError) -> ExportRow? {
        guard let record = try table.next() else { return nil }
        let (result, code) = rules.apply(record.fields, fault: record.fault, line: record.position.line)
        switch result {
        case .success(let facts):
            return ExportRow(position: record.position, outcome: .accepted(facts), fields: record.fields, codeBytes: code)
        case .failure(let failure):
            let reject = Reject(file: name, line: record.position.line, field: failure.field?.rawValue,
                                reason: failure.reason, raw: record.raw)
            return ExportRow(position: record.position, outcome: .rejected(reject), fields: record.fields, codeBytes: code)
        }
    }
}
