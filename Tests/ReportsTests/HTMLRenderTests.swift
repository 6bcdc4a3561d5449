import TestSupport
import Foundation
import Ingest
import KPIMetrics
import Testing
@testable import Reports

/// Headless Chromium, when it is installed (`MOTCUA_BROWSER_TESTS=1 scripts/install-deps`, or on
/// CI): the report is rendered for real, as a screenshot and as a PDF, and the pictures are
/// checked. Without a `chromium` on PATH these tests are reported as skipped, with the reason.
enum Browser {
    static func onPath(_ names: [String]) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            for dir in dirs {
                let path = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    static let chromium = onPath(["chromium", "chromium-browser"])
    static let python = onPath(["python3"])

    /// Runs `executable` with `arguments`, killing it after `timeout` seconds. Returns the exit
    /// status and standard output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 90) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // Standard output to a file: a chatty child never blocks on a full pipe.
        let outPath = try TestProcessFolder.url.appendingPathComponent("motcua-run-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: outPath.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outPath) }
        let out = try FileHandle(forWritingTo: outPath)
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        // Poll without holding a thread of the test pool: other tests go on meanwhile.
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            process.terminate()
            Issue.record("\(executable) took more than \(Int(timeout)) s")
        }
        process.waitUntilExit()
        try out.close()
        return (process.terminationStatus, (try? String(contentsOf: outPath, encoding: .utf8)) ?? "")
    }

    /// Chromium's headless flags, with a profile of its own so that parallel runs do not meet.
    static func flags(profile: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-dev-shm-usage", "--user-data-dir=\(profile.path)"]
    }

    /// Removes a render's directory, unless `MOTCUA_KEEP_RENDERS=1` asks to keep it for looking at.
    static func cleanUp(_ dir: URL) {
        if ProcessInfo.processInfo.environment["MOTCUA_KEEP_RENDERS"] == "1" {
            print("render kept in \(dir.path)")
            return
        }
        try? FileManager.default.removeItem(at: dir)
    }

    static func temporaryDirectory() throws -> URL {
        let dir = try TestProcessFolder.url.appendingPathComponent("motcua-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Decodes an 8-bit RGB(A) PNG with python3's zlib and counts pixels: printed as
    /// `width height pixels nonwhite red pink colours`.
    static let pngCensus = #"""
        import struct, sys, zlib
        d = open(sys.argv[1], 'rb').read()
        assert d[:8] == b'\x89PNG\r\n\x1a\n'
        pos, idat = 8, b''
        while pos < len(d):
            n, = struct.unpack('>I', d[pos:pos + 4]); kind = d[pos + 4:pos + 8]; body = d[pos + 8:pos + 8 + n]; pos += 12 + n
            if kind == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
            elif kind == b'IDAT': idat += body
            elif kind == b'IEND': break
        assert depth == 8 and ctype in (2, 6), (depth, ctype)
        bpp = 3 if ctype == 2 else 4
        raw = zlib.decompress(idat)
        stride = w * bpp
        prev = bytearray(stride)
        nonwhite = red = pink = 0
        colours = set()
        i = 0
        for y in range(h):
            f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
            if f == 1:
                for x in range(bpp, stride): line[x] = (line[x] + line[x - bpp]) & 255
            elif f == 2:
                line = bytearray((a + b) & 255 for a, b in zip(line, prev))
            elif f == 3:
                for x in range(stride): line[x] = (line[x] + ((line[x - bpp] if x >= bpp else 0) + prev[x]) // 2) & 255
            elif f == 4:
                for x in range(stride):
                    a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            for x in range(0, stride, bpp):
                r, g, b = line[x], line[x + 1], line[x + 2]
                if r < 235 or g < 235 or b < 235: nonwhite += 1
                if r > 140 and g < 90 and b < 90: red += 1
                if r > 245 and 215 <= g <= 240 and 215 <= b <= 240: pink += 1
                if x % 16 == 0: colours.add((r >> 4, g >> 4, b >> 4))
            prev = line
        print(w, h, w * h, nonwhite, red, pink, len(colours))
        """#
}

@Suite(.enabled(if: Browser.chromium != nil,
                "chromium is not on PATH: MOTCUA_BROWSER_TESTS=1 scripts/install-deps installs it"))
struct HTMLRenderTests {
    /// Screenshot at 1400×1800: the PNG has that size, is not blank, and shows the red of the
    /// flagged unit (its row's background and its bar).
    @Test func screenshotShowsTheReport() async throws {
        let dir = try Browser.temporaryDirectory()
        defer { Browser.cleanUp(dir) }
        let html = dir.appendingPathComponent("report.html"), png = dir.appendingPathComponent("report.png")
        try KPIReport(PeopleReportFixture.table, .vi).html(manifest: PeopleReportFixture.manifest).write(to: html, atomically: true, encoding: .utf8)
        try await Browser.run(Browser.chromium!, Browser.flags(profile: dir.appendingPathComponent("profile"))
            + ["--screenshot=\(png.path)", "--window-size=1400,1800", html.absoluteString])
        let data = try Data(contentsOf: png)
        try #require(data.count > 24)
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let be32 = { (offset: Int) in data[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect(data[12..<16] == Data("IHDR".utf8))
        #expect(be32(16) == 1400 && be32(20) == 1800, "\(be32(16))×\(be32(20))")
        #expect(data.count > 20_000, "\(data.count) bytes")
        try await census(png, minimumRed: 200)
    }

    /// The breakdown page renders too, its flagged cells on red.
    @Test func breakdownScreenshot() async throws {
        let dir = try Browser.temporaryDirectory()
        defer { Browser.cleanUp(dir) }
        let html = dir.appendingPathComponent("breakdown.html"), png = dir.appendingPathComponent("breakdown.png")
        try BreakdownReport(breakdown: PeopleReportFixture.breakdown, language: .vi).html().write(to: html, atomically: true, encoding: .utf8)
        try await Browser.run(Browser.chromium!, Browser.flags(profile: dir.appendingPathComponent("profile"))
            + ["--screenshot=\(png.path)", "--window-size=1400,1800", html.absoluteString])
        try await census(png, minimumRed: 100, minimumPink: 500, minimumNonWhite: 1_000)
    }

    /// Printed to PDF: an A4 landscape page (842 × 595 pt), with something on it.
    @Test func printsToA4LandscapePDF() async throws {
        let dir = try Browser.temporaryDirectory()
        defer { Browser.cleanUp(dir) }
        let html = dir.appendingPathComponent("report.html"), pdf = dir.appendingPathComponent("report.pdf")
        try KPIReport(PeopleReportFixture.table, .vi).html().write(to: html, atomically: true, encoding: .utf8)
        try await Browser.run(Browser.chromium!, Browser.flags(profile: dir.appendingPathComponent("profile"))
            + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString])
        let data = try Data(contentsOf: pdf)
        #expect(data.prefix(5) == Data("%PDF-".utf8))
        #expect(data.count > 10_000, "\(data.count) bytes")
        let text = String(decoding: data, as: UTF8.self)
        let boxes = HTMLReading.matches(#"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]"#, in: text)
        try #require(!boxes.isEmpty)
        for box in boxes {
            let (w, h) = (Double(box[1])!, Double(box[2])!)
            #expect(abs(w - 841.9) < 2 && abs(h - 595.3) < 2, "\(w) × \(h)")
        }
    }

    /// The report of `Fixtures/hand-checked` (2023-Q1), rendered as a reader would see it. With
    /// `MOTCUA_DOCS_SCREENSHOT=PATH` the screenshot is kept there (how docs/report-html.png is made).
    @Test func fixtureReportRenders() async throws {
        let (set, table) = try HandChecked.q1()
        #expect(table.rows.count == 4)

        let dir = try Browser.temporaryDirectory()
        defer { Browser.cleanUp(dir) }
        let html = dir.appendingPathComponent("report.html"), png = dir.appendingPathComponent("report.png")
        // As `report --format html` writes it: the period compared with, the trend of four quarters.
        try Report(settings: ReportSettings(period: table.period), set: set).render(.html).write(to: html)
        try await Browser.run(Browser.chromium!, Browser.flags(profile: dir.appendingPathComponent("profile"))
            + ["--screenshot=\(png.path)", "--window-size=1400,1800", html.absoluteString])
        try await census(png, minimumRed: 500)
        if let keep = ProcessInfo.processInfo.environment["MOTCUA_DOCS_SCREENSHOT"], !keep.isEmpty {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
        }
    }

    /// Counts the PNG's pixels (python3): something drawn, several colours, red present.
    private func census(_ png: URL, minimumRed: Int, minimumPink: Int = 1_000, minimumNonWhite: Int? = nil) async throws {
        guard let python = Browser.python else {
            withKnownIssue("python3 is not on PATH: the PNG's pixels were not counted") { throw CancellationError() }
            return
        }
        let (status, output) = try await Browser.run(python, ["-c", Browser.pngCensus, png.path])
        #expect(status == 0)
        let figures = output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(figures.count == 7, "\(output)")
        let (w, h, pixels, nonwhite, red, pink, colours) = (figures[0], figures[1], figures[2], figures[3], figures[4], figures[5], figures[6])
        #expect(w == 1400 && h == 1800)
        #expect(nonwhite > (minimumNonWhite ?? pixels / 50), "only \(nonwhite) of \(pixels) pixels are not white")
        #expect(red >= minimumRed, "\(red) red pixels")
        #expect(pink > minimumPink, "\(pink) pixels of the flagged rows' background")
        #expect(colours > 20, "\(colours) colours")
    }
}
