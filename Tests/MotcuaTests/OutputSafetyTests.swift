import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Where reports go: an output that cannot be written is exit 73 and one line (never a trap),
/// an output that names an input is refused before anything is read or written (nothing
/// lost), and a link, a pipe or a device named as the output is written through, not replaced.
@Suite("outputs", .serialized)
struct OutputSafetyTests {
    static let export = """
        MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo
        H-1,UBND xã A,1,02/01/2023,10/01/2023,05/01/2023,9
        H-2,UBND xã A,2,03/01/2023,10/01/2023,,4
        H-3,UBND xã A,9,03/01/2023,10/01/2023,,4

        """

    /// Standard output on a full disk (`/dev/full`): 73 and one line on stderr, for a report and
    /// for a listing; before, `FileHandle.write` trapped (SIGILL and a backtrace).
    @Test(arguments: [["report", "--period", "2023-Q1", "--format", "csv"], ["check"]])
    func aFullStandardOutputIs73(command: [String]) throws {
        let dir = try TempDir()
        let file = try dir.write("a.csv", Self.export)
        _ = try dir.write("stderr", "")
        let status = try Motcua.run(command + [file.path], standardOutput: FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full")),
                                    standardError: FileHandle(forWritingTo: dir.file("stderr")))
        let stderr = try dir.read("stderr")
        #expect(status == 73, "exit \(String(describing: status)) (nil: a signal): \(stderr)")
        let lines = stderr.split(separator: "\n").filter { $0.hasPrefix("motcua:") }
        #expect(lines.count == 1 && lines[0].contains("không ghi được ra đầu ra chuẩn"), "\(stderr)")
        #expect(!stderr.contains("Fatal error"))
    }

    /// `--output /dev/stdout` and `--rejects /dev/stderr` into files the shell appends to
    /// (`>> out.log 2>> err.log`): written through the descriptors, what the files held is kept.
    @Test func standardStreamsNamedAsOutputsKeepWhatTheShellAppendedTo() throws {
        let dir = try TempDir()
        let file = try dir.write("a.csv", Self.export)
        _ = try dir.write("out.log", "before\n")
        _ = try dir.write("err.log", "before\n")
        let out = try FileHandle(forWritingTo: dir.file("out.log")), err = try FileHandle(forWritingTo: dir.file("err.log"))
        try out.seekToEnd()
        try err.seekToEnd()
        let status = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--output", "/dev/stdout",
                                     "--rejects", "/dev/stderr", file.path], standardOutput: out, standardError: err)
        #expect(status == 0)
        let written = try dir.read("out.log"), errors = try dir.read("err.log")
        #expect(written.hasPrefix("before\nperiod,unit,"), "\(written)")
        #expect(errors.hasPrefix("before\nfile,line,field,reason,raw\n") && errors.contains("KenhThucHien"), "\(errors)")
    }

    /// `--rejects`, `--output` or `units --write` naming an export, the store or the catalogue:
    /// 64, one line naming the option and the input, and the input as it was.
    @Test func anOutputThatNamesAnInputIsRefused() throws {
        let dir = try TempDir()
        let file = try dir.write("a.csv", Self.export)
        let before = try dir.read("a.csv")
        let cases: [[String]] = [
            ["report", "--period", "2023-Q1", "--rejects", file.path, file.path],
            ["report", "--period", "2023-Q1", "--output", "./a.csv", file.path],
            ["late", "--period", "2023-Q1", "--output", file.path, file.path],
            ["check", "--rejects", file.path, file.path],
            ["units", "--write", file.path, file.path],
            ["import", "--db", file.path, "--rejects", file.path, file.path],
        ]
        for arguments in cases {
            let result = try Motcua.run(arguments, in: dir.url)
            #expect(result.status == 64, "\(result)")
            #expect(result.stderrLines.count == 1 && result.stderr.contains("a.csv"), "\(result)")
            #expect(try dir.read("a.csv") == before, "\(arguments): the export was changed")
        }
        // Through a link to it, too.
        try FileManager.default.createSymbolicLink(atPath: dir.file("link.csv").path, withDestinationPath: file.path)
        let linked = try Motcua.run(["report", "--period", "2023-Q1", "--output", "link.csv", file.path], in: dir.url)
        #expect(linked.status == 64 && linked.stderr.contains("--output"), "\(linked)")
        #expect(try dir.read("a.csv") == before)
        // The store is an input of a report read from it.
        let store = dir.file("kho.sqlite").path
        #expect(try Motcua.run(["import", "--db", store, file.path], in: dir.url).status == 0)
        let overStore = try Motcua.run(["report", "--db", store, "--period", "2023-Q1", "--output", store], in: dir.url)
        #expect(overStore.status == 64 && overStore.stderr.contains("kho.sqlite"), "\(overStore)")
        let rejects = try Motcua.run(["rejects", "--db", store, "--output", store, "--lang", "en"], in: dir.url)
        #expect(rejects.status == 64 && rejects.stderr.contains("which this command reads"), "\(rejects)")
        #expect(try Motcua.run(["report", "--db", store, "--period", "2023-Q1", "--format", "csv"], in: dir.url).status == 0)
    }

    /// A link named as the output: the file it points to gets the report, the link stays. A
    /// pipe: written through, and still a pipe.
    @Test func linksAndPipesAreWrittenThrough() throws {
        let dir = try TempDir()
        let file = try dir.write("a.csv", Self.export)
        _ = try dir.write("target.csv", "old\n")
        try FileManager.default.createSymbolicLink(atPath: dir.file("link.csv").path, withDestinationPath: "target.csv")
        for option in ["--output", "--rejects"] {
            let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", option, "link.csv", file.path], in: dir.url)
            #expect(result.status == 0, "\(result)")
            let attributes = try FileManager.default.attributesOfItem(atPath: dir.file("link.csv").path)
            #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink, "\(option): the link was replaced")
            let written = try dir.read("target.csv")
            #expect(written.hasPrefix(option == "--output" ? "period,unit," : "file,line,field,reason,raw"), "\(option): \(written)")
        }

        let fifo = dir.file("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader first, so that motcua's open for writing does not wait.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let result = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", "--output", fifo, file.path], in: dir.url)
        #expect(result.status == 0, "\(result)")
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = read(reader, &buffer, buffer.count)
        #expect(count > 0 && String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).hasPrefix("period,unit,"))
        var status = stat()
        #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the pipe was replaced by a file")

        // A link to standard output, which is a pipe: written through the link to the pipe.
        try FileManager.default.createSymbolicLink(atPath: dir.file("out.csv").path, withDestinationPath: "/dev/stdout")
        for option in ["--output", "--rejects"] {
            let piped = try Motcua.run(["report", "--period", "2023-Q1", "--format", "csv", option, "out.csv", file.path], in: dir.url,
                                       launcher: ["/bin/bash", "-c", "set -o pipefail; \"$0\" \"$@\" | cat"])
            #expect(piped.status == 0, "\(option): \(piped)")
            #expect(piped.stdout.contains(option == "--output" ? "period,unit," : "file,line,field,reason,raw"), "\(option): \(piped)")
        }
    }
}
