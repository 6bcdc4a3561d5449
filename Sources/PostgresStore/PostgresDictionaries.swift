import Crypto
import PostgresNIO
import Store

/// A unit spelling or a procedure as an import names it: its texts, the SHA-256 of its key,
/// and its id, the hash's first 8 bytes.
///
/// Every importer gives a name the same id without asking the server, so an import's rows go
/// to `occurrence` as they are read, and importers of different files never wait for each
/// other's dictionary rows while they copy. The full hash, stored beside the id, tells two
/// names that share an id (one chance in 2^64 per pair): the import then stops, never merges
/// them.
struct DictionaryEntry: Sendable {
    var id: Int64
    var hash: String
    var texts: [String]

    init(key: [UInt8], texts: [String]) {
        let digest = Array(SHA256.hash(data: key))
        id = digest.prefix(8).reduce(Int64(0)) { $0 << 8 | Int64($1) }
        hash = digest.map { byte in
            let hex = Array("0123456789abcdef".utf8)
            return String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
        }.joined()
        self.texts = texts
    }

    /// A unit spelling: its key is its text.
    init(spelling name: String) {
        self.init(key: Array(name.utf8), texts: [name])
    }
}

/// Adds an import's unit spellings and procedures to their dictionaries, in the import's
/// transaction: each dictionary in one statement, in id order, so that importers adding the
/// same new names wait for each other's commit in one global order, never in a cycle.
enum PostgresDictionaries {
    static func add(spellings: [DictionaryEntry], procedures: [DictionaryEntry],
                    on connection: PostgresConnection) async throws {
        let logger = PostgresSession.logger
        if !spellings.isEmpty {
            try await connection.query("""
                INSERT INTO unit_spelling (id, key, name)
                SELECT * FROM unnest(\(spellings.map(\.id))::bigint[], \(spellings.map(\.hash))::text[],
                                     \(spellings.map { $0.texts[0] })::text[]) ORDER BY 1
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        if !procedures.isEmpty {
            func column(_ k: Int) -> [String] { procedures.map { $0.texts[k] } }
            try await connection.query("""
                INSERT INTO procedure (id, key, procedure_code, procedure_name, field_code, field_name)
                SELECT * FROM unnest(\(procedures.map(\.id))::bigint[], \(procedures.map(\.hash))::text[],
                                     \(column(0))::text[], \(column(1))::text[], \(column(2))::text[],
                                     \(column(3))::text[]) ORDER BY 1
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        let dictionaries: [(table: String, list: StoreError.NameList, entries: [DictionaryEntry])] = [
            ("unit_spelling", .unitSpellings, spellings), ("procedure", .procedures, procedures),
        ]
        for (table, list, entries) in dictionaries where !entries.isEmpty {
            var binds = PostgresBindings()
            binds.append(entries.map(\.id))
            binds.append(entries.map(\.hash))
            let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT count(*) FROM unnest($1::bigint[], $2::text[]) AS t(id, key) LEFT JOIN \(table) d ON d.id = t.id
                WHERE d.key IS DISTINCT FROM t.key
                """, binds: binds), logger: logger)
            for try await clashes in rows.decode(Int64.self) where clashes > 0 {
                throw NameIDClash(list: list)
            }
        }
    }
}

/// The server answered something motcua did not expect (a store changed under it by hand):
/// the store is then "not a motcua store" (``PostgresFault``), as an SQLite store whose rows
/// break its vocabulary is. The description is for a developer's debugger only.
struct UnexpectedReply: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Two names of a dictionary (unit spellings, procedures) whose ids, a prefix of their SHA-256,
/// are equal: the file cannot be imported (never seen; 2⁻⁶³ a pair). ``PostgresFault`` makes it
/// the store's ``StoreError/Kind/nameIDClash(_:)``.
struct NameIDClash: Error {
    var list: StoreError.NameList
}
