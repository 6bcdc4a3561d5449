import Foundation

extension String {
    /// NFC, trimmed, with every run of white space (line breaks included) folded to one space:
    /// how the spec compares headers, values and unit names, and how reports spell units.
    public var normalizedForDisplay: String {
        let folded = split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return folded.precomposedStringWithCanonicalMapping
    }

    /// `normalizedForDisplay`, with letter case ignored: the key two spellings share when they
    /// mean the same header, value or unit. Diacritics stay significant.
    public var normalizedKey: String { normalizedForDisplay.lowercased() }

    /// Trimmed of leading and trailing white space, nothing else changed.
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes without leading and trailing ASCII white space (space, tab, CR, LF).
    ///
    /// Non-ASCII white space (a no-break space from a spreadsheet) survives this cheap trim;
    /// every path that turns the bytes into text normalises it away afterwards.
    var trimmingASCIIWhitespace: UnsafeBufferPointer<UInt8> {
        guard let base = baseAddress else { return self }
        var start = 0, end = count
        while start < end, self[start].isASCIIWhitespace { start += 1 }
        while end > start, self[end - 1].isASCIIWhitespace { end -= 1 }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    var isASCII: Bool { allSatisfy { $0 < 0x80 } }
}

extension UInt8 {
    var isASCIIWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
