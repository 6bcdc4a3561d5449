#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SourceEncoding {
    /// Decides a file's encoding by the spec's rule: a BOM decides; else valid UTF-8 is UTF-8;
    /// else Windows-1258. Throws `notText` for NUL bytes (outside UTF-16) or bytes that
    /// Windows-1258 leaves undefined, and `empty` for a file with no bytes past its BOM.
    ///
    /// Reads the file once, in chunks, when there is no BOM: validity is a property of the
    /// whole file, and a Windows-1258 byte may first appear on its last line.
    static func detect(in file: InputFile) throws(IngestError) -> SourceEncoding {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var filled = try file.read(into: &chunk, at: 0, max: chunk.count)
        if filled == 0 { throw file.error(.empty) }
        let bom: SourceEncoding? =
            filled >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF ? .utf8BOM
            : filled >= 2 && chunk[0] == 0xFF && chunk[1] == 0xFE ? .utf16LE
            : filled >= 2 && chunk[0] == 0xFE && chunk[1] == 0xFF ? .utf16BE
            : nil
        if let bom {
            if filled == bom.bomLength, try file.read(into: &chunk, at: 0, max: chunk.count) == 0 {
                throw file.error(.empty)
            }
            return bom
        }
        var validUTF8 = true
        var undefinedIn1258 = false
        var carried = 0
        while filled > 0 {
            let total = carried + filled
            if chunk[0..<total].contains(0) {
                throw file.error(.notText("NUL byte"))
            }
            if !undefinedIn1258 {
                undefinedIn1258 = chunk[0..<total].contains(where: Windows1258.isUndefined)
            }
            if validUTF8 {
                // A multi-byte sequence may straddle chunks: validate up to its start and
                // carry the tail into the next read.
                let atEOF = filled < chunk.count - carried
                let cut = atEOF ? total : UTF8Boundary.lastSafeCut(chunk, upTo: total)
                validUTF8 = chunk.withUnsafeBufferPointer {
                    String(validating: UnsafeBufferPointer(rebasing: $0[0..<cut]), as: UTF8.self) != nil
                }
                carried = total - cut
                if carried > 0 {
                    chunk.replaceSubrange(0..<carried, with: chunk[cut..<total])
                }
            } else {
                carried = 0
            }
            filled = try file.read(into: &chunk, at: carried, max: chunk.count - carried)
        }
        if validUTF8, carried == 0 { return .utf8 }
        if undefinedIn1258 { throw file.error(.notText("bytes undefined in Windows-1258")) }
        return .windows1258
    }
}

enum UTF8Boundary {
    /// The largest prefix length of `bytes[0..<end]` that does not cut a UTF-8 sequence.
    static func lastSafeCut(_ bytes: [UInt8], upTo end: Int) -> Int {
        var i = end
        var steps = 0
        while i > 0, steps < 4 {
            i -= 1
            steps += 1
            let b = bytes[i]
            if b & 0xC0 != 0x80 {
                // i is a lead byte (or ASCII): is its sequence complete within end?
                let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
                return i + length <= end ? end : i
            }
        }
        return end
    }
}
