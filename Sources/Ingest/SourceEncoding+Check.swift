#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension SourceEncoding {
    /// The encoding of `file` (the one `given`, else detected by the spec's rule), after one pass
    /// over every byte that checks the file is text in it.
    ///
    /// Detection: a BOM decides; else valid UTF-8 is UTF-8; else Windows-1258. Whatever decided
    /// the encoding, the same rules then hold over the whole file: no NUL byte (outside UTF-16),
    /// nothing invalid in UTF-8, nothing Windows-1258 leaves undefined, UTF-16 of even length
    /// with paired surrogates and no NUL character. The error names the line of the first
    /// offending byte. Validity is a property of the whole file, so this reads all of it before
    /// a record is parsed; detection reads it a second time only for a Windows-1258 file.
    ///
    /// UTF-8 and Windows-1258 files are scanned by `threads` threads at once, each over a part
    /// that starts after a line feed (no UTF-8 sequence holds one); the first finding of the
    /// first part that has one is the file's.
    static func check(_ file: InputFile, given: SourceEncoding?, threads: Int = 1) throws(IngestError) -> SourceEncoding {
        var head = [UInt8](repeating: 0, count: 3)
        let n = try file.read(into: &head, max: min(3, file.size), fileOffset: 0)
        let bom = Self.bom(in: head[0..<n])
        // UTF-8 given, and the file opens with UTF-8's BOM: the BOM is the encoding's, not text
        // (else a quoted first header cell, or a blank first line, would start with U+FEFF).
        let encoding = given == .utf8 && bom == .utf8BOM ? .utf8BOM : given ?? bom
        let start = encoding.map { $0.bomLength > 0 && $0 == bom ? $0.bomLength : 0 } ?? 0
        if file.size == start { throw file.error(.empty) }
        var scan = TextScan(file: file, start: start)
        let isUTF16 = encoding == .utf16LE || encoding == .utf16BE
        let parts = isUTF16 ? [scan] : try TextScan.parts(of: file, from: start, count: threads)
        switch encoding {
        case .utf8?, .utf8BOM?:
            let found = try TextScan.eachPart(parts) { (part: inout TextScan) throws(IngestError) in try part.utf8(stopAtFirst: true) }
            if let (nul, invalid) = found.first(where: { $0.nul != nil || $0.invalid != nil }),
               let first = [nul, invalid].compactMap({ $0 }).min() {
                try scan.throwIfFound(.init(offset: first, reason: first == nul ? .nulByte : .invalidUTF8), unitWidth: 1)
            }
        case .windows1258?:
            try scan.throwIfFound(TextScan.firstWindows1258Fault(parts), unitWidth: 1)
        case .utf16LE?, .utf16BE?:
            try scan.throwIfFound(scan.utf16(bigEndian: encoding == .utf16BE), unitWidth: 2, bigEndian: encoding == .utf16BE)
        case nil:
            // Valid UTF-8 is UTF-8 (NUL is valid UTF-8, and still not text).
            let found = try TextScan.eachPart(parts) { (part: inout TextScan) throws(IngestError) in try part.utf8(stopAtFirst: false) }
            if found.allSatisfy({ $0.invalid == nil }) {
                if let nul = found.lazy.compactMap({ $0.nul }).first {
                    try scan.throwIfFound(.init(offset: nul, reason: .nulByte), unitWidth: 1)
                }
                return .utf8
            }
            try scan.throwIfFound(TextScan.firstWindows1258Fault(parts), unitWidth: 1)
            return .windows1258
        }
        return encoding ?? .utf8
    }

    /// The encoding a byte-order mark at the start of `bytes` announces.
    private static func bom(in bytes: ArraySlice<UInt8>) -> SourceEncoding? {
        let b = Array(bytes)
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return .utf8BOM }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return .utf16LE }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return .utf16BE }
        return nil
    }
}

/// One pass over a file's bytes from `start`, in 1 MiB reads, looking for the first byte that
/// makes it not text in one encoding.
private struct TextScan: Sendable {
    struct Found: Sendable {
        var offset: Int
        var reason: IngestError.NotText
    }

    let file: InputFile
    let start: Int
    /// Where the scan ends: the end of the file, or of its part.
    let end: Int
    /// Made on first read, by the thread scanning, at most the part's size: a scan made and
    /// copied per part, with its megabyte zeroed, cost more than a small file's check.
    private var buffer: [UInt8] = []

    init(file: InputFile, start: Int, end: Int? = nil) {
        self.file = file
        self.start = start
        self.end = end ?? file.size
    }

    private mutating func makeBuffer(_ bytes: Int) {
        if buffer.isEmpty { buffer = [UInt8](repeating: 0, count: max(1, min(1 << 20, bytes))) }
    }

    /// Scans of `count` parts of the file from `start` on, each but the first starting just
    /// after a line feed (one part for a file under 256 KiB, or without line feeds).
    static func parts(of file: InputFile, from start: Int, count: Int) throws(IngestError) -> [TextScan] {
        guard count > 1, file.size - start >= 256 << 10 else { return [TextScan(file: file, start: start)] }
        var bounds = [start]
        var window = [UInt8](repeating: 0, count: 1 << 16)
        for part in 1..<count {
            var at = max(bounds[bounds.count - 1], start + (file.size - start) / count * part)
            var found: Int?
            while found == nil, at < file.size {
                let n = try file.read(into: &window, max: min(window.count, file.size - at), fileOffset: at)
                if let hit = window[0..<n].firstIndex(of: 0x0A) { found = at + hit + 1 } else { at += n }
            }
            guard let found, found < file.size else { break }
            bounds.append(found)
        }
        return bounds.indices.map { i in
            TextScan(file: file, start: bounds[i], end: i + 1 < bounds.count ? bounds[i + 1] : file.size)
        }
    }

    /// `body` over every part, on a thread each, in part order.
    static func eachPart<T: Sendable>(_ parts: [TextScan], _ body: @Sendable (inout TextScan) throws(IngestError) -> T) throws(IngestError) -> [T] {
        if parts.count == 1 {
            var only = parts[0]
            return [try body(&only)]
        }
        let results = ResultSlots<T>(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { i in
            var part = parts[i]
            results.set(i, Result { () throws(IngestError) -> T in try body(&part) })
        }
        return try results.values()
    }

    /// The first NUL byte or byte Windows-1258 leaves undefined, over every part.
    static func firstWindows1258Fault(_ parts: [TextScan]) throws(IngestError) -> Found? {
        try eachPart(parts) { (part: inout TextScan) throws(IngestError) in try part.windows1258() }.lazy.compactMap { $0 }.first
    }

    /// Calls `body` with each read, its file offset, until it returns a finding or the scan ends.
    private mutating func eachChunk(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Found?) throws(IngestError) -> Found? {
        makeBuffer(end - start)
        var offset = start
        while offset < end {
            let n = try file.read(into: &buffer, max: min(buffer.count, end - offset), fileOffset: offset)
            if let found = buffer.withUnsafeBufferPointer({ body(UnsafeBufferPointer(rebasing: $0[0..<n]), offset) }) {
                return found
            }
            offset += n
        }
        return nil
    }

    /// The offsets of the first NUL byte and of the first byte that is not valid UTF-8 (nil
    /// when there is none). With `stopAtFirst`, stops at whichever comes first.
    mutating func utf8(stopAtFirst: Bool) throws(IngestError) -> (nul: Int?, invalid: Int?) {
        var validator = UTF8Validator()
        var nul: Int?
        _ = try eachChunk { bytes, offset in
            if nul == nil, let base = bytes.baseAddress, let hit = memchr(base, 0, bytes.count) {
                nul = offset + UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            }
            validator.feed(bytes, at: offset)
            if validator.invalidOffset != nil || (stopAtFirst && nul != nil) { return Found(offset: 0, reason: .invalidUTF8) }
            return nil
        }
        _ = validator.finish()
        return (nul, validator.invalidOffset)
    }

    /// The first NUL byte or byte Windows-1258 leaves undefined.
    mutating func windows1258() throws(IngestError) -> Found? {
        try eachChunk { bytes, offset in
            for (i, byte) in bytes.enumerated() where byte == 0 || Windows1258.isUndefined(byte) {
                return Found(offset: offset + i, reason: byte == 0 ? .nulByte : .undefinedInWindows1258(byte))
            }
            return nil
        }
    }

    /// The first unpaired surrogate or NUL character, or the odd last byte.
    mutating func utf16(bigEndian: Bool) throws(IngestError) -> Found? {
        var pendingHigh: Int?  // offset of a high surrogate waiting for its partner
        let found = try eachChunk { bytes, offset in
            var i = 0
            while i + 1 < bytes.count {
                let unit = bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
                let at = offset + i
                i += 2
                if let high = pendingHigh {
                    pendingHigh = nil
                    if UTF16.isTrailSurrogate(unit) { continue }
                    return Found(offset: high, reason: .unpairedSurrogate)
                }
                if unit == 0 { return Found(offset: at, reason: .nulCharacter) }
                if UTF16.isLeadSurrogate(unit) { pendingHigh = at } else if UTF16.isTrailSurrogate(unit) {
                    return Found(offset: at, reason: .unpairedSurrogate)
                }
            }
            return nil
        }
        if let found { return found }
        if let high = pendingHigh { return Found(offset: high, reason: .unpairedSurrogate) }
        if (file.size - start) % 2 == 1 { return Found(offset: file.size - 1, reason: .oddUTF16Length) }
        return nil
    }

    /// Throws `notText` for `found`, naming its line.
    mutating func throwIfFound(_ found: Found?, unitWidth: Int, bigEndian: Bool = false) throws(IngestError) {
        guard let found else { return }
        let line = try lineNumber(of: found.offset, unitWidth: unitWidth, bigEndian: bigEndian)
        throw file.error(.notText(found.reason), line: line)
    }

    /// The 1-based physical line of the byte at `offset`: LF, CRLF and a lone CR each end a line,
    /// as the CSV reader counts them. Reads the file again up to there (errors only).
    private mutating func lineNumber(of offset: Int, unitWidth: Int, bigEndian: Bool) throws(IngestError) -> Int {
        var breaks = 0
        var previousWasCR = false
        let end = offset - (offset - start) % unitWidth
        var position = start
        makeBuffer(end - start)
        while position < end {
            let n = try file.read(into: &buffer, max: min(buffer.count, end - position), fileOffset: position)
            var i = 0
            while i + unitWidth <= n {
                let unit: UInt16 = unitWidth == 1 ? UInt16(buffer[i])
                    : bigEndian ? UInt16(buffer[i]) << 8 | UInt16(buffer[i + 1]) : UInt16(buffer[i + 1]) << 8 | UInt16(buffer[i])
                if unit == 0x0A { breaks += 1 } else if previousWasCR { breaks += 1 }
                previousWasCR = unit == 0x0D
                i += unitWidth
            }
            position += n
        }
        return breaks + (previousWasCR ? 1 : 0) + 1
    }
}

/// One result per thread of a parallel scan, set by each thread, read once all have ended.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [Result<T, IngestError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, IngestError>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    /// Every value in order; the first error when a part failed.
    func values() throws(IngestError) -> [T] {
        var out: [T] = []
        for slot in slots {
            guard let slot else { continue }
            out.append(try slot.get())
        }
        return out
    }
}
