/// Receives libcsv's callbacks. C callbacks cannot capture context, so the reader passes this
/// object through libcsv's `void *` with `Unmanaged`.
final class FieldSink {
    @exclusivity(unchecked) private var buffer = FieldBuffer()
    /// `buffer`, for the field callback: a call on a class held in a `var` costs a retain and
    /// a release, a tenth of the callback's time; the sink keeps `buffer` alive.
    @exclusivity(unchecked) private var appending: Unmanaged<FieldBuffer>
    /// Field counts of completed records not yet taken, in order.
    @exclusivity(unchecked) private var completed: [Int] = []
    @exclusivity(unchecked) private var fieldsInPartial = 0

    init() {
        appending = .passUnretained(buffer)
    }

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
            appending = .passUnretained(buffer)
            buffer.removeAll()
            return
        }
        record.fields.append(firstFields: fields, of: buffer)
        buffer.removeFirst(fields: fields)
    }

    @inline(__always)
    private func append(_ field: UnsafeMutableRawPointer?, _ length: Int) {
        appending._withUnsafeGuaranteedRef { $0.append(field, count: length) }
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
