/// An export file as a stream of UTF-8 chunks, whatever its encoding.
///
/// The file has been checked to be text in `encoding` (``SourceEncoding/check(_:given:)``)
/// before this reads it. UTF-8 is copied as read; UTF-16 and Windows-1258 are transcoded
/// chunk by chunk, carrying any code unit split across two reads.
///
/// A part of a file read by a thread of its own starts at a file offset after a line feed
/// (UTF-8 and Windows-1258 only); a `bound` makes one chunk end exactly there, so that its
/// reader can tell when it reaches the next part.
final class DecodedInput {
    let file: InputFile
    let encoding: SourceEncoding
    private var raw: [UInt8] = []
    private var carry: [UInt8] = []
    /// File offset of the next read (past the BOM, when there is one).
    private(set) var offset: Int
    /// File offset where the chunk last returned starts.
    private(set) var chunkStart = 0
    /// No read crosses this file offset: a chunk ends there.
    var bound: Int?
    private var finished = false
    static let chunkSize = 256 * 1024
    /// How many bytes of the file one read takes (small in tests, to put chunk ends anywhere).
    let readSize: Int

    /// Reads from `start` (a file offset just after a line feed), or from the beginning of the
    /// file, past its BOM, when nil.
    init(file: InputFile, encoding: SourceEncoding, start: Int? = nil, readSize: Int = DecodedInput.chunkSize) throws(IngestError) {
        self.file = file
        self.encoding = encoding
        self.readSize = readSize
        offset = start ?? 0
        if start == nil, encoding.bomLength > 0 {
            var head = [UInt8](repeating: 0, count: encoding.bomLength)
            let n = try file.read(into: &head, max: min(head.count, file.size), fileOffset: 0)
            if n == head.count, head == encoding.bom { offset = n }
        }
    }

    /// Replaces `chunk` with the next decoded bytes; false once the file is exhausted.
    func next(into chunk: inout [UInt8]) throws(IngestError) -> Bool {
        guard !finished else {
            chunk.removeAll(keepingCapacity: true)
            return false
        }
        chunkStart = offset
        switch encoding {
        case .utf8, .utf8BOM:
            // Read straight into the chunk (made anew only when shorter than a read): a copy
            // from `raw` was one more pass over every byte of the file. Not grown by appending
            // `repeatElement`: two part threads instantiating its metadata at once hung under
            // ThreadSanitizer, spinning in the runtime's once.
            if chunk.count < readSize { chunk = [UInt8](repeating: 0, count: readSize) }
            let n = try readRaw(into: &chunk)
            chunk.removeLast(chunk.count - n)
        case .windows1258:
            chunk.removeAll(keepingCapacity: true)
            let n = try readRaw()
            chunk.reserveCapacity(n * 2)
            for byte in raw[0..<n] { Windows1258.appendUTF8(of: byte, to: &chunk) }
        case .utf16LE, .utf16BE:
            chunk.removeAll(keepingCapacity: true)
            let n = try readRaw()
            try decodeUTF16(raw[0..<n], into: &chunk)
        }
        return !chunk.isEmpty || !finished
    }

    /// The file offset of byte `index` of the chunk last returned (UTF-8 and Windows-1258,
    /// where each character read is one decoded UTF-8 sequence).
    func fileOffset(ofDecoded index: Int, in chunk: [UInt8]) -> Int {
        switch encoding {
        case .windows1258:
            var characters = 0
            for byte in chunk[0..<index] where byte & 0xC0 != 0x80 { characters += 1 }
            return chunkStart + characters
        case .utf8, .utf8BOM, .utf16LE, .utf16BE:
            return chunkStart + index
        }
    }

    /// Reads the next chunk of the file into `raw` (`readSize` long), never across `bound`.
    private func readRaw() throws(IngestError) -> Int {
        if raw.count != readSize { raw = [UInt8](repeating: 0, count: readSize) }
        return try readRaw(into: &raw)
    }

    /// Reads the next chunk of the file into the start of `buffer` (at least `readSize` long).
    private func readRaw(into buffer: inout [UInt8]) throws(IngestError) -> Int {
        var wanted = readSize
        if let bound, offset < bound { wanted = min(wanted, bound - offset) }
        let n = try file.read(into: &buffer, max: wanted, fileOffset: offset)
        offset += n
        finished = offset >= file.size
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
        // The check has found the file valid: this holds unless it changed since.
        guard let text = String(validating: units, as: UTF16.self), !(finished && !carry.isEmpty) else {
            throw file.error(.notText(.unpairedSurrogate))
        }
        chunk.append(contentsOf: text.utf8)
    }
}

extension SourceEncoding {
    /// The byte-order mark of this encoding (empty for those without one).
    var bom: [UInt8] {
        switch self {
        case .utf8BOM: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .utf8, .windows1258: return []
        }
    }
}
