import Foundation
import Store

/// A PostgreSQL store's location: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]`
/// (`postgres://` too), read the way libpq reads such a URL.
///
/// The password is kept for connecting and never shown: ``description`` (what every message,
/// listing and log line names the store by) is `postgresql://USER@HOST:PORT/DB`.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    /// From the URL, else `$PGPASSWORD`; nil when neither gives one (trust or peer setups).
    var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode
    /// `sslrootcert`: the certificate authorities to trust instead of the system's.
    public var rootCertificate: String?

    /// libpq's `sslmode`, the ones motcua supports.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Never TLS.
        case disable
        /// TLS when the server offers it, unverified (libpq's default).
        case prefer
        /// TLS or no connection; the certificate is not verified.
        case require
        /// TLS with a certificate signed by a trusted authority, whatever host it names.
        case verifyCA = "verify-ca"
        /// TLS with a trusted certificate that names the host.
        case verifyFull = "verify-full"
    }

    /// True when `text` names a PostgreSQL store rather than an SQLite file.
    public static func names(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Reads a URL; `environment` supplies `PGPASSWORD` (and `PGUSER` when the URL names no
    /// user). The error never repeats the URL, which may hold a password.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) {
        let scheme = text.hasPrefix("postgresql://") ? "postgresql://" : "postgres://"
        func invalid(_ why: URLFault) -> StoreError {
            StoreError(path: scheme + "…", kind: .server(.invalidURL(why)))
        }
        guard Self.names(text), let parts = URLComponents(string: text) else {
            throw invalid(.notAURL)
        }
        guard let host = parts.host.map(Self.unbracketed), !host.isEmpty else { throw invalid(.noHost) }
        self.host = host
        guard let user = parts.user ?? environment["PGUSER"], !user.isEmpty else { throw invalid(.noUser) }
        self.user = user
        password = parts.password ?? environment["PGPASSWORD"]
        port = parts.port ?? 5432
        guard (1...65535).contains(port) else { throw invalid(.portOutOfRange) }
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.isEmpty ? user : path
        guard !database.contains("/") else { throw invalid(.slashInDatabaseName) }
        tls = .prefer
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw invalid(.unknownTLSMode(allowed: TLSMode.allCases.map(\.rawValue)))
                }
                tls = mode
            case "sslrootcert":
                rootCertificate = item.value
            default:
                throw invalid(.unknownParameter(item.name))
            }
        }
    }

    /// `postgresql://USER@HOST:PORT/DB`: never the password.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgresql://\(Self.escaped(user))@\(shownHost):\(port)/\(Self.escaped(database))"
    }

    private static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// A user or database name as a URL holds it (`@`, `:`, `/` and the like percent-encoded).
    private static func escaped(_ text: String) -> String {
        var allowed = CharacterSet.urlUserAllowed
        allowed.remove(charactersIn: ":@/?#[]")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
