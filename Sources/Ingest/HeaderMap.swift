/// How a CSV input's columns map onto the columns of its schema.
public struct TableHeader<Field: TableField>: Sendable {
    /// Column index of each field the header names.
    public private(set) var columns: [Field: Int] = [:]
    /// Headers that name no field, as written.
    public private(set) var ignored: [String] = []
    /// The first field named by two columns, with both columns as written (an error: which
    /// one holds the field cannot be told).
    public private(set) var repeated: (field: Field, first: IngestError.HeaderColumn, second: IngestError.HeaderColumn)?
    /// Number of fields in the header line.
    public let count: Int
    /// Columns named by their canonical name rather than an alias.
    public private(set) var canonicalCount = 0
    public let delimiter: UInt8

    init(headers: [String], delimiter: UInt8) {
        count = headers.count
        self.delimiter = delimiter
        for (index, header) in headers.enumerated() {
            let key = header.replacingOccurrences(of: "\u{FEFF}", with: "").normalizedKey
            guard let (field, isCanonical) = Field.headerTable[key] else {
                ignored.append(header.normalizedForDisplay)
                continue
            }
            if let held = columns[field] {
                if repeated == nil {
                    repeated = (field, .init(text: headers[held].normalizedForDisplay, position: held + 1),
                                .init(text: header.normalizedForDisplay, position: index + 1))
                }
                continue
            }
            columns[field] = index
            if isCanonical { canonicalCount += 1 }
        }
    }

    /// A file without a header: the schema's columns in order, by position.
    init(positionalWithDelimiter delimiter: UInt8) {
        count = Field.allCases.count
        self.delimiter = delimiter
        for field in Field.allCases { columns[field] = field.ordinal }
    }

    /// True when the header names `field` (under any spelling).
    public func has(_ field: Field) -> Bool { columns[field] != nil }

    /// Required fields the header lacks, canonical names in schema order.
    public var missingRequired: [Field] {
        Field.allCases.filter { $0.isRequired && columns[$0] == nil }
    }

    /// Throws what makes the header unusable: a field named twice, required columns missing.
    func validate(file: String, line: Int) throws(IngestError) {
        if let repeated {
            throw IngestError(file: file, line: line, kind: .duplicateColumn(field: repeated.field.rawValue,
                                                                             first: repeated.first, second: repeated.second))
        }
        let missing = missingRequired
        if !missing.isEmpty {
            throw IngestError(file: file, line: line, kind: .missingColumns(missing.map(\.rawValue)))
        }
    }
}

/// How an export's columns map onto canonical fields.
public typealias HeaderMap = TableHeader<CanonicalField>

extension TableHeader where Field == CanonicalField {
    /// Which system wrote the export, told by its header.
    public var kind: ExportKind {
        ExportKind.detect(canonicalColumns: canonicalCount, matchedColumns: columns.count, delimiter: delimiter)
    }
}
