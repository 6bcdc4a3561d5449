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
    /// The last record, when it looks cut off (the export was incomplete).
    public var cutOff: CutOffRecord?

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

/// How export files are read: what overrides detection, for every file of a command.
public struct ReadOptions: Sendable {
    /// States every file's as-of instead of deriving it (`--as-of`).
    public var asOf: LocalMoment?
    public var encoding: SourceEncoding?
    public var delimiter: UInt8?

    public init(asOf: LocalMoment? = nil, encoding: SourceEncoding? = nil, delimiter: UInt8? = nil) {
        self.asOf = asOf
        self.encoding = encoding
        self.delimiter = delimiter
    }
}

/// Reads export files one at a time into one set of dossiers, by the as-of rule
/// (``AsOfMerger``).
///
/// Memory grows with the number of dossiers, not with file size: each file is streamed into a
/// table of its own latest occurrences, offered to the merger once the file's as-of is known.
public final class DossierLoader {
    public let units: UnitRegistry
    /// Fields of procedures (TenLinhVuc), interned like units.
    public let fields = UnitRegistry()
    /// Procedure codes (MaTTHC), interned.
    public let procedures = ProcedureRegistry()
    public private(set) var inputs: [InputSummary] = []
    public var options = ReadOptions()
    /// Also hash every file (SHA-256), on the side: a json report's manifest names inputs so.
    public var computesDigests = false
    /// Told now and then how far into a file reading is (its name, 0…1): a progress bar.
    public var onProgress: ((String, Double) -> Void)?
    /// Sees every rejected row, in file order.
    public var onReject: (Reject) -> Void = { _ in }
    private var merger = AsOfMerger()
    /// Whether each unit spelling (by id) was read in an accepted row.
    private var acceptedSpellings: [Bool] = []
    /// How files are cut into parts read at once (tests read them whole, or in tiny parts).
    var chunking = Chunking.standard

    /// `aliases` map names as they appear in exports to the unit they count for.
    public init(aliases: UnitAliases = UnitAliases(), options: ReadOptions = ReadOptions()) {
        units = UnitRegistry(aliases: aliases)
        self.options = options
    }

    /// The winning state of every dossier, by code.
    public var dossiers: DossierTable { merger.table }

    /// Accepted rows that merged into a dossier already read (later states, exact duplicates).
    public var occurrencesCollapsed: Int { merger.offered - merger.table.count }

    /// The name to show for each unit: its spelling in the latest occurrence that spells it.
    public var unitNames: [UnitID: String] { result.unitNames }

    /// What the files read so far add up to.
    public var result: DossierSet {
        var set = merger.dossierSet(units: units, fields: fields, procedures: procedures.codes, inputs: inputs)
        set.spellingsOnlyRejected = Set(set.unitSpellings.indices.lazy
            .filter { $0 >= self.acceptedSpellings.count || !self.acceptedSpellings[$0] }.map { Int32($0) })
        return set
    }

    /// Reads one export and merges its dossiers. `name` is how rejects and errors name it.
    @discardableResult
    public func load(path: String, name: String? = nil) throws(IngestError) -> InputSummary {
        try load(InputFile(path: path, name: name))
    }

    /// Room for the dossiers of a file of `bytes`: a row takes some 200 bytes in an export, so
    /// one per 128 bytes is rarely too little, and at most 8 million. Only address space: pages
    /// no dossier fills are never taken, and the table never doubles (copying itself, twice its
    /// size at that moment) while a file is read.
    static func roomFor(bytes: Int) -> Int { min(bytes / 128, 8 << 20) }

    /// Reads one opened export and merges its dossiers.
    @discardableResult
    public func load(_ file: InputFile) throws(IngestError) -> InputSummary {
        let reader = try ExportReader(file: file, fileIndex: Int32(inputs.count), encoding: options.encoding,
                                      delimiter: options.delimiter, units: units, fields: fields, procedures: procedures,
                                      chunking: chunking)
        return try load(file, reader: reader)
    }

    /// Reads exports in order, each as ``load(path:name:)`` would, several at once: the next
    /// file is opened (its encoding checked over every byte, its header read, its parts
    /// started) on a thread of its own while this one's rows are taken. `each` gets every file's
    /// summary or error, in order, and says whether to go on.
    public func load(paths: [String], each: (Result<InputSummary, IngestError>) -> Bool) {
        var next = paths.first.map { opening($0, as: Int32(inputs.count)) }
        for index in paths.indices {
            guard let this = next else { return }
            // Opened as the input after this one: a file that fails is no input, so its
            // successor is opened again under the index it then has.
            next = index + 1 < paths.count ? opening(paths[index + 1], as: Int32(inputs.count + 1)) : nil
            let result = Result { () throws(IngestError) -> InputSummary in
                let opened = try this.value()
                return try load(opened.file, reader: opened.reader)
            }
            guard each(result) else { return }
            if case .failure = result, index + 1 < paths.count {
                next = opening(paths[index + 1], as: Int32(inputs.count))
            }
        }
    }

    /// Opens `path` as input `index` on a thread of its own.
    private func opening(_ path: String, as index: Int32) -> ExportOpening {
        let (options, chunking) = (options, chunking)
        let registries = OpenedExport.Registries(units: units, fields: fields, procedures: procedures)
        return ExportOpening { () throws(IngestError) -> OpenedExport in
            try OpenedExport(path: path, name: nil, options: options, index: index, registries: registries, chunking: chunking)
        }
    }

    /// Reads an export opened as the next input and merges its dossiers.
    private func load(_ file: InputFile, reader: ExportReader) throws(IngestError) -> InputSummary {
        let fileIndex = Int32(inputs.count)
        let digest = computesDigests ? FileDigest(file: file) : nil
        var summary = InputSummary(name: file.name, byteCount: file.size, kind: reader.header.kind,
                                   encoding: reader.encoding, delimiter: reader.delimiter,
                                   ignoredColumns: reader.header.ignored)
        // This file's latest occurrence of each dossier (a later row wins), and the last
        // spelling of each unit in it with its line, indexed by unit id.
        var latest = DossierTable(reservingCapacity: Self.roomFor(bytes: file.size), codeBytes: Self.roomFor(bytes: file.size) * 24)
        var spellings: [(spelling: UnitRegistry.SpellingID, line: Int32)?] = []
        var asOf: LocalMoment?
        var sinceProgress = 0
        while let row = try reader.next() {
            if summary.accepted == 4_096, row.position.byte > 0 {
                // The rows so far tell how many the file holds: the index is sized once.
                latest.reserveSlots(for: min(Self.roomFor(bytes: file.size), file.size / row.position.byte * 4_096))
            }
            sinceProgress += 1
            if sinceProgress == 1 << 15, let onProgress, file.size > 0 {
                sinceProgress = 0
                onProgress(file.name, min(1, Double(row.position.byte) / Double(file.size)))
            }
            reader.withCodeHashesAhead { latest.warm($0) }
            switch row.outcome {
            case .accepted(let facts):
                summary.accepted += 1
                row.withCode { _ = latest.upsert(code: $0, hash: row.codeHash, facts.dossier) }
                let unit = Int(facts.dossier.unit.rawValue)
                if unit >= spellings.count { spellings += Array(repeating: nil, count: unit + 1 - spellings.count) }
                spellings[unit] = (facts.unitSpelling, facts.dossier.source.line)
                let spelling = Int(facts.unitSpelling.rawValue)
                if spelling >= acceptedSpellings.count { acceptedSpellings += Array(repeating: false, count: spelling + 1 - acceptedSpellings.count) }
                if spelling >= 0 { acceptedSpellings[spelling] = true }
                if asOf.map({ $0 < facts.latestMoment }) ?? true { asOf = facts.latestMoment }
            case .rejected(let reject):
                summary.rejectsByReason[reject.reason, default: 0] += 1
                onReject(reject)
            }
        }
        summary.sha256 = try digest?.value()
        summary.rowsRead = reader.rowsRead
        summary.blankRecords = reader.blankRecords
        summary.cutOff = reader.cutOff
        summary.asOf = options.asOf ?? asOf
        merger.addInput(FileRank(asOf: summary.asOf, name: file.name))
        inputs.append(summary)
        merger.offer(latest, occurrences: summary.accepted)
        for (index, spelling) in spellings.enumerated() {
            guard let spelling else { continue }
            merger.offerSpelling(spelling.spelling, of: UnitID(rawValue: Int32(index)),
                                 at: SourceLine(file: fileIndex, line: spelling.line))
        }
        return summary
    }
}
