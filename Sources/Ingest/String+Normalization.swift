import Foundation

extension String {
    /// NFC, trimmed, with every run of white space (line breaks included) folded to one space:
    /// how the spec compares headers, values and unit names, and how reports spell units.
    ///
    /// ASCII text already in that form (most procedure codes) is returned as it is, and other
    /// text is normalised once a run (``DisplayForms``): every part of every file meets the
    /// same few hundred names, and normalising them was a tenth of a report over 200 exports.
    public var normalizedForDisplay: String {
        if isFoldedASCII { return self }
        return DisplayForms.form(of: self)
    }

    /// True for ASCII text with no white space but single spaces between words: its own
    /// display form (ASCII is NFC; the white space the fold changes is all in 0x09–0x0D and
    /// runs or ends of spaces).
    private var isFoldedASCII: Bool {
        var previous: UInt8 = 0x20
        for byte in utf8 {
            if byte >= 0x80 || (0x09...0x0D).contains(byte) || (byte == 0x20 && previous == 0x20) { return false }
            previous = byte
        }
        return previous != 0x20
    }

    /// The display form worked out (``normalizedForDisplay``, without its shortcuts).
    fileprivate var foldedAndComposed: String {
        let folded = split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return folded.precomposedStringWithCanonicalMapping
    }

    /// `normalizedForDisplay`, with letter case ignored: the key two spellings share when they
    /// mean the same header, value or unit. Diacritics stay significant.
    public var normalizedKey: String { normalizedForDisplay.displayKey }

    /// ``normalizedKey`` of text already in display form: lower-cased, once a run for text
    /// that is not ASCII (``DisplayForms``; Unicode case mapping costs more than the look-up).
    var displayKey: String {
        utf8.allSatisfy({ $0 < 0x80 }) ? lowercased() : DisplayForms.key(of: self)
    }

    /// Trimmed of leading and trailing white space, nothing else changed.
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes without leading and trailing white space, Unicode's (a spreadsheet's no-break
    /// space, an em space, U+3000…), as the spec trims every value: a cell of nothing else is
    /// empty before any rule reads it (KenhThucHien's "empty: direct", SoLanBoSung's "empty: 0").
    /// ASCII is tested first; a multi-byte end is looked at only when an end byte is not ASCII.
    var trimmingWhitespace: UnsafeBufferPointer<UInt8> {
        guard let base = baseAddress else { return self }
        var start = 0, end = count
        while start < end {
            let byte = self[start]
            if byte < 0x80 {
                guard byte.isASCIIWhitespace else { break }
                start += 1
            } else {
                let length = Self.whitespaceLength(base + start, available: end - start)
                guard length > 0 else { break }
                start += length
            }
        }
        while end > start {
            let byte = self[end - 1]
            if byte < 0x80 {
                guard byte.isASCIIWhitespace else { break }
                end -= 1
            } else {
                // The white space outside ASCII is two bytes (U+0085, U+00A0) or three.
                if end - start >= 2, Self.whitespaceLength(base + end - 2, available: 2) == 2 { end -= 2; continue }
                if end - start >= 3, Self.whitespaceLength(base + end - 3, available: 3) == 3 { end -= 3; continue }
                break
            }
        }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// The length of the UTF-8 white-space character outside ASCII at `p` (Unicode's
    /// White_Space: U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
    /// U+3000), else 0.
    private static func whitespaceLength(_ p: UnsafePointer<UInt8>, available: Int) -> Int {
        guard available >= 2 else { return 0 }
        if p[0] == 0xC2 { return p[1] == 0x85 || p[1] == 0xA0 ? 2 : 0 }
        guard available >= 3 else { return 0 }
        switch (p[0], p[1], p[2]) {
        case (0xE1, 0x9A, 0x80), (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80): return 3
        case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9), (0xE2, 0x80, 0xAF): return 3
        default: return 0
        }
    }

    var isASCII: Bool { allSatisfy { $0 < 0x80 } }

    /// True when the bytes (UTF-8) are nothing but white space, a no-break space included: a
    /// field that the normalisation of text values leaves empty. ASCII first, cheaply: a field
    /// with any other ASCII byte is not blank.
    var isBlankText: Bool {
        var sawOther = false
        for byte in self where !byte.isASCIIWhitespace {
            if byte < 0x80 { return false }
            sawOther = true
        }
        return !sawOther || String(decoding: self, as: UTF8.self).unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
}

extension UInt8 {
    /// Space, and tab to carriage return (Unicode's White_Space in ASCII).
    var isASCIIWhitespace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}

/// The display forms (and their keys) of the texts a run has met, shared by the registries of every part and
/// file (each thread reads its own part); at most 65,536 of them, so that a hostile file of
/// a million different names costs no more memory than its registries do. Behind an `NSLock`:
/// ThreadSanitizer sees its pthread mutex (not Synchronization's futex-based `Mutex`).
final class DisplayForms: @unchecked Sendable {
    private static let shared = DisplayForms()
    private let lock = NSLock()
    private var known: [String: String] = [:]
    /// The lower-cased keys of display forms (``String/displayKey``), as many at most.
    private var keys: [String: String] = [:]

    static func form(of text: String) -> String {
        shared.remembered(text, in: \.known) { $0.foldedAndComposed }
    }

    static func key(of display: String) -> String {
        shared.remembered(display, in: \.keys) { $0.lowercased() }
    }

    private func remembered(_ text: String, in memo: ReferenceWritableKeyPath<DisplayForms, [String: String]>,
                            _ work: (String) -> String) -> String {
        if let done = lock.withLock({ self[keyPath: memo][text] }) { return done }
        let done = work(text)
        lock.withLock { if self[keyPath: memo].count < 1 << 16 { self[keyPath: memo][text] = done } }
        return done
    }
}
