/// Finds an export's header line, the first non-blank physical line, and its delimiter, before
/// libcsv reads a record (libcsv needs the delimiter first).
///
/// Scans each decoded byte once, keeping no blank line: what it returns is the text from the
/// header line on, with where that text starts (line and byte), for the CSV reader to parse.
struct HeaderLine {
    /// Decoded text from the header line on (the header line and whatever was read after it).
    var text: [UInt8]
    /// The physical line and decoded byte offset where `text` starts.
    var line: Int
    var byte: Int
    var delimiter: UInt8

    /// Reads `input` until the header line is complete. `given` overrides the delimiter
    /// detected. Throws `empty` for a file of blank lines, `headerTooLong` past `limit`.
    static func find(in input: DecodedInput, delimiter given: UInt8?, limit: Int) throws(IngestError) -> HeaderLine {
        var text: [UInt8] = []
        var chunk: [UInt8] = []
        var lineStart = 0  // in `text`: the line being scanned starts here
        var scanned = 0
        var hasContent = false
        var skippedLines = 0, skippedBytes = 0
        var exhausted = false
        while true {
            while scanned < text.count {
                let byte = text[scanned]
                guard byte == 0x0A || byte == 0x0D else {
                    if !byte.isASCIIWhitespace { hasContent = true }
                    scanned += 1
                    continue
                }
                if hasContent {
                    let line = text[lineStart..<scanned]
                    return HeaderLine(text: Array(text[lineStart...]), line: skippedLines + 1, byte: skippedBytes,
                                      delimiter: given ?? detectDelimiter(in: line))
                }
                // A blank line ends here; a CR at the end of what is read may be half a CRLF.
                var end = scanned + 1
                if byte == 0x0D {
                    if end == text.count, !exhausted { break }
                    if end < text.count, text[end] == 0x0A { end += 1 }
                }
                skippedLines += 1
                skippedBytes += end - lineStart
                lineStart = end
                scanned = end
            }
            if scanned - lineStart > limit { throw input.file.error(.headerTooLong(limit: limit), line: skippedLines + 1) }
            if exhausted {
                guard hasContent else { throw input.file.error(.empty) }
                return HeaderLine(text: Array(text[lineStart...]), line: skippedLines + 1, byte: skippedBytes,
                                  delimiter: given ?? detectDelimiter(in: text[lineStart...]))
            }
            // Blank lines read so far are dropped once, before the next chunk is appended.
            if lineStart > 0 {
                text.removeFirst(lineStart)
                scanned -= lineStart
                lineStart = 0
            }
            exhausted = try !input.next(into: &chunk)
            if !exhausted { text.append(contentsOf: chunk) }
        }
    }

    /// The spec's rule: comma, semicolon or tab, whichever the header line has most of
    /// (outside quotes); comma when it has none.
    static func detectDelimiter(in line: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in line {
            if byte == 0x22 { quoted.toggle() } else if !quoted, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        return [UInt8(0x2C), 0x3B, 0x09].max { counts[$0, default: 0] < counts[$1, default: 0] } ?? 0x2C
    }
}
