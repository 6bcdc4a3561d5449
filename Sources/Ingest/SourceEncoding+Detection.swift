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
            if filled == bom.bomLength { throw file.error(.empty) }
            return bom
        }
        var utf8 = UTF8Validator()
        var undefinedIn1258 = false
        while filled > 0 {
            let hasNUL = chunk.withUnsafeBufferPointer { buffer -> Bool in
                guard let base = buffer.baseAddress else { return false }
                if memchr(base, 0, filled) != nil { return true }
                utf8.feed(UnsafeBufferPointer(start: base, count: filled))
                return false
            }
            if hasNUL { throw file.error(.notText("NUL byte")) }
            if !utf8.isValid, !undefinedIn1258 {
                undefinedIn1258 = chunk[0..<filled].contains(where: Windows1258.isUndefined)
            }
            filled = try file.read(into: &chunk, at: 0, max: chunk.count)
        }
        if utf8.finish() { return .utf8 }
        if undefinedIn1258 { throw file.error(.notText("bytes undefined in Windows-1258")) }
        return .windows1258
    }
}
