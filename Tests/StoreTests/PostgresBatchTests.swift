import Foundation
import Ingest
@testable import PostgresStore
import Store
import Stores
import Testing
import TestSupport

/// A PostgreSQL store's current state read in batches (many rows packed into each result row)
/// is what reading it row by row gives: every dossier, in the same order, with the same code and
/// state, over batches that end anywhere in a row and codes of every length and script.
@Suite struct PostgresBatchTests {
    /// Rows enough for several batches of 64 pages; codes from 1 to 300 bytes, some in
    /// Vietnamese, some dossiers given twice (a later line wins).
    static func export(rows: Int) -> String {
        var lines = ["MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua"]
        for i in 0..<rows {
            let code: String
            switch i % 7 {
            case 0: code = "\(i)"
            case 1: code = "HỒ-SƠ-Đặc-biệt-\(i)"
            case 2: code = String(repeating: "x", count: 200 + i % 100) + "-\(i)"
            default: code = "H45.9-2023-\(String(format: "%07d", i))"
            }
            let unit = ["Phòng Tư pháp", "UBND xã Hoằng Trinh", "Phòng Nội vụ"][i % 3]
            let day = 1 + i % 28
            let finished = i % 2 == 0 ? "2023-03-\(String(format: "%02d", day)) 09:00:00" : ""
            lines.append("\(code),\(unit),\(1 + i % 2),2023-02-\(String(format: "%02d", day)) 08:00:00,2023-03-\(String(format: "%02d", day)) 17:00:00,\(finished),,\(i % 2 == 0 ? 9 : 4),1,\(i % 3 == 0 ? 1 : 0)")
            if i % 50 == 0 {
                lines.append("\(code),\(unit),1,2023-02-\(String(format: "%02d", day)) 08:00:00,,,,2,0,0")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func batchesReadWhatRowsRead() throws {
        let dir = try TempDir(prefix: "motcua-pg-batches")
        let location = try StoreEngine.postgres.freshStore(in: dir)
        try dir.write("a.csv", Self.export(rows: 12_000))
        guard let store = try StoreLocation(location).open(.create) as? PostgresStore else {
            Issue.record("not a PostgreSQL store: \(location)")
            return
        }
        defer { store.close() }
        _ = try store.importFile(path: dir.file("a.csv").path, name: nil, options: ImportOptions(), progress: { _ in },
                                 onReject: { _ in })
        let imports = try store.imports()
        let (batched, rows, pages) = try store.readSnapshot { connection in
            let batched = try await StoredState.current(imports: imports, aliases: UnitAliases(), batched: true, on: connection)
            let rows = try await StoredState.current(imports: imports, aliases: UnitAliases(), batched: false, on: connection)
            var pages = 0
            for try await n in try await connection.query("SELECT (pg_relation_size('current') / 8192)::int",
                                                          logger: PostgresSession.logger).decode(Int32.self) { pages = Int(n) }
            return (batched.table, rows.table, pages)
        }
        #expect(pages > 3 * PackedBatches.pagesPerBatch, "\(pages) pages: too few batches to test")
        #expect(rows.count == 12_000 && batched.count == rows.count)
        for index in 0..<min(batched.count, rows.count) {
            guard batched.code(at: index) == rows.code(at: index), batched.dossiers[index] == rows.dossiers[index] else {
                Issue.record("dossier \(index) differs: \(batched.code(at: index)) / \(rows.code(at: index))")
                return
            }
        }
    }
}

/// The server's words for a table or column dropped by hand name it quoted or not.
@Suite struct PostgresMissingNameTests {
    @Test func theMissingNameIsTakenFromTheServersWords() {
        #expect(PostgresFault.missingName(#"relation "current" does not exist"#) == "current")
        #expect(PostgresFault.missingName("column c.code does not exist") == "c.code")
        #expect(PostgresFault.missingName("Relation »current« existiert nicht") == "Relation »current« existiert nicht")
    }
}
