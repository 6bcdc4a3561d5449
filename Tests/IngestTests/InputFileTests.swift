import TestSupport
import Foundation
import Testing
@testable import Ingest
#if canImport(Glibc)
import Glibc
#endif

/// An input is a regular file, opened once, never waited on; one that shrinks while it is read
/// is an error (issue 11, defects 6 and 7).
@Suite struct InputFileTests {
    @Test func aPipeIsRefusedAtOnceWithOrWithoutAWriter() throws {
        let dir = try TempDir()
        let fifo = dir.file("pipe.csv").path
        try #require(mkfifo(fifo, 0o600) == 0)
        #expect(throws: IngestError(file: "pipe.csv", kind: .notRegularFile(.pipe))) {
            _ = try InputFile(path: fifo, name: "pipe.csv")
        }
        let writer = open(fifo, O_RDWR | O_NONBLOCK)  // a writer (and reader) holds it open
        defer { close(writer) }
        #expect(throws: IngestError(file: "pipe.csv", kind: .notRegularFile(.pipe))) {
            _ = try InputFile(path: fifo, name: "pipe.csv")
        }
    }

    @Test func devicesAndFoldersAreRefused() {
        #expect(throws: IngestError(file: "/dev/zero", kind: .notRegularFile(.characterDevice))) {
            _ = try InputFile(path: "/dev/zero")
        }
        let dir = FileManager.default.temporaryDirectory.path
        #expect(throws: IngestError(file: dir, kind: .isDirectory)) { _ = try InputFile(path: dir) }
    }

    /// The file shrinks after it is opened: reading it is an error, not partial counts.
    @Test func aFileThatShrinksWhileReadIsAnError() throws {
        var text = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\n"
        for i in 0..<50_000 { text += "H\(i),UBND xã A,1,01/01/2023,2\n" }
        let path = try temporaryFile(text)
        let file = try InputFile(path: path, name: "co-lai.csv")
        try #require(truncate(path, 1_000) == 0)
        #expect(throws: IngestError(file: "co-lai.csv", kind: .shrank(expected: text.utf8.count, read: 1_000))) {
            try DossierLoader().load(file)
        }
    }

    /// A file that grows while read is read to its size when opened: the hash and the rows
    /// agree on what was read.
    @Test func aFileThatGrowsIsReadToItsSizeWhenOpened() throws {
        let text = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,TrangThaiHoSo\nH1,A,1,01/01/2023,2\n"
        let path = try temporaryFile(text)
        let file = try InputFile(path: path, name: "lon-len.csv")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("H2,A,1,01/01/2023,2\n".utf8))
        try handle.close()
        let loader = DossierLoader()
        loader.computesDigests = true
        let summary = try loader.load(file)
        #expect(summary.rowsRead == 1)
        #expect(summary.byteCount == text.utf8.count)
        #expect(summary.sha256 == (try FileDigest.sha256(of: try temporaryFile(text), name: "x")))
    }
}
