/// The procedure catalogue (`--catalogue FILE`): what the district knows about each procedure,
/// read by the ``TableReader`` like an export, its rows checked and rejected the same way.
public struct Catalogue: Sendable {
    /// The file as named on the command line.
    public var name: String
    /// SHA-256 of the file, hex: what a manifest names it by.
    public var sha256: String
    /// Accepted entries, by code (NFC, trimmed, white space folded, letter case kept).
    public var entries: [String: CatalogueEntry] = [:]
    /// Records read after the header (blank ones excluded).
    public var rowsRead = 0
    public var rejectsByReason: [RejectReason: Int] = [:]

    public var rejected: Int { rejectsByReason.values.reduce(0, +) }

    /// Reads the catalogue at `path`; `onReject` sees each rejected row, in line order.
    public init(path: String, name: String? = nil, onReject: (Reject) -> Void = { _ in }) throws(IngestError) {
        let file = try InputFile(path: path, name: name)
        let digest = FileDigest(file: file)
        let reader = try TableReader<CatalogueField>(file: file)
        self.name = file.name
        sha256 = ""
        while let record = try reader.next() {
            let line = record.position.line
            let result: Result<CatalogueEntry, Failure>
            if let reason = record.faultReason {
                result = .failure(Failure(field: nil, reason: reason))
            } else if record.fields.count > reader.header.count {
                result = .failure(Failure(field: nil, reason: .tooManyFields))
            } else {
                result = Self.entry(record.fields)
            }
            switch result {
            case .success(let entry) where entries[entry.code] == nil:
                entries[entry.code] = entry
            case .success:
                reject(Failure(field: .maTTHC, reason: .duplicateProcedure), record, line, onReject)
            case .failure(let failure):
                reject(failure, record, line, onReject)
            }
        }
        rowsRead = reader.rowsRead
        sha256 = try digest.value()
    }

    public init(name: String, sha256: String, entries: [CatalogueEntry]) {
        self.name = name
        self.sha256 = sha256
        for entry in entries where self.entries[entry.code] == nil { self.entries[entry.code] = entry }
    }

    /// The entry of `code`, if the catalogue lists it.
    public subscript(code: String) -> CatalogueEntry? { entries[code] }

    struct Failure: Error {
        var field: CatalogueField?
        var reason: RejectReason
    }

    private mutating func reject(_ failure: Failure, _ record: TableRecord, _ line: Int, _ onReject: (Reject) -> Void) {
        rejectsByReason[failure.reason, default: 0] += 1
        onReject(Reject(file: name, line: line, field: failure.field?.rawValue, reason: failure.reason, raw: record.raw))
    }

    /// The row rules of the catalogue, first failing field first.
    private static func entry(_ fields: RowFields) -> Result<CatalogueEntry, Failure> {
        let code = fields.text(CatalogueField.maTTHC)
        guard !code.isEmpty else { return .failure(Failure(field: .maTTHC, reason: .missingValue)) }
        var entry = CatalogueEntry(code: code, name: fields.text(CatalogueField.tenTTHC))
        let limit = fields.text(CatalogueField.thoiHanGiaiQuyet)
        if !limit.isEmpty {
            guard limit.utf8.allSatisfy({ $0 &- 0x30 < 10 }) else {
                return .failure(Failure(field: .thoiHanGiaiQuyet, reason: .invalidWholeNumber))
            }
            entry.timeLimit = Int(limit) ?? Int.max
        }
        guard let level = ServiceLevel.words[fields.text(CatalogueField.mucDoDVC).lowercased()] else {
            return .failure(Failure(field: .mucDoDVC, reason: .unknownServiceLevel))
        }
        entry.level = level
        for (field, path) in [(CatalogueField.duDieuKienToanTrinh, \CatalogueEntry.fullOnlineEligible),
                              (.coPhiLePhi, \.chargesFees), (.traKetQuaGiay, \.paperResult)] {
            guard let flag = YesNo.spellings[fields.text(field).lowercased()] else {
                return .failure(Failure(field: field, reason: .invalidYesNo))
            }
            entry[keyPath: path] = flag
        }
        return .success(entry)
    }
}

extension DossierSet {
    /// The procedures dossiers use that `catalogue` lacks, with how many dossiers use each:
    /// over every dossier's winning occurrence, whatever its status or period; most frequent
    /// first, ties in code-point order.
    public func missingProcedures(from catalogue: Catalogue) -> [(code: String, dossiers: Int)] {
        var counts = [Int](repeating: 0, count: procedureCodes.count)
        for dossier in dossiers where dossier.procedure != .none { counts[Int(dossier.procedure.rawValue)] += 1 }
        return counts.enumerated()
            .filter { $0.element > 0 && catalogue[procedureCodes[$0.offset]] == nil }
            .map { (procedureCodes[$0.offset], $0.element) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) }
    }
}
