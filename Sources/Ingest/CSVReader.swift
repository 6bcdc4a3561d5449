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
/// and counts lines itself; a record's start line and raw text follow from that.
///
/// libcsv runs in strict mode: a malformed quote stops it mid-line. The reader then turns the
/// record into a faulted one, skips the rest of that line, restarts the parser and reads on,
/// so one bad record never hides the ones after it.
final class CSVReader {
    let delimiter: UInt8
    private let input: DecodedInput
    private var parser = csv_parser()
    private let sink = FieldSink()
    private var chunk: [UInt8]
    private var chunkOffset = 0
    private var chunkIndex = 0
    private var exhausted = false
    private var finalised = false
    /// Line of the next byte to feed (1-based), and byte offset in the decoded text.
    private var line = 1
    private var byteOffset = 0
    private var recordsRead = 0
    /// Set while a record is being read: its start, and its raw text so far.
    private var current: RecordPosition?
    private var raw: [UInt8] = []
    /// After a malformed quote: the rest of the physical line is dropped.
    private var skippingToEndOfLine = false

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
        // Spaces are data: values are trimmed later, and a reject must show the row as read.
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
                if !exhausted, try input.next(into: &chunk) {
                    chunkIndex = 0
                } else {
                    exhausted = true
                    finish()
                }
                continue
            }
            if let fault = feedSegment() {
                emit(into: &record, fault: fault)
                return true
            }
        }
    }

    private var pendingFault: CSVFault?

    /// Feeds the bytes up to and including the next line feed (or to the chunk's end).
    /// Returns a fault when the record ended malformed.
    private func feedSegment() -> CSVFault? {
        let start = chunkIndex
        let (end, endsLine): (Int, Bool) = chunk.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return (start, false) }
            let remaining = buffer.count - start
            if let hit = memchr(base + start, 0x0A, remaining) {
                return (base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1, true)
            }
            return (buffer.count, false)
        }
        chunkIndex = end
        defer {
            byteOffset += end - start
            if endsLine { line += 1 }
        }
        if current == nil, !skippingToEndOfLine {
            // A record starts at the first byte that is not a line break.
            if let first = chunk[start..<end].firstIndex(where: { $0 != 0x0A && $0 != 0x0D }) {
                current = RecordPosition(byte: byteOffset + first - start, line: line, record: recordsRead)
            } else {
                return nil
            }
        }
        raw.append(contentsOf: chunk[start..<end])
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
        var rawEnd = raw.count
        while rawEnd > 0, raw[rawEnd - 1] == 0x0A || raw[rawEnd - 1] == 0x0D { rawEnd -= 1 }
        record.rawBytes.append(contentsOf: raw[0..<rawEnd])
        // A bare CR can end two records on one line; the second starts where the first ended.
        if !sink.hasCompleteRecord {
            raw.removeAll(keepingCapacity: true)
            current = nil
        }
        recordsRead += 1
    }
}

/// Receives libcsv's callbacks. C callbacks cannot capture context, so the reader passes this
/// object through libcsv's `void *` with `Unmanaged`.
final class FieldSink {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Field counts of completed records not yet taken, in order.
    private var completed: [Int] = []
    private var fieldsInPartial = 0

    var hasCompleteRecord: Bool { !completed.isEmpty }

    func discardPartialRecord() {
        let keep = completed.reduce(0, +)
        let keepBytes = keep == 0 ? 0 : ends[keep - 1]
        bytes.removeSubrange(keepBytes...)
        ends.removeSubrange(keep...)
        fieldsInPartial = 0
    }

    func takeRecord(into record: inout CSVRecord) {
        let fields = completed.removeFirst()
        if completed.isEmpty, fieldsInPartial == 0 {
            // The usual case: exactly one record buffered. Swap, don't copy.
            swap(&record.bytes, &bytes)
            swap(&record.ends, &ends)
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            return
        }
        let byteCount = ends[fields - 1]
        record.bytes.append(contentsOf: bytes[0..<byteCount])
        record.ends.append(contentsOf: ends[0..<fields])
        bytes.removeSubrange(0..<byteCount)
        ends.removeSubrange(0..<fields)
        for i in ends.indices { ends[i] -= byteCount }
    }

    static let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
        field, length, context in
        guard let context else { return }
        let sink = Unmanaged<FieldSink>.fromOpaque(context).takeUnretainedValue()
        if let field, length > 0 {
            sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: field, count: length))
        }
        sink.ends.append(sink.bytes.count)
        sink.fieldsInPartial += 1
    }

    static let recordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
        guard let context else { return }
        let sink = Unmanaged<FieldSink>.fromOpaque(context).takeUnretainedValue()
        sink.completed.append(sink.fieldsInPartial)
        sink.fieldsInPartial = 0
    }
}
