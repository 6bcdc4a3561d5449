import ArgumentParser
import Commands
import Ingest

/// How inputs are read: shared by every command that reads exports.
struct InputOptions: ParsableArguments {
    @Option(help: "Override encoding detection: utf-8, utf-8-bom, utf-16le, utf-16be, windows-1258.")
    var encoding: EncodingArgument?

    @Option(help: "Override delimiter detection: ',' ';' or 'tab'.")
    var delimiter: DelimiterArgument?

    @Option(name: .customLong("as-of"), help: "State every file's as-of moment instead of deriving it (e.g. 2023-03-31 or 31/03/2023 17:00).")
    var asOf: MomentArgument?

    @Option(help: "Write rejected rows to this CSV file (file,line,field,reason,raw).")
    var rejects: String?

    @Option(help: "Unit aliases: a CSV file of name,unit lines (names as they appear in exports, the unit they count for).")
    var units: String?

    @Argument(help: "Export files (CSV).")
    var files: [String] = []

    /// How files are read, by these options.
    var readOptions: ReadOptions {
        ReadOptions(asOf: asOf?.value, encoding: encoding?.value, delimiter: delimiter?.value)
    }

    /// The files named (none: the store), read by these options.
    func inputs(store: StoreOptions? = nil) -> Inputs {
        Inputs(files: files, read: readOptions, unitsFile: units, store: store?.path ?? "motcua.sqlite")
    }
}

struct EncodingArgument: ExpressibleByArgument {
    var value: SourceEncoding
    init?(argument: String) {
        guard let value = SourceEncoding(name: argument) else { return nil }
        self.value = value
    }
}

struct DelimiterArgument: ExpressibleByArgument {
    var value: UInt8
    init?(argument: String) {
        switch argument.lowercased() {
        case ",", "comma": value = UInt8(ascii: ",")
        case ";", "semicolon": value = UInt8(ascii: ";")
        case "tab", "\t", "\\t": value = 0x09
        default: return nil
        }
    }
}

struct MomentArgument: ExpressibleByArgument {
    var value: LocalMoment
    init?(argument: String) {
        guard case .success(let date) = DateValue.parse(argument, role: .deadline) else { return nil }
        value = date.moment
    }
}
