/// The raw text of the record being read: bytes carried over from earlier chunks, then
/// `chunk[start...]`. Once the record is known to be too long, only its first characters are
/// kept: `remaining` counts how many more may be.
struct RawText {
    var carried: [UInt8] = []
    var start = 0
    /// nil while the whole record is kept.
    var remaining: Int?

    var isCut: Bool { remaining != nil }

    /// Keeps `bytes` of the record (within the budget, once cut).
    mutating func keep(_ bytes: ArraySlice<UInt8>) {
        guard var budget = remaining else {
            carried.append(contentsOf: bytes)
            return
        }
        guard budget > 0 else { return }
        var end = bytes.startIndex
        for index in bytes.indices {
            // A byte that is not a continuation byte starts a scalar.
            if bytes[index] & 0xC0 != 0x80 {
                if budget == 0 { break }
                budget -= 1
            }
            end = index + 1
        }
        carried.append(contentsOf: bytes[bytes.startIndex..<end])
        remaining = budget
    }

    /// The chunk ends within the record: keep its part of the record.
    mutating func carry(_ chunk: [UInt8]) {
        if start < chunk.count { keep(chunk[start...]) }
    }

    /// From now on keeps only the first `characters` Unicode scalars of the record.
    mutating func cut(keeping characters: Int) {
        guard !isCut else { return }
        let kept = carried
        carried = []
        remaining = characters
        keep(kept[...])
    }
}

/// Finds where a record too long to keep ends, without keeping it: RFC 4180 quoting as libcsv
/// reads it in strict mode, where a quote that may not be there ends the record at the end of
/// its physical line (as `CSVReader` does after a malformed quote).
struct OverlongScan {
    enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted, toEndOfLine
    }

    private(set) var state: State

    init(state: State) {
        self.state = state
    }

    /// Starts from libcsv's state (`pstate`: 0 row not begun, 1 field not begun, 2 field begun,
    /// 3 a quote in a quoted field that may end it).
    init(pstate: Int32, quoted: Bool) {
        switch pstate {
        case 2: state = quoted ? .quoted : .unquoted
        case 3: state = .quoteInQuoted
        default: state = .fieldStart
        }
    }

    /// Reads `bytes`; true when the record ends in them (at a line break outside quotes).
    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            i += 1
            let isBreak = byte == 0x0A || byte == 0x0D
            switch state {
            case .quoted:
                if byte == 0x22 { state = .quoteInQuoted }
            case .quoteInQuoted:
                if byte == 0x22 { state = .quoted } else if byte == delimiter { state = .fieldStart }
                else if isBreak { return true } else { state = .toEndOfLine }
            case .fieldStart:
                if byte == 0x22 { state = .quoted } else if isBreak { return true }
                else if byte != delimiter { state = .unquoted }
            case .unquoted:
                if byte == 0x22 { state = .toEndOfLine } else if byte == delimiter { state = .fieldStart }
                else if isBreak { return true }
            case .toEndOfLine:
                if isBreak { return true }
            }
        }
        return false
    }
}
