import CCSV
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads CSV records from a decoded export with libcsv, one record at a time.
///
/// A `Cursor` in GRDB's sense: `read(into:)` fills a reused ``CSVRecord`` and returns false at
/// the end. libcsv reports no positions, so the reader feeds it one physical line at a time
/// and counts lines itself; a record's start line and raw text follow from that. The raw text
/// is only copied out when asked for (`appendLastRaw`).
///
/// libcsv runs in strict mode: a malformed quote stops it mid-line. The reader then turns the
/// record into a faulted one, skips the rest of that line, restarts the parser and reads on,
/// so one bad record never hides the ones after it. A record longer than `limit` is not kept:
/// past the limit it is only scanned for its end, and becomes a faulted record whose raw text
/// is its first ``rawCharacters`` characters. So memory stays bounded whatever the file holds.
///
/// Used by one thread at a time (the one that opens the file, then a producer). Its state is
/// marked `@exclusivity(unchecked)`: it is touched once per byte, field or line from a single
/// thread, and the runtime's dynamic exclusivity checks cost a fifth of the ingest time.
final class CSVReader: @unchecked Sendable {
    /// How much of a record too long its raw text keeps.
    static let rawCharacters = 1_000

    let delimiter: UInt8
    let limit: Int
    private let input: DecodedInput
    @exclusivity(unchecked) private var parser = csv_parser()
    private let sink = FieldSink()
    private let spaceScan: SpaceScan
    /// libcsv reads with its own space test now (see ``SpaceScan``).
    @exclusivity(unchecked) private var usesLibcsvSpaces = false
    /// Tests: always our space test, to compare the two.
    @exclusivity(unchecked) var alwaysOwnSpaceTest = false
    @exclusivity(unchecked) var chunk: [UInt8]
    @exclusivity(unchecked) var chunkIndex = 0
    @exclusivity(unchecked) private var exhausted = false
    @exclusivity(unchecked) private var finalised = false
    /// Line of the next byte to feed (1-based), and its byte offset in the decoded text.
    @exclusivity(unchecked) private var line: Int
    @exclusivity(unchecked) private var byteOffset: Int
    @exclusivity(unchecked) private var recordsRead = 0
    /// Set while a record is being read: where it started.
    @exclusivity(unchecked) private var current: RecordPosition?
    @exclusivity(unchecked) var raw = RawText()
    /// The raw text of the record last returned, valid until the next `read`.
    @exclusivity(unchecked) private var lastRawCarried: [UInt8] = []
    @exclusivity(unchecked) private var lastRawRange = 0..<0
    /// The record last returned was too long: its raw text is its first characters as read.
    @exclusivity(unchecked) private var lastRawWasCut = false
    @exclusivity(unchecked) var lineBreaks = LineBreakCache()
    @exclusivity(unchecked) private var mode = Mode.parsing
    @exclusivity(unchecked) private var pendingFault: CSVFault?
    /// The last chunk ended with CR: a line break unless the next chunk starts with LF.
    @exclusivity(unchecked) var crEndedLastChunk = false
    /// Reading part of a file: stop at the first line start at or after this file offset where
    /// no record is under way (the next part's reader starts there, if it guessed right).
    @exclusivity(unchecked) private var stopOffset: Int?
    /// Where the stop is: not in this chunk (0), at its end (1), before it (2).
    @exclusivity(unchecked) private var stopState: UInt8 = 0
    /// Where reading ended, once it has: at the stop or at the end of the file.
    private(set) var end: ReadEnd?

    private enum Mode {
        case parsing
        /// After a malformed quote: the rest of the physical line is dropped.
        case skippingLine
        /// Past the record limit: scanning for the record's end.
        case overlong(OverlongScan)
    }

    static let options = UInt8(CSV_STRICT | CSV_STRICT_FINI)

    /// `prefix` is text already decoded (the lines read to find the header), which starts at
    /// `line` and `byte` of the decoded text.
    /// `stop`: see ``stop(at:)``.
    init(input: DecodedInput, prefix: [UInt8], delimiter: UInt8, line: Int = 1, byte: Int = 0,
         limit: Int = ExportReader.recordLimit, stop: Int? = nil) {
        self.input = input
        self.delimiter = delimiter
        self.limit = limit
        spaceScan = SpaceScan(delimiter: delimiter)
        self.line = line
        byteOffset = byte
        chunk = prefix
        startParser()
        if let stop { self.stop(at: stop) }
    }

    /// Stops at the first line start at or after file offset `offset` (at or after where the
    /// input reads next) where no record is under way.
    func stop(at offset: Int) {
        stopOffset = offset
        input.bound = offset
        stopState = input.offset == offset && !chunk.isEmpty ? 1 : 0
    }

    deinit { csv_free(&parser) }

    private func startParser() {
        csv_init(&parser, Self.options)
        csv_set_delim(&parser, delimiter)
        // Spaces are data: values are trimmed later, by the rules that read them.
        csv_set_space_func(&parser, Self.noSpace)
        usesLibcsvSpaces = false
        // libcsv grows a field's buffer by this much at a time: large steps keep a long field
        // from costing a reallocation every 128 bytes.
        csv_set_blk_size(&parser, 1 << 16)
    }

    private static let noSpace: @convention(c) (UInt8) -> Int32 = { _ in 0 }

    private func restartParser() {
        csv_free(&parser)
        startParser()
    }

    /// Fills `record` with the next record; false at the end of the file.
    func read(into record: inout CSVRecord) throws(IngestError) -> Bool {
        while true {
            if sink.hasCompleteRecord {
                emit(into: &record, fault: nil)
                return true
            }
            if let fault = pendingFault {
                pendingFault = nil
                emit(into: &record, fault: fault)
                return true
            }
            if finalised {
                if end == nil { end = ReadEnd(fileOffset: input.file.size, line: line, byte: byteOffset, records: recordsRead) }
                return false
            }
            if stopState != 0, chunkIndex > 0, stopState == 2 || chunkIndex == chunk.count,
               chunk[chunkIndex - 1] == 0x0A, isBetweenRecords {
                finalised = true
                let offset = stopState == 1 ? input.offset : input.fileOffset(ofDecoded: chunkIndex, in: chunk)
                end = ReadEnd(fileOffset: offset, line: line,
                              byte: byteOffset, records: recordsRead)
                return false
            }
            if chunkIndex >= chunk.count {
                if current != nil { raw.carry(chunk) }
                let more = exhausted ? false : try input.next(into: &chunk)
                if !more {
                    chunk.removeAll()
                    exhausted = true
                    finish()
                } else if let stop = stopOffset {
                    stopState = input.chunkStart >= stop ? 2 : input.offset >= stop ? 1 : 0
                }
                chunkIndex = 0
                raw.start = 0
                lineBreaks = LineBreakCache()
                continue
            }
            if let fault = feedSegment() {
                emit(into: &record, fault: fault)
                return true
            }
        }
    }

    /// Appends the text of the record last returned by `read`, as read, without its final line
    /// break, to `bytes`.
    func appendLastRaw(to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: lastRawCarried)
        if lastRawRange.upperBound <= chunk.count { bytes.append(contentsOf: chunk[lastRawRange]) }
        if lastRawWasCut { return }
        while bytes.count > start, let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
    }

    /// The text of the record last returned by `read`.
    var lastRaw: [UInt8] {
        var raw: [UInt8] = []
        appendLastRaw(to: &raw)
        return raw
    }

    /// Feeds the bytes up to and including the next line break (or to the chunk's end).
    /// Returns a fault when the record ended malformed or too long.
    private func feedSegment() -> CSVFault? {
        let start = chunkIndex
        if crEndedLastChunk {
            crEndedLastChunk = false
            if chunk[start] != 0x0A { line += 1 }  // it was a lone CR
        }
        let segment = nextSegment(from: start)
        let end = segment.end
        chunkIndex = end
        defer {
            byteOffset += end - start
            if segment.endsLine { line += 1 }
        }
        if current == nil {
            // A record starts at the first byte that is not a line break.
            var first = start
            while first < end, chunk[first] == 0x0A || chunk[first] == 0x0D { first += 1 }
            if first == end { return nil }
            current = RecordPosition(byte: byteOffset + first - start, line: line, record: recordsRead)
            raw.start = first
        }
        if case .overlong(var scan) = mode { return scanOverlong(&scan, start, segment) }
        if let current, byteOffset + (end - start) - segment.breakLength - current.byte > limit {
            // Whatever follows, this record is too long: keep its first characters, drop the rest.
            raw.cut(keeping: Self.rawCharacters)
            sink.discardPartialRecord()
            var scan = if case .skippingLine = mode { OverlongScan(state: .toEndOfLine) }
                else { OverlongScan(pstate: parser.pstate, quoted: parser.quoted != 0) }
            return scanOverlong(&scan, start, segment)
        }
        if case .skippingLine = mode {
            guard segment.breakLength > 0 else { return nil }
            mode = .parsing
            restartParser()
            return .malformedQuote
        }
        let parsed = chunk.withUnsafeBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(rebasing: buffer[start..<end])
            let libcsvSpaces = !alwaysOwnSpaceTest && spaceScan.isInert(bytes, pstate: parser.pstate, quoted: parser.quoted != 0)
            if libcsvSpaces != usesLibcsvSpaces {
                usesLibcsvSpaces = libcsvSpaces
                csv_set_space_func(&parser, libcsvSpaces ? nil : Self.noSpace)
            }
            return csv_parse(&parser, bytes.baseAddress, bytes.count, FieldSink.fieldCallback, FieldSink.recordCallback,
                             Unmanaged.passUnretained(sink).toOpaque())
        }
        if parsed < end - start, csv_error(&parser) == CSV_EPARSE {
            sink.discardPartialRecord()
            if segment.breakLength > 0 {
                restartParser()
                return .malformedQuote
            }
            mode = .skippingLine
        }
        return nil
    }

    /// Reads the segment `start..<segment.end` of a record too long, keeping what its raw text
    /// may still hold (not its final line break).
    private func scanOverlong(_ scan: inout OverlongScan, _ start: Int, _ segment: Segment) -> CSVFault? {
        let end = segment.end
        let ended = chunk.withUnsafeBufferPointer { scan.consume(UnsafeBufferPointer(rebasing: $0[start..<end]), delimiter: delimiter) }
        raw.keep(chunk[raw.start..<(ended ? end - segment.breakLength : end)])
        raw.start = end
        guard ended else {
            mode = .overlong(scan)
            return nil
        }
        mode = .parsing
        restartParser()
        return .tooLong
    }

    /// End of input: libcsv submits a last record that had no line break, or reports a quote
    /// left open.
    private func finish() {
        guard !finalised else { return }
        finalised = true
        switch mode {
        case .skippingLine:
            pendingFault = .malformedQuote
        case .overlong:
            pendingFault = .tooLong
        case .parsing:
            let status = csv_fini(&parser, FieldSink.fieldCallback, FieldSink.recordCallback,
                                  Unmanaged.passUnretained(sink).toOpaque())
            if status != 0, current != nil {
                sink.discardPartialRecord()
                pendingFault = .unterminatedQuote
            }
        }
        mode = .parsing
    }

    /// No record under way, no fault waiting, libcsv at the start of a row: a reader started
    /// here would read on exactly as this one.
    private var isBetweenRecords: Bool {
        guard current == nil, pendingFault == nil, !crEndedLastChunk, parser.pstate == 0 else { return false }
        if case .parsing = mode { return true }
        return false
    }

    private func emit(into record: inout CSVRecord, fault: CSVFault?) {
        record.clear()
        record.fault = fault
        if fault == nil {
            sink.takeRecord(into: &record)
        }
        record.position = current ?? RecordPosition(byte: byteOffset, line: line, record: recordsRead)
        swap(&lastRawCarried, &raw.carried)
        raw.carried.removeAll(keepingCapacity: true)
        lastRawRange = raw.isCut ? 0..<0 : raw.start..<chunkIndex
        lastRawWasCut = raw.isCut
        raw.remaining = nil
        current = nil
        raw.start = chunkIndex
        recordsRead += 1
    }
}
