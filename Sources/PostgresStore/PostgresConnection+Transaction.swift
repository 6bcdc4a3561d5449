import PostgresNIO

extension PostgresConnection {
    /// Runs `body` in one transaction (`begin` opens it): committed when `body` returns, rolled
    /// back when it throws (the error is rethrown; a rollback on a lost connection is moot).
    func transaction<T>(_ begin: PostgresQuery = "BEGIN", _ body: () async throws -> T) async throws -> T {
        let logger = PostgresSession.logger
        try await query(begin, logger: logger)
        do {
            let result = try await body()
            try await query("COMMIT", logger: logger)
            return result
        } catch {
            _ = try? await query("ROLLBACK", logger: logger)
            throw error
        }
    }
}
