/// Dossiers from export files, read now: the files a command names.
///
/// The look-ups of audits (`occurrences(of:)`, `procedures(at:)`) read the files again, for
/// what the figures do not keep: they trade speed for memory, and only audits use them.
public final class ExportFiles: DossierSource {
    /// The files, as named on the command line; their order numbers the inputs.
    public let paths: [String]
    public var options: ReadOptions
    public var aliases: UnitAliases
    /// Also hash every file (SHA-256), on the side: a json report's manifest names inputs so.
    public var computesDigests = false
    /// Told now and then how far into a file reading is (its name, 0…1).
    public var onProgress: ((String, Double) -> Void)?

    public init(paths: [String], options: ReadOptions = ReadOptions(), aliases: UnitAliases = UnitAliases()) {
        self.paths = paths
        self.options = options
        self.aliases = aliases
    }

    /// Reads every file by the as-of rule. Throws the first file's error that cannot be read.
    public func dossierSet(onReject: (Reject) -> Void) throws(IngestError) -> DossierSet {
        try withoutActuallyEscaping(onReject) { onReject throws(IngestError) in
            let loader = DossierLoader(aliases: aliases, options: options)
            loader.computesDigests = computesDigests
            loader.onProgress = onProgress
            loader.onReject = onReject
            var failure: IngestError?
            loader.load(paths: paths) { result in
                if case .failure(let error) = result { failure = error }
                return failure == nil
            }
            if let failure { throw failure }
            return loader.result
        }
    }

    public func occurrences(of code: String) throws(IngestError) -> [OccurrenceListing] {
        let wanted = Array(code.normalizedForDisplay.utf8)
        var out: [OccurrenceListing] = []
        try eachRow { index, name, row in
            guard row.withCode({ $0.elementsEqual(wanted) }) else { return }
            var listing = OccurrenceListing(file: name, fileIndex: index, line: row.position.line, code: code,
                                            procedure: Self.procedure(of: row), unit: row.fields.text(.donViXuLy),
                                            dossier: nil, reject: nil)
            switch row.outcome {
            case .accepted(let facts): listing.dossier = facts.dossier
            case .rejected(let reject): listing.reject = reject
            }
            out.append(listing)
        }
        return out
    }

    public func procedures(at sources: Set<SourceLine>) throws(IngestError) -> [SourceLine: String] {
        var out: [SourceLine: String] = [:]
        let wanted = Set(sources.map(\.file))
        try eachRow(only: wanted) { index, _, row in
            guard row.facts != nil else { return }
            let source = SourceLine(file: index, line: Int32(clamping: row.position.line))
            if sources.contains(source) { out[source] = Self.procedure(of: row) }
        }
        return out
    }

    public func procedureNames(at sources: Set<SourceLine>) throws(IngestError) -> [SourceLine: String] {
        var out: [SourceLine: String] = [:]
        try eachRow(only: Set(sources.map(\.file))) { index, _, row in
            guard row.facts != nil else { return }
            let source = SourceLine(file: index, line: Int32(clamping: row.position.line))
            let name = row.fields.text(CanonicalField.tenTTHC)
            if !name.isEmpty, sources.contains(source) { out[source] = name }
        }
        return out
    }

    /// Calls `body` with every row of every file (of those in `only`), with the file's index
    /// and name.
    private func eachRow(only: Set<Int32>? = nil, _ body: (Int32, String, ExportRow) -> Void) throws(IngestError) {
        for (index, path) in paths.enumerated() where only?.contains(Int32(index)) ?? true {
            let reader = try ExportReader(path: path, fileIndex: Int32(index), encoding: options.encoding,
                                          delimiter: options.delimiter, units: UnitRegistry())
            while let row = try reader.next() { body(Int32(index), path, row) }
        }
    }

    /// TenTTHC, else MaTTHC: how an audit names the procedure of a row.
    private static func procedure(of row: ExportRow) -> String? {
        for field in [CanonicalField.tenTTHC, .maTTHC] {
            let text = row.fields.text(field)
            if !text.isEmpty { return text }
        }
        return nil
    }
}
