/// Seeded damage to an export, as a careless editor, a broken transfer or a hostile sender
/// would do it: bytes changed, inserted or dropped, lines duplicated, swapped or joined, the
/// file cut short, line ends converted, values replaced by ones outside the vocabularies.
/// The same seed gives the same mutant on every run.
public struct Mutator {
    /// Bytes that matter to a CSV reader.
    public static let structureBytes: [UInt8] = [0x22, 0x2C, 0x3B, 0x09, 0x0A, 0x0D, 0x20, 0x30, 0x2F]
    /// Bytes that matter to an encoding check (most make a file not text).
    public static let encodingBytes: [UInt8] = [0x81, 0x90, 0xC3, 0xE1, 0xFF, 0xEF, 0xBB, 0xBF]
    /// Values that break a field's rule (status, date, channel, yes/no) or none.
    public static let badValues = ["99", "31/02/2023", "", "x", "\"", "2023-13-01", "Fax", "-1", " ", "\"\"\"\""]

    private var generator: SplitMix64

    public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    private mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(generator.next() % UInt64(n)) }

    /// A byte to write: one of the CSV's structure, now and then one of an encoding's.
    private mutating func byte() -> UInt8 {
        below(10) == 0 ? Self.encodingBytes[below(Self.encodingBytes.count)] : Self.structureBytes[below(Self.structureBytes.count)]
    }

    /// Where to cut `bytes` near `index`: mostly at the start of a UTF-8 character (a file cut
    /// mid-character is not text, and then every row goes unread), now and then anywhere.
    private mutating func cut(_ bytes: [UInt8], _ index: Int) -> Int {
        var i = index
        if below(4) != 0 { while i > 0, i < bytes.count, bytes[i] & 0xC0 == 0x80 { i -= 1 } }
        return i
    }

    /// `bytes` with one to four mutations.
    public mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for _ in 0...below(4) { out = mutateOnce(out) }
        return out
    }

    private mutating func mutateOnce(_ bytes: [UInt8]) -> [UInt8] {
        var b = bytes
        guard !b.isEmpty else { return [byte()] }
        var lines = b.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        switch below(12) {
        case 0, 1:
            b[below(b.count)] = byte()
        case 2:
            b.insert(byte(), at: below(b.count + 1))
        case 3:
            let start = cut(b, below(b.count))
            b.removeSubrange(start..<cut(b, min(b.count, start + 1 + below(8))))
        case 4:
            if below(50) == 0 { b.insert(0x00, at: below(b.count + 1)) } else { b = Array(b[..<cut(b, b.count - below(min(b.count, 64)))]) }
        case 5:
            lines.insert(lines[below(lines.count)], at: below(lines.count + 1))
            return Array(lines.joined(separator: [0x0A]))
        case 6:
            let (i, j) = (below(lines.count), below(lines.count))
            lines.swapAt(i, j)
            return Array(lines.joined(separator: [0x0A]))
        case 7:
            b = Array(b[..<cut(b, below(b.count + 1))])
        case 8:
            let end: [UInt8] = below(2) == 0 ? [0x0D] : [0x0D, 0x0A]
            return Array(lines.joined(separator: end))
        case 9, 10:
            // A field of one line replaced by a value outside its rule.
            let i = below(lines.count)
            var fields = lines[i].split(separator: 0x2C, omittingEmptySubsequences: false).map(Array.init)
            fields[below(fields.count)] = Array(Self.badValues[below(Self.badValues.count)].utf8)
            lines[i] = Array(fields.joined(separator: [0x2C]))
            return Array(lines.joined(separator: [0x0A]))
        default:
            // Two lines joined, or a quote opened at a field's start.
            if below(2) == 0, lines.count > 1 {
                let i = below(lines.count - 1)
                lines[i] += lines.remove(at: i + 1)
                return Array(lines.joined(separator: [0x0A]))
            }
            if let comma = b.indices.filter({ b[$0] == 0x2C }).randomElement(using: &generator) { b.insert(0x22, at: comma + 1) }
        }
        return b
    }
}
