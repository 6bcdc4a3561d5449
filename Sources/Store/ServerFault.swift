/// Why a store's database server could not be used, in motcua's own words, which the commands
/// put in the reader's language; what the server or the system said is kept as they said it.
public enum ServerFault: Equatable, Sendable {
    /// The store's URL cannot be read (the message never repeats it: it may hold a password).
    case invalidURL(URLFault)
    /// The file the URL's sslrootcert names cannot be read.
    case unreadableRootCertificate(String)
    /// No connection could be made.
    case cannotConnect(ConnectionFault)
    /// The connection was made but TLS could not be set up on it.
    case cannotSetUpTLS(ConnectionFault)
    /// The server offers no TLS, which the URL's sslmode asks for.
    case tlsNotOffered
    /// The server asks for a password and none was given (in the URL or $PGPASSWORD).
    case passwordNeeded
    /// The server refused the credentials: its own words when it gave any.
    case authenticationFailed(serverMessage: String?)
    /// The connection broke while the work was under way.
    case connectionLost
    /// The server, or an administrator, ended the session: the server's own words.
    case sessionEnded(serverMessage: String)
}

/// Why a connection to a store's server could not be made or secured.
public enum ConnectionFault: Equatable, Sendable {
    /// Nothing listens at that address and port.
    case refused
    case timedOut
    /// The host's name has no address: the resolver's words.
    case unresolvableHost(String)
    /// The host's name resolved to no address to try.
    case noAddress
    /// The server's certificate is not signed by an authority the URL's sslrootcert trusts.
    case untrustedCertificate
    /// The server's certificate does not name the host.
    case certificateForAnotherHost
    /// TLS failed otherwise: the TLS library's words.
    case tls(String)
    /// The system's words (strerror) or the network library's, for anything else.
    case other(String)
    /// Nothing said why.
    case unknown
}

/// What is wrong with a store's PostgreSQL URL.
public enum URLFault: Equatable, Sendable {
    /// Not of the form postgresql://USER@HOST:PORT/DB.
    case notAURL
    case noHost
    case noUser
    case portOutOfRange
    /// The database name holds a '/'.
    case slashInDatabaseName
    /// sslmode is none of these.
    case unknownTLSMode(allowed: [String])
    /// A parameter other than sslmode and sslrootcert.
    case unknownParameter(String)
}
