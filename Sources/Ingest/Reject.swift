/// Why a row was kept out of every figure.
public enum RejectReason: String, CaseIterable, Sendable {
    case missingValue
    case unreadableDate
    case nonexistentDate
    case unknownChannel
    case unknownStatus
    case invalidYesNo
    case finishedWithoutDate
    case finishedBeforeReceived
    case tooManyFields
    case malformedQuote
    case unterminatedQuote
    case recordTooLong
    // The optional service columns and the procedure catalogue.
    case unknownPayment
    case invalidAmount
    case invalidWholeNumber
    case unknownRating
    case unknownRouting
    case unknownServiceLevel
    case duplicateProcedure

    /// A short English sentence, as the rejects output writes it.
    public func sentence(field: String?) -> String {
        let name = field ?? "field"
        switch self {
        case .missingValue: return "\(name) is missing"
        case .unreadableDate: return "\(name) is not a date in a known form"
        case .nonexistentDate: return "\(name) is a date that does not exist"
        case .unknownChannel: return "\(name) is not a known channel"
        case .unknownStatus: return "\(name) is not a known status"
        case .invalidYesNo: return "\(name) is not a yes/no value"
        case .finishedWithoutDate: return "finished dossier has neither NgayKetThucXuLy nor NgayTra"
        case .finishedBeforeReceived: return "\(name) is before NgayTiepNhan"
        case .tooManyFields: return "record has more fields than the header"
        case .malformedQuote: return "malformed quoting"
        case .unterminatedQuote: return "quoted field still open at end of file"
        case .recordTooLong: return "record too long"
        case .unknownPayment: return "\(name) is not a known online payment value"
        case .invalidAmount: return "\(name) is not a whole amount in đồng"
        case .invalidWholeNumber: return "\(name) is not a whole number"
        case .unknownRating: return "\(name) is not a rating from 1 to 5"
        case .unknownRouting: return "\(name) is not a known way of moving between agencies"
        case .unknownServiceLevel: return "\(name) is not a known online service level"
        case .duplicateProcedure: return "duplicate procedure code"
        }
    }
}

/// A rejected row: where it is, the first failing field, why, and the row as read.
public struct Reject: Sendable, Equatable {
    /// The file as named on the command line.
    public var file: String
    /// 1-based physical line where the record starts.
    public var line: Int
    /// The first failing field's canonical name (an export's or the catalogue's); nil for
    /// structural faults.
    public var field: String?
    public var reason: RejectReason
    /// The record's text as read, decoded (it may hold personal data: it goes to the rejects
    /// file only, never to a report or a log); of a record too long, its first 1,000 characters.
    public var raw: String

    public init(file: String, line: Int, field: String?, reason: RejectReason, raw: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
        self.raw = raw
    }

    /// A rejected export row, its field named by the canonical field.
    public init(file: String, line: Int, field: CanonicalField, reason: RejectReason, raw: String) {
        self.init(file: file, line: line, field: field.rawValue as String?, reason: reason, raw: raw)
    }

    /// The reason column of the rejects output.
    public var sentence: String { reason.sentence(field: field) }
}
