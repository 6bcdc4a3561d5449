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
        // Without files a command reads the store, whose imports were read already: an option
        // of how to read files would be ignored there, and a setting is never ignored.
        if files.isEmpty, let name = [("--encoding", encoding), ("--delimiter", delimiter)].first(where: { $0.1 != nil })?.0 {
            throw usage(.usageReadOptionWithoutFiles, [.name: name])
        }
    }

    /// Refuses `--as-of` without files, where it is the files' as-of (a store's imports keep
    /// their own). Not called by `late --due-within`, whose `--as-of` is the list's moment.
    func refuseAsOfWithoutFiles() throws {
        if files.isEmpty, asOf != nil { throw usage(.usageReadOptionWithoutFiles, [.name: "--as-of"]) }
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
        if let asOf {
            guard case .success(let date) = DateValue.parse(asOf, role: .deadline) else { throw usage(.usageMoment, [.text: asOf]) }
            options.asOf = date.moment
        }
        return options
    }

    /// The files named (none: the store), read by these options.
    func inputs(store: StoreOptions? = nil) throws -> Inputs {
        Inputs(files: files, read: try readOptions(), unitsFile: units, store: store?.path ?? "motcua.sqlite",
               catalogue: catalogue)
    }
}
