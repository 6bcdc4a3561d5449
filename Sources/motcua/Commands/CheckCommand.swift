import ArgumentParser
import Ingest
import Reports

/// `motcua check`: what each export is and which of its rows would be rejected.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Describe each export file and count the rows it would reject.",
        discussion: "Exit status 0 when no row is rejected, 65 when some are, 66 when a file cannot be read.")

    @OptionGroup var input: InputOptions

    @Option(help: "Language of the description: vi or en.")
    var lang: Language = .vi

    func validate() throws {
        if input.files.isEmpty { throw ValidationError("Name at least one export FILE.") }
    }

    func run() throws {
        let run = try InputRun(input, stopAtFirstFailure: false) { result in
            switch result {
            case .success(let summary): Terminal.write(describe(summary))
            case .failure(let error): Terminal.fail(error.description)
            }
        }
        if !run.failures.isEmpty { throw ExitCode(Exit.noInput) }
        if run.firstReject != nil { throw ExitCode(Exit.dataError) }
    }

    private func describe(_ s: InputSummary) -> String {
        let vi = lang == .vi
        let delimiter = s.delimiter == 0x09 ? "tab" : String(UnicodeScalar(s.delimiter))
        var out = "\(s.name)\n"
        out += "  \(vi ? "kiểu tệp" : "kind"): \(s.kind.rawValue); \(vi ? "mã hóa" : "encoding"): \(s.encoding.rawValue); "
            + "\(vi ? "dấu phân cách" : "delimiter"): \(delimiter)\n"
        out += "  \(vi ? "dòng" : "rows"): \(s.rowsRead); \(vi ? "nhận" : "accepted"): \(s.accepted); "
            + "\(vi ? "loại bỏ" : "rejected"): \(s.rejected)\n"
        for reason in RejectReason.allCases {
            if let n = s.rejectsByReason[reason] { out += "    \(n) × \(reason.summary)\n" }
        }
        if !s.ignoredColumns.isEmpty {
            // A pathological header can have thousands of unknown columns: name the first few.
            let shown = s.ignoredColumns.prefix(20).map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: ", ")
            let more = s.ignoredColumns.count > 20 ? " … (+\(s.ignoredColumns.count - 20))" : ""
            out += "  \(vi ? "cột bỏ qua" : "ignored columns"): \(shown)\(more)\n"
        }
        if let asOf = s.asOf { out += "  as-of: \(asOf)\n" }
        return out
    }
}
