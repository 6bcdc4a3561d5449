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

/// Reads raw inputs again to find what the figures do not keep: procedure names, and every
/// occurrence of one dossier. Only audits use it, so it trades speed for memory.
public enum ExportRescan {
    /// The procedure name (TenTTHC, else MaTTHC) at each of `sources`, reading each input once.
    public static func procedures(inputs: [InputSummary], at sources: Set<SourceLine>) throws(IngestError) -> [SourceLine: String] {
        var out: [SourceLine: String] = [:]
        for (index, input) in inputs.enumerated() {
            let wanted = Set(sources.filter { $0.file == Int32(index) }.map { Int($0.line) })
            guard !wanted.isEmpty else { continue }
            let reader = try ExportReader(path: input.name, name: input.name, fileIndex: Int32(index),
                                          encoding: input.encoding, delimiter: input.delimiter, units: UnitRegistry())
            while let row = try reader.nextRow() {
                guard case .accepted = row, wanted.contains(reader.currentLine) else { continue }
                out[SourceLine(file: Int32(index), line: Int32(clamping: reader.currentLine))] = procedure(of: reader)
            }
        }
        return out
    }

    /// Every row of every input whose dossier code is `code`, accepted or rejected.
    public static func occurrences(of code: String, inputs: [InputSummary]) throws(IngestError) -> [OccurrenceListing] {
        let wanted = Array(code.normalizedForDisplay.utf8)
        var out: [OccurrenceListing] = []
        for (index, input) in inputs.enumerated() {
            let units = UnitRegistry()
            let reader = try ExportReader(path: input.name, name: input.name, fileIndex: Int32(index),
                                          encoding: input.encoding, delimiter: input.delimiter, units: units)
            while let row = try reader.nextRow() {
                guard reader.currentCode == wanted else { continue }
                let unit = reader.withCurrentField(.donViXuLy) { String(decoding: $0, as: UTF8.self).normalizedForDisplay }
                var listing = OccurrenceListing(file: input.name, fileIndex: Int32(index), line: reader.currentLine,
                                                code: code, procedure: procedure(of: reader), unit: unit,
                                                dossier: nil, reject: nil)
                switch row {
                case .accepted(let facts): listing.dossier = facts.dossier
                case .rejected(let reject): listing.reject = reject
                }
                out.append(listing)
            }
        }
        return out
    }

    private static func procedure(of reader: ExportReader) -> String? {
        for field in [CanonicalField.tenTTHC, .maTTHC] {
            let text = reader.withCurrentField(field) { String(decoding: $0, as: UTF8.self).normalizedForDisplay }
            if !text.isEmpty { return text }
        }
        return nil
    }
}
