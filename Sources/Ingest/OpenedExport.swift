/// An export opened for reading: its text checked over every byte, its header read, and its
/// parts being read (``ExportReader``).
public struct OpenedExport: Sendable {
    public let file: InputFile
    public let reader: ExportReader

    /// Opens `path` for a reader of its own (an import): `name` is how errors and rejects name
    /// the file (the path when nil); `options` override detection.
    public init(path: String, name: String? = nil, options: ReadOptions) throws(IngestError) {
        try self.init(path: path, name: name, options: options, index: 0, registries: Registries(), chunking: .standard)
    }

    /// Opens `path` as input `index` of a run whose names are interned in `registries`.
    /// Opening touches none of them (rows are interned as they are taken), so it may run
    /// beside the rows of another file.
    init(path: String, name: String?, options: ReadOptions, index: Int32, registries: Registries,
         chunking: Chunking) throws(IngestError) {
        file = try InputFile(path: path, name: name)
        reader = try ExportReader(file: file, fileIndex: index, encoding: options.encoding, delimiter: options.delimiter,
                                  units: registries.units, fields: registries.fields, procedures: registries.procedures,
                                  chunking: chunking)
    }

    /// Where a run interns the names its rows meet, handed to a reader opened on another
    /// thread: opening only keeps them, and the rows are taken on the run's own thread.
    struct Registries: @unchecked Sendable {
        var units = UnitRegistry()
        var fields: UnitRegistry?
        var procedures: ProcedureRegistry?
    }
}

/// An export being opened on a thread of its own (the next file of a run, while this one is
/// read or imported): several files at once.
public final class ExportOpening: Sendable {
    private let opened: Background<OpenedExport>

    /// Starts opening `path` at once (``OpenedExport/init(path:name:options:)``).
    public convenience init(path: String, name: String? = nil, options: ReadOptions) {
        self.init { () throws(IngestError) -> OpenedExport in try OpenedExport(path: path, name: name, options: options) }
    }

    init(_ open: @escaping @Sendable () throws(IngestError) -> OpenedExport) {
        opened = Background(open)
    }

    /// Waits for the export, or throws what opening it threw.
    public func value() throws(IngestError) -> OpenedExport {
        try opened.value()
    }
}

extension ExportOpening {
    /// Opens `paths` one ahead, for a run that imports them one after the other: `body` gets
    /// each file's index and opening in order, the next file's opening already started (its
    /// text checked, its header read, its first parts read while this one is imported: the
    /// merge and the commit leave a core idle). `names` name the files in errors and rejects.
    public static func oneAhead<E: Error>(paths: [String], names: [String]? = nil, options: ReadOptions,
                                          _ body: (Int, ExportOpening) throws(E) -> Void) throws(E) {
        func opening(_ index: Int) -> ExportOpening? {
            index < paths.count ? ExportOpening(path: paths[index], name: names?[index], options: options) : nil
        }
        var next = opening(0)
        for index in paths.indices {
            guard let this = next else { return }
            next = opening(index + 1)
            try body(index, this)
        }
    }
}
