import TestSupport
import Foundation
import Testing

/// The three output formats of one small, hand-computed data set.
@Suite("Output formats")
struct FormatTests {
    /// "UBND xã Hoằng Đông" written decomposed (NFD), as a Windows-1258 spreadsheet would.
    static let dongNFD = "UBND xã Hoằng Đông".decomposedStringWithCanonicalMapping
    static let dong = "UBND xã Hoằng Đông".precomposedStringWithCanonicalMapping

    static let input = Export.csv(Export.full, [
        ["D1", dongNFD, "2", "05/01/2023 08:00", "10/01/2023", "08/01/2023 10:00", "", "10", "1", "1"],
        ["D2", dongNFD, "1", "06/01/2023", "10/01/2023", "10/01/2023 15:00", "", "9", "0", "1"],
        ["T1", "Phòng Tư pháp", "3", "05/01/2023", "10/01/2023", "09/01/2023", "", "10", "1", "0"],
        ["T2", "Phòng Tư pháp", "2", "05/01/2023", "10/01/2023", "11/01/2023", "", "10", "1", "1"],
        ["V1", "Phòng Văn hóa", "2", "01/03/2023", "01/04/2023", "", "", "4", "0", "0"],
        ["V2", "Phòng Văn hóa", "1", "10/12/2022", "12/12/2022", "", "", "4", "0", "0"],
    ])

    /// Computed by hand from the rules (2023-Q1, decree09: 15/12/2022 – 14/03/2023).
    static let expectedCSV = """
        period,unit,carried_over,received_new,received_online,received_direct,received_postal,resolved,resolved_early,resolved_on_time,resolved_late,resolved_without_result,pending,pending_overdue,on_time_rate,progress_rate,online_rate,digitised_dossier_rate,digitised_result_rate,below_target
        2023-Q1,Phòng Tư pháp,0,2,1,0,1,2,1,0,1,0,0,0,50.00,50.00,50.00,100.00,50.00,true
        2023-Q1,Phòng Văn hóa,1,1,1,0,0,0,0,0,0,0,2,1,,50.00,100.00,0.00,,
        2023-Q1,\(dong),0,2,1,1,0,2,1,1,0,0,0,0,100.00,100.00,50.00,50.00,100.00,false
        2023-Q1,TOTAL,1,5,3,1,1,4,2,1,1,0,2,1,75.00,66.67,60.00,60.00,75.00,true

        """

    static func fixture() throws -> TempDir {
        let dir = try TempDir()
        try dir.write("xuatfile.csv", input)
        return dir
    }

    static func report(_ dir: TempDir, _ extra: [String]) throws -> RunResult {
        try Motcua.run(["report", "--period", "2023-Q1"] + extra + ["xuatfile.csv"], in: dir.url)
    }

    @Test("csv: exactly the hand-computed table")
    func csvExact() throws {
        let dir = try Self.fixture()
        let result = try Self.report(dir, ["--format", "csv"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == Self.expectedCSV)
        // Byte for byte: the unit is spelled composed (NFC), though the input was decomposed.
        #expect(result.stdoutData == Data(Self.expectedCSV.utf8))
        try KPICSV(result.stdout).expectConsistent(context: "format fixture")
    }

    @Test("csv: the header is the spec's 20 columns and the last row is TOTAL")
    func csvShape() throws {
        let dir = try Self.fixture()
        let result = try Self.report(dir, ["--format", "csv", "--basis", "calendar"])
        #expect(result.status == 0)
        #expect(result.stdoutLines.first == KPICSV.columns.joined(separator: ","))
        #expect(KPICSV.columns.count == 20)
        let table = try KPICSV(result.stdout)
        #expect(table.rows.last?.unit == "TOTAL")
        #expect(table.rows.filter { $0.unit == "TOTAL" }.count == 1)
        #expect(table.rows.allSatisfy { $0["period"] == "2023-Q1" })
        table.expectConsistent(context: "calendar")
    }

    @Test("--target moves below_target, decided on the exact fraction")
    func target() throws {
        let dir = try Self.fixture()
        let fifty = try KPICSV(Self.report(dir, ["--format", "csv", "--target", "50"]).stdout)
        #expect(fifty.row("Phòng Tư pháp")?["below_target"] == "false")
        #expect(fifty.total?["below_target"] == "false")
        let half = try KPICSV(Self.report(dir, ["--format", "csv", "--target", "50.01"]).stdout)
        #expect(half.row("Phòng Tư pháp")?["below_target"] == "true")
        #expect(half.row(Self.dong)?["below_target"] == "false")
    }

    @Test("json: the csv's figures for every unit, null for a missing rate, period, basis and bounds",
          arguments: [("decree09", "2022-12-15", "2023-03-14"), ("calendar", "2023-01-01", "2023-03-31")])
    func json(basis: String, start: String, lastDay: String) throws {
        let dir = try Self.fixture()
        let csvRun = try Self.report(dir, ["--format", "csv", "--basis", basis])
        let jsonRun = try Self.report(dir, ["--format", "json", "--basis", basis])
        #expect(csvRun.status == 0 && jsonRun.status == 0, "\(jsonRun)")
        let csv = try KPICSV(csvRun.stdout)
        let document = try #require(try JSONSerialization.jsonObject(with: jsonRun.stdoutData) as? [String: Any],
                                    "not a JSON object: \(jsonRun)")
        #expect(document["period"] as? String == "2023-Q1")
        #expect(document["basis"] as? String == basis)
        let strings = document.values.compactMap { $0 as? String }
        #expect(strings.contains { $0.hasPrefix(start) }, "first day \(start) not in \(document.keys.sorted())")
        #expect(strings.contains { $0.hasPrefix(lastDay) }, "last day \(lastDay) not in \(strings)")

        // Unit objects: a "units" array, plus the total (in the array or as "total").
        var objects = try #require(document["units"] as? [[String: Any]], "no units array")
        if !objects.contains(where: { $0["unit"] as? String == "TOTAL" }) {
            objects.append(try #require(document["total"] as? [String: Any], "no TOTAL in the JSON"))
        }
        #expect(objects.count == csv.rows.count)
        for row in csv.rows {
            let object = try #require(objects.first { ($0["unit"] as? String) == row.unit }, "unit \(row.unit) missing")
            for column in KPICSV.countColumns {
                #expect((object[column] as? NSNumber)?.intValue == row.count(column), "\(row.unit) \(column)")
            }
            for column in KPICSV.rateColumns {
                let value = object[column]
                if row[column].isEmpty {
                    #expect(value is NSNull, "\(row.unit) \(column) should be null, is \(String(describing: value))")
                } else {
                    let number = try #require(value as? NSNumber, "\(row.unit) \(column) is not a number")
                    #expect(String(format: "%.2f", number.doubleValue) == row[column], "\(row.unit) \(column)")
                }
            }
            switch row["below_target"] {
            case "": #expect(object["below_target"] is NSNull, "\(row.unit) below_target")
            case let flag: #expect((object["below_target"] as? Bool).map(String.init) == flag, "\(row.unit) below_target")
            }
        }
        // Booleans are JSON booleans, missing rates are JSON null.
        let text = jsonRun.stdout
        let booleans = try Regex(#""below_target"\s*:\s*(true|false|null)"#)
        #expect(text.matches(of: booleans).count == csv.rows.count, "\(text)")
        #expect(text.contains("null"))
    }

    /// Lines of the table body: from the header (after the provisional mark, if any) to the
    /// TOTAL row.
    static func body(_ text: String) -> [String] {
        let lines = RunResult.lines(text).map(stripANSI)
        let first = lines.firstIndex { !$0.isEmpty && !$0.hasPrefix("TẠM TÍNH") && !$0.hasPrefix("PROVISIONAL") } ?? 0
        guard let last = lines.lastIndex(where: { $0.lowercased().contains("tổng") || $0.contains("TOTAL") }), last >= first else {
            return []
        }
        return Array(lines[first...last])
    }

    /// The fixture's latest moment is 01/03/2023 and decree 09's 2023-Q1 ends on 14/03: its report is
    /// provisional in every format but csv (the spec's columns); stated as of 14/03 23:59:59
    /// (the period's last second), it is final. A date alone is 00:00:00 of that day
    /// (input-formats.md: only a deadline is the end of its day): stated as of 14/03, the data
    /// still misses the period's last day.
    @Test("a report of a period the data does not cover is marked provisional; a covered one is not")
    func provisionalWhenTheDataDoesNotCoverThePeriod() throws {
        let dir = try Self.fixture()
        let table = try Self.report(dir, [])
        #expect(table.status == 0 && table.stdout.hasPrefix("TẠM TÍNH — số liệu chưa đủ kỳ\n"), "\(table)")
        let json = try JSONSerialization.jsonObject(with: try Self.report(dir, ["--format", "json"]).stdoutData) as? [String: Any]
        #expect(json?["provisional"] as? Bool == true)
        #expect((json?["manifest"] as? [String: Any])?["provisional"] as? Bool == true)
        #expect(try Self.report(dir, ["--format", "csv"]).stdout == Self.expectedCSV)
        let stated = try Self.report(dir, ["--as-of", "14/03/2023 23:59:59"])
        #expect(stated.status == 0 && !stated.stdout.contains("TẠM TÍNH"), "\(stated)")
        let statedJSON = try JSONSerialization.jsonObject(with: try Self.report(dir, ["--format", "json", "--as-of", "14/03/2023 23:59:59"]).stdoutData)
            as? [String: Any]
        #expect(statedJSON?["provisional"] == nil)
        let dateAlone = try JSONSerialization.jsonObject(with: try Self.report(dir, ["--format", "json", "--as-of", "14/03/2023"]).stdoutData)
            as? [String: Any]
        #expect(dateAlone?["provisional"] as? Bool == true, "14/03/2023 is 00:00:00 of that day")
        #expect((dateAlone?["manifest"] as? [String: Any]).map { "\($0)" }?.contains("2023-03-14T00:00:00") == true,
                "\(String(describing: dateAlone?["manifest"]))")
    }

    static func stripANSI(_ line: String) -> String {
        line.replacing(try! Regex("\u{1B}\\[[0-9;]*m"), with: "")
    }

    @Test("table: Vietnamese labels by default, aligned body, below-target unit marked")
    func tableVietnamese() throws {
        let dir = try Self.fixture()
        let result = try Self.report(dir, [])
        #expect(result.status == 0, "\(result)")
        let text = result.stdout
        #expect(text.contains("Đơn vị"), "\(text)")
        #expect(text.lowercased().contains("đúng hạn"), "\(text)")
        #expect(text.contains("75,00"), "the total's on-time rate, Vietnamese style: \(text)")
        try expectTable(text, language: "vi")
    }

    @Test("table: English labels with --lang en")
    func tableEnglish() throws {
        let dir = try Self.fixture()
        let result = try Self.report(dir, ["--lang", "en", "--format", "table"])
        #expect(result.status == 0, "\(result)")
        let text = result.stdout
        #expect(text.contains("Unit"), "\(text)")
        #expect(text.lowercased().contains("on-time") || text.lowercased().contains("on time"), "\(text)")
        #expect(!text.contains("Đơn vị") && !text.lowercased().contains("đúng hạn"), "Vietnamese labels in --lang en")
        #expect(text.contains("75.00"), "\(text)")
        try expectTable(text, language: "en")
    }

    func expectTable(_ text: String, language: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let body = Self.body(text)
        try #require(body.count >= 5, "no table body in \(text)", sourceLocation: sourceLocation)
        let widths = Set(body.map(\.count))
        #expect(widths.count == 1, "\(language): body lines of different widths \(body.map(\.count)):\n\(body.joined(separator: "\n"))", sourceLocation: sourceLocation)
        // Composed text: one scalar per character, so a terminal shows the same widths.
        #expect(Set(body.map(\.unicodeScalars.count)).count == 1, "\(language): not NFC", sourceLocation: sourceLocation)
        let tuPhap = try #require(body.first { $0.contains("Phòng Tư pháp") }, sourceLocation: sourceLocation)
        let dongLine = try #require(body.first { $0.contains(Self.dong) }, "NFC unit name not in the table",
                                    sourceLocation: sourceLocation)
        let vanHoa = try #require(body.first { $0.contains("Phòng Văn hóa") }, sourceLocation: sourceLocation)
        #expect(tuPhap.contains("*"), "below-target unit not marked: \(tuPhap)", sourceLocation: sourceLocation)
        #expect(!dongLine.contains("*"), "on-target unit marked: \(dongLine)", sourceLocation: sourceLocation)
        #expect(!vanHoa.contains("*"), "unit with nothing resolved marked: \(vanHoa)", sourceLocation: sourceLocation)
        #expect(vanHoa.contains("—"), "a missing rate shows as —: \(vanHoa)", sourceLocation: sourceLocation)
    }

    @Test("--output writes the file and nothing to stdout", arguments: ["csv", "json", "table"])
    func outputFile(format: String) throws {
        let dir = try Self.fixture()
        let plain = try Self.report(dir, ["--format", format])
        let written = try Self.report(dir, ["--format", format, "--output", "bao-cao.out"])
        #expect(written.status == 0, "\(written)")
        #expect(written.stdoutData.isEmpty, "\(written)")
        #expect(try Data(contentsOf: dir.file("bao-cao.out")) == plain.stdoutData)
        let quiet = try Self.report(dir, ["--format", format, "--output", "khac.out", "--quiet"])
        #expect(quiet.status == 0 && quiet.stdoutData.isEmpty && quiet.stderrData.isEmpty, "\(quiet)")
    }

    @Test("unit names are one unit after normalisation; the spelling comes from the latest file")
    func unitSpelling() throws {
        let dir = try TempDir()
        try dir.write("thang-1.csv", Export.csv(Export.required, [
            ["N1", "ubnd  xã hoằng đông ", "1", "05/01/2023", "4"],
            ["N2", Self.dongNFD.uppercased(), "1", "06/01/2023", "4"],
        ]))
        try dir.write("thang-2.csv", Export.csv(Export.required, [
            ["N3", " UBND xã   Hoằng Đông", "2", "07/02/2023", "4"],
        ]))
        for files in [["thang-1.csv", "thang-2.csv"], ["thang-2.csv", "thang-1.csv"]] {
            let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv"] + files, in: dir.url)
            let table = try KPICSV(result.stdout)
            #expect(table.units.map(\.unit) == [Self.dong], "\(result)")
            #expect(table.row(Self.dong)?.count("received_new") == 3)
        }
    }
}
