import Foundation
import GRDB
import Ingest
import TestSupport
import Testing
@testable import Store

/// The store's current state (STORE-DESIGN.md) against the as-of rule over every occurrence:
/// after imports in any order, removals and imports again, `current` holds one row per dossier
/// and a report reads from it exactly what merging every stored occurrence gives; an older
/// store is migrated to it.
@Suite struct CurrentStateTests {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The input files of every fixture case that has several.
    private func cases() throws -> [[String]] {
        try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).sorted().compactMap { name in
            let dir = Self.fixtures.appendingPathComponent(name)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.filter { $0.hasSuffix(".csv") }.sorted()
                .map { dir.appendingPathComponent($0).path } ?? []
            return files.count >= 2 ? files : nil
        }
    }

    private func newStore() throws -> MotcuaStore {
        let dir = try TestProcessFolder.url.appendingPathComponent("motcua-current-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try MotcuaStore(path: dir.appendingPathComponent("motcua.sqlite").path, create: true)
    }

    /// Everything a report takes from a dossier set, ids replaced by the names they stand for.
    private func described(_ set: DossierSet) -> [String] {
        var out: [String] = []
        set.table.forEach { code, dossier in
            var d = dossier
            let field = set.fieldNames[d.field] ?? "-"
            let procedure = d.procedure == .none ? "-" : set.procedureCodes[Int(d.procedure.rawValue)]
            d.field = .unknown
            d.procedure = .none
            out.append("\(String(decoding: code, as: UTF8.self)) \(d) \(field) \(procedure)")
        }
        out.sort()
        out.append("units \(set.unitNames.sorted { $0.key.rawValue < $1.key.rawValue })")
        out.append("fields \(Set(set.fieldNames.values).sorted())")
        out.append("collapsed \(set.collapsed) aliases \(set.aliasUses)")
        out.append("inputs \(set.inputs.map { "\($0.name) \($0.accepted) \($0.rejectsByReason.count)" })")
        return out
    }

    private func check(_ store: MotcuaStore, _ note: String) throws {
        let (current, sideBySide, derived, rows) = try store.read { db in
            (try MotcuaStore.dossierSet(db, only: nil, aliases: UnitAliases()),
             // `current` in three rowid ranges, two of them read on threads of their own.
             try MotcuaStore.dossierSet(db, only: nil, aliases: UnitAliases(), pool: store.writer, parts: 3),
             try MotcuaStore.dossierSet(db, only: nil, aliases: UnitAliases(), derive: true),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM current") ?? -1)
        }
        #expect(described(current) == described(derived), "\(note)")
        #expect(described(sideBySide) == described(derived), "\(note): read side by side")
        #expect(sideBySide.table.count == current.table.count, "\(note): read side by side")
        #expect(rows == derived.table.count, "\(note): one current row per dossier")
    }

    /// A side read that meets an import committed after the report's own read began is read
    /// again in the report's transaction: the report sees the store before that import, whole.
    @Test func aSideReadOfAnotherRevisionIsReadAgain() throws {
        let files = try #require(try cases().first { $0.contains { $0.contains("monthly-overlap") } })
        let store = try newStore()
        _ = try store.importFile(path: files[0])
        let before = described(try store.dossierSet())
        let (during, importsSeen) = try store.read { db in
            _ = try Int.fetchOne(db, sql: "SELECT n FROM revision")  // the read transaction's snapshot
            // Another handle (its own pool), as another process would import.
            let other = try MotcuaStore(path: store.path, create: true)
            for file in files.dropFirst() { _ = try other.importFile(path: file) }
            return (try MotcuaStore.dossierSet(db, only: nil, aliases: UnitAliases(), pool: store.writer, parts: 2),
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM import") ?? -1)
        }
        #expect(importsSeen == 1)
        #expect(described(during) == before)
        #expect(described(try store.dossierSet()) != before, "the later imports change the state")
    }

    @Test func theCurrentStateIsEveryOccurrenceMerged() throws {
        var random = SystemRandomNumberGenerator()
        for files in try cases() {
            let store = try newStore()
            for file in files.shuffled(using: &random) { _ = try store.importFile(path: file) }
            try check(store, "\(files) imported")
            for _ in 0..<2 {
                let imports = try store.imports()
                let removed = try #require(imports.randomElement(using: &random))
                _ = try store.removeImport(id: try #require(removed.id))
                try check(store, "\(removed.fileName) removed")
                _ = try store.importFile(path: try #require(files.first { $0.hasSuffix(removed.fileName) }))
                try check(store, "\(removed.fileName) imported again")
            }
            for record in try store.imports().dropLast() { _ = try store.removeImport(id: try #require(record.id)) }
            try check(store, "one import left")
            _ = try store.removeImport(id: try #require(try store.imports().first?.id))
            try check(store, "no import left")
        }
    }

    /// Makes the store's tables what a v7 store has (`occurrence` with a column per state
    /// field, read back from `occurrence_detail`; `current` as v4 made it, holding `stale`
    /// rows), and forgets migration v8, as a store an older motcua wrote.
    private func rewriteAsV7(_ db: Database, stale: String = "line = 2") throws {
        let columns = try db.columns(in: "occurrence_detail").map(\.name).prefix { $0 != "procedure_code" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE occurrence_v7 (
            id INTEGER PRIMARY KEY,
            \(MotcuaStore.occurrenceColumnDefinitions)
            );
            INSERT INTO occurrence_v7 (\(columns)) SELECT \(columns) FROM occurrence_detail ORDER BY id;
            DROP VIEW current_detail; DROP TABLE current; DROP VIEW occurrence_detail; DROP TABLE occurrence;
            ALTER TABLE occurrence_v7 RENAME TO occurrence;
            \(MotcuaStore.detailView("occurrence_detail", of: "occurrence"))
            CREATE TABLE current (
                code TEXT NOT NULL UNIQUE, import_id INTEGER NOT NULL REFERENCES import(id), line INTEGER NOT NULL,
                unit_spelling_id INTEGER NOT NULL, \(MotcuaStore.stateColumnNames.map { "\($0) INTEGER" }.joined(separator: ", ")),
                procedure_id INTEGER
            );
            -- Rows v8 must not keep: it fills the table again from the occurrences.
            INSERT OR IGNORE INTO current
                SELECT code, import_id, line, unit_spelling_id, \(MotcuaStore.stateColumnNames.joined(separator: ", ")), procedure_id
                FROM occurrence WHERE \(stale);
            \(MotcuaStore.detailView("current_detail", of: "current"))
            DELETE FROM grdb_migrations WHERE identifier LIKE 'v8:%';
            """)
    }

    /// Every occurrence's key is its import and line, and no occurrence outlives its import.
    private func expectKeysAndNoOrphans(_ store: MotcuaStore, _ note: String) throws {
        let (wrongKeys, orphans, stored, accepted) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM occurrence WHERE id != ((import_id << 32) | line)") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM occurrence WHERE import_id NOT IN (SELECT id FROM import)") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM occurrence") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(accepted), 0) FROM import") ?? -1)
        }
        #expect(wrongKeys == 0, "\(note)")
        #expect(orphans == 0, "\(note)")
        #expect(stored == accepted && stored > 0, "\(note)")
    }

    /// `VACUUM` (an administrator giving back the space of removed imports) renumbers a rowid
    /// that is not declared: the occurrence key is declared (v7), so it survives, a removal
    /// still takes its import's occurrences out and the current state stays every occurrence
    /// merged.
    @Test func aVacuumKeepsTheOccurrenceKeys() throws {
        let files = try #require(try cases().first { $0.contains { $0.contains("monthly-overlap") } })
        let store = try newStore()
        for file in files { _ = try store.importFile(path: file) }
        try store.writer.writeWithoutTransaction { try $0.execute(sql: "VACUUM") }
        try expectKeysAndNoOrphans(store, "vacuumed")
        _ = try store.removeImport(id: try #require(try store.imports().first?.id))
        try expectKeysAndNoOrphans(store, "vacuumed, one import removed")
        try check(store, "vacuumed, one import removed")
    }

    /// A v6 store that was vacuumed (its occurrences renumbered 1, 2, 3…), then had an import
    /// removed (which then deleted none of its occurrences) and the same file imported again
    /// (given the same id, as SQLite gives the highest id + 1) is repaired by the migration to
    /// v7: the occurrences left behind go, every key is computed again from the import and
    /// line, and the current state is every remaining occurrence merged.
    @Test func aVacuumedV6StoreIsRepaired() throws {
        let files = try #require(try cases().first { $0.contains { $0.contains("monthly-overlap") } })
        let store = try newStore()
        for file in files.prefix(2) { _ = try store.importFile(path: file) }
        let before = described(try store.dossierSet())
        let queue = try DatabaseQueue(path: store.path)
        // v6's layout: the key as an undeclared rowid.
        try queue.write { db in
            try rewriteAsV7(db)
            let columns = try db.columns(in: "occurrence").map(\.name).filter { $0 != "id" }.joined(separator: ", ")
            try db.execute(sql: """
                CREATE TABLE saved_occurrence AS SELECT * FROM occurrence WHERE import_id = 2;
                CREATE TABLE saved_import AS SELECT * FROM import WHERE id = 2;
                DROP VIEW current_detail; DROP VIEW occurrence_detail;
                CREATE TABLE occurrence_v6 (
                \(MotcuaStore.occurrenceColumnDefinitions)
                );
                INSERT INTO occurrence_v6 (rowid, \(columns)) SELECT id, \(columns) FROM occurrence ORDER BY id;
                DROP TABLE occurrence;
                ALTER TABLE occurrence_v6 RENAME TO occurrence;
                \(MotcuaStore.detailView("occurrence_detail", of: "occurrence"))
                DELETE FROM grdb_migrations WHERE identifier LIKE 'v7:%';
                """)
        }
        try queue.writeWithoutTransaction { try $0.execute(sql: "VACUUM") }
        try queue.write { db in
            let renumbered = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM occurrence WHERE rowid != ((import_id << 32) | line)")
            #expect(renumbered == (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM occurrence")), "VACUUM renumbers v6's keys")
            // v6's removal of import 2: its range of rowids holds none of its rows any more.
            // (Its current state is dropped, not kept up: v8 makes it again from the occurrences.)
            try db.execute(sql: "DELETE FROM current WHERE import_id = 2; DELETE FROM spelling_latest WHERE import_id = 2")
            let keys = MotcuaStore.occurrenceKeys(importID: 2)
            try db.execute(sql: "DELETE FROM occurrence WHERE rowid BETWEEN ? AND ?", arguments: [keys.lowerBound, keys.upperBound])
            try db.execute(sql: "DELETE FROM import WHERE id = 2")
            // v6's import of the same file again, under the same id.
            let columns = try db.columns(in: "occurrence").map(\.name).joined(separator: ", ")
            try db.execute(sql: """
                INSERT INTO import SELECT * FROM saved_import;
                INSERT INTO occurrence (rowid, \(columns)) SELECT (import_id << 32) | line, \(columns) FROM saved_occurrence;
                DROP TABLE saved_occurrence; DROP TABLE saved_import;
                """)
            let leftBehind = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM occurrence WHERE import_id = 2") ?? 0
            let accepted = try Int.fetchOne(db, sql: "SELECT accepted FROM import WHERE id = 2") ?? 0
            #expect(leftBehind == 2 * accepted, "the removal left import 2's rows behind")
        }
        try queue.close()
        let reopened = try MotcuaStore(path: store.path, create: true)
        try expectKeysAndNoOrphans(reopened, "migrated")
        #expect(described(try reopened.dossierSet()) == before)
        try check(reopened, "migrated")
        _ = try reopened.removeImport(id: 2)
        try expectKeysAndNoOrphans(reopened, "migrated, import 2 removed")
        try check(reopened, "migrated, import 2 removed")
    }

    /// A store edited by hand so that a dossier's channel, status or received date is NULL, or
    /// out of range, is refused when read, not read as another value.
    @Test(arguments: ["facts = NULL", "facts = facts & ~15", "received = NULL", "facts = facts | 240", "facts = (facts & ~15) | 7"])
    func aHandEditedStateIsRefused(edit: String) throws {
        let files = try #require(try cases().first { $0.contains { $0.contains("monthly-overlap") } })
        let store = try newStore()
        _ = try store.importFile(path: files[0])
        #expect(throws: Never.self) { try store.dossierSet() }
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in try db.execute(sql: "UPDATE current SET \(edit) WHERE rowid = (SELECT MIN(rowid) FROM current)") }
        try queue.close()
        #expect(throws: (any Error).self) { try store.dossierSet() }
    }

    /// The rowid ranges a store report reads side by side cover the span once, in order, in
    /// proportion to their shares, and are fewer when the span holds fewer rowids.
    @Test(arguments: [(1...1_000_000, 7), (5...5, 7), (10...12, 7), (1...100, 2), (-3...3, 3)] as [(ClosedRange<Int64>, Int)])
    func readRangesCoverTheSpanOnce(span: ClosedRange<Int64>, count: Int) {
        let shares = [0.475] + Array(repeating: 0.525 / Double(count - 1), count: count - 1)
        let ranges = MotcuaStore.ranges(span, shares: shares)
        #expect(ranges.first?.lowerBound == span.lowerBound && ranges.last?.upperBound == span.upperBound)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound + 1 == $1.lowerBound })
        #expect(ranges.count == min(count, span.count))
        if span.count >= 1_000 {
            let first = Double(ranges[0].count) / Double(span.count)
            #expect(abs(first - 0.475) < 0.001)
        }
    }

    /// A cell reads as NULL only when it is: a deadline stored as 0 (the epoch's first second,
    /// which SQLite also reads NULL as) is that moment, a NULL deadline is none.
    @Test func aZeroIsNotANull() throws {
        let files = try #require(try cases().first { $0.contains { $0.contains("monthly-overlap") } })
        let store = try newStore()
        _ = try store.importFile(path: files[0])
        let queue = try DatabaseQueue(path: store.path)
        let code = try #require(try queue.write { db in
            try db.execute(sql: "UPDATE current SET due = 0, finished = NULL WHERE rowid = (SELECT MIN(rowid) FROM current)")
            return try String.fetchOne(db, sql: "SELECT code FROM current WHERE rowid = (SELECT MIN(rowid) FROM current)")
        })
        try queue.close()
        let dossier = try #require(try store.dossierSet().table.dossier(code: code))
        #expect(dossier.due == LocalMoment(seconds: 0))
        #expect(dossier.finished == nil)
    }

    /// A v7 store (a column per state field in `occurrence` and `current`) is migrated to v8's
    /// packed layout when opened: the same dossiers (the migration packs in SQL what an import
    /// packs in Swift, service columns too), the same `occurrence_detail`, and the state it
    /// then keeps at import and removal is still every occurrence merged.
    @Test(arguments: ["monthly-overlap", "service-vocabulary", "index-points"])
    func aV7StoreIsPacked(fixture: String) throws {
        let files = try #require(try cases().first { $0.contains { $0.contains("/\(fixture)/") } })
        let store = try newStore()
        for file in files { _ = try store.importFile(path: file) }
        let before = described(try store.dossierSet())
        let detail = "SELECT * FROM occurrence_detail ORDER BY id"
        let queue = try DatabaseQueue(path: store.path)
        let rowsBefore = try queue.read { db in try Row.fetchAll(db, sql: detail) }
        try queue.write { db in try rewriteAsV7(db) }
        try queue.close()
        let reopened = try MotcuaStore(path: store.path, access: .read)
        #expect(described(try reopened.dossierSet()) == before)
        #expect(try reopened.read { db in try Row.fetchAll(db, sql: detail) } == rowsBefore)
        try check(reopened, "migrated from v7")
        _ = try MotcuaStore(path: store.path, create: true).removeImport(id: 1)
        try check(reopened, "migrated from v7, import 1 removed")
    }

    /// `imports remove` opens the store to write, never to create it: an older store is brought
    /// up to date first, as for a report (it was refused as "written by a newer motcua").
    @Test func aRemovalFromAnOlderStoreBringsItUpToDate() throws {
        let files = try #require(try cases().first { $0.contains { $0.contains("monthly-overlap") } })
        let store = try newStore()
        for file in files { _ = try store.importFile(path: file) }
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in try rewriteAsV7(db) }
        try queue.close()
        let writer = try MotcuaStore(path: store.path, access: .write)
        _ = try writer.removeImport(id: 1)
        try check(writer, "migrated from v7 by a removal, import 1 removed")
    }

    /// An older store where nothing can write it (a read-only medium, a folder the reader may
    /// not write) cannot be brought up to date: it says so, not "written by a newer motcua".
    @Test(.enabled(if: Immutable.isAvailable, "needs chattr +i"))
    func anOlderStoreThatCannotBeWrittenSaysSo() throws {
        let files = try #require(try cases().first { $0.contains { $0.contains("monthly-overlap") } })
        let path: String
        do {  // the store's connections closed when it goes, as in a copy made for an auditor
            let store = try newStore()
            path = store.path
            for file in files { _ = try store.importFile(path: file) }
        }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try rewriteAsV7(db) }
        try queue.close()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try #require(try FileManager.default.contentsOfDirectory(atPath: folder) == ["motcua.sqlite"], "the store alone")
        try Immutable.during([path, folder]) {
            #expect(throws: StoreError(path: path, kind: .olderReadOnly)) { try MotcuaStore(path: path, access: .read) }
        }
        try check(try MotcuaStore(path: path, access: .read), "migrated once writable")
    }

    /// A store written before the current state (schema v2) is migrated when opened: the rank
    /// columns and both tables are filled from the stored imports and occurrences.
    @Test func anOlderStoreIsMigrated() throws {
        let files = try #require(try cases().first { $0.contains { $0.contains("monthly-overlap") } })
        let store = try newStore()
        for file in files { _ = try store.importFile(path: file) }
        let before = described(try store.dossierSet())
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try rewriteAsV7(db)
            try db.execute(sql: """
                DROP VIEW current_detail; DROP TABLE current; DROP TABLE spelling_latest;
                ALTER TABLE import DROP COLUMN as_of_key; ALTER TABLE import DROP COLUMN base_name;
                DROP TABLE revision;
                DELETE FROM grdb_migrations WHERE identifier LIKE 'v3:%' OR identifier LIKE 'v4:%' OR identifier LIKE 'v5:%';
                """)
        }
        try queue.close()
        let reopened = try MotcuaStore(path: store.path, access: .read)
        #expect(described(try reopened.dossierSet()) == before)
        try check(reopened, "migrated")
    }
}
