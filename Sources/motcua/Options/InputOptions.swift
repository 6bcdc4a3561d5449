import ArgumentParser
import Commands
import Ingest
import Wording

/// How inputs are read: shared by every command that reads exports. Values are read by
/// `validate()`, so that a wrong one is worded in the reader's language.
struct InputOptions: ParsableArguments {
    @Option(help: help(.helpEncoding))
    var encoding: String?

    @Option(help: help(.helpDelimiter))
    var delimiter: String?

    @Option(name: .customLong("as-of"), help: help(.helpAsOf))
    var asOf: String?

    @Option(help: help(.helpRejects))
    var rejects: String?

    @Option(help: help(.helpUnits))
    var units: String?

    @Option(help: help(.helpCatalogue))
    var catalogue: String?

    @Argument(help: help(.helpFiles))
    var files: [String] = []

    func validate() throws {
        _ = try readOptions()
        try refuseOverwritingInputs()
    }

    /// For a command that reads the store when no file is named: refuses the options of how
    /// to read files there (the imports were read already; a setting is never ignored).
    /// `asOf`: false where `--as-of` means something else (`late --due-within`: the list's moment).
    func refuseReadOptionsWithoutFiles(asOf checksAsOf: Bool = true) throws {
        guard files.isEmpty else { return }
        let given = [("--as-of", checksAsOf ? asOf : nil), ("--encoding", encoding), ("--delimiter", delimiter)]
        if let name = given.first(where: { $0.1 != nil })?.0 { throw usage(.usageReadOptionWithoutFiles, [.name: name]) }
    }

    /// How files are read, by these options.
    func readOptions() throws -> ReadOptions {
        var options = ReadOptions()
        if let encoding {
            guard let value = SourceEncoding(name: encoding) else {
                throw usage(.usageEncoding, [.text: encoding, .list: SourceEncoding.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            options.encoding = value
        }
        if let delimiter {
            switch delimiter.lowercased() {
            case ",", "comma": options.delimiter = UInt8(ascii: ",")
            case ";", "semicolon": options.delimiter = UInt8(ascii: ";")
            case "tab", "\t", "\\t": options.delimiter = 0x09
            default: throw usage(.usageDelimiter, [.text: delimiter])
            }
        }
        options.asOf = try asOfMoment()
        return options
    }

    /// `--as-of` read, nil when not given: a moment, not a deadline, so a date alone is 00:00:00
    /// of that day (input-formats.md). Every file's as-of, or `late --due-within`'s moment.
    func asOfMoment() throws -> LocalMoment? {
        guard let asOf else { return nil }
        guard case .success(let date) = DateValue.parse(asOf, role: .moment) else { throw usage(.usageMoment, [.text: asOf]) }
        return date.moment
    }

    /// The files named (none: the store), read by these options.
    func inputs(store: StoreOptions? = nil) throws -> Inputs {
        Inputs(files: files, read: try readOptions(), unitsFile: units, store: store?.path ?? "motcua.sqlite",
               catalogue: catalogue)
    }
}
