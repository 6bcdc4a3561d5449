import Crypto
import Foundation
import PostgresNIO

/// The unit spellings and procedures an import names, added to their dictionaries and looked
/// up, in the import's transaction.
///
/// Each dictionary takes one statement that inserts in key order: two importers adding the
/// same new names wait for each other's commit in one global order (spellings, then
/// procedures, each by key), so they can never wait for each other in a cycle.
enum PostgresDictionaries {
    /// The id of each spelling, indexed by its number in the file (0 for a number no accepted
    /// row uses: never looked up).
    static func spellings(_ spellings: [(local: Int32, name: String)],
                          on connection: PostgresConnection) async throws -> [Int64] {
        guard let last = spellings.map(\.local).max() else { return [] }
        let keys = spellings.map { key(Array($0.name.utf8)) }
        let names = spellings.map(\.name)
        try await connection.query("""
            INSERT INTO unit_spelling (key, name)
            SELECT key, name FROM unnest(\(keys)::text[], \(names)::text[]) AS t(key, name)
            ORDER BY key COLLATE "C"
            ON CONFLICT (key) DO NOTHING
            """, logger: PostgresSession.logger)
        return try await ids(keys: keys, locals: spellings.map(\.local), count: Int(last) + 1, table: "unit_spelling",
                             on: connection)
    }

    /// The id of each procedure, indexed by its number in the file.
    static func procedures(_ procedures: [(local: Int32, key: [UInt8], texts: [String])],
                           on connection: PostgresConnection) async throws -> [Int64] {
        guard let last = procedures.map(\.local).max() else { return [] }
        let keys = procedures.map { key($0.key) }
        func column(_ k: Int) -> [String] { procedures.map { $0.texts[k] } }
        try await connection.query("""
            INSERT INTO procedure (key, procedure_code, procedure_name, field_code, field_name)
            SELECT * FROM unnest(\(keys)::text[], \(column(0))::text[], \(column(1))::text[], \(column(2))::text[],
                                 \(column(3))::text[]) AS t(key, a, b, c, d)
            ORDER BY key COLLATE "C"
            ON CONFLICT (key) DO NOTHING
            """, logger: PostgresSession.logger)
        return try await ids(keys: keys, locals: procedures.map(\.local), count: Int(last) + 1, table: "procedure",
                             on: connection)
    }

    private static func ids(keys: [String], locals: [Int32], count: Int, table: String,
                            on connection: PostgresConnection) async throws -> [Int64] {
        var ids = [Int64](repeating: 0, count: count)
        let rows = try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT t.local, d.id FROM unnest($1::text[], $2::int[]) AS t(key, local) JOIN \(table) d ON d.key = t.key
            """, binds: bindings(keys, locals)), logger: PostgresSession.logger)
        var found = 0
        for try await (local, id) in rows.decode((Int32, Int64).self) {
            ids[Int(local)] = id
            found += 1
        }
        guard found == keys.count else { throw UnexpectedReply("\(table): \(keys.count - found) names not stored") }
        return ids
    }

    private static func bindings(_ keys: [String], _ locals: [Int32]) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(keys)
        binds.append(locals)
        return binds
    }

    /// The SHA-256 of a name's bytes, hex: a dictionary's key, whatever the name's length.
    static func key(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

/// The server answered something motcua did not expect (a store changed under it by hand).
struct UnexpectedReply: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
