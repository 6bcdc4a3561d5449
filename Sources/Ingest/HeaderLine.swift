/// Finds an export's header, the first record that is not blank, and its delimiter, before
/// libcsv reads a record (libcsv needs the delimiter first).
///
/// A blank line here holds nothing but white space (a no-break space too, as
/// ``CSVRecord/isBlank`` counts it), delimiters and quotes: no header could be made of it. The header may span lines: a quoted header cell
/// may hold a line break (a spreadsheet's wrapped title), so a line ends outside quotes.
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

    /// The delimiters the spec detects.
    static let candidates: [UInt8] = [0x2C, 0x3B, 0x09]

    /// Reads `input` until the header is complete. `given` overrides the delimiter detected.
    /// Throws `empty` for a file of blank lines, `headerTooLong` past `limit`.
    static func find(in input: DecodedInput, delimiter given: UInt8?, limit: Int) throws(IngestError) -> HeaderLine {
        // Blank under any delimiter the spec detects, and the one given: a file reads the same
        // whether its delimiter is given or detected (`verify` gives back the detected one).
        let delimiters = candidates + (given.map { candidates.contains($0) ? [] : [$0] } ?? [])
        var text: [UInt8] = []
        var chunk: [UInt8] = []
        var lineStart = 0  // in `text`: the line being scanned starts here
        var scanned = 0
        var quoted = false
        var breaksInQuotes = 0  // line breaks inside quotes since `lineStart`
        var skippedLines = 0, skippedBytes = 0
        var exhausted = false
        while true {
            while scanned < text.count {
                let byte = text[scanned]
                guard byte == 0x0A || byte == 0x0D else {
                    if byte == 0x22 { quoted.toggle() }
                    scanned += 1
                    continue
                }
                // A line break; a CR at the end of what is read may be half a CRLF.
                var end = scanned + 1
                if byte == 0x0D {
                    if end == text.count, !exhausted { break }
                    if end < text.count, text[end] == 0x0A { end += 1 }
                }
                if quoted {
                    breaksInQuotes += 1
                    scanned = end
                    continue
                }
                let line = text[lineStart..<scanned]
                if !isBlank(line, delimiters: delimiters) {
                    return HeaderLine(text: Array(text[lineStart...]), line: skippedLines + 1, byte: skippedBytes,
                                      delimiter: given ?? detectDelimiter(in: line))
                }
                skippedLines += 1 + breaksInQuotes
                skippedBytes += end - lineStart
                breaksInQuotes = 0
                lineStart = end
                scanned = end
            }
            if scanned - lineStart > limit { throw input.file.error(.headerTooLong(limit: limit), line: skippedLines + 1) }
            if exhausted {
                guard !isBlank(text[lineStart...], delimiters: delimiters) else { throw input.file.error(.empty) }
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

    /// True when a record of `line` would be blank under any of `delimiters`: nothing but
    /// white space (``CSVRecord/isBlank``'s), delimiters and quotes.
    static func isBlank(_ line: ArraySlice<UInt8>, delimiters: [UInt8]) -> Bool {
        line.filter { $0 != 0x22 && !delimiters.contains($0) }.withUnsafeBufferPointer(\.isBlankText)
    }

    /// The spec's rule: comma, semicolon or tab, whichever the header line has most of
    /// (outside quotes); comma when it has none. On a tie, the one followed by something other
    /// than a space more often: the spec's own header names hold a comma and a space (`Có phí,
    /// lệ phí`, `Phản ánh, kiến nghị`), so `Mã TTHC;Có phí, lệ phí` is two columns split by the
    /// semicolon. Then comma, semicolon, tab, in that order.
    static func detectDelimiter(in line: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: (all: Int, tight: Int)] = Dictionary(uniqueKeysWithValues: candidates.map { ($0, (0, 0)) })
        var quoted = false
        var previous: UInt8?
        for byte in line {
            if let delimiter = previous, byte != 0x20 { counts[delimiter]?.tight += 1 }
            previous = nil
            if byte == 0x22 {
                quoted.toggle()
            } else if !quoted, counts[byte] != nil {
                counts[byte]?.all += 1
                previous = byte
            }
        }
        if let delimiter = previous { counts[delimiter]?.tight += 1 }  // at the line's end
        let best = candidates.max { a, b in
            let (x, y) = (counts[a] ?? (0, 0), counts[b] ?? (0, 0))
            // `max(by:)` keeps the first of equal elements: an earlier candidate wins a full tie.
            return (x.all, x.tight) < (y.all, y.tight)
        }
        return best ?? 0x2C
    }
}
