import Store
import Wording

extension ServerFault {
    /// What went wrong with the store's server, in `language`.
    func words(_ language: Language) -> String {
        switch self {
        case .invalidURL(let why): return language[.serverInvalidURL, [.reason: why.words(language)]]
        case .unreadableRootCertificate(let file): return language[.serverUnreadableRootCertificate, [.file: file]]
        case .cannotConnect(let why): return language[.serverCannotConnect, [.reason: why.words(language)]]
        case .cannotSetUpTLS(let why): return language[.serverCannotSetUpTLS, [.reason: why.words(language)]]
        case .tlsNotOffered: return language[.serverTLSNotOffered]
        case .passwordNeeded: return language[.serverPasswordNeeded]
        case .authenticationFailed(nil): return language[.serverAuthenticationFailed]
        case .authenticationFailed(let message?): return language[.serverAuthenticationRefused, [.reason: message]]
        case .connectionLost: return language[.serverConnectionLost]
        case .sessionEnded(let message): return language[.serverSessionEnded, [.reason: message]]
        }
    }
}

extension URLFault {
    /// What is wrong with the URL, in `language`.
    func words(_ language: Language) -> String {
        switch self {
        case .notAURL: return language[.urlNotAURL]
        case .noHost: return language[.urlNoHost]
        case .noUser: return language[.urlNoUser]
        case .portOutOfRange: return language[.urlPortOutOfRange]
        case .slashInDatabaseName: return language[.urlSlashInDatabaseName]
        case .unknownTLSMode(let allowed): return language[.urlUnknownTLSMode, [.list: allowed.joined(separator: ", ")]]
        case .unknownParameter(let name): return language[.urlUnknownParameter, [.name: name]]
        }
    }
}

extension ConnectionFault {
    /// Why a connection failed, in `language`; the system's and libraries' own words as they are.
    func words(_ language: Language) -> String {
        switch self {
        case .refused: return language[.connectionRefused]
        case .timedOut: return language[.connectionTimedOut]
        case .unresolvableHost(let why): return language[.connectionUnresolvableHost, [.reason: why]]
        case .noAddress: return language[.connectionNoAddress]
        case .untrustedCertificate: return language[.connectionUntrustedCertificate]
        case .certificateForAnotherHost: return language[.connectionCertificateForAnotherHost]
        case .tls(let why): return language[.connectionTLS, [.reason: why]]
        case .other(let words): return words
        case .unknown: return language[.connectionUnknown]
        }
    }
}
