/// The spec's row rules ("Rows", "Values"): one record's fields in, a dossier's facts or the
/// first failing field and its reason out.
///
/// Only the fields the rules use are turned into values: dates and codes straight from bytes,
/// vocabulary words and unit names looked up by their bytes (a cache hit for a value seen
/// before). Hot state is exempt from dynamic exclusivity checks (see `CSVReader`).
final class RowRules {
    let header: HeaderMap
    let columns: ColumnMap
    let units: UnitRegistry
    /// Interns TenLinhVuc when given (reports by field of procedures).
    let fields: UnitRegistry?
    /// Interns MaTTHC.
    let procedures: ProcedureRegistry
    /// The service columns this file has: every dossier read from it knows them.
    let known: ServiceFacts
    private let fileIndex: Int32
    @exclusivity(unchecked) private var channels = ByteKeyedCache<Channel?>(capacity: 256)
    @exclusivity(unchecked) private var statuses = ByteKeyedCache<Status?>(capacity: 256)
    @exclusivity(unchecked) var yesNo = ByteKeyedCache<Bool?>(capacity: 256)
    @exclusivity(unchecked) var serviceWords = ByteKeyedCache<UInt8?>(capacity: 256)

    struct Failure: Error {
        var field: CanonicalField?
        var reason: RejectReason
    }

    init(header: HeaderMap, columns: ColumnMap, units: UnitRegistry, fields: UnitRegistry?,
         procedures: ProcedureRegistry, fileIndex: Int32) {
        self.header = header
        self.columns = columns
        self.units = units
        self.fields = fields
        self.procedures = procedures
        self.fileIndex = fileIndex
        var known = ServiceFacts()
        for field in ServiceField.allCases where header.has(field.canonical) { known.setKnown(field) }
        self.known = known
    }

    /// The facts of the record, or why it is rejected; and where its dossier code is. The code
    /// is read unless the record is faulted or has more fields than the header.
    func apply(_ row: RowFields, fault: CSVFault?, line: Int) -> (Result<RowFacts, Failure>, code: CodeBytes) {
        if let fault {
            let reason: RejectReason = switch fault {
            case .malformedQuote: .malformedQuote
            case .unterminatedQuote: .unterminatedQuote
            case .tooLong: .recordTooLong
            }
            return (.failure(Failure(field: nil, reason: reason)), .none)
        }
        if row.count > header.count {
            return (.failure(Failure(field: nil, reason: .tooManyFields)), .none)
        }
        let code = codeOf(row)
        do throws(Failure) {
            let empty = if case .normalized(let bytes) = code { bytes.isEmpty } else { row.withValue(.maHoSo) { $0.isEmpty } }
            if empty { throw Failure(field: .maHoSo, reason: .missingValue) }
            return (.success(try facts(row, line: line)), code)
        } catch {
            return (.failure(error), code)
        }
    }

    private func facts(_ row: RowFields, line: Int) throws(Failure) -> RowFacts {
        let (unit, spelling) = try unitOf(row)
        let channel = try channelOf(row)
        let received = try date(row, .ngayTiepNhan, role: .moment, required: true)
        let due = try date(row, .ngayHenTra, role: .deadline)
        let processed = try date(row, .ngayKetThucXuLy, role: .moment)
        let handedOver = try date(row, .ngayTra, role: .moment)
        let status = try statusOf(row)
        let digitisedDossier = try flag(row, .soHoaHoSo)
        let digitisedResult = try flag(row, .soHoaKetQua)
        let service = known.knownMask == 0 ? known : try serviceFacts(row)
        guard let received else { throw Failure(field: .ngayTiepNhan, reason: .missingValue) }

        let finish = processed.map { ($0, CanonicalField.ngayKetThucXuLy) } ?? handedOver.map { ($0, .ngayTra) }
        if status.isFinished, finish == nil {
            throw Failure(field: .ngayKetThucXuLy, reason: .finishedWithoutDate)
        }
        if let (finished, field) = finish {
            let before = finished.hasTime && received.hasTime
                ? finished.moment < received.moment
                : finished.moment.day < received.moment.day
            if before { throw Failure(field: field, reason: .finishedBeforeReceived) }
        }
        // Not `[processed, handedOver].compactMap`: an array a row, allocated and freed.
        let latest = max(received.moment, processed?.moment ?? received.moment, handedOver?.moment ?? received.moment)
        let dossier = Dossier(
            unit: unit, channel: channel, status: status, received: received.moment, due: due?.moment,
            finished: finish?.0.moment, digitisedDossier: digitisedDossier, digitisedResult: digitisedResult,
            source: SourceLine(file: fileIndex, line: Int32(clamping: line)), field: fieldOf(row),
            unitSpelling: spelling, procedure: row.withValue(.maTTHC) { procedures.resolve($0) }, service: service)
        return RowFacts(dossier: dossier, unitSpelling: spelling, latestMoment: latest,
                        processed: processed?.moment, handedOver: handedOver?.moment)
    }

    /// MaHoSo as read when it is plain ASCII without inner spaces (the usual
    /// `H45.4-2023-001249`: no copy), else normalised like any text.
    private func codeOf(_ row: RowFields) -> CodeBytes {
        row.withValue(.maHoSo) { bytes in
            if bytes.isASCII, !bytes.contains(0x20), !bytes.contains(0x09) { return .asRead }
            return .normalized(Array(String(decoding: bytes, as: UTF8.self).normalizedForDisplay.utf8))
        }
    }

    private func fieldOf(_ row: RowFields) -> FieldID {
        guard let fields, let (id, _) = row.withValue(.tenLinhVuc, { fields.resolve($0) }) else { return .unknown }
        return FieldID(rawValue: id.rawValue)
    }

    private func unitOf(_ row: RowFields) throws(Failure) -> (UnitID, UnitRegistry.SpellingID) {
        guard let resolved = row.withValue(.donViXuLy, { units.resolve($0) }) else {
            throw Failure(field: .donViXuLy, reason: .missingValue)
        }
        return resolved
    }

    private func channelOf(_ row: RowFields) throws(Failure) -> Channel {
        let channel: Channel? = row.withValue(.kenhThucHien) { bytes in
            if bytes.isEmpty { return .direct }  // the portal's rule
            if bytes.count == 1, let code = Channel(rawValue: bytes[0] &- 0x30) { return code }
            return channels.value(for: bytes) { Channel.spellings[String(decoding: bytes, as: UTF8.self).normalizedKey] }
        }
        guard let channel else { throw Failure(field: .kenhThucHien, reason: .unknownChannel) }
        return channel
    }

    private func statusOf(_ row: RowFields) throws(Failure) -> Status {
        let status: Status?? = row.withValue(.trangThaiHoSo) { bytes in
            if bytes.isEmpty { return .some(nil) }
            // The national codes 1–10 as written: "04" is not one of them (the spec's "any other
            // value"), so a leading zero goes to the vocabulary look-up, which refuses it.
            if bytes.count <= 2, bytes[0] != 0x30, bytes.allSatisfy({ $0 &- 0x30 < 10 }) {
                let code = bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                return Status(rawValue: UInt8(clamping: code)).map { .some($0) } ?? nil
            }
            return statuses.value(for: bytes) { Status.spellings[String(decoding: bytes, as: UTF8.self).normalizedKey] }
                .map { .some($0) } ?? nil
        }
        switch status {
        case .some(.some(let status)): return status
        case .some(.none): throw Failure(field: .trangThaiHoSo, reason: .missingValue)
        case .none: throw Failure(field: .trangThaiHoSo, reason: .unknownStatus)
        }
    }

    func flag(_ row: RowFields, _ field: CanonicalField) throws(Failure) -> Bool {
        let value: Bool? = row.withValue(field) { bytes in
            if bytes.isEmpty { return false }
            if bytes.count == 1, bytes[0] == 0x31 { return true }
            if bytes.count == 1, bytes[0] == 0x30 { return false }
            return yesNo.value(for: bytes) { YesNo.spellings[String(decoding: bytes, as: UTF8.self).normalizedKey] }
        }
        guard let value else { throw Failure(field: field, reason: .invalidYesNo) }
        return value
    }

    func date(_ row: RowFields, _ field: CanonicalField, role: DateValue.Role,
                      required: Bool = false) throws(Failure) -> DateValue? {
        let result: Result<DateValue, DateValue.Failure>? = row.withValue(field) { bytes in
            if bytes.isEmpty { return nil }
            let parsed = DateValue.parse(bytes, role: role)
            guard case .failure(.unreadable) = parsed else { return parsed }
            // A date is a value like any other: trimmed and its white space folded (a no-break
            // space or a tab from a spreadsheet). Only on the slow path, where bytes failed.
            var folded = String(decoding: bytes, as: UTF8.self).normalizedForDisplay
            if folded.isEmpty { return nil }
            return folded.utf8.elementsEqual(bytes) ? parsed : folded.withUTF8 { DateValue.parse($0, role: role) }
        }
        switch result {
        case nil:
            if required { throw Failure(field: field, reason: .missingValue) }
            return nil
        case .success(let value): return value
        case .failure(.unreadable): throw Failure(field: field, reason: .unreadableDate)
        case .failure(.nonexistent): throw Failure(field: field, reason: .nonexistentDate)
        }
    }
}
