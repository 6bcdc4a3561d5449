import TestSupport
import Foundation
import Testing

/// Issue "audit trail": every figure traceable to its dossiers and its input files.
@Suite("Audit: explain, verify, rejects")
struct AuditTests {
    static let countColumns = ["carried_over", "received_new", "received_online", "received_direct", "received_postal",
                               "resolved", "resolved_early", "resolved_on_time", "resolved_late",
                               "resolved_without_result", "pending", "pending_overdue"]

    private func inputs(_ fixture: String) throws -> (dir: URL, files: [String]) {
        let dir = FixtureCatalog.root.appendingPathComponent(fixture)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".csv") }.sorted()
        return (dir, files)
    }

    /// The csv table as unit → column → value.
    private func table(_ arguments: [String], in dir: URL) throws -> [String: [String: String]] {
        let result = try Motcua.run(["report", "--format", "csv", "--quiet"] + arguments, in: dir)
        #expect(result.status == 0, "\(result)")
        let records = try RFC4180.parse(result.stdout)
        let header = try #require(records.first)
        var out: [String: [String: String]] = [:]
        for record in records.dropFirst() {
            out[record[1]] = Dictionary(uniqueKeysWithValues: zip(header, record))
        }
        return out
    }

    /// For every unit and TOTAL, and every count column, explain lists exactly as many
    /// dossiers as the table counts, from raw files and from the store.
    @Test(arguments: ["hand-checked", "monthly-overlap"])
    func explainRowsEqualTheTableCounts(fixture: String) throws {
        let (dir, files) = try inputs(fixture)
        let store = try TempDir()
        let db = store.file("audit.sqlite").path
        #expect(try Motcua.run(["import", "--db", db] + files, in: dir).status == 0)
        let counts = try table(["--period", "2023-Q1"] + files, in: dir)
        #expect(counts.count >= 3)
        for (unit, row) in counts {
            for column in Self.countColumns {
                let expected = try #require(Int(row[column] ?? ""), "\(unit) \(column)")
                for source in fixture == "monthly-overlap" ? [files, ["--db", db]] : [files] {
                    let result = try Motcua.run(["explain", "--period", "2023-Q1", "--unit", unit, "--count", column,
                                                 "--format", "csv"] + source, in: dir)
                    #expect(result.status == 0, "\(result)")
                    let listed = try RFC4180.parse(result.stdout).dropFirst()
                    #expect(listed.count == expected, "\(fixture) \(unit) \(column) from \(source.first ?? "")")
                    #expect(listed.allSatisfy { $0.count == 10 && !$0[0].isEmpty && !$0[9].isEmpty })
                }
            }
        }
    }

    @Test func explainNamesTheSourceAndTheReason() throws {
        let (dir, files) = try inputs("hand-checked")
        let result = try Motcua.run(["explain", "--period", "2023-Q1", "--unit", "TOTAL", "--count", "resolved_late",
                                     "--format", "csv"] + files, in: dir)
        let rows = try RFC4180.parse(result.stdout)
        #expect(rows.first == ["code", "procedure", "channel", "received", "due", "finished", "status", "file", "line", "reason"])
        for row in rows.dropFirst() {
            #expect(files.contains(row[7]))
            #expect(Int(row[8]) != nil)
            #expect(row[9].contains("after the due moment"))
        }
    }

    /// A dossier in three monthly files: every occurrence listed, the latest export's wins.
    @Test func explainADossierAcrossMonthlyFiles() throws {
        let (dir, files) = try inputs("monthly-overlap")
        // The January file is the portal feed (comma-separated, code first).
        let january = try #require(files.first { $0.hasPrefix("dongbo") })
        let codes = try RFC4180.parse(try String(contentsOf: dir.appendingPathComponent(january), encoding: .utf8))
            .dropFirst().compactMap(\.first)
        var found: ArraySlice<[String]> = []
        for code in codes {
            let result = try Motcua.run(["explain", "--dossier", code, "--format", "csv"] + files, in: dir)
            #expect(result.status == 0, "\(result)")
            found = try RFC4180.parse(result.stdout).dropFirst()
            if Set(found.map { $0[0] }).count >= 3 { break }
        }
        #expect(Set(found.map { $0[0] }).count >= 3, "a dossier in three monthly files")
        #expect(found.filter { $0.last == "wins" }.count == 1)
        // The winner is the occurrence in the file with the latest as-of: the last one listed
        // among accepted rows when files are ordered by month.
        let winner = try #require(found.first { $0.last == "wins" })
        #expect(found.filter { $0.last != "wins" }.allSatisfy { $0.last == "superseded" || $0.last?.hasPrefix("rejected") == true })
        #expect(winner[0] != january)
        #expect(try Motcua.run(["explain", "--dossier", "NO-SUCH-CODE"] + files, in: dir).status == 66)
    }

    @Test func verifyPassesUntouchedAndFailsOnOneChangedByte() throws {
        let (dir, files) = try inputs("monthly-overlap")
        let work = try TempDir()
        for file in files { try FileManager.default.copyItem(at: dir.appendingPathComponent(file), to: work.file(file)) }
        let report = try Motcua.run(["report", "--period", "2023-H1", "--format", "json", "--output", "r.json", "--quiet"] + files,
                                    in: work.url)
        #expect(report.status == 0, "\(report)")
        let ok = try Motcua.run(["verify", "r.json"] + files.reversed(), in: work.url)
        #expect(ok.status == 0, "\(ok)")
        #expect(ok.stdout == "OK\n")

        // One byte of one input changes: 65, naming that file.
        let victim = files[1]
        var bytes = try Data(contentsOf: work.file(victim))
        let index = try #require(bytes.lastIndex(of: UInt8(ascii: "1")))
        bytes[index] = UInt8(ascii: "2")
        try bytes.write(to: work.file(victim))
        let changed = try Motcua.run(["verify", "r.json"] + files, in: work.url)
        #expect(changed.status == 65, "\(changed)")
        #expect(changed.stderrLines.count == 1)
        #expect(changed.stderr.contains(victim))
    }

    @Test func verifyNamesEveryDifferingCell() throws {
        let (dir, files) = try inputs("hand-checked")
        let work = try TempDir()
        let report = try Motcua.run(["report", "--period", "2023-Q1", "--format", "json", "--quiet"] + files, in: dir)
        var object = try #require(try JSONSerialization.jsonObject(with: report.stdoutData) as? [String: Any])
        var total = try #require(object["total"] as? [String: Any])
        let resolved = try #require(total["resolved"] as? Int)
        total["resolved"] = resolved + 1
        object["total"] = total
        try JSONSerialization.data(withJSONObject: object).write(to: work.file("edited.json"))
        let result = try Motcua.run(["verify", work.file("edited.json").path] + files, in: dir)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout == "TOTAL · resolved: report \(resolved + 1), recomputed \(resolved)\n")
    }

    /// What a report says of itself is checked too: its period, target and provisional mark,
    /// and a unit row added twice (the second with other figures) is named, never passed over.
    /// A provisional report (data to 20 March do not cover H1) verifies as it stands.
    @Test func verifyChecksTheHeadingAndRepeatedRows() throws {
        let (dir, files) = try inputs("hand-checked")
        let work = try TempDir()
        let report = try Motcua.run(["report", "--period", "2023-H1", "--format", "json", "--quiet"] + files, in: dir)
        let original = try #require(try JSONSerialization.jsonObject(with: report.stdoutData) as? [String: Any])
        #expect(original["provisional"] as? Bool == true, "the data do not cover H1")
        try report.stdoutData.write(to: work.file("r.json"))
        #expect(try Motcua.run(["verify", work.file("r.json").path] + files, in: dir).stdout == "OK\n")

        func verify(_ edit: (inout [String: Any]) -> Void) throws -> RunResult {
            var object = original
            edit(&object)
            try JSONSerialization.data(withJSONObject: object).write(to: work.file("edited.json"))
            return try Motcua.run(["verify", work.file("edited.json").path] + files, in: dir)
        }
        let heading = try verify { $0["period"] = "2023-Q2"; $0["target"] = 50; $0["provisional"] = false }
        #expect(heading.status == 1, "\(heading)")
        for line in ["period: report 2023-Q2, recomputed 2023-H1", "target: report 50, recomputed 98", "provisional: report false, recomputed true"] {
            #expect(heading.stdout.contains(line), "\(heading.stdout)")
        }
        let repeated = try verify { object in
            var units = object["units"] as? [[String: Any]] ?? []
            var copy = units[0]
            copy["resolved"] = 0
            units.insert(copy, at: 0)
            object["units"] = units
        }
        let unit = try #require((original["units"] as? [[String: Any]])?.first?["unit"] as? String)
        #expect(repeated.status == 1 && repeated.stdout.contains("\(unit) · rows: report 2, recomputed 1"), "\(repeated)")
        // The manifest's record of the inputs and of the report's making is compared too; an
        // input under another name and a key an earlier motcua did not write are not differences.
        let inputs = try #require((original["manifest"] as? [String: Any])?["inputs"] as? [[String: Any]])
        let sha = try #require(inputs.first?["sha256"] as? String).prefix(12)
        let record = try verify { object in
            var manifest = object["manifest"] as? [String: Any] ?? [:]
            var edited = inputs
            edited[0]["rejected"] = (edited[0]["rejected"] as? Int ?? 0) + 1
            edited[0]["name"] = "another/name.csv"
            edited[0]["delimiter"] = nil
            manifest["inputs"] = edited
            manifest["provisional"] = false
            manifest["end"] = "2023-06-30"
            object["manifest"] = manifest
        }
        #expect(record.status == 1, "\(record)")
        for line in ["manifest.inputs.\(sha).rejected: report", "manifest.provisional: report false, recomputed true",
                     "manifest.end: report 2023-06-30, recomputed"] {
            #expect(record.stdout.contains(line), "\(record.stdout)")
        }
        #expect(!record.stdout.contains("name") && !record.stdout.contains("delimiter"), "\(record.stdout)")
    }

    /// A report made final by `--as-of` (an export taken after the period ended, its last row
    /// earlier) verifies as it stands: the provisional mark is decided from the as-of the
    /// manifest records, which the file alone does not give.
    @Test func verifyKeepsTheAsOfAReportWasMadeWith() throws {
        let work = try TempDir()
        try work.write("a.csv", """
            MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo
            H1,UBND xã A,1,02/01/2023,10/01/2023,05/01/2023,9
            H2,UBND xã A,1,10/03/2023 08:00,20/03/2023,,4

            """)
        let report = try Motcua.run(["report", "--period", "2023-Q1", "--as-of", "14/03/2023 23:59:59", "--format", "json",
                                     "--output", "r.json", "-q", "a.csv"], in: work.url)
        #expect(report.status == 0, "\(report)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: work.file("r.json"))) as? [String: Any])
        #expect(object["provisional"] == nil, "--as-of 14/03 23:59:59 covers decree 09's Q1")
        let verified = try Motcua.run(["verify", "r.json", "a.csv"], in: work.url)
        #expect(verified.status == 0 && verified.stdout == "OK\n", "\(verified)")
    }

    /// A report made with `--as-of`, `--encoding` or `--delimiter` verifies: the manifest says
    /// how each input was read, and verify reads them so. With `--as-of` the two files tie and
    /// the later name, b.csv, wins (X1 pending and overdue); read without it, a.csv's later
    /// as-of would make X1 resolved. The UTF-16 file has no BOM, and the `;` file's header has
    /// more commas than semicolons: neither is found by detection.
    @Test(arguments: [
        (["--as-of", "2023-09-30"], "a.csv", "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\nX1,Xa A,1,2023-07-03 08:00,2023-07-10 17:00,2023-08-05 08:00,10\n"),
        (["--encoding", "utf-16le"], "u.csv", "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\nX1,Xã A,1,2023-07-03 08:00,2023-07-10 17:00,2023-07-05 08:00,10\n"),
        (["--delimiter", ";"], "s.csv", "MaHoSo;DonViXuLy;KenhThucHien;NgayTiepNhan;TrangThaiHoSo;Ghi chu, a, b, c\nX1;Xa A;1;2023-07-03 08:00;4;x\n"),
    ])
    func verifyReadsTheFilesAsTheReportDid(options: [String], name: String, text: String) throws {
        let work = try TempDir()
        var files = [name]
        if name == "u.csv" {
            try Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: work.file(name))
        } else {
            try work.write(name, text)
        }
        if name == "a.csv" {
            try work.write("b.csv", "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo\nX1,Xa A,1,2023-07-03 08:00,2023-07-10 17:00,4\n")
            files.append("b.csv")
        }
        let report = try Motcua.run(["report", "--period", "2023-Q3", "--format", "json", "--output", "r.json", "-q"] + options + files,
                                    in: work.url)
        #expect(report.status == 0, "\(report)")
        if name == "a.csv" {
            let text = try String(contentsOf: work.file("r.json"), encoding: .utf8).filter { $0 != " " }
            #expect(text.contains("\"pending_overdue\":1"), "b.csv wins the tie: \(text)")
        }
        let verified = try Motcua.run(["verify", "r.json"] + files, in: work.url)
        #expect(verified.status == 0 && verified.stdout == "OK\n", "\(verified)")
    }

    /// How an input was read is not compared: a store may have imported a file with `--as-of`
    /// that verify reads without it (the figures say whether that mattered). And a detected
    /// delimiter given back reads the file as detection did: a line of commas before a `;`
    /// header is blank either way.
    @Test func verifyComparesFiguresNotHowAFileWasRead() throws {
        let work = try TempDir()
        try work.write("a.csv", "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\nX1,Xa A,1,2023-07-03 08:00,2023-07-10 17:00,2023-07-05 08:00,10\n")
        #expect(try Motcua.run(["import", "--db", "s.sqlite", "--as-of", "2023-09-30", "a.csv"], in: work.url).status == 0)
        let stored = try Motcua.run(["report", "--db", "s.sqlite", "--period", "2023-Q3", "--format", "json", "--output", "r.json", "-q"],
                                    in: work.url)
        #expect(stored.status == 0, "\(stored)")
        let fromFiles = try Motcua.run(["verify", "r.json", "a.csv"], in: work.url)
        #expect(fromFiles.status == 0 && fromFiles.stdout == "OK\n", "\(fromFiles)")
        try work.write("pad.csv", ",,,,\nMaHoSo;DonViXuLy;KenhThucHien;NgayTiepNhan;TrangThaiHoSo\nX1;Xa A;1;2023-07-03 08:00;4\n")
        #expect(try Motcua.run(["report", "--period", "2023-Q3", "--format", "json", "--output", "p.json", "-q", "pad.csv"],
                               in: work.url).status == 0)
        let padded = try Motcua.run(["verify", "p.json", "pad.csv"], in: work.url)
        #expect(padded.status == 0 && padded.stdout == "OK\n", "\(padded)")
    }

    @Test func verifyFromTheStoreFindsImportsByHash() throws {
        let (dir, files) = try inputs("monthly-overlap")
        let work = try TempDir()
        let db = work.file("s.sqlite").path
        #expect(try Motcua.run(["import", "--db", db] + files, in: dir).status == 0)
        let report = try Motcua.run(["report", "--db", db, "--period", "2023-Q1", "--format", "json",
                                     "--output", work.file("r.json").path, "--quiet"], in: dir)
        #expect(report.status == 0, "\(report)")
        let ok = try Motcua.run(["verify", "--db", db, work.file("r.json").path], in: dir)
        #expect(ok.status == 0, "\(ok)")
        // The same report verifies from the raw files too: raw and store agree.
        #expect(try Motcua.run(["verify", work.file("r.json").path] + files, in: dir).status == 0)
        #expect(try Motcua.run(["imports", "remove", "2", "--db", db], in: dir).status == 0)
        let missing = try Motcua.run(["verify", "--db", db, work.file("r.json").path], in: dir)
        #expect(missing.status == 65, "\(missing)")
        #expect(missing.stderrLines.count == 1)
    }

    @Test func rejectsOfTheStoreAreReachable() throws {
        let (dir, files) = try inputs("rejects")
        let work = try TempDir()
        let db = work.file("s.sqlite").path
        #expect(try Motcua.run(["import", "--db", db] + files, in: dir).status == 0)
        let stored = try Motcua.run(["rejects", "--db", db], in: dir)
        #expect(stored.status == 0)
        let raw = try Motcua.run(["report", "--period", "2023-Q1", "--rejects", work.file("raw.csv").path, "--quiet"] + files, in: dir)
        #expect(raw.status == 0)
        let fromStore = try RFC4180.parse(stored.stdout)
        let fromFiles = try RFC4180.parse(try String(contentsOf: work.file("raw.csv"), encoding: .utf8))
        #expect(fromStore.first == ["file", "line", "field", "reason", "raw"])
        #expect(fromStore.dropFirst().sorted { $0.joined() < $1.joined() } == fromFiles.dropFirst().sorted { $0.joined() < $1.joined() })
    }
}
