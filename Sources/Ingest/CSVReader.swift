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
/// is only copied out when asked for (`lastRaw`): accepted rows never pay for it.
///
/// libcsv runs in strict mode: a malformed quote stops it mid-line. The reader then turns the
/// record into a faulted one, skips the rest of that line, restarts the parser and reads on,
/// so one bad record never hides the ones after it.
///
/// Hot state is marked `@exclusivity(unchecked)`: it is touched once per byte or field from a
/// single thread, and the runtime's dynamic exclusivity checks cost a fifth of the ingest time.
final class CSVReader {
    let delimiter: UInt8
    private let input: DecodedInput
    private var parser = csv_parser()
    private let sink = FieldSink()
    @exclusivity(unchecked) private var chunk: [UInt8]
    @exclusivity(unchecked) private var chunkIndex = 0
    private var exhausted = false
    private var finalised = false
    /// Line of the next byte to feed (1-based), and byte offset in the decoded text.
    @exclusivity(unchecked) private var line = 1
    @exclusivity(unchecked) private var byteOffset = 0
    private var recordsRead = 0
    /// Set while a record is being read: where it started.
    @exclusivity(unchecked) private var current: RecordPosition?
    /// The current record's raw text: bytes carried from earlier chunks, then `chunk[rawStart...]`.
    @exclusivity(unchecked) private var rawCarried: [UInt8] = []
    @exclusivity(unchecked) private var rawStart = 0
    /// The raw text of the record last returned, valid until the next `read`.
    @exclusivity(unchecked) private var lastRawCarried: [UInt8] = []
    @exclusivity(unchecked) private var lastRawRange = 0..<0
    /// After a malformed quote: the rest of the physical line is dropped.
    private var skippingToEndOfLine = false
    private var pendingFault: CSVFault?
    /// The last chunk ended with CR: a line break unless the next chunk starts with LF.
    private var crEndedLastChunk = false

    static let options = UInt8(CSV_STRICT | CSV_STRICT_FINI)

    /// `prefix` is text already decoded (the lines read to detect the delimiter).
    init(input: DecodedInput, prefix: [UInt8], delimiter: UInt8) {
        self.input = input
        self.delimiter = delimiter
        chunk = prefix
        startParser()
    }

    deinit { csv_free(&parser) }

    private func startParser() {
        csv_init(&parser, Self.options)
        csv_set_delim(&parser, delimiter)
        // Spaces are data: values are trimmed later, by the rules that read them.
        csv_set_space_func(&parser) { _ in 0 }
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
            if finalised { return false }
            if chunkIndex >= chunk.count {
                if current != nil, rawStart < chunk.count {
                    rawCarried.append(contentsOf: chunk[rawStart...])
                }
                let more = exhausted ? false : try input.next(into: &chunk)
                if !more {
                    chunk.removeAll()
                    exhausted = true
                    finish()
                }
                chunkIndex = 0
                rawStart = 0
                continue
            }
            if let fault = feedSegment() {
                emit(into: &record, fault: fault)
                return true
            }
        }
    }

    /// The text of the record last returned by `read`, as read, without its final line break.
    var lastRaw: [UInt8] {
        var raw: [UInt8] = []
        appendLastRaw(to: &raw)
        return raw
    }

    /// Appends `lastRaw` to `bytes`, without building an array of its own.
    func appendLastRaw(to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: lastRawCarried)
        if lastRawRange.upperBound <= chunk.count { bytes.append(contentsOf: chunk[lastRawRange]) }
        while bytes.count > start, let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
    }

    /// Feeds the bytes up to and including the next line break (or to the chunk's end).
    /// A line break is LF, CRLF, or a lone CR (old Mac files): libcsv ends a record at each.
    /// Returns a fault when the record ended malformed.
    private func feedSegment() -> CSVFault? {
        let start = chunkIndex
        if crEndedLastChunk {
            crEndedLastChunk = false
            if chunk[start] != 0x0A { line += 1 }  // it was a lone CR
        }
        let (end, endsLine): (Int, Bool) = chunk.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return (start, false) }
            let n = buffer.count
            func offset(_ p: UnsafeMutableRawPointer) -> Int { base.distance(to: p.assumingMemoryBound(to: UInt8.self)) }
            var lineEnd = n, foundLF = false
            if let hit = memchr(base + start, 0x0A, n - start) {
                lineEnd = offset(hit) + 1
                foundLF = true
            }
            let searchEnd = foundLF ? lineEnd - 1 : n
            var p = start
            while p < searchEnd, let hit = memchr(base + p, 0x0D, searchEnd - p) {
                let cr = offset(hit)
                if cr + 1 == n {
                    crEndedLastChunk = true  // LF or not: the next chunk tells
                    return (n, false)
                }
                if base[cr + 1] != 0x0A { return (cr + 1, true) }
                p = cr + 1
            }
            return (lineEnd, foundLF)
        }
        chunkIndex = end
        defer {
            byteOffset += end - start
            if endsLine { line += 1 }
        }
        if current == nil, !skippingToEndOfLine {
            // A record starts at the first byte that is not a line break.
            var first = start
            while first < end, chunk[first] == 0x0A || chunk[first] == 0x0D { first += 1 }
            if first == end { return nil }
            current = RecordPosition(byte: byteOffset + first - start, line: line, record: recordsRead)
            rawStart = first
        }
        if skippingToEndOfLine {
            if endsLine {
                skippingToEndOfLine = false
                restartParser()
                return .malformedQuote
            }
            return nil
        }
        let parsed = chunk.withUnsafeBufferPointer { buffer in
            csv_parse(&parser, buffer.baseAddress.map { $0 + start }, end - start,
                      FieldSink.fieldCallback, FieldSink.recordCallback,
                      Unmanaged.passUnretained(sink).toOpaque())
        }
        if parsed < end - start, csv_error(&parser) == CSV_EPARSE {
            sink.discardPartialRecord()
            if endsLine {
                restartParser()
                return .malformedQuote
            }
            skippingToEndOfLine = true
        }
        return nil
    }

    private func restartParser() {
        csv_free(&parser)
        startParser()
    }

    /// End of input: libcsv submits a last record that had no line break, or reports a quote
    /// left open.
    private func finish() {
        guard !finalised else { return }
        finalised = true
        if skippingToEndOfLine {
            skippingToEndOfLine = false
            pendingFault = .malformedQuote
            return
        }
        let status = csv_fini(&parser, FieldSink.fieldCallback, FieldSink.recordCallback,
                              Unmanaged.passUnretained(sink).toOpaque())
        if status != 0, current != nil {
            sink.discardPartialRecord()
            pendingFault = .unterminatedQuote
        }
    }

    private func emit(into record: inout CSVRecord, fault: CSVFault?) {
        record.clear()
        record.fault = fault
        if fault == nil {
            sink.takeRecord(into: &record)
        }
        record.position = current ?? RecordPosition(byte: byteOffset, line: line, record: recordsRead)
        swap(&lastRawCarried, &rawCarried)
        rawCarried.removeAll(keepingCapacity: true)
        lastRawRange = rawStart..<chunkIndex
        if sink.hasCompleteRecord {
            // A bare CR ended two records on one line: the next one shares the line.
            rawCarried = lastRawCarried
        } else {
            current = nil
        }
        rawStart = chunkIndex
        recordsRead += 1
    }
}

/// Receives libcsv's callbacks. C callbacks cannot capture context, so the reader passes this
/// object through libcsv's `void *` with `Unmanaged`.
final class FieldSink {
    @exclusivity(unchecked) private var buffer = FieldBuffer()
    /// Field counts of completed records not yet taken, in order.
    @exclusivity(unchecked) private var completed: [Int] = []
    @exclusivity(unchecked) private var fieldsInPartial = 0

    var hasCompleteRecord: Bool { !completed.isEmpty }

    func discardPartialRecord() {
        buffer.truncate(toFields: completed.reduce(0, +))
        fieldsInPartial = 0
    }

    func takeRecord(into record: inout CSVRecord) {
        let fields = completed.removeFirst()
        if completed.isEmpty, fieldsInPartial == 0 {
            // The usual case: exactly one record buffered. Swap buffers, don't copy.
            swap(&record.fields, &buffer)
            buffer.removeAll()
            return
        }
        record.fields.append(firstFields: fields, of: buffer)
        buffer.removeFirst(fields: fields)
    }

    @inline(__always)
    private func append(_ field: UnsafeMutableRawPointer?, _ length: Int) {
        buffer.append(field, count: length)
        fieldsInPartial += 1
    }

    private func endRecord() {
        completed.append(fieldsInPartial)
        fieldsInPartial = 0
    }

    // `_withUnsafeGuaranteedRef`: the reader keeps the sink alive for the whole call, so the
    // callbacks need no retain/release of their own.
    static let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        field, length, context in
        guard let context else { return }
        Unmanaged<FieldSink>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.append(field, length) }
    }

    static let recordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        guard let context else { return }
        Unmanaged<FieldSink>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.endRecord() }
    }
}
