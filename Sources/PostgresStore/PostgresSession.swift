import Foundation
import Logging
import NIOSSL
import PostgresNIO
import Store

/// One connection to a PostgreSQL server, used from synchronous code: the command line waits
/// for each piece of async work (``run(_:)``) to finish.
///
/// It owns the process's event loop group (one thread) and shuts it down on ``close()``: a
/// command opens one store, so one group serves the process. A lost connection is an error of
/// the work that needed it, never a crash.
final class PostgresSession: @unchecked Sendable {
    let address: PostgresAddress
    let connection: PostgresConnection
    private let group: MultiThreadedEventLoopGroup
    private var closed = false

    /// postgres-nio logs at debug and trace levels; none of it is for people, and a run log at
    /// `--verbose` must never show connection details: its logger discards everything.
    static let logger = Logger(label: "motcua.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Connects and authenticates. Faults name the store by its password-free URL.
    init(address: PostgresAddress) throws(StoreError) {
        self.address = address
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            var configuration = PostgresConnection.Configuration(
                host: address.host, port: address.port, username: address.user, password: address.password,
                database: address.database, tls: try Self.tls(address))
            configuration.options.additionalStartupParameters = [("application_name", "motcua")]
            let settings = configuration, eventLoop = group.next()
            connection = try Self.wait {
                try await PostgresConnection.connect(on: eventLoop, configuration: settings, id: 1, logger: Self.logger)
            }
            self.group = group
        } catch {
            try? group.syncShutdownGracefully()
            throw PostgresFault.translate(error, store: address.description, writing: false)
        }
    }

    deinit { close() }

    /// Runs `body` with the connection and waits for it; a fault is a ``StoreError``.
    func run<T: Sendable>(writing: Bool = false,
                          _ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(StoreError) -> T {
        let connection = connection
        do {
            return try Self.wait(unless: connection.closeFuture) { try await body(connection) }
        } catch {
            throw PostgresFault.translate(error, store: address.description, writing: writing)
        }
    }

    /// Closes the connection and shuts the event loop group down (once; also on deinit).
    func close() {
        guard !closed else { return }
        closed = true
        let connection = connection
        _ = try? Self.wait { try await connection.close() }
        try? group.syncShutdownGracefully()
    }

    // MARK: - Waiting for async work

    /// Runs `body` as a task on ``executor`` and blocks until it ends, or until `closed`
    /// completes first: postgres-nio leaves a COPY waiting for ever when the server ends the
    /// session mid-way (the task is then cancelled and left; the error is a lost connection).
    static func wait<T: Sendable>(unless closed: EventLoopFuture<Void>? = nil,
                                  _ body: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Outcome<T>(body)
        let task = Task(executorPreference: executor) {
            let result: Result<T, any Error>
            do { result = .success(try await outcome.takeWork()()) } catch { result = .failure(error) }
            outcome.finish(result)
        }
        closed?.whenComplete { _ in
            outcome.finish(.failure(ConnectionLost()))
            task.cancel()
        }
        return try outcome.wait().get()
    }

    /// Where the waited-for tasks run: threads of a dispatch queue, not Swift's cooperative pool.
    /// The caller blocks while it waits and may itself be a pool thread (Swift Testing runs tests
    /// there; two of them waiting would leave no thread for their tasks); and an import's task
    /// waits for the file's reader thread, which must not hold a pool thread either.
    private static let executor = QueueExecutor()

    private final class QueueExecutor: TaskExecutor {
        private let queue = DispatchQueue(label: "motcua.postgres", attributes: .concurrent)

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            let executor = asUnownedTaskExecutor()
            queue.async { job.runSynchronously(on: executor) }
        }
    }

    /// A task's work and result: the work taken once by the task; the first result wins and
    /// wakes the waiter.
    private final class Outcome<T>: @unchecked Sendable {
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        private var work: (@Sendable () async throws -> T)?
        private var result: Result<T, any Error>?

        init(_ work: @escaping @Sendable () async throws -> T) { self.work = work }

        func takeWork() -> @Sendable () async throws -> T {
            lock.withLock {
                defer { work = nil }
                return work ?? { throw CancellationError() }
            }
        }

        func finish(_ result: Result<T, any Error>) {
            let first = lock.withLock {
                guard self.result == nil else { return false }
                self.result = result
                return true
            }
            if first { done.signal() }
        }

        func wait() -> Result<T, any Error> {
            done.wait()
            return lock.withLock { result ?? .failure(CancellationError()) }
        }
    }

    // MARK: - TLS

    /// libpq's sslmode as NIOSSL settings.
    private static func tls(_ address: PostgresAddress) throws -> PostgresConnection.Configuration.TLS {
        var settings = TLSConfiguration.makeClientConfiguration()
        if let root = address.rootCertificate {
            guard FileManager.default.isReadableFile(atPath: root) else {
                throw StoreError(path: address.description, kind: .server(.unreadableRootCertificate(root)))
            }
            settings.trustRoots = .file(root)
        }
        switch address.tls {
        case .disable:
            return .disable
        case .prefer:
            settings.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: settings))
        case .require:
            settings.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: settings))
        case .verifyCA:
            settings.certificateVerification = .noHostnameVerification
            return .require(try NIOSSLContext(configuration: settings))
        case .verifyFull:
            settings.certificateVerification = .fullVerification
            return .require(try NIOSSLContext(configuration: settings))
        }
    }
}

/// A value handed to work the caller waits for (``PostgresSession/run(writing:_:)``): used only
/// while the caller is blocked, so never from two threads at once.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The connection closed while work on it was waited for.
struct ConnectionLost: Error {}
