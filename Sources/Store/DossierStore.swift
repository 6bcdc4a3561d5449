import Ingest

/// What a command needs of a store, whatever its engine.
public enum StoreAccess: Sendable {
    /// Reports: the store must exist; it is opened read-only.
    case read
    /// Changes to an existing store (removing an import): never creates one.
    case write
    /// Imports: made when missing, its schema brought up to date.
    case create
}

/// What importing one file did.
public enum ImportOutcome: Sendable {
    /// The file was taken in, as this import.
    case imported(ImportRecord)
    /// A file with the same SHA-256 is in the store already: nothing changed.
    case alreadyImported(ImportRecord)
}

/// How to read files being imported: the options `report` has for raw files.
public typealias ImportOptions = ReadOptions

/// A store of monthly imports: every import, every accepted occurrence and every rejected row,
/// and each dossier's current state by the as-of rule, so that any report can be rebuilt from
/// it as from the raw files. Every engine (SQLite: ``MotcuaStore``; PostgreSQL: `PostgresStore`)
/// behaves the same behind this interface; `Stores.StoreLocation` opens the one a location names.
///
/// Every fault is a ``StoreError`` naming the store by ``name``, except a file that cannot be
/// read while importing (`IngestError`).
public protocol DossierStore: AnyObject {
    /// The store as messages name it: its path, or its PostgreSQL URL without the password.
    var name: String { get }

    /// Imports one export file, opened (``OpenedExport``: its text checked, its header read),
    /// in one transaction: its import record, every accepted occurrence and every rejected row,
    /// or nothing at all. A file whose SHA-256 is in the store already changes nothing.
    /// `progress` hears how much of the file is read (0…1), perhaps from another thread while
    /// the caller waits; `onReject` sees the file's rejected rows once the import is committed.
    /// `options` are those the export was opened with (its `asOf` is the import's).
    func importFile(_ export: OpenedExport, options: ImportOptions, progress: @escaping (Double) -> Void,
                    onReject: (Reject) -> Void) throws -> ImportOutcome

    /// Every import, oldest first.
    func imports() throws(StoreError) -> [ImportRecord]

    /// Takes one import out, with its occurrences and rejects: every dossier falls back to its
    /// next occurrence by the as-of rule.
    func removeImport(id: Int64) throws(StoreError) -> ImportRecord

    /// The rejected rows of every import (of those in `only`), in import and line order.
    func rejects(only: Set<Int64>?) throws(StoreError) -> [Reject]

    /// The stored dossiers of every import, or of those in `only` (what `verify` recomputes a
    /// report from), with the command's unit aliases: what reports and audits read.
    func dossiers(only: Set<Int64>?, aliases: UnitAliases) -> any DossierSource
}

extension DossierStore {
    /// Opens `path` (`name`: how errors and rejects name it) and imports it
    /// (``importFile(_:options:progress:onReject:)``).
    public func importFile(path: String, name: String? = nil, options: ImportOptions = ImportOptions(),
                           progress: @escaping (Double) -> Void = { _ in },
                           onReject: (Reject) -> Void = { _ in }) throws -> ImportOutcome {
        try importFile(OpenedExport(path: path, name: name, options: options), options: options, progress: progress,
                       onReject: onReject)
    }
}

extension MotcuaStore: DossierStore {
    public var name: String { path }

    public func dossiers(only: Set<Int64>?, aliases: UnitAliases) -> any DossierSource {
        StoredDossiers(store: self, only: only, aliases: aliases)
    }
}

/// The procedure's name as an explanation shows it, from what a store keeps as read: TenTTHC,
/// else MaTTHC, each normalised for display as raw files give it (a decomposed or padded name
/// reads the same from a store as from its file).
public func storedProcedureName(name: String?, code: String?) -> String? {
    [name, code].lazy.compactMap { $0?.normalizedForDisplay }.first { !$0.isEmpty }
}
