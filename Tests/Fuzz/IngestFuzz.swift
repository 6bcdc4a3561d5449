import Foundation
import Ingest

/// A libFuzzer target over the ingest: file bytes in; it must not crash, and every row must be
/// accepted or rejected with counts that add up.
///
/// Built with `-sanitize=fuzzer,address -DFUZZING` by `scripts/fuzz`, libFuzzer calls
/// `LLVMFuzzerTestOneInput`. In a normal build this is a replay tool: `IngestFuzz FILE...` runs
/// each file through the same checks (the committed corpus, a crash libFuzzer saved).
///
/// An input's first byte chooses how the rest is read: bits 0–2 an `--encoding` (none, or one of
/// the five), bits 3–4 a `--delimiter` (none, `,`, `;`, tab), bit 5 a record limit of 64 bytes
/// instead of 16 MiB (so that cutting long records is fuzzed too).
enum IngestFuzz {
    static let name = "fuzz.csv"
    static let scratch: String = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return (folder as NSString).appendingPathComponent("motcua-fuzz-\(getpid()).csv")
    }()

    static func check(_ input: UnsafeBufferPointer<UInt8>) {
        guard let options = input.first else { return }
        let bytes = UnsafeBufferPointer(rebasing: input.dropFirst())
        let encodings: [SourceEncoding?] = [nil, .utf8, .utf8BOM, .utf16LE, .utf16BE, .windows1258, nil, nil]
        let delimiters: [UInt8?] = [nil, 0x2C, 0x3B, 0x09]
        let read = ReadOptions(encoding: encodings[Int(options & 7)], delimiter: delimiters[Int(options >> 3 & 3)])
        let limit = options & 0x20 != 0 ? 64 : ExportReader.recordLimit
        guard FileManager.default.createFile(atPath: scratch, contents: Data(buffer: bytes)) else {
            fatalError("cannot write \(scratch)")
        }
        defer { unlink(scratch) }
        let rows = readRows(read, limit: limit, lineBound: bytes.count + 1)
        if limit == ExportReader.recordLimit { load(read, expecting: rows) }
    }

    /// Reads every row: positions strictly increase, rejects name the file and their line,
    /// a raw text never exceeds the limit (or 1,000 characters, cut).
    static func readRows(_ read: ReadOptions, limit: Int, lineBound: Int) -> Result<Int, IngestError> {
        do {
            let reader = try ExportReader(file: InputFile(path: scratch, name: name), encoding: read.encoding,
                                          delimiter: read.delimiter, units: UnitRegistry(), fields: UnitRegistry(),
                                          recordLimit: limit)
            var last: RecordPosition?
            var count = 0
            while let row = try reader.next() {
                count += 1
                let at = row.position
                if let last {
                    require(at.line > last.line && at.byte > last.byte && at.record > last.record, "positions go back: \(last) → \(at)")
                }
                require(at.line >= 1 && at.line <= lineBound, "line \(at.line) outside the file")
                last = at
                switch row.outcome {
                case .accepted(let facts):
                    require(Int(facts.dossier.source.line) == at.line, "a dossier's line is not its row's")
                    require(row.withCode { !$0.isEmpty }, "an accepted row without a code")
                case .rejected(let reject):
                    require(reject.file == name && reject.line == at.line, "a reject misplaced: \(reject)")
                    if reject.reason == .recordTooLong {
                        require(reject.raw.unicodeScalars.count <= 1_000, "a cut raw text of \(reject.raw.unicodeScalars.count)")
                    } else {
                        require(reject.raw.utf8.count <= limit, "a raw text past the limit")
                    }
                }
            }
            require(reader.rowsRead == count, "rowsRead \(reader.rowsRead) for \(count) rows")
            return .success(count)
        } catch {
            expectOneLine(error)
            return .failure(error)
        }
    }

    /// Loads the file as `report` does: rows read = accepted + rejected = dossiers + collapsed
    /// + rejected, every reject seen once, and the same outcome as reading the rows.
    static func load(_ read: ReadOptions, expecting rows: Result<Int, IngestError>) {
        let loader = DossierLoader(options: read)
        var rejects: [Reject] = []
        loader.onReject = { rejects.append($0) }
        do {
            let summary = try loader.load(path: scratch, name: name)
            let set = loader.result
            require(summary.rowsRead == summary.accepted + summary.rejected, "rows \(summary.rowsRead) ≠ accepted + rejected")
            require(rejects.count == summary.rejected, "\(rejects.count) rejects seen, \(summary.rejected) counted")
            require(set.dossiers.count + set.collapsed == summary.accepted, "dossiers + collapsed ≠ accepted")
            require(rows == .success(summary.rowsRead), "the loader read \(summary.rowsRead) rows, the reader \(rows)")
        } catch {
            expectOneLine(error)
            require(rows == .failure(error), "the loader failed (\(error)), the reader gave \(rows)")
        }
    }

    static func expectOneLine(_ error: IngestError) {
        let text = error.description
        require(text.hasPrefix(name) && !text.contains("\n"), "an error not on one line naming the file: \(text)")
    }

    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("invariant broken: \(message())") }
    }
}

/// libFuzzer's entry point: `LLVMFuzzerRunDriver` (SwiftPM gives an executable a `main` of its
/// own, so libFuzzer's cannot be the entry point) calls this for every input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    IngestFuzz.check(UnsafeBufferPointer(start: data, count: size))
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

@main
struct IngestFuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
        #else
        replay(CommandLine.arguments.dropFirst())
        #endif
    }

    /// Runs every file named (a folder: every file in it) through the checks.
    static func replay(_ paths: ArraySlice<String>) {
        let files = paths.flatMap { path -> [String] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.sorted().map { (path as NSString).appendingPathComponent($0) }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("\(file): cannot read\n".utf8))
                exit(66)
            }
            data.withUnsafeBytes { IngestFuzz.check($0.bindMemory(to: UInt8.self)) }
        }
        print("\(files.count) inputs replayed")
    }
}
