/// An export file as a stream of UTF-8 chunks, whatever its encoding.
///
/// UTF-8 files are read straight into the chunk (no copy); UTF-16 and Windows-1258 are
/// transcoded chunk by chunk, carrying any code unit split across two reads.
final class DecodedInput {
    let file: InputFile
    let encoding: SourceEncoding
    private var raw: [UInt8] = []
    private var carry: [UInt8] = []
    private var skipBOM: Bool
    private var finished = false
    static let chunkSize = 256 * 1024

    init(file: InputFile, encoding: SourceEncoding) throws(IngestError) {
        self.file = file
        self.encoding = encoding
        skipBOM = encoding.bomLength > 0
        try file.rewind()
    }

    /// Replaces `chunk` with the next decoded bytes; false once the file is exhausted.
    func next(into chunk: inout [UInt8]) throws(IngestError) -> Bool {
        guard !finished else { return false }
        chunk.removeAll(keepingCapacity: true)
        switch encoding {
        case .utf8, .utf8BOM:
            chunk.append(contentsOf: repeatElement(0, count: Self.chunkSize))
            let n = try file.read(into: &chunk, at: 0, max: Self.chunkSize)
            chunk.removeLast(Self.chunkSize - n)
            if skipBOM {
                skipBOM = false
                if n >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF { chunk.removeFirst(3) }
            }
            finished = n < Self.chunkSize
        case .windows1258:
            let n = try readRaw()
            chunk.reserveCapacity(n * 2)
            for byte in raw[0..<n] { Windows1258.appendUTF8(of: byte, to: &chunk) }
        case .utf16LE, .utf16BE:
            let n = try readRaw()
            try decodeUTF16(raw[0..<n], into: &chunk)
        }
        return !chunk.isEmpty || !finished
    }

    /// Reads the next raw chunk into `raw` (BOM dropped); sets `finished` at end of file.
    private func readRaw() throws(IngestError) -> Int {
        if raw.count != Self.chunkSize { raw = [UInt8](repeating: 0, count: Self.chunkSize) }
        var n = try file.read(into: &raw, at: 0, max: Self.chunkSize)
        finished = n < Self.chunkSize
        if skipBOM {
            skipBOM = false
            let bom = encoding.bomLength
            if n >= bom {
                raw.replaceSubrange(0..<bom, with: [])
                raw.append(contentsOf: repeatElement(0, count: bom))
                n -= bom
            }
        }
        return n
    }

    private func decodeUTF16(_ bytes: ArraySlice<UInt8>, into chunk: inout [UInt8]) throws(IngestError) {
        var pending = carry
        pending.append(contentsOf: bytes)
        let usable = pending.count & ~1
        var units = [UInt16]()
        units.reserveCapacity(usable / 2)
        var i = 0
        while i < usable {
            let (first, second) = (UInt16(pending[i]), UInt16(pending[i + 1]))
            units.append(encoding == .utf16LE ? first | second << 8 : first << 8 | second)
            i += 2
        }
        carry = Array(pending[usable...])
        // A high surrogate at the end waits for its partner in the next chunk.
        if !finished, let last = units.last, UTF16.isLeadSurrogate(last) {
            units.removeLast()
            carry = [UInt8](pending[(usable - 2)..<usable]) + carry
        }
        if finished, !carry.isEmpty {
            throw file.error(.notText("odd number of bytes in UTF-16"))
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw file.error(.notText("invalid UTF-16"))
        }
        if units.contains(0) {
            throw file.error(.notText("NUL character"))
        }
        chunk.append(contentsOf: text.utf8)
    }
}
