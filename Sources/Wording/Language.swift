/// The language of what people read. Machine formats (csv, json) are language-neutral.
public enum Language: String, CaseIterable, Sendable {
    case vi
    case en

    /// True when the language's readers get the machine names of columns (csv headers, json
    /// keys: English words) where a sheet needs short one-line titles.
    public var headsSheetsWithMachineNames: Bool { self == .en }
}
