/// One row of an export, read against the spec: a dossier occurrence, or a reject.
public enum ExportRow: Sendable {
    case accepted(Occurrence)
    case rejected(Reject)
}

/// An accepted row: the dossier's code, its state as of this export, and the unit's spelling.
public struct Occurrence: Sendable {
    public var code: String
    public var dossier: Dossier
    public var unitSpelling: UnitRegistry.SpellingID
    /// The latest of NgayTiepNhan, NgayKetThucXuLy and NgayTra: what the file's as-of is made of.
    public var latestMoment: LocalMoment
}

/// An accepted row without its code, which the reader keeps as bytes (`currentCode`): the
/// loader files dossiers by those bytes and never builds a `String` per row.
public enum RowOutcome: Sendable {
    case accepted(RowFacts)
    case rejected(Reject)
}

public struct RowFacts: Sendable {
    public var dossier: Dossier
    public var unitSpelling: UnitRegistry.SpellingID
    public var latestMoment: LocalMoment
    /// NgayKetThucXuLy and NgayTra as read (the dossier keeps only the finish they make).
    public var processed: LocalMoment?
    public var handedOver: LocalMoment?
}

/// Reads one export file row by row: detects encoding, delimiter and header, then maps each
/// record onto a canonical ``Occurrence`` or a ``Reject``.
///
/// A cursor: `next()` returns rows until it returns nil. Only the fields the rules use are
/// turned into values; vocabulary words and unit names are looked up by their bytes.
public final class ExportReader {
    /// The file as named on the command line.
    public let name: String
    public let encoding: SourceEncoding
    public let delimiter: UInt8
    public let header: HeaderMap
    /// Records read after the header (blank ones excluded).
    public private(set) var rowsRead = 0
    /// Whitespace-only records skipped as blank lines.
    public private(set) var blankRecords = 0
    /// Size of the file in bytes.
    public let byteCount: Int

    private let csv: any RecordSource
    private let units: UnitRegistry
    /// Interns TenLinhVuc when given (reports by field of procedures).
    private let fields: UnitRegistry?
    private let fileIndex: Int32
    // Touched for every row: exempt from dynamic exclusivity checks (see `CSVReader`).
    @exclusivity(unchecked) private var record = CSVRecord()
    @exclusivity(unchecked) private var channels = ByteKeyedCache<Channel?>(capacity: 256)
    @exclusivity(unchecked) private var statuses = ByteKeyedCache<Status?>(capacity: 256)
    @exclusivity(unchecked) private var yesNo = ByteKeyedCache<Bool?>(capacity: 256)
    /// The dossier code of the last accepted row (trimmed; NFC when not plain ASCII).
    @exclusivity(unchecked) public private(set) var currentCode: [UInt8] = []
    private let column: [Int]  // canonical field (by case order) → column, or -1

    /// Opens `path` and reads its header. `name` is how errors and rejects name the file.
    public init(path: String, name: String, fileIndex: Int32 = 0, encoding: SourceEncoding? = nil,
                delimiter: UInt8? = nil, units: UnitRegistry, fields: UnitRegistry? = nil,
                readsOnItsOwnThread: Bool = true) throws(IngestError) {
        self.name = name
        self.units = units
        self.fields = fields
        self.fileIndex = fileIndex
        // A caller that already reads on a thread of its own (an import) gains nothing from one
        // more hand-off: it reads inline.
        csv = readsOnItsOwnThread
            ? RecordStream(path: path, name: name, encoding: encoding, delimiter: delimiter)
            : InlineRecords(path: path, name: name, encoding: encoding, delimiter: delimiter)
        let opening = try csv.open()
        self.encoding = opening.encoding
        self.delimiter = opening.delimiter
        byteCount = opening.byteCount

        var headerLine = 1
        repeat {
            guard try csv.read(into: &record) else { throw IngestError(file: name, kind: .empty) }
            headerLine = record.position.line
        } while record.fault == nil && record.isBlank
        if let fault = record.fault {
            let what = fault == .unterminatedQuote ? "a quote left open" : "malformed quoting"
            throw IngestError(file: name, line: headerLine, kind: .notText("header line has \(what)"))
        }
        let headerRecord = record
        let header = HeaderMap(headers: (0..<headerRecord.count).map { headerRecord.string(at: $0) },
                               delimiter: opening.delimiter)
        let missing = header.missingRequired
        if !missing.isEmpty {
            throw IngestError(file: name, line: headerLine, kind: .missingColumns(missing.map(\.rawValue)))
        }
        self.header = header
        column = CanonicalField.allCases.map { header.columns[$0] ?? -1 }
    }

    /// The next row, or nil at the end of the file.
    public func next() throws(IngestError) -> ExportRow? {
        switch try nextRow() {
        case nil: return nil
        case .accepted(let facts)?:
            return .accepted(Occurrence(code: String(decoding: currentCode, as: UTF8.self), dossier: facts.dossier,
                                        unitSpelling: facts.unitSpelling, latestMoment: facts.latestMoment))
        case .rejected(let reject)?: return .rejected(reject)
        }
    }

    /// The next row without building its code as text; the code is in `currentCode`.
    public func nextRow() throws(IngestError) -> RowOutcome? {
        while try csv.read(into: &record) {
            if record.fault == nil, record.isBlank {
                blankRecords += 1
                continue
            }
            rowsRead += 1
            switch parseRecord() {
            case .success(let facts): return .accepted(facts)
            case .failure(let failure):
                let raw = String(decoding: csv.lastRaw, as: UTF8.self)
                return .rejected(Reject(file: name, line: record.position.line, field: failure.field,
                                       reason: failure.reason, raw: raw))
            }
        }
        return nil
    }

    // MARK: - Row rules

    private struct RowFailure: Error {
        var field: CanonicalField?
        var reason: RejectReason
    }

    private func parseRecord() -> Result<RowFacts, RowFailure> {
        currentCode.removeAll(keepingCapacity: true)
        if let fault = record.fault {
            return .failure(RowFailure(field: nil, reason: fault == .malformedQuote ? .malformedQuote : .unterminatedQuote))
        }
        if record.count > header.count {
            return .failure(RowFailure(field: nil, reason: .tooManyFields))
        }
        do {
            try readCode()
            let (unit, spelling) = try unitOf()
            let channel = try channelOf()
            let received = try date(.ngayTiepNhan, role: .moment, required: true)
            let due = try date(.ngayHenTra, role: .deadline)
            let processed = try date(.ngayKetThucXuLy, role: .moment)
            let handedOver = try date(.ngayTra, role: .moment)
            let status = try statusOf()
            let digitisedDossier = try flag(.soHoaHoSo)
            let digitisedResult = try flag(.soHoaKetQua)
            guard let received else { throw RowFailure(field: .ngayTiepNhan, reason: .missingValue) }

            let finish = processed.map { ($0, CanonicalField.ngayKetThucXuLy) } ?? handedOver.map { ($0, .ngayTra) }
            if status.isFinished, finish == nil {
                throw RowFailure(field: .ngayKetThucXuLy, reason: .finishedWithoutDate)
            }
            if let (finished, field) = finish {
                let before = finished.hasTime && received.hasTime
                    ? finished.moment < received.moment
                    : finished.moment.day < received.moment.day
                if before { throw RowFailure(field: field, reason: .finishedBeforeReceived) }
            }
            let latest = [processed, handedOver].compactMap { $0?.moment }.reduce(received.moment, max)
            let dossier = Dossier(
                unit: unit, channel: channel, status: status, received: received.moment, due: due?.moment,
                finished: finish?.0.moment, digitisedDossier: digitisedDossier, digitisedResult: digitisedResult,
                source: SourceLine(file: fileIndex, line: Int32(clamping: record.position.line)), field: fieldOf(),
                unitSpelling: spelling)
            return .success(RowFacts(dossier: dossier, unitSpelling: spelling, latestMoment: latest,
                                     processed: processed?.moment, handedOver: handedOver?.moment))
        } catch let failure as RowFailure {
            return .failure(failure)
        } catch {
            return .failure(RowFailure(field: nil, reason: .malformedQuote))
        }
    }

    /// How far into the file the row last read starts, in decoded bytes (for progress).
    public var currentByteOffset: Int { record.position.byte }

    /// The physical line where the row last read starts.
    public var currentLine: Int { record.position.line }

    /// Calls `body` with the trimmed bytes of `field` in the row last read (empty when the
    /// export has no such column): how the store keeps descriptive fields the rules do not use.
    public func withCurrentField<R>(_ field: CanonicalField, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withValue(field, body)
    }

    @inline(__always)
    private func withValue<R>(_ field: CanonicalField, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let index = column[field.ordinal]
        guard index >= 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try record.withField(index) { try body($0.trimmingASCIIWhitespace) }
    }

    /// Reads MaHoSo into `currentCode`: trimmed, and normalised like any text when it is not
    /// plain ASCII without inner spaces (the usual `H45.4-2023-001249` costs a copy only).
    private func readCode() throws {
        currentCode.removeAll(keepingCapacity: true)
        withValue(.maHoSo) { bytes in
            if bytes.isASCII, !bytes.contains(0x20), !bytes.contains(0x09) {
                currentCode.append(contentsOf: bytes)
            } else {
                currentCode.append(contentsOf: String(decoding: bytes, as: UTF8.self).normalizedForDisplay.utf8)
            }
        }
        if currentCode.isEmpty { throw RowFailure(field: .maHoSo, reason: .missingValue) }
    }

    private func fieldOf() -> FieldID {
        guard let fields, let (id, _) = withValue(.tenLinhVuc, { fields.resolve($0) }) else { return .unknown }
        return FieldID(rawValue: id.rawValue)
    }

    private func unitOf() throws -> (UnitID, UnitRegistry.SpellingID) {
        guard let resolved = withValue(.donViXuLy, { units.resolve($0) }) else {
            throw RowFailure(field: .donViXuLy, reason: .missingValue)
        }
        return resolved
    }

    private func channelOf() throws -> Channel {
        let channel: Channel? = withValue(.kenhThucHien) { bytes in
            if bytes.isEmpty { return .direct }  // the portal's rule
            if bytes.count == 1, let code = Channel(rawValue: bytes[0] &- 0x30) { return code }
            return channels.value(for: bytes) { Channel.spellings[String(decoding: bytes, as: UTF8.self).normalizedKey] }
        }
        guard let channel else { throw RowFailure(field: .kenhThucHien, reason: .unknownChannel) }
        return channel
    }

    private func statusOf() throws -> Status {
        let status: Status?? = withValue(.trangThaiHoSo) { bytes in
            if bytes.isEmpty { return .some(nil) }
            if bytes.count <= 2, bytes.allSatisfy({ $0 &- 0x30 < 10 }) {
                let code = bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                return Status(rawValue: UInt8(clamping: code)).map { .some($0) } ?? nil
            }
            return statuses.value(for: bytes) { Status.spellings[String(decoding: bytes, as: UTF8.self).normalizedKey] }
                .map { .some($0) } ?? nil
        }
        switch status {
        case .some(.some(let status)): return status
        case .some(.none): throw RowFailure(field: .trangThaiHoSo, reason: .missingValue)
        case .none: throw RowFailure(field: .trangThaiHoSo, reason: .unknownStatus)
        }
    }

    private func flag(_ field: CanonicalField) throws -> Bool {
        let value: Bool? = withValue(field) { bytes in
            if bytes.isEmpty { return false }
            if bytes.count == 1, bytes[0] == 0x31 { return true }
            if bytes.count == 1, bytes[0] == 0x30 { return false }
            return yesNo.value(for: bytes) { YesNo.spellings[String(decoding: bytes, as: UTF8.self).normalizedKey] }
        }
        guard let value else { throw RowFailure(field: field, reason: .invalidYesNo) }
        return value
    }

    private func date(_ field: CanonicalField, role: DateValue.Role, required: Bool = false) throws -> DateValue? {
        let result: Result<DateValue, DateValue.Failure>? = withValue(field) { bytes in
            bytes.isEmpty ? nil : DateValue.parse(bytes, role: role)
        }
        switch result {
        case nil:
            if required { throw RowFailure(field: field, reason: .missingValue) }
            return nil
        case .success(let value): return value
        case .failure(.unreadable): throw RowFailure(field: field, reason: .unreadableDate)
        case .failure(.nonexistent): throw RowFailure(field: field, reason: .nonexistentDate)
        }
    }

    // MARK: - Header line

    /// Reads decoded text until the first non-blank line is complete (or the file ends).
    static func readFirstLine(of input: DecodedInput) throws(IngestError) -> [UInt8] {
        var prefix: [UInt8] = []
        var chunk: [UInt8] = []
        while firstLine(in: prefix) == nil, try input.next(into: &chunk) {
            prefix.append(contentsOf: chunk)
        }
        return prefix
    }

    /// The first non-blank line of `bytes`, if it is complete.
    private static func firstLine(in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var start = 0
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            let line = bytes[start..<newline]
            if !line.allSatisfy(\.isASCIIWhitespace) { return line }
            start = newline + 1
        }
        return nil
    }

    /// The spec's rule: comma, semicolon or tab, whichever the header line has most of
    /// (outside quotes); comma when it has none.
    static func detectDelimiter(in prefix: [UInt8]) -> UInt8 {
        let line = firstLine(in: prefix) ?? prefix[...]
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in line {
            if byte == 0x22 { quoted.toggle() } else if !quoted, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        return [UInt8(0x2C), 0x3B, 0x09].max { counts[$0, default: 0] < counts[$1, default: 0] } ?? 0x2C
    }
}

extension CanonicalField {
    /// Position in the spec's table (and `allCases`).
    var ordinal: Int {
        switch self {
        case .maHoSo: return 0
        case .maTTHC: return 1
        case .tenTTHC: return 2
        case .maLinhVuc: return 3
        case .tenLinhVuc: return 4
        case .donViXuLy: return 5
        case .kenhThucHien: return 6
        case .ngayTiepNhan: return 7
        case .ngayHenTra: return 8
        case .ngayKetThucXuLy: return 9
        case .ngayTra: return 10
        case .trangThaiHoSo: return 11
        case .soHoaHoSo: return 12
        case .soHoaKetQua: return 13
        }
    }
}
