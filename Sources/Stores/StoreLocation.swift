import PostgresStore
import Store

/// Where a store is, as `--db`, `$MOTCUA_DB` or `store =` in motcua.toml give it: a
/// `postgresql://` (or `postgres://`) URL names a PostgreSQL store, anything else the path of
/// an SQLite file. The one place that chooses the engine.
public enum StoreLocation: Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// Reads a location; a malformed PostgreSQL URL is a ``StoreError`` that does not repeat it.
    public init(_ text: String) throws(StoreError) {
        if PostgresAddress.names(text) {
            self = .postgres(try PostgresAddress(text))
        } else {
            self = .sqlite(path: text)
        }
    }

    /// True when `text` names a PostgreSQL store.
    public static func isPostgres(_ text: String) -> Bool { PostgresAddress.names(text) }

    /// The store as messages name it: the path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): address.description
        }
    }

    /// Opens the store for `access`.
    public func open(_ access: StoreAccess) throws(StoreError) -> any DossierStore {
        switch self {
        case .sqlite(let path): try MotcuaStore(path: path, access: access)
        case .postgres(let address): try PostgresStore(address: address, access: access)
        }
    }
}
