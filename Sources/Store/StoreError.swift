/// A fault of the store, with the path it concerns: one line for people, and the exit status
/// the command line documents for it.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// No store at the path (a read was asked for).
        case missing
        /// The file is not an SQLite database, or not one motcua made.
        case notAStore
        /// Made by a newer motcua: this one does not know its schema.
        case newerSchema
        /// Another process holds the store longer than the busy timeout.
        case busy
        /// The store cannot be written (permissions, read-only file system).
        case readOnly
        /// The store's folder cannot be written by this reader, so SQLite cannot make the
        /// shared-memory file a reader needs beside it (another process may write there).
        case folderNotWritable
        /// Written by an older motcua and not brought up to date (opening does that) because it
        /// cannot be written where it is.
        case olderReadOnly
        /// No store there and none can be made (its folder is missing or cannot be written).
        case cannotCreate
        /// No import with that id.
        case noSuchImport(Int64)
        /// The store's database server could not be reached or used (PostgreSQL).
        case server(ServerFault)
        /// Two names of a dictionary (unit spellings or procedures) would share an id in the
        /// store (a PostgreSQL store's ids are a prefix of each name's SHA-256): the file cannot
        /// be imported into it.
        case nameIDClash(NameList)
        /// A report would read more imports, unit names or procedures than a dossier can name
        /// (``Dossier/idLimit``).
        case tooManyNames(limit: Int)
        /// The disk holding the store is full (SQLite's SQLITE_FULL, PostgreSQL's disk_full):
        /// what was being written is rolled back.
        case diskFull
        /// The disk failed a read or a write (SQLite's SQLITE_IOERR: a failing disk, a file
        /// size limit; PostgreSQL's io_error).
        case ioError
        /// A store motcua made, missing a table or column it needs (`name`, as the database
        /// calls it): edited by hand.
        case damaged(String)
        /// Anything else the database reported, with its message.
        case failed(String)
    }

    /// A store's dictionaries of names.
    public enum NameList: Sendable {
        case unitSpellings, procedures
    }

    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .missing: return "\(path): no motcua store here (import files first: motcua import FILE...)"
        case .notAStore: return "\(path): not a motcua store"
        case .newerSchema: return "\(path): the store was written by a newer motcua; upgrade motcua to read it"
        case .busy: return "\(path): the store is busy (another import is running); try again later"
        case .readOnly: return "\(path): the store cannot be written (read-only)"
        case .olderReadOnly: return "\(path): older store, read-only, not upgraded"
        case .folderNotWritable: return "\(path): folder not writable, store not readable"
        case .cannotCreate: return "\(path): no store can be made here (is its folder there, and writable?)"
        case .noSuchImport(let id): return "\(path): no import with id \(id)"
        case .server(let fault): return "\(path): \(fault)"
        case .nameIDClash(.unitSpellings): return "\(path): two unit names share an id"
        case .nameIDClash(.procedures): return "\(path): two procedures share an id"
        case .tooManyNames(let limit):
            return "\(path): more than \(limit) imports, unit names or procedures for one report, more than motcua keeps; report over fewer imports"
        case .diskFull: return "\(path): disk full"
        case .ioError: return "\(path): disk I/O error"
        case .damaged(let name): return "\(path): damaged store, no \(name)"
        case .failed(let message): return "\(path): \(message)"
        }
    }

    /// 66 when the store cannot be used as input; 74 when it cannot be read or written now.
    public var exitStatus: Int32 {
        switch kind {
        case .missing, .notAStore, .newerSchema, .noSuchImport, .tooManyNames, .damaged: return 66
        case .busy, .readOnly, .olderReadOnly, .folderNotWritable, .cannotCreate, .server, .nameIDClash, .diskFull, .ioError, .failed: return 74
        }
    }
}

/// More imports, unit names or procedures than a dossier can name (``Dossier/idLimit``):
/// thrown where the store's path is not known, and made a ``StoreError`` where it is (both
/// engines).
public struct TooManyNames: Error {
    public init() {}
}
