import Foundation
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
        func failed(_ message: String) -> StoreError { StoreError(path: store, kind: .failed(message)) }
        if let error = error as? PSQLError {
            switch error.code {
            case .server:
                return server(error, store: store, writing: writing)
            case .connectionError:
                return failed("cannot connect: " + reason(error.underlying))
            case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
                return failed("the connection to the server was lost")
            case .sslUnsupported:
                return failed("the server does not offer TLS (sslmode asks for it)")
            case .failedToAddSSLHandler:
                return failed("cannot set up TLS: " + reason(error.underlying))
            case .authMechanismRequiresPassword:
                return failed("the server asks for a password (in the URL or $PGPASSWORD)")
            case .unsupportedAuthMechanism, .saslError:
                return failed("authentication failed")
            default:
                return failed("PostgreSQL: \(error.code)")
            }
        }
        if error is ConnectionLost {
            return failed("the connection to the server was lost")
        }
        if error is NIOSSLError || error is BoringSSLError {
            return failed("cannot connect: " + reason(error))
        }
        if error is NIOConnectionError || error is IOError || error is ChannelError {
            return failed("cannot connect: " + reason(error))
        }
        return failed(String(describing: error))
    }

    /// A fault the server reported, by its SQLSTATE.
    private static func server(_ error: PSQLError, store: String, writing: Bool) -> StoreError {
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = error.serverInfo?[.message] ?? "error \(state)"
        switch state {
        case "3D000":  // invalid_catalog_name: no such database
            return StoreError(path: store, kind: .missing)
        case "28P01", "28000":  // invalid_password, invalid_authorization_specification
            return StoreError(path: store, kind: .failed("cannot connect: \(message)"))
        case "42501" where writing, "25006":  // insufficient_privilege, read_only_sql_transaction
            return StoreError(path: store, kind: .readOnly)
        case "55P03", "40P01", "40001", "53300":  // lock timeout, deadlock, serialization, too many connections
            return StoreError(path: store, kind: .busy)
        case "57P01", "57P02", "57P03":  // the server or an administrator ended the session
            return StoreError(path: store, kind: .failed("the server ended the connection (\(message))"))
        default:
            return StoreError(path: store, kind: .failed(message))
        }
    }

    /// Why a connection could not be made, in a few words ("connection refused").
    private static func reason(_ error: (any Error)?) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let dns = error.dnsAError ?? error.dnsAAAAError { return "cannot resolve the host (\(dns))" }
            return error.connectionErrors.first.map { reason($0.error) } ?? "no address to connect to"
        case let error as NIOSSLError:
            let text = String(describing: error)
            if text.contains("CERTIFICATE_VERIFY_FAILED") {
                return "the server's TLS certificate is not signed by a trusted authority (sslrootcert names the ones to trust)"
            }
            if case .unableToValidateCertificate = error { return "the server's TLS certificate does not name the host" }
            return "TLS failed (\(text))"
        case let error as IOError:
            return String(cString: strerror(error.errnoCode)).lowercased()
        case let error as ChannelError where error == .connectTimeout(.seconds(10)):
            return "timed out"
        case let error?:
            return String(describing: error)
        case nil:
            return "no reason given"
        }
    }
}
