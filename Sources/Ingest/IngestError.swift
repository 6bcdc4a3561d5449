/// A fault that stops the reading of one input file, with the context a person needs to find it.
///
/// Modelled on GRDB's `DatabaseError`: the kind of fault, plus where it happened. Row-level
/// problems are never errors: they become ``Reject``s and the run goes on.
public struct IngestError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// The path does not exist or cannot be opened or read (the system's reason).
        case unreadable(String)
        /// The path is a directory.
        case isDirectory
        /// No bytes, or no header line.
        case empty
        /// NUL bytes, bytes Windows-1258 leaves undefined, or broken UTF-16.
        case notText(String)
        /// The header lacks required columns (canonical names).
        case missingColumns([String])
        /// A row was rejected while the caller asked for `--strict`.
        case rejectedRow(String)
    }

    /// The file as named on the command line.
    public var file: String
    /// The 1-based physical line, when the fault has one.
    public var line: Int?
    public var kind: Kind

    public init(file: String, line: Int? = nil, kind: Kind) {
        self.file = file
        self.line = line
        self.kind = kind
    }

    /// One line: `file:line: what went wrong`.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        switch kind {
        case .unreadable(let reason): return "\(place): cannot read: \(reason)"
        case .isDirectory: return "\(place): is a directory, not an export file"
        case .empty: return "\(place): empty file (no header line)"
        case .notText(let reason): return "\(place): not a text file (\(reason))"
        case .missingColumns(let names):
            return "\(place): header lacks required column\(names.count > 1 ? "s" : "") \(names.joined(separator: ", "))"
        case .rejectedRow(let reason): return "\(place): row rejected: \(reason)"
        }
    }
}
