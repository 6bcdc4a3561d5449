import TestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue "unattended quarterly runs": `motcua run` over a temporary inbox through a year of
/// monthly files, a broken one and reruns included.
@Suite("motcua run", .serialized)
struct RunCommandTests {
    /// A month's portal export: ten new dossiers; the odd ones stay open and are finished in
    /// the next month's file (so dossiers appear in two files, the later one winning).
    static func monthFile(_ month: Int, year: Int = 2023) -> String {
        func stamp(_ y: Int, _ m: Int, _ d: Int, _ h: Int) -> String { String(format: "%04d%02d%02d%02d0000", y, m, d, h) }
        var rows = ["MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua"]
        if month > 1 {
            for i in stride(from: 1, to: 10, by: 2) {
                rows.append("H-\(year)-\(month - 1)-\(i),\(i % 4 == 1 ? "UBND xã A" : "Phòng B"),2,\(stamp(year, month - 1, i + 1, 8)),"
                            + "\(stamp(year, month - 1, i + 11, 17)),\(stamp(year, month, 5, 9)),,10,1,1")
            }
        }
        for i in 0..<10 {
            let unit = i % 2 == 0 ? "UBND xã A" : "Phòng B"
            let received = stamp(year, month, i + 1, 8), due = stamp(year, month, i + 11, 17)
            if i % 2 == 0 {
                let finishDay = i % 4 == 0 ? i + 12 : i + 4  // every fourth late
                rows.append("H-\(year)-\(month)-\(i),\(unit),1,\(received),\(due),\(stamp(year, month, finishDay, 10)),,9,0,1")
            } else {
                rows.append("H-\(year)-\(month)-\(i),\(unit),2,\(received),\(due),,,4,1,0")
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }

    private func setUp() throws -> (dir: TempDir, args: [String]) {
        let dir = try TempDir(prefix: "motcua-e2e-run")
        for folder in ["inbox", "archive", "reports"] {
            try FileManager.default.createDirectory(at: dir.file(folder), withIntermediateDirectories: true)
        }
        let args = ["run", "--db", dir.file("kho.sqlite").path, "--inbox", dir.file("inbox").path,
                    "--archive", dir.file("archive").path, "--reports", dir.file("reports").path,
                    "--format", "csv", "--format", "json"]
        return (dir, args)
    }

    private func listing(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    @Test func aYearOfMonthlyFilesWithABrokenOneAndReruns() throws {
        let (dir, args) = try setUp()
        for month in 1...6 { try dir.write("inbox/2023-\(String(format: "%02d", month)).csv", Self.monthFile(month)) }
        try dir.write("inbox/2023-05-hong.csv", bytes: [0x4D, 0x61, 0x00, 0x48])

        // First run, the data up to 20 June: Q1, Q2 and H1 (decree 09) are covered; one file is set aside.
        let first = try Motcua.run(args, in: dir.url, timeout: 120)
        #expect(first.status == 65, "\(first)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("archive").path).count == 6)
        #expect(dir.exists("inbox/failed/2023-05-hong.csv"))
        #expect(try dir.read("inbox/failed/2023-05-hong.csv.txt").contains("không phải tệp văn bản"))
        let inboxLeft = try FileManager.default.contentsOfDirectory(atPath: dir.file("inbox").path)
        #expect(inboxLeft == ["failed"])
        for period in ["2023-Q1", "2023-Q2", "2023-H1"] {
            #expect(dir.exists("reports/\(period).decree09.csv"), "\(period)")
            #expect(dir.exists("reports/\(period).decree09.json"), "\(period)")
            let fromStore = try Motcua.run(["report", "--db", dir.file("kho.sqlite").path, "--period", period,
                                            "--format", "csv", "--quiet"], in: dir.url)
            #expect(try dir.read("reports/\(period).decree09.csv") == fromStore.stdout, "\(period)")
        }
        #expect(!dir.exists("reports/2023-Q3.decree09.csv"), "the data does not cover Q3")
        #expect(first.stderrLines.allSatisfy { $0.contains(" info ") || $0.contains(" notice ") || $0.contains(" error ") })

        // A rerun does nothing.
        let before = try listing(dir.file("reports"))
        let again = try Motcua.run(args, in: dir.url, timeout: 120)
        #expect(again.status == 0, "\(again)")
        #expect(try listing(dir.file("reports")) == before)

        // The rest of the year, and a late correction that changes Q1's figures.
        for month in 7...12 { try dir.write("inbox/2023-\(String(format: "%02d", month)).csv", Self.monthFile(month)) }
        try dir.write("inbox/2023-03-bosung.csv", """
            MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua
            H-2023-2-late,UBND xã A,1,20230210080000,20230215170000,20230301090000,,10,0,0

            """)
        let yearEnd = try Motcua.run(args, in: dir.url, timeout: 120)
        #expect(yearEnd.status == 0, "\(yearEnd)")
        #expect(dir.exists("reports/2023-Q1.decree09.v1.csv"), "the old Q1 report is kept with a version suffix")
        #expect(try dir.read("reports/2023-Q1.decree09.v1.csv") == String(decoding: before["2023-Q1.decree09.csv"] ?? Data(), as: UTF8.self))
        #expect(try dir.read("reports/2023-Q1.decree09.csv") != dir.read("reports/2023-Q1.decree09.v1.csv"))
        for period in ["2023-Q3", "2023-Q4", "2023-H2", "2023-9M", "2023"] {
            #expect(dir.exists("reports/\(period).decree09.csv"), "\(period)")
        }
        let afterYear = try listing(dir.file("reports"))
        let last = try Motcua.run(args, in: dir.url, timeout: 120)
        #expect(last.status == 0)
        #expect(try listing(dir.file("reports")) == afterYear, "running twice in a row does nothing the second time")
    }

    /// `run` names its own files: a link planted where one goes (a reports folder others may
    /// write) is replaced by the report, never followed to overwrite the file it names. (The
    /// csv's link, met with no stamp, is kept as a version, the link moved; the stamp's link is
    /// replaced by the new stamp, which takes a new file's permissions, not the target's.)
    @Test func aLinkInTheReportsFolderIsReplacedNotFollowed() throws {
        let (dir, args) = try setUp()
        for month in 1...3 { try dir.write("inbox/2023-\(String(format: "%02d", month)).csv", Self.monthFile(month)) }
        try dir.write("victim.txt", "not to be overwritten\n")
        chmod(dir.file("victim.txt").path, 0o666)
        for name in ["2023-Q1.decree09.csv", "2023-Q1.decree09.figures"] {
            try FileManager.default.createSymbolicLink(atPath: dir.file("reports/\(name)").path, withDestinationPath: dir.file("victim.txt").path)
        }
        let run = try Motcua.run(args, in: dir.url, timeout: 120)
        #expect(run.status == 0, "\(run)")
        #expect(try dir.read("victim.txt") == "not to be overwritten\n")
        for name in ["2023-Q1.decree09.csv", "2023-Q1.decree09.figures"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: dir.file("reports/\(name)").path)
            #expect(attributes[.type] as? FileAttributeType == .typeRegular, "\(name)")
        }
        #expect(try dir.read("reports/2023-Q1.decree09.csv").hasPrefix("period,unit,"))
        let stamp = try FileManager.default.attributesOfItem(atPath: dir.file("reports/2023-Q1.decree09.figures").path)
        #expect((stamp[.posixPermissions] as? Int).map { $0 & 0o022 } == 0, "the stamp is not writable by others")
    }

    @Test func aSecondRunWhileOneHoldsTheLockExits75() throws {
        let (dir, args) = try setUp()
        let lockPath = dir.file("kho.sqlite").path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
        let result = try Motcua.run(args, in: dir.url)
        #expect(result.status == 75, "\(result)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("đang có một lần chạy motcua run khác (pid \(getpid()))"))
    }

    @Test func aConfigurationFileSetsTheRun() throws {
        let (dir, _) = try setUp()
        for month in 1...4 { try dir.write("inbox/2023-0\(month).csv", Self.monthFile(month)) }
        try dir.write("motcua.toml", """
            store = "kho.sqlite"
            formats = ["table", "form06a", "md", "html"]
            periods = ["quarter"]
            basis = "calendar"
            lang = "en"
            [aliases]
            "Phòng B" = "Phòng B mới"

            """)
        let result = try Motcua.run(["run", "--config", dir.file("motcua.toml").path, "-q"], in: dir.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "--quiet logs warnings and errors only")
        for ext in ["txt", "06a.txt", "md", "html"] { #expect(dir.exists("reports/2023-Q1.calendar.\(ext)"), "\(ext)") }
        let text = try dir.read("reports/2023-Q1.calendar.txt")
        #expect(text.contains("Phòng B mới"))
        #expect(text.contains("On-time rate"))
        #expect(!dir.exists("reports/2023-Q2.calendar.txt"), "the data (to 20 April) does not cover Q2")
    }

    @Test func aBrokenConfigurationIsOneLine() throws {
        let (dir, _) = try setUp()
        try dir.write("motcua.toml", "basis = \"weekly\"\n")
        let result = try Motcua.run(["run", "--config", dir.file("motcua.toml").path], in: dir.url)
        #expect(result.status == 66)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("motcua.toml"))
    }

    /// An unknown key (`format` for `formats`) stops the run (66) with one line naming the key
    /// and the file, in Vietnamese (English with --lang en); nothing is imported.
    @Test func anUnknownKeyFails() throws {
        let (dir, _) = try setUp()
        try dir.write("inbox/2023-01.csv", Self.monthFile(1))
        try dir.write("motcua.toml", "store = \"kho.sqlite\"\nformat = [\"csv\"]\n")
        for (arguments, words) in [([], "khóa 'format' không có trong cấu hình"), (["--lang", "en"], "'format' is not a key")] {
            let result = try Motcua.run(["run", "--config", dir.file("motcua.toml").path] + arguments, in: dir.url)
            ErrorContract.expectInputError(result, status: 66, naming: dir.file("motcua.toml").path)
            #expect(result.stderr.contains(words), "\(result)")
        }
        #expect(dir.exists("inbox/2023-01.csv") && !dir.exists("kho.sqlite"))
    }

    /// A file sent again under the same name with the same as-of: the store lets the later
    /// import win the tie, and the archive names it so that a report rerun from the archive
    /// ranks it the same (`xa_0001.csv` after `xa.csv`), figure for figure.
    @Test func aFileSentAgainUnderItsNameRanksTheSameFromTheArchive() throws {
        let (dir, args) = try setUp()
        let header = "MaHoSo,KenhThucHien,DonViXuLy,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\n"
        let first = header + "A1,1,Phòng Nội vụ,2023-01-05 08:00,2023-01-20,2023-01-10 08:00,10\n"
            + "A2,1,Phòng Nội vụ,2023-01-06 08:00,2023-01-20,,4\nA3,1,Phòng Nội vụ,2023-03-31 08:00,2023-04-20,,4\n"
        let again = header + "A1,1,Phòng Nội vụ,2023-01-05 08:00,2023-01-20,2023-01-30 08:00,10\n"
            + "A2,1,Phòng Nội vụ,2023-01-06 08:00,2023-01-20,2023-01-12 08:00,10\nA3,1,Phòng Nội vụ,2023-03-31 08:00,2023-04-20,,4\n"
        for text in [first, again] {
            try dir.write("inbox/xa.csv", text)
            #expect(try Motcua.run(args).status == 0)
        }
        #expect(dir.exists("archive/xa.csv") && dir.exists("archive/xa_0001.csv"))
        let report = ["report", "--period", "2023-Q1", "--format", "csv"]
        let fromStore = try Motcua.run(report + ["--db", dir.file("kho.sqlite").path])
        let fromArchive = try Motcua.run(report + [dir.file("archive/xa.csv").path, dir.file("archive/xa_0001.csv").path])
        #expect(fromStore.status == 0 && fromArchive.status == 0)
        #expect(fromStore.stdout == fromArchive.stdout, "\(fromStore.stdout)\n\(fromArchive.stdout)")
        // Every dossier of the later file wins: the report is that file's alone, not the first's.
        let laterAlone = try Motcua.run(report + [try dir.write("later/xa.csv", again).path])
        let firstAlone = try Motcua.run(report + [try dir.write("first/xa.csv", first).path])
        #expect(fromStore.stdout == laterAlone.stdout && fromStore.stdout != firstAlone.stdout, "\(fromStore.stdout)")
    }

    /// A folder that cannot be made is named itself (73), whichever of the three it is.
    @Test func aFolderThatCannotBeMadeIsNamed() throws {
        let (dir, _) = try setUp()
        _ = try dir.write("file", "not a folder\n")
        for key in ["inbox", "archive", "reports"] {
            try dir.write("motcua.toml", "store = \"kho.sqlite\"\n\(key) = \"file/\(key)\"\n")
            let result = try Motcua.run(["run", "--config", dir.file("motcua.toml").path, "--lang", "en"], in: dir.url)
            ErrorContract.expectInputError(result, status: 73, naming: "file/\(key)")
            #expect(result.stderr.contains("cannot make this folder"), "\(result)")
        }
    }

    /// A catalogue the plan needs and that is missing stops the run (66, one line naming it)
    /// before the inbox is imported: the file stays in the inbox, and no store is made.
    @Test func aMissingCatalogueStopsTheRunBeforeTheImport() throws {
        let (dir, _) = try setUp()
        try dir.write("inbox/2023-01.csv", Self.monthFile(1))
        try dir.write("motcua.toml", "store = \"kho.sqlite\"\ntables = [\"kpi\", \"plan\"]\ncatalogue = \"danh-muc.csv\"\n")
        let result = try Motcua.run(["run", "--config", dir.file("motcua.toml").path], in: dir.url)
        ErrorContract.expectInputError(result, status: 66, naming: dir.file("danh-muc.csv").path)
        #expect(dir.exists("inbox/2023-01.csv") && !dir.exists("archive/2023-01.csv"))
        #expect(!dir.exists("kho.sqlite"))
    }
}
