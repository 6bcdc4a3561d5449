/// How an export's columns map onto canonical fields.
public struct HeaderMap: Sendable {
    /// Column index of each canonical field the header names.
    public private(set) var columns: [CanonicalField: Int] = [:]
    /// Headers that name no canonical field, as written.
    public private(set) var ignored: [String] = []
    /// The first canonical field named by two columns, with both columns as written (an
    /// error: which one holds the field cannot be told).
    public private(set) var repeated: (field: CanonicalField, first: IngestError.HeaderColumn, second: IngestError.HeaderColumn)?
    /// Number of fields in the header line.
    public let count: Int
    public let kind: ExportKind

    init(headers: [String], delimiter: UInt8) {
        count = headers.count
        var canonical = 0
        for (index, header) in headers.enumerated() {
            let key = header.replacingOccurrences(of: "\u{FEFF}", with: "").normalizedKey
            guard let (field, isCanonical) = CanonicalField.headerTable[key] else {
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
            if isCanonical { canonical += 1 }
        }
        kind = ExportKind.detect(canonicalColumns: canonical, matchedColumns: columns.count, delimiter: delimiter)
    }

    /// Required fields the header lacks, canonical names in spec order.
    public var missingRequired: [CanonicalField] {
        CanonicalField.allCases.filter { $0.isRequired && columns[$0] == nil }
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
