/// What one input contributed: the facts `check` prints and a report's summary adds up.
public struct InputSummary: Sendable {
    public var name: String
    /// SHA-256 of the file, hex: what a manifest names it by.
    public var sha256: String?
    public var byteCount: Int
    public var kind: ExportKind
    public var encoding: SourceEncoding
    public var delimiter: UInt8
    public var rowsRead = 0
    public var accepted = 0
    public var rejectsByReason: [RejectReason: Int] = [:]
    public var ignoredColumns: [String]
    /// The latest moment among the accepted rows (or the `--as-of` given).
    public var asOf: LocalMoment?
    public var blankRecords = 0

    public var rejected: Int { rejectsByReason.values.reduce(0, +) }

    public init(name: String, byteCount: Int, kind: ExportKind, encoding: SourceEncoding, delimiter: UInt8,
                ignoredColumns: [String]) {
        self.name = name
        self.byteCount = byteCount
        self.kind = kind
        self.encoding = encoding
        self.delimiter = delimiter
        self.ignoredColumns = ignoredColumns
    }
}

/// Reads any number of exports into one set of dossiers, by the spec's as-of rule: a dossier
/// takes its state from the file with the latest as-of (ties: the file whose name sorts later;
/// within a file, the later row), so the result never depends on the order of the inputs.
///
/// Memory grows with the number of dossiers, not with file size: each file is streamed into a
/// map of its own latest occurrences, which is merged once the file's as-of is known.
public final class DossierLoader {
    public let units: UnitRegistry
    /// Fields of procedures (TenLinhVuc), interned like units.
    public let fields = UnitRegistry()
    /// The winning state of every dossier, by code.
    public private(set) var dossiers = DossierTable()
    public private(set) var inputs: [InputSummary] = []
    /// States every file's as-of instead of deriving it (`--as-of`).
    public var asOfOverride: LocalMoment?
    public var encoding: SourceEncoding?
    public var delimiter: UInt8?
    /// Also hash every file (SHA-256), on the side: a json report's manifest names inputs so.
    public var computesDigests = false
    /// Told now and then how far into a file reading is (its name, 0…1): a progress bar.
    public var onProgress: ((String, Double) -> Void)?
    /// Sees every rejected row, in file order.
    public var onReject: (Reject) -> Void = { _ in }

    private var ranks: [FileRank] = []
    private var unitSpelling: [UnitID: (rank: FileRank, spelling: UnitRegistry.SpellingID)] = [:]

    /// `aliases` map names as they appear in exports to the unit they count for.
    public init(aliases: UnitAliases = UnitAliases()) {
        units = UnitRegistry(aliases: aliases)
    }

    /// Accepted rows that merged into a dossier already read (later states, exact duplicates).
    public var occurrencesCollapsed: Int { inputs.reduce(0) { $0 + $1.accepted } - dossiers.count }

    /// Reads one export and merges its dossiers. `name` is how rejects and errors name it.
    @discardableResult
    public func load(path: String, name: String? = nil) throws(IngestError) -> InputSummary {
        let name = name ?? path
        let fileIndex = Int32(inputs.count)
        try checkInputFile(path: path, name: name)
        let digest = computesDigests ? FileDigest(path: path, name: name) : nil
        let reader = try ExportReader(path: path, name: name, fileIndex: fileIndex, encoding: encoding,
                                      delimiter: delimiter, units: units, fields: fields)
        var summary = InputSummary(name: name, byteCount: reader.byteCount, kind: reader.header.kind,
                                   encoding: reader.encoding, delimiter: reader.delimiter,
                                   ignoredColumns: reader.header.ignored)
        // This file's latest occurrence of each dossier (a later row wins), and the last
        // spelling of each unit in it, indexed by unit id.
        var latest = DossierTable()
        var spellings: [UnitRegistry.SpellingID?] = []
        var asOf: LocalMoment?
        var sinceProgress = 0
        while let row = try reader.nextRow() {
            sinceProgress += 1
            if sinceProgress == 1 << 15, let onProgress, reader.byteCount > 0 {
                sinceProgress = 0
                onProgress(name, min(1, Double(reader.currentByteOffset) / Double(reader.byteCount)))
            }
            switch row {
            case .accepted(let facts):
                summary.accepted += 1
                reader.currentCode.withUnsafeBufferPointer { _ = latest.upsert(code: $0, facts.dossier) }
                let unit = Int(facts.dossier.unit.rawValue)
                if unit >= spellings.count { spellings += Array(repeating: nil, count: unit + 1 - spellings.count) }
                spellings[unit] = facts.unitSpelling
                if asOf.map({ $0 < facts.latestMoment }) ?? true { asOf = facts.latestMoment }
            case .rejected(let reject):
                summary.rejectsByReason[reject.reason, default: 0] += 1
                onReject(reject)
            }
        }
        summary.sha256 = try digest?.value()
        summary.rowsRead = reader.rowsRead
        summary.blankRecords = reader.blankRecords
        summary.asOf = asOfOverride ?? asOf
        let rank = FileRank(asOf: summary.asOf, name: name)
        ranks.append(rank)
        inputs.append(summary)
        merge(latest, rank: rank)
        for (index, spelling) in spellings.enumerated() {
            let unit = UnitID(rawValue: Int32(index))
            if let spelling, unitSpelling[unit].map({ $0.rank < rank }) ?? true {
                unitSpelling[unit] = (rank, spelling)
            }
        }
        return summary
    }

    private func merge(_ latest: DossierTable, rank: FileRank) {
        if dossiers.count == 0 {
            dossiers = latest
            return
        }
        latest.forEach { code, dossier in
            dossiers.upsert(code: code, dossier) { held in !(rank < ranks[Int(held.source.file)]) }
        }
    }

    /// The name to show for each unit: its spelling in the latest-as-of file it appears in.
    public var unitNames: [UnitID: String] {
        unitSpelling.mapValues { units.displayName(of: $0.spelling) }
    }
}

/// Orders inputs for the as-of rule: as-of first, then the file's base name, then the name
/// as given (Unicode code points, so the order is the same on every machine). Raw files and
/// the store's imports are ranked by this one rule.
public struct FileRank: Comparable, Sendable {
    public var asOf: LocalMoment?
    public var baseName: String
    public var name: String

    public init(asOf: LocalMoment?, name: String) {
        self.asOf = asOf
        self.name = name
        baseName = name.split(separator: "/").last.map(String.init) ?? name
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (lhs.asOf, rhs.asOf) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return true
        case (_?, nil): return false
        default: break
        }
        if lhs.baseName != rhs.baseName { return lhs.baseName.unicodeScalars.lexicographicallyPrecedes(rhs.baseName.unicodeScalars) }
        return lhs.name.unicodeScalars.lexicographicallyPrecedes(rhs.name.unicodeScalars)
    }
}

/// Every dossier's winning state, and what the figures and the summary need besides: the
/// result of reading raw files or a store, the same shape either way.
public struct DossierSet: Sendable {
    /// Every dossier by code.
    public var table: DossierTable
    /// The display name of each unit.
    public var unitNames: [UnitID: String]
    /// The display name of each field of procedures.
    public var fieldNames: [FieldID: String]
    public var inputs: [InputSummary]
    /// Accepted rows that merged into a dossier read before (later states, duplicates).
    public var collapsed: Int
    /// The aliases that moved dossiers to another unit, and how many.
    public var aliasUses: [AliasUse]

    public init(table: DossierTable, unitNames: [UnitID: String], fieldNames: [FieldID: String] = [:],
                inputs: [InputSummary], collapsed: Int, aliasUses: [AliasUse] = []) {
        self.aliasUses = aliasUses
        self.table = table
        self.unitNames = unitNames
        self.fieldNames = fieldNames
        self.inputs = inputs
        self.collapsed = collapsed
    }

    /// Every dossier's winning state.
    public var dossiers: [Dossier] { table.dossiers }
}

extension DossierLoader {
    /// What the files read so far add up to.
    public var result: DossierSet {
        DossierSet(table: dossiers, unitNames: unitNames,
                   fieldNames: Dictionary(uniqueKeysWithValues: fields.canonicalNames.map { (FieldID(rawValue: $0.key.rawValue), $0.value) }),
                   inputs: inputs, collapsed: occurrencesCollapsed, aliasUses: units.aliasUses(dossiers.dossiers))
    }
}
