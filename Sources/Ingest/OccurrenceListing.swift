/// One row of one input about one dossier, as an audit lists it: where it is, what it says,
/// and whether it was accepted.
public struct OccurrenceListing: Sendable {
    /// The input as named (a path for raw files, the name given at import for the store).
    public var file: String
    /// The input's index in the run (the `file` of a ``SourceLine``).
    public var fileIndex: Int32
    public var line: Int
    public var code: String
    public var procedure: String?
    /// The unit as spelt in this row.
    public var unit: String?
    /// The row's state when it was accepted.
    public var dossier: Dossier?
    /// Why the row was rejected, when it was.
    public var reject: Reject?

    public init(file: String, fileIndex: Int32, line: Int, code: String, procedure: String?, unit: String?,
                dossier: Dossier?, reject: Reject?) {
        self.file = file
        self.fileIndex = fileIndex
        self.line = line
        self.code = code
        self.procedure = procedure
        self.unit = unit
        self.dossier = dossier
        self.reject = reject
    }

    public var source: SourceLine { SourceLine(file: fileIndex, line: Int32(clamping: line)) }
}
