import Foundation
import Ingest
import Store
import Stores

/// Where a command's dossiers come from, as its options say: the export files named, else the
/// store; how files are read; the unit aliases that apply.
public struct Inputs: Sendable {
    /// Export files, as named on the command line; none: the store.
    public var files: [String]
    public var read: ReadOptions
    /// A `name,unit` CSV of unit aliases (`--units`), if any.
    public var unitsFile: String?
    /// The store, when no file is named.
    public var store: String
    /// The procedure catalogue (`--catalogue`), if any.
    public var catalogue: String?

    public init(files: [String], read: ReadOptions = ReadOptions(), unitsFile: String? = nil, store: String = "motcua.sqlite",
                catalogue: String? = nil) {
        self.files = files
        self.read = read
        self.unitsFile = unitsFile
        self.store = store
        self.catalogue = catalogue
    }

    /// The aliases of `unitsFile`, or none.
    public func aliases() throws(CommandError) -> UnitAliases {
        try units().aliases
    }

    /// The aliases and hierarchy of `unitsFile`, or none.
    public func units() throws(CommandError) -> UnitsFile {
        guard let unitsFile else { return UnitsFile() }
        return try Self.units(from: unitsFile)
    }

    /// The aliases in the units CSV file at `path`.
    public static func aliases(from path: String) throws(CommandError) -> UnitAliases {
        try units(from: path).aliases
    }

    /// The units CSV file at `path` (`name,unit[,parent,level]`), checked.
    public static func units(from path: String) throws(CommandError) -> UnitsFile {
        do {
            return try UnitsFile(path: path)
        } catch let error as UnitsFileError {
            throw CommandError(file: path, line: error.line, .unitsLine(error))
        } catch let error as IngestError {
            switch error.kind {
            case .unreadable, .isDirectory, .notRegularFile, .nameNotUTF8: throw CommandError(file: path, .unitsUnreadable)
            default: throw CommandError(file: error.file, line: error.line, .input(error))
            }
        } catch {
            throw CommandError(file: path, .unitsUnreadable)
        }
    }

    /// The files named, else the store (which must exist). `digests`: also hash every file,
    /// for the formats that name their inputs by SHA-256.
    public func source(digests: Bool = false) throws(CommandError) -> any DossierSource {
        let aliases = try aliases()
        if files.isEmpty { return try Self.open(store, .read).dossiers(only: nil, aliases: aliases) }
        let source = ExportFiles(paths: files, options: read, aliases: aliases)
        source.computesDigests = digests
        return source
    }

    /// Opens the store at `location` (an SQLite path or a PostgreSQL URL) for `access`. A
    /// fault names the store as its messages do: a URL without its password.
    public static func open(_ location: String, _ access: StoreAccess) throws(CommandError) -> any DossierStore {
        do {
            return try StoreLocation(location).open(access)
        } catch {
            throw CommandError(file: error.path, .store(error))
        }
    }
}

/// Told now and then how far the reading of a file has come: its name, and 0…1 (a progress bar).
public typealias Progress = (String, Double) -> Void

/// Every dossier of a source by the as-of rule, the procedure catalogue when one is given,
/// and the first rejected row (of the exports, else of the catalogue), if any.
public struct ReadDossiers {
    public var set: DossierSet
    public var catalogue: Catalogue?
    public var firstReject: Reject?

    /// Reads `source` and the catalogue at `catalogue`, writing their rejected rows to `rejects`
    /// (one rejects file) as they come.
    public init(_ source: any DossierSource, catalogue: String? = nil, rejects path: String? = nil,
                progress: Progress? = nil) throws(CommandError) {
        (source as? ExportFiles)?.onProgress = progress
        var writer = try RejectsFile(path: path)
        var first: Reject?
        do {
            set = try CommandError.from {
                try source.dossierSet { reject in
                    if first == nil { first = reject }
                    writer.add(reject)
                }
            }
            self.catalogue = try catalogue.map { path throws(CommandError) in
                try CommandError.from {
                    try Catalogue(path: path) { reject in
                        if first == nil { first = reject }
                        writer.add(reject)
                    }
                }
            }
        } catch {
            writer.abandon()
            throw error
        }
        try writer.close()
        firstReject = first
    }
}
