import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// An xlsx workbook read back with `unzip` and an XML parser, independently of what wrote it:
/// its sheets, their cells (shared strings resolved), and cell styles.
public struct XLSXBook {
    /// A cell as the sheet XML stores it: its type (`s` shared string, `b` boolean, none for a
    /// number), style index and value.
    public struct Cell: Sendable {
        public var type: String?
        public var style: Int
        public var value: String?
    }

    /// What a cell style shows: fill and font colours, number format, left border.
    public struct Style: Sendable {
        public var fill: String?
        public var font: String?
        /// The format code; Excel's built-in 10 reads `0.00%`.
        public var numberFormat: String?
        public var border: String?
    }

    /// Where the workbook was unpacked.
    public let directory: TempDir

    /// Unpacks the workbook `bytes`.
    public init(_ bytes: Data) throws {
        directory = try TempDir(prefix: "motcua-xlsx")
        let file = directory.file("book.xlsx")
        try bytes.write(to: file)
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        unzip.arguments = ["-o", "-q", file.path, "-d", directory.file("parts").path]
        try unzip.run()
        unzip.waitUntilExit()
        try #require(unzip.terminationStatus == 0, "unzip failed")
    }

    /// Unpacks the workbook at `file`.
    public init(file: URL) throws {
        try self.init(Data(contentsOf: file))
    }

    public func text(_ part: String) throws -> String {
        try String(contentsOf: directory.file("parts/" + part), encoding: .utf8)
    }

    public func xml(_ part: String) throws -> XMLElement {
        let document = try XMLDocument(data: Data(contentsOf: directory.file("parts/" + part)), options: [])
        return try #require(document.rootElement())
    }

    public var sheetNames: [String] {
        get throws { try xml("xl/workbook.xml").all("sheet").map { $0.attribute("name") ?? "" } }
    }

    public var sharedStrings: [String] {
        get throws { try xml("xl/sharedStrings.xml").all("si").map { $0.all("t").map { $0.stringValue ?? "" }.joined() } }
    }

    public func hasSheet(_ number: Int) -> Bool {
        FileManager.default.fileExists(atPath: directory.file("parts/xl/worksheets/sheet\(number).xml").path)
    }

    /// Every cell of sheet `number` (from 1) by its reference (`B2`).
    public func cells(sheet number: Int) throws -> [String: Cell] {
        let strings = try sharedStrings
        var cells: [String: Cell] = [:]
        for c in try xml("xl/worksheets/sheet\(number).xml").all("c") {
            let type = c.attribute("t")
            var value = c.all("v").first?.stringValue
            if type == "s", let index = value.flatMap(Int.init) { value = index < strings.count ? strings[index] : nil }
            cells[c.attribute("r") ?? ""] = Cell(type: type, style: Int(c.attribute("s") ?? "0") ?? 0, value: value)
        }
        return cells
    }

    public func style(_ index: Int) throws -> Style {
        let styles = try xml("xl/styles.xml")
        let xf = styles.all("cellXfs")[0].all("xf")[index]
        let fill = styles.all("fills")[0].all("fill")[Int(xf.attribute("fillId") ?? "0") ?? 0]
        let font = styles.all("fonts")[0].all("font")[Int(xf.attribute("fontId") ?? "0") ?? 0]
        let border = styles.all("borders")[0].all("border")[Int(xf.attribute("borderId") ?? "0") ?? 0]
        let id = xf.attribute("numFmtId")
        let code = id == "10" ? "0.00%" : styles.all("numFmt").first { $0.attribute("numFmtId") == id }?.attribute("formatCode")
        return Style(fill: fill.all("fgColor").first?.attribute("rgb"), font: font.all("color").first?.attribute("rgb"),
                     numberFormat: code, border: border.all("left").first?.attribute("style"))
    }

    /// Column letters A, B, … for the first `count` columns.
    public static func letters(_ count: Int) -> [String] {
        (0..<count).map { String(UnicodeScalar(UInt8(ascii: "A") + UInt8($0))) }
    }
}

extension XMLElement {
    /// Descendant elements named `name`, whatever their namespace, in document order.
    public func all(_ name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in children ?? [] {
            guard let element = child as? XMLElement else { continue }
            if element.localName == name { found.append(element) }
            found += element.all(name)
        }
        return found
    }

    /// An attribute's value by name. (`attribute(forName:)` of swift-corelibs-foundation finds
    /// nothing on an element in a default namespace, which every part of an xlsx has.)
    public func attribute(_ name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}
