import CCSV

/// The records of a small CSV text, read with libcsv, each with the line it starts on.
///
/// For the shipped schedule and `--calendar` files: a few hundred lines at most, so the whole
/// text is in memory. Interim: when Ingest offers its libcsv reader (encodings, delimiter and
/// header detection) to every small CSV input, the calendar's files go through it and this
/// file goes.
struct CSVRows {
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    enum Failure: Error, Equatable {
        case notUTF8
        case malformedQuote(line: Int)
    }

    /// UTF-8 (a byte-order mark is skipped); the delimiter is the first line's most frequent
    /// of comma, semicolon and tab (a spreadsheet saved in Vietnamese settings uses `;`).
    /// Lines that are empty or white space between records are skipped; spaces around an
    /// unquoted field are not part of it.
    static func parse(_ bytes: [UInt8]) throws(Failure) -> [Record] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard String(validating: body, as: UTF8.self) != nil else { throw .notUTF8 }
        let lines = body.split(separator: 0x0A, omittingEmptySubsequences: false)
        let collector = Collector()
        var parser = csv_parser()
        csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter(of: lines.first { !isBlank($0) } ?? []))
        let context = Unmanaged.passUnretained(collector).toOpaque()
        for (index, line) in lines.enumerated() {
            collector.lineFed = index + 1
            if collector.startLine == nil {
                if isBlank(line) { continue }
                collector.startLine = index + 1
            }
            var piece = Array(line)
            if index < lines.count - 1 { piece.append(0x0A) }
            let parsed = piece.withUnsafeBufferPointer {
                csv_parse(&parser, $0.baseAddress, $0.count, Collector.field, Collector.record, context)
            }
            if parsed < piece.count { throw .malformedQuote(line: collector.startLine ?? index + 1) }
        }
        if csv_fini(&parser, Collector.field, Collector.record, context) != 0 {
            throw .malformedQuote(line: collector.startLine ?? lines.count)
        }
        withExtendedLifetime(collector) {}
        return collector.records
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    private static func delimiter(of line: ArraySlice<UInt8>) -> UInt8 {
        let candidates: [UInt8] = [0x2C, 0x3B, 0x09]
        let counts = candidates.map { c in line.reduce(0) { $0 + ($1 == c ? 1 : 0) } }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return 0x2C }
        return candidates[best]
    }

    /// Receives libcsv's callbacks through its `void *` (C callbacks capture nothing).
    private final class Collector {
        var records: [Record] = []
        var fields: [String] = []
        /// The line of the record being read; nil between records.
        var startLine: Int?
        /// The line being fed to libcsv (a record after a lone CR starts on it).
        var lineFed = 0

        static let field: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
            bytes, count, context in
            guard let context else { return }
            let me = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            let buffer = UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : count)
            me.fields.append(String(decoding: buffer, as: UTF8.self))
        }

        static let record: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
            guard let context else { return }
            let me = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            me.records.append(Record(line: me.startLine ?? me.lineFed, fields: me.fields))
            me.fields = []
            me.startLine = nil
        }
    }
}
