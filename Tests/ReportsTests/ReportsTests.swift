import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Testing
import Wording
@testable import Reports

private let table = sampleTable

@Suite struct KPITableCSVTests {
    @Test func exactlyTheMachineTable() {
        let expected = """
            period,unit,carried_over,received_new,received_online,received_direct,received_postal,resolved,resolved_early,resolved_on_time,resolved_late,resolved_without_result,pending,pending_overdue,on_time_rate,progress_rate,online_rate,digitised_dossier_rate,digitised_result_rate,below_target
            2023-Q1,"Phòng Tư pháp, Hộ tịch",0,3,0,3,0,3,1,1,1,0,0,0,66.67,66.67,0.00,0.00,0.00,true
            2023-Q1,UBND xã Hoằng Đức,0,1,1,0,0,0,0,0,0,0,1,0,,100.00,100.00,0.00,,
            2023-Q1,TOTAL,0,4,1,3,0,3,1,1,1,0,1,0,66.67,75.00,25.00,0.00,0.00,true

            """
        #expect(table.csv() == expected)
    }
}

@Suite struct KPITableJSONTests {
    @Test func sameFiguresWithNullsAndBounds() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(table.json().utf8)) as? [String: Any])
        #expect(object["period"] as? String == "2023-Q1")
        #expect(object["basis"] as? String == "decree09")
        #expect(object["start"] as? String == "2022-12-15")
        #expect(object["end"] as? String == "2023-03-14")
        let units = try #require(object["units"] as? [[String: Any]])
        #expect(units.count == 2)
        #expect(units[0]["unit"] as? String == "Phòng Tư pháp, Hộ tịch")
        #expect(units[0]["resolved_late"] as? Int == 1)
        #expect((units[0]["on_time_rate"] as? NSNumber)?.doubleValue == 66.67)
        #expect(units[0]["below_target"] as? Bool == true)
        #expect(units[1]["on_time_rate"] is NSNull)
        #expect(units[1]["below_target"] is NSNull)
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["unit"] as? String == "TOTAL")
        #expect((total["progress_rate"] as? NSNumber)?.doubleValue == 75)
    }
}

/// One rendering test of the table for people; its content is the model's (KPIReportTests).
@Suite struct KPITableTextTests {
    @Test func alignedVietnameseWithFlagAndLegend() {
        let text = KPIReport(table, .vi).text()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("Tỷ lệ đúng hạn"))
        // Header, rule, two units, rule, total: same width in characters, diacritics and all.
        let body = lines.prefix(6)
        #expect(Set(body.map(\.count)).count == 1, "\(body.map(\.count))")
        #expect(lines[1] == String(repeating: "─", count: lines[0].count) && lines[4] == lines[1])
        #expect(lines[2].hasPrefix("* Phòng Tư pháp, Hộ tịch"))
        #expect(lines[3].hasPrefix("  UBND xã Hoằng Đức"))
        #expect(lines[2].contains("66,67 %"))
        #expect(lines[3].contains("—"))
        #expect(lines[5].hasPrefix("* TỔNG CỘNG"))
        #expect(lines[6] == "Kỳ báo cáo 2023-Q1 (theo Nghị định 09/2019/NĐ-CP): từ 15/12/2022 đến 14/03/2023. "
                + "Mục tiêu giải quyết đúng hạn: 98 %. * = dưới mục tiêu; — = không có hồ sơ để tính.")
        #expect(lines[7] == "Đơn vị dưới mục tiêu (1): Phòng Tư pháp, Hộ tịch")
    }

    @Test func colourOnlyWhenAsked() {
        let report = KPIReport(table, .vi)
        #expect(!report.text().contains("\u{1B}["))
        let lines = report.text(colour: true).split(separator: "\n").map(String.init)
        #expect(lines[2].hasPrefix("\u{1B}[1;31m* Phòng Tư pháp") && lines[2].hasSuffix("\u{1B}[0m"))
        #expect(lines[5].hasPrefix("\u{1B}[1;31m* TỔNG CỘNG"))
        // The rules stay as wide as the lines, colour codes apart.
        #expect(lines[4] == lines[1])
    }
}

@Suite struct RejectsWriterTests {
    @Test func specFormatWithQuotedRaw() throws {
        let path = try TestProcessFolder.url.appendingPathComponent("rejects-\(UUID().uuidString).csv").path
        let writer = try RejectsWriter(path: path)
        writer.write(Reject(file: "t11.csv", line: 7, field: .kenhThucHien, reason: .unknownChannel, raw: "H1,A,\"Fax, Zalo\",x"))
        writer.write(Reject(file: "t11.csv", line: 9, field: nil, reason: .unterminatedQuote, raw: "\"H2\nrest"))
        try writer.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == """
            file,line,field,reason,raw
            t11.csv,7,KenhThucHien,KenhThucHien is not a known channel,"H1,A,""Fax, Zalo"",x"
            t11.csv,9,,quoted field still open at end of file,\"""H2
            rest"

            """)
    }
}

/// A rejects file is whole or as it was: its rows go to a new file beside it, renamed over it
/// at the end. A full disk used to leave half of one, which looked whole.
@Suite struct RejectsFileReplacementTests {
    private func folder() throws -> URL {
        let url = try TestProcessFolder.url.appendingPathComponent("rejects-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private let reject = Reject(file: "a.csv", line: 3, field: .kenhThucHien, reason: .unknownChannel, raw: "H1,x")

    @Test func theOldFileStaysUntilTheNewOneIsWholeAndKeepsItsPermissions() throws {
        let dir = try folder()
        let path = dir.appendingPathComponent("loai.csv").path
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o640)
        let writer = try RejectsWriter(path: path)
        writer.write(reject)
        try writer.flush()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n", "replaced only when closed")
        try writer.close()
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("a.csv,3,KenhThucHien,KenhThucHien is not a known channel,\"H1,x\"\n"))
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["loai.csv"], "no file left beside it")
    }

    @Test func aWriterThatFailsOrIsDroppedLeavesTheOldFileAndNothingBeside() throws {
        let dir = try folder()
        let path = dir.appendingPathComponent("loai.csv").path
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            let dropped = try RejectsWriter(path: path)
            dropped.write(reject)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        // The rename fails (a folder now stands where the file was): the rows written are removed.
        let other = dir.appendingPathComponent("moi.csv").path
        let failing = try RejectsWriter(path: other)
        failing.write(reject)
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: other + "/x", withIntermediateDirectories: false)
        #expect(throws: (any Error).self) { try failing.close() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["loai.csv", "moi.csv"])
    }

    @Test func aChainOfLinksToAFileStillToBeMadeMakesIt() throws {
        let dir = try folder()
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("l2").path, withDestinationPath: "l3")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("l3").path, withDestinationPath: "nowhere.csv")
        let writer = try RejectsWriter(path: dir.appendingPathComponent("l2").path)
        try writer.close()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("l3").path) == "nowhere.csv")
        #expect(try String(contentsOfFile: dir.appendingPathComponent("nowhere.csv").path, encoding: .utf8) == "file,line,field,reason,raw\n")
    }

    @Test func throughALinkTheTargetIsReplacedAndTheLinkStays() throws {
        let dir = try folder()
        let target = dir.appendingPathComponent("that.csv").path
        let link = dir.appendingPathComponent("link.csv").path
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "that.csv")
        let writer = try RejectsWriter(path: link)
        writer.write(reject)
        try writer.close()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "that.csv")
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("file,line,field,reason,raw\n"))
    }
}

/// Every output motcua replaces (reports, listings, `run`'s files) is written beside its target
/// and renamed over it, the new file known to ``PendingFiles`` while it is written.
@Suite struct ReplacingFileTests {
    private func folder() throws -> URL {
        let url = try TestProcessFolder.url.appendingPathComponent("replacing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func mode(_ path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o777 : 0
    }

    @Test func aFileIsReplacedWholeKeepingItsPermissionsAndNothingIsLeftBeside() throws {
        let dir = try folder()
        let path = dir.appendingPathComponent("bao-cao.csv").path
        try "old, and longer than the new\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o640)
        try ReplacingFile.write(Data("new\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(mode(path) == 0o640)
        let fresh = dir.appendingPathComponent("moi.csv").path
        try ReplacingFile.write(Data("x\n".utf8), to: fresh)
        let mask = umask(0o022)
        umask(mask)
        #expect(mode(fresh) == 0o666 & ~mask)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["bao-cao.csv", "moi.csv"])
    }

    @Test func throughALinkTheTargetIsReplacedAndTheLinkStays() throws {
        let dir = try folder()
        let target = dir.appendingPathComponent("that.csv").path
        let link = dir.appendingPathComponent("link.csv").path
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "that.csv")
        try ReplacingFile.write(Data("new\n".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "that.csv")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
    }

    /// A name as long as a file system allows (255 bytes): the new file's name is cut short.
    @Test func aLongNameIsReplacedToo() throws {
        let dir = try folder()
        let name = String(repeating: "báo-cáo-", count: 25) + ".csv"
        #expect(name.utf8.count > 240 && name.utf8.count <= 255)
        try ReplacingFile.write(Data("x\n".utf8), to: dir.appendingPathComponent(name).path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [name])
    }

    @Test func aDeviceIsWrittenInPlaceAndAMissingFolderMakesNothing() throws {
        try ReplacingFile.write(Data("x\n".utf8), to: "/dev/null")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR, "still the device")
        let dir = try folder()
        #expect(throws: (any Error).self) { try ReplacingFile.write(Data("x\n".utf8), to: dir.path + "/none/x.csv") }
        #expect(throws: (any Error).self) { try ReplacingFile.write(Data("x\n".utf8), to: dir.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// A signal that ends the process removes the new file while it is pending: it is known to
    /// ``PendingFiles`` from its making to its rename or removal.
    @Test func theNewFileIsPendingUntilRenamedOrRemoved() throws {
        let dir = try folder()
        let target = dir.appendingPathComponent("r.csv").path
        var kept = try #require(try ReplacingFile.open(replacing: target, path: target))
        let keptName = try #require(kept.pending)
        #expect(PendingFiles.isPending(keptName))
        close(kept.descriptor)
        try kept.commit()
        #expect(!PendingFiles.isPending(keptName))
        #expect(FileManager.default.fileExists(atPath: target))
        var dropped = try #require(try ReplacingFile.open(replacing: target, path: target))
        let droppedName = try #require(dropped.pending)
        #expect(PendingFiles.isPending(droppedName))
        close(dropped.descriptor)
        dropped.discard()
        #expect(!PendingFiles.isPending(droppedName))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["r.csv"])
    }
}

/// Issue 11, defect 3: a quote, a comma or a line break followed by a combining mark is one
/// character to Swift, but still a quote, a comma or a line break to every CSV reader.
@Suite struct CSVTextTests {
    @Test func aCommaBeforeACombiningMarkIsQuoted() throws {
        let table = KPITable(period: Period(year: 2023, span: .quarter(1)),
                             dossiers: [dossier(.processing, unit: 0, received: moment(2023, 1, 5))],
                             unitNames: [UnitID(rawValue: 0): "U,\u{300} 1"])
        let records = csvRecords(table.csv())
        #expect(records.count == 3)
        #expect(records.map(\.count) == [20, 20, 20])
        #expect(records[1][1] == "U,\u{300} 1")
    }

    @Test func aQuoteBeforeACombiningMarkIsDoubled() throws {
        // A variable: Swift Testing's own rendering of the literal trips on the same scalars.
        let raw = "x\"\u{300}y"
        let reject = Reject(file: "t.csv", line: 3, field: .kenhThucHien, reason: .unknownChannel, raw: raw)
        let records = csvRecords(RejectsWriter.csv([reject]))
        #expect(records.count == 2)
        #expect(records[1].count == 5)
        #expect(records[1][4] == raw)
    }

    @Test(arguments: ["a\n\u{300}b", "a\r\u{301}b", "\"\u{300}", ",\u{301}", "plain", "x\"y", "1,2", "a\r\nb"])
    func everyFieldReadsBackAsWritten(text: String) {
        let records = csvRecords(CSVText.line([text, "next"]))
        #expect(records == [[text, "next"]], "\(Array(text.unicodeScalars))")
    }

    /// RFC 4180 as before: quoted only when needed, quotes doubled.
    @Test func quotingIsUnchanged() {
        #expect(CSVText.line(["plain", "a,b", "say \"hi\"", "two\nlines", ""]) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n")
    }
}
