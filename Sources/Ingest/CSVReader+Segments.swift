#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the next LF and the next CR of the current chunk are. Each is found by `memchr` once
/// and remembered until the reader passes it, so finding the end of every line scans each byte
/// of the chunk once, whatever the line ends (a file of lone CRs costs what a file of LFs does).
struct LineBreakCache {
    /// Index of the next LF / CR at or after the last search, the chunk's length when none;
    /// -1 before the first search.
    var lf = -1
    var cr = -1
}

/// A run of bytes fed to libcsv at once: up to and including the next line break.
struct Segment {
    var end: Int
    /// The segment ends a physical line here (a CR at the chunk's end waits for the next one).
    var endsLine: Bool
    /// How many bytes of line break end it (LF, lone CR, a CR at the chunk's end: 1; CRLF: 2).
    var breakLength: Int
}

extension CSVReader {
    /// The segment that starts at `start`. A line break is LF, CRLF, or a lone CR (old Mac
    /// files): libcsv ends a record at each.
    func nextSegment(from start: Int) -> Segment {
        let n = chunk.count
        chunk.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            func find(_ byte: Int32) -> Int {
                guard let hit = memchr(base + start, byte, n - start) else { return n }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            }
            if lineBreaks.lf < start { lineBreaks.lf = find(0x0A) }
            if lineBreaks.cr < start { lineBreaks.cr = find(0x0D) }
        }
        let (lf, cr) = (lineBreaks.lf, lineBreaks.cr)
        if lf < cr { return Segment(end: lf + 1, endsLine: true, breakLength: 1) }
        guard cr < n else { return Segment(end: n, endsLine: false, breakLength: 0) }
        if cr + 1 == n {
            crEndedLastChunk = true  // LF or not: the next chunk tells
            return Segment(end: n, endsLine: false, breakLength: 1)
        }
        if chunk[cr + 1] == 0x0A { return Segment(end: cr + 2, endsLine: true, breakLength: 2) }
        return Segment(end: cr + 1, endsLine: true, breakLength: 1)
    }
}
