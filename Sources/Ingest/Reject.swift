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

    /// A short English sentence, as the rejects output writes it.
    public func sentence(field: CanonicalField?) -> String {
        let name = field?.rawValue ?? "field"
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
        }
    }
}

/// A rejected row: where it is, the first failing field, why, and the row as read.
public struct Reject: Sendable, Equatable {
    /// The file as named on the command line.
    public var file: String
    /// 1-based physical line where the record starts.
    public var line: Int
    /// The first failing field; nil for structural faults.
    public var field: CanonicalField?
    public var reason: RejectReason
    /// The record's text as read, decoded (it may hold personal data: it goes to the rejects
    /// file only, never to a report or a log); of a record too long, its first 1,000 characters.
    public var raw: String

    public init(file: String, line: Int, field: CanonicalField?, reason: RejectReason, raw: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
        self.raw = raw
    }

    /// The reason column of the rejects output.
    public var sentence: String { reason.sentence(field: field) }
}
