import TestSupport
import Foundation
import Testing

/// Every format carries the csv's figures: for each fixture below, `report --format csv` is
/// the reference, and md, html, form 06a, xlsx, json and the text table (English) must show the
/// same counts (and rates, where the format shows them) on every unit's row and on the total.
@Suite("Every format carries the csv's figures")
struct FormatFiguresTests {
    static let fixtures = ["hand-checked", "monthly-overlap"]
    static let formats = ["md", "html", "form06a", "xlsx", "json", "table"]
    static let period = "2023-Q1"

    /// One fixture in one format.
    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: String
        var format: String
        var testDescription: String { "\(fixture) \(format)" }
    }

    static let cases = fixtures.flatMap { fixture in formats.map { Case(fixture: fixture, format: $0) } }

    @Test("the figures of every unit and of the total, as in the csv", arguments: cases)
    func sameFigures(_ test: Case) throws {
        let fixture = try #require(FixtureCatalog.cases.first { $0.name == test.fixture }, "no fixture \(test.fixture)")
        let csvRun = try run(fixture, ["--format", "csv"])
        try #require(csvRun.status == 0, "\(csvRun)")
        let csv = try KPICSV(csvRun.stdout)
        csv.expectConsistent(context: "\(test.fixture) csv")
        try #require(csv.total != nil && !csv.units.isEmpty, "\(test.fixture): no units in the csv")

        switch test.format {
        case "md": try markdown(fixture, csv)
        case "html": try html(fixture, csv)
        case "form06a": try form06a(fixture, csv)
        case "xlsx": try xlsx(fixture, csv)
        case "json": try json(fixture, csv)
        case "table": try table(fixture, csv)
        default: Issue.record("unknown format \(test.format)")
        }
    }

    private func run(_ fixture: FixtureCase, _ arguments: [String]) throws -> RunResult {
        // The comparison columns are tested on their own (ComparisonTests): here, the figures of the period.
        try Motcua.run(["report", "--period", Self.period, "--quiet", "--compare", "none"] + arguments + fixture.inputs,
                       in: fixture.folder)
    }

    // MARK: md

    /// The Markdown table's columns: the people's counts, then the rates, in csv names.
    static let peopleColumns = ["carried_over", "received_new", "received_online", "resolved", "resolved_early",
                                "resolved_on_time", "resolved_late", "pending", "pending_overdue"]
    static let markdownHeader = ["Đơn vị", "Kỳ trước", "Mới nhận", "Trực tuyến", "Đã giải quyết", "Trước hạn", "Đúng hạn",
                                 "Quá hạn", "Đang giải quyết", "Đang quá hạn", "Tỷ lệ đúng hạn", "Tiến độ",
                                 "Tỷ lệ trực tuyến", "Số hóa hồ sơ", "Số hóa kết quả"]

    private func markdown(_ fixture: FixtureCase, _ csv: KPICSV) throws {
        let result = try run(fixture, ["--format", "md"])
        try #require(result.status == 0, "\(result)")
        let tableLines = result.stdoutLines.filter { $0.hasPrefix("|") }
        try #require(tableLines.count == 2 + csv.rows.count, "md: \(tableLines.count) table lines for \(csv.rows.count) rows:\n\(result.stdout)")
        #expect(Markdown.cells(tableLines[0]) == Self.markdownHeader, "md header: \(tableLines[0])")
        var rows: [String: (cells: [String], flagged: Bool)] = [:]
        for line in tableLines.dropFirst(2) {
            let cells = Markdown.cells(line)
            try #require(cells.count == Self.markdownHeader.count, "md row of \(cells.count) cells: \(line)")
            rows[cells[0]] = (Array(cells.dropFirst()), Markdown.flagged(line))
        }
        for row in csv.rows {
            let name = row.unit == "TOTAL" ? "TỔNG CỘNG" : row.unit
            let shown = try #require(rows[name], "md: no row for '\(name)':\n\(result.stdout)")
            let expected = Self.peopleColumns.map { Numbers.vi(row.count($0) ?? -1) } + KPICSV.rateColumns.map { Numbers.viRate(row[$0]) }
            #expect(shown.cells == expected, "md '\(name)': shows \(shown.cells), csv \(expected)")
            #expect(shown.flagged == (row["below_target"] == "true"), "md '\(name)': ⚠ mark")
        }
    }

    // MARK: html

    private func html(_ fixture: FixtureCase, _ csv: KPICSV) throws {
        let dir = try TempDir(prefix: "motcua-figures")
        let path = dir.file("report.html").path
        let result = try run(fixture, ["--format", "html", "--output", path])
        try #require(result.status == 0, "\(result)")
        #expect(result.stdoutData.isEmpty)
        let page = try dir.read("report.html")
        // The table's rows: `<tr … data-unit="NAME">…</tr>`, by unit (the charts' groups carry
        // data-unit too, but are no table rows).
        var rows: [String: String] = [:]
        for piece in page.components(separatedBy: "<tr").dropFirst() {
            guard let close = piece.firstIndex(of: ">"), let end = piece.range(of: "</tr>") else { continue }
            let tag = piece[..<close]
            guard let at = tag.range(of: " data-unit=\"") else { continue }
            let unit = tag[at.upperBound...].prefix { $0 != "\"" }
            rows[String(unit)] = String(piece[piece.index(after: close)..<end.lowerBound])
        }
        #expect(rows.count == csv.rows.count, "html: \(rows.count) table rows with a unit for \(csv.rows.count)")
        for row in csv.rows {
            let tr = try #require(rows[Numbers.htmlEscape(row.unit)], "html: no row for '\(row.unit)' in \(rows.keys.sorted())")
            for column in KPICSV.countColumns {
                let cell = "data-col=\"\(column)\">\(Numbers.vi(row.count(column) ?? -1))</td>"
                #expect(tr.contains(cell), "html '\(row.unit)': no \(cell) in \(tr)")
            }
            for column in KPICSV.rateColumns where !row[column].isEmpty {
                let cell = "data-col=\"\(column)\">\(Numbers.viRate(row[column]))</td>"
                #expect(tr.contains(cell), "html '\(row.unit)': no \(cell) in \(tr)")
            }
        }
    }

    // MARK: form 06a

    /// The form's 11 figures (columns 3–13) from a csv row: carried + new, carried, online,
    /// direct + postal, resolved, early, on time, late, pending, pending − overdue, overdue.
    static func form06aFigures(_ row: KPICSV.Row) -> [Int] {
        let n = { (column: String) in row.count(column) ?? -1 }
        return [n("carried_over") + n("received_new"), n("carried_over"), n("received_online"),
                n("received_direct") + n("received_postal"), n("resolved"), n("resolved_early"), n("resolved_on_time"),
                n("resolved_late"), n("pending"), n("pending") - n("pending_overdue"), n("pending_overdue")]
    }

    private func form06a(_ fixture: FixtureCase, _ csv: KPICSV) throws {
        let result = try run(fixture, ["--format", "form06a"])
        try #require(result.status == 0, "\(result)")
        // Each figures line: [STT] name, then 11 counts.
        var lines: [String: [String]] = [:]
        for line in result.stdoutLines {
            let tokens = line.split(separator: " ").map(String.init)
            guard tokens.count >= 12, tokens.suffix(11).allSatisfy(Numbers.isVietnameseCount) else { continue }
            var name = tokens.dropLast(11)
            if let first = name.first, first.allSatisfy(\.isASCII), Int(first) != nil, name.count > 1 { name = name.dropFirst() }
            lines[name.joined(separator: " ")] = Array(tokens.suffix(11))
        }
        #expect(lines.count == csv.rows.count, "form06a: \(lines.count) figure lines for \(csv.rows.count) rows:\n\(result.stdout)")
        for row in csv.rows {
            let name = row.unit == "TOTAL" ? "Tổng cộng" : row.unit
            let shown = try #require(lines[name], "form06a: no line for '\(name)':\n\(result.stdout)")
            #expect(shown == Self.form06aFigures(row).map(Numbers.vi), "form06a '\(name)': shows \(shown)")
        }
    }

    // MARK: xlsx

    private func xlsx(_ fixture: FixtureCase, _ csv: KPICSV) throws {
        let dir = try TempDir(prefix: "motcua-figures")
        let file = dir.file("report.xlsx")
        let result = try run(fixture, ["--format", "xlsx", "--output", file.path])
        try #require(result.status == 0, "\(result)")
        let sheet = try XLSXBook(file: file).cells(sheet: 1)
        // Columns C…N the 12 counts, O…S the 5 rates, in the csv's order.
        let letters = XLSXBook.letters(20)
        var rowOf: [String: Int] = [:]
        for r in 2...(csv.rows.count + 1) {
            if let name = sheet["B\(r)"]?.value { rowOf[name] = r }
        }
        for row in csv.rows {
            let name = row.unit == "TOTAL" ? "TỔNG CỘNG" : row.unit
            let r = try #require(rowOf[name], "xlsx: no row for '\(name)' in \(rowOf.keys.sorted())")
            #expect(sheet["A\(r)"]?.value == Self.period)
            for (offset, column) in KPICSV.countColumns.enumerated() {
                let cell = sheet["\(letters[2 + offset])\(r)"]
                #expect(cell?.type == nil, "xlsx '\(name)' \(column) is not a number")
                #expect(cell?.value.flatMap(Int.init) == row.count(column),
                        "xlsx '\(name)' \(column): \(cell?.value ?? "nil"), csv \(row[column])")
            }
            for (offset, column) in KPICSV.rateColumns.enumerated() {
                let cell = sheet["\(letters[14 + offset])\(r)"]
                if row[column].isEmpty {
                    #expect(cell?.value == nil, "xlsx '\(name)' \(column): \(cell?.value ?? "nil"), csv empty")
                    continue
                }
                let fraction = try #require(cell?.value.flatMap(Double.init), "xlsx '\(name)' \(column) is no number")
                let percent = try #require(Double(row[column]))
                #expect(abs(fraction * 100 - percent) <= 0.005 + 1e-9,
                        "xlsx '\(name)' \(column): \(fraction * 100) %, csv \(row[column])")
            }
        }
    }

    // MARK: json

    private func json(_ fixture: FixtureCase, _ csv: KPICSV) throws {
        let result = try run(fixture, ["--format", "json"])
        try #require(result.status == 0, "\(result)")
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        var objects = try #require(document["units"] as? [[String: Any]], "no units array")
        if !objects.contains(where: { $0["unit"] as? String == "TOTAL" }) {
            objects.append(try #require(document["total"] as? [String: Any], "no TOTAL in the JSON"))
        }
        #expect(objects.count == csv.rows.count)
        for row in csv.rows {
            let object = try #require(objects.first { $0["unit"] as? String == row.unit }, "json: no '\(row.unit)'")
            for column in KPICSV.countColumns {
                #expect((object[column] as? NSNumber)?.intValue == row.count(column), "json '\(row.unit)' \(column)")
            }
        }
    }

    // MARK: table

    private func table(_ fixture: FixtureCase, _ csv: KPICSV) throws {
        let result = try run(fixture, ["--format", "table", "--lang", "en"])
        try #require(result.status == 0, "\(result)")
        // Each row: [*] name, 9 counts, 5 rates (`97.50%` or `—`).
        var lines: [String: (figures: [String], flagged: Bool)] = [:]
        for line in result.stdoutLines {
            let tokens = line.split(separator: " ").map(String.init)
            guard tokens.count >= 15, tokens.suffix(14).prefix(9).allSatisfy(Numbers.isEnglishCount),
                  tokens.suffix(5).allSatisfy({ $0 == "—" || $0.hasSuffix("%") }) else { continue }
            var name = tokens.dropLast(14)
            let flagged = name.first == "*"
            if flagged { name = name.dropFirst() }
            lines[name.joined(separator: " ")] = (Array(tokens.suffix(14)), flagged)
        }
        #expect(lines.count == csv.rows.count, "table: \(lines.count) rows for \(csv.rows.count):\n\(result.stdout)")
        for row in csv.rows {
            let shown = try #require(lines[row.unit], "table: no line for '\(row.unit)':\n\(result.stdout)")
            let expected = Self.peopleColumns.map { Numbers.en(row.count($0) ?? -1) }
                + KPICSV.rateColumns.map { row[$0].isEmpty ? "—" : row[$0] + "%" }
            #expect(shown.figures == expected, "table '\(row.unit)': shows \(shown.figures), csv \(expected)")
            #expect(shown.flagged == (row["below_target"] == "true"), "table '\(row.unit)': * mark")
        }
    }
}

// MARK: Reading the formats back, independently of motcua's code

/// Numbers as people read them: `1.234` and `97,50 %` in Vietnamese, `1,234` and `97.50%` in English.
private enum Numbers {
    static func grouped(_ n: Int, _ separator: Character) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    static func vi(_ n: Int) -> String { grouped(n, ".") }
    static func en(_ n: Int) -> String { grouped(n, ",") }

    /// A csv rate (`97.50`, or empty) as the Vietnamese reports show it.
    static func viRate(_ csv: String) -> String {
        csv.isEmpty ? "—" : csv.replacingOccurrences(of: ".", with: ",") + " %"
    }

    static func isVietnameseCount(_ token: String) -> Bool {
        !token.isEmpty && token.allSatisfy { $0 == "." || ("0"..."9").contains($0) } && token.first != "."
    }

    static func isEnglishCount(_ token: String) -> Bool {
        !token.isEmpty && token.allSatisfy { $0 == "," || ("0"..."9").contains($0) } && token.first != ","
    }

    static func htmlEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

private enum Markdown {
    /// The cells of a GFM table line: split on unescaped `|`, trimmed, bold and ⚠ taken off,
    /// backslash escapes undone.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for ch in line {
            if escaped {
                cell.append("\\")
                cell.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "|" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(ch)
            }
        }
        cells.append(cell)
        // The text before the first pipe and after the last one are not cells.
        return cells.dropFirst().dropLast().map { raw in
            var text = raw.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("**"), text.hasSuffix("**"), text.count >= 4 { text = String(text.dropFirst(2).dropLast(2)) }
            if text.hasPrefix("⚠ ") { text = String(text.dropFirst(2)) }
            return unescape(text)
        }
    }

    /// True when the row's first cell carries the below-target mark.
    static func flagged(_ line: String) -> Bool {
        line.dropFirst().trimmingCharacters(in: .whitespaces).hasPrefix("**⚠ ")
    }

    static func unescape(_ text: String) -> String {
        var out = ""
        var escaped = false
        for ch in text {
            if !escaped, ch == "\\" { escaped = true; continue }
            out.append(ch)
            escaped = false
        }
        return out
    }
}
