import Foundation
import Ingest
import NIOSSL
import PostgresNIO
import Store

/// Maps what postgres-nio and the server report onto the store's faults (and their exit
/// statuses): 66 when the store cannot be used as input (no database, not a motcua store), 74
/// when it cannot be reached, read or written now (refused, authentication, read-only, busy, a
/// lost connection). Messages name the store by its password-free URL and never hold a query.
enum PostgresFault {
    /// `writing`: the work changes the store, so a permission fault means "read-only".
    static func translate(_ error: any Error, store: String, writing: Bool) -> StoreError {
        if let error = error as? StoreError { return error }
        func server(_ fault: ServerFault) -> StoreError { StoreError(path: store, kind: .server(fault)) }
        if let error = error as? PSQLError {
            switch error.code {
            case .server:
                return Self.server(error, store: store, writing: writing)
            case .connectionError:
                return server(.cannotConnect(connection(error.underlying)))
            case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
                return server(.connectionLost)
            case .sslUnsupported:
                return server(.tlsNotOffered)
            case .failedToAddSSLHandler:
                return server(.cannotSetUpTLS(connection(error.underlying)))
            case .authMechanismRequiresPassword:
                return server(.passwordNeeded)
            case .unsupportedAuthMechanism, .saslError:
                return server(.authenticationFailed(serverMessage: nil))
            default:
                return StoreError(path: store, kind: .failed("PostgreSQL: \(error.code)"))
            }
        }
        if error is ConnectionLost {
            return server(.connectionLost)
        }
        // Rows motcua did not write (a store edited by hand): what SQLite calls a corrupt
        // database, and the SQLite store "not a motcua store".
        if error is UnexpectedReply {
            return StoreError(path: store, kind: .notAStore)
        }
        if let clash = error as? NameIDClash {
            return StoreError(path: store, kind: .nameIDClash(clash.list))
        }
        if error is TooManyNames {
            return StoreError(path: store, kind: .tooManyNames(limit: Dossier.idLimit))
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOConnectionError || error is IOError
            || error is ChannelError {
            return server(.cannotConnect(connection(error)))
        }
        return StoreError(path: store, kind: .failed(String(describing: error)))
    }

    /// A fault the server reported, by its SQLSTATE.
    private static func server(_ error: PSQLError, store: String, writing: Bool) -> StoreError {
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = error.serverInfo?[.message] ?? "error \(state)"
        switch state {
        case "3D000":  // invalid_catalog_name: no such database
            return StoreError(path: store, kind: .missing)
        case "28P01", "28000":  // invalid_password, invalid_authorization_specification
            return StoreError(path: store, kind: .server(.authenticationFailed(serverMessage: message)))
        case "42501" where writing, "25006":  // insufficient_privilege, read_only_sql_transaction
            return StoreError(path: store, kind: .readOnly)
        case "55P03", "40P01", "40001", "53300":  // lock timeout, deadlock, serialization, too many connections
            return StoreError(path: store, kind: .busy)
        case "53100":  // disk_full
            return StoreError(path: store, kind: .diskFull)
        case "58030":  // io_error
            return StoreError(path: store, kind: .ioError)
        case "42P01", "42703":  // undefined_table, undefined_column: dropped by hand
            return StoreError(path: store, kind: .damaged(missingName(message)))
        case "57P01", "57P02", "57P03":  // the server or an administrator ended the session
            return StoreError(path: store, kind: .server(.sessionEnded(serverMessage: message)))
        default:
            return StoreError(path: store, kind: .failed(message))
        }
    }

    /// The table or column the server's `message` says is missing: quoted (`relation "current"
    /// does not exist`), or not (`column c.code does not exist`).
    static func missingName(_ message: String) -> String {
        let quoted = message.split(separator: "\"", omittingEmptySubsequences: false)
        if quoted.count >= 3 { return String(quoted[1]) }
        let words = message.split(separator: " ")
        if words.count >= 2, ["column", "relation"].contains(words[0]) { return String(words[1]) }
        return message  // the server's words in another language: the name is in them
    }

    /// Why a connection could not be made or secured.
    private static func connection(_ error: (any Error)?) -> ConnectionFault {
        switch error {
        case let error as NIOConnectionError:
            if let dns = error.dnsAError ?? error.dnsAAAAError { return .unresolvableHost(String(describing: dns)) }
            return error.connectionErrors.first.map { connection($0.error) } ?? .noAddress
        case let error as NIOSSLError:
            let text = String(describing: error)
            if text.contains("CERTIFICATE_VERIFY_FAILED") { return .untrustedCertificate }
            if case .unableToValidateCertificate = error { return .certificateForAnotherHost }
            return .tls(text)
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: return .refused
            case ETIMEDOUT: return .timedOut
            default: return .other(String(cString: strerror(error.errnoCode)).lowercased())
            }
        case let error as ChannelError:
            if case .connectTimeout = error { return .timedOut }
            return .other(String(describing: error))
        case let error?:
            return .other(String(describing: error))
        case nil:
            return .unknown
        }
    }
}
