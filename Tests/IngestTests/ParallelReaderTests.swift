import Foundation
import TestSupport
import Testing
@testable import Ingest

/// The parallel reader against one pass: files cut into parts of a few bytes (so that part
/// starts fall inside quoted fields, between CR and LF, in rejects and blank lines) must give
/// exactly what reading them whole gives: every row with its position, outcome and code, the
/// counts, the cut-off warning, the names interned in order, and loaded, the dossier table,
/// rejects, inputs and as-of.
@Suite struct ParallelReaderTests {
    /// Tiny parts and reads, several threads.
    private func tiny(_ random: inout SplitMix64) -> Chunking {
        Chunking(partSize: 1 + Int(random.next() % 80), readSize: 1 + Int(random.next() % 24), threads: 2 + Int(random.next() % 3))
    }

    /// Everything a reader gives, as text to compare.
    private func reading(_ path: String, chunking: Chunking, limit: Int) throws -> [String] {
        let units = UnitRegistry(aliases: UnitAliases([(name: "Phòng Tư pháp", unit: "UBND xã A")]))
        let fields = UnitRegistry()
        let procedures = ProcedureRegistry()
        let reader = try ExportReader(file: InputFile(path: path, name: "f.csv"), fileIndex: 3, units: units, fields: fields,
                                      procedures: procedures,
                                      recordLimit: limit, chunking: chunking)
        var out: [String] = []
        while let row = try reader.next() {
            let fields = CanonicalField.allCases.map { row.fields.text($0) }
            switch row.outcome {
            case .accepted(let facts):
                out.append("\(row.position) \(row.code) \(facts.dossier) \(facts.unitSpelling) \(facts.latestMoment) "
                           + "\(String(describing: facts.processed)) \(String(describing: facts.handedOver)) \(fields)")
            case .rejected(let reject):
                out.append("\(row.position) \(row.code) \(reject) \(fields)")
            }
        }
        out.append("rows \(reader.rowsRead) blank \(reader.blankRecords) cut \(String(describing: reader.cutOff))")
        out.append("units \(units.spellings.map { "\($0.text)=\($0.unit.rawValue)" })")
        out.append("fields \(fields.spellings.map { "\($0.text)=\($0.unit.rawValue)" })")
        out.append("procedures \(procedures.codes)")
        return out
    }

    /// What loading files gives, as text to compare: one after the other, or `together`
    /// (``DossierLoader/load(paths:each:)``: the next opened while this one is read), where
    /// each file's summary or error is written where the rows of the next begin.
    private func loading(_ paths: [String], chunking: Chunking, together: Bool = false) throws -> [String] {
        let loader = DossierLoader(aliases: UnitAliases([(name: "C, \"quoted\"", unit: "Phòng Tư pháp")]))
        loader.chunking = chunking
        var out: [String] = []
        loader.onReject = { out.append("reject \($0)") }
        let record = { (result: Result<InputSummary, IngestError>) in
            switch result {
            case .success(let summary): out.append("loaded \(summary.name) \(summary.accepted)")
            case .failure(let error): out.append("failed \(error)")
            }
        }
        if together {
            loader.load(paths: paths) { record($0); return true }
        } else {
            for path in paths { record(Result { () throws(IngestError) in try loader.load(path: path) }) }
        }
        let set = loader.result
        set.table.forEach { code, dossier in out.append("\(String(decoding: code, as: UTF8.self)) \(dossier)") }
        out.append("names \(set.unitNames.sorted { $0.key < $1.key }) \(set.fieldNames.sorted { $0.key < $1.key })")
        out.append("procedures \(loader.procedures.codes)")
        out.append("collapsed \(set.collapsed) aliases \(set.aliasUses) spellings \(set.unitSpellings.map { "\($0.text)=\($0.unit.rawValue)" })")
        for input in set.inputs {
            out.append("\(input.name) \(input.rowsRead) \(input.accepted) \(input.rejectsByReason.sorted { $0.key.rawValue < $1.key.rawValue }) "
                       + "\(String(describing: input.asOf)) \(input.blankRecords) \(String(describing: input.cutOff)) \(input.encoding)")
        }
        return out
    }

    @Test(arguments: 0..<60)
    func rowsAreThoseOfOnePass(seed: UInt64) throws {
        var maker = PartsFileMaker(seed: seed)
        maker.windows1258 = seed % 5 == 4
        let dir = try TempDir(prefix: "motcua-parts")
        var bytes = maker.file(rows: 10 + Int(seed % 50))
        if seed % 7 == 3, !maker.windows1258 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        let path = try dir.write("f.csv", bytes: bytes).path
        // A limit just over the header's 131 bytes: some records, quoted line breaks and all, are too long.
        let limit = seed % 3 == 0 ? 160 : ExportReader.recordLimit
        let whole = try reading(path, chunking: .whole, limit: limit)
        var random = SplitMix64(seed: seed &* 7919)
        for _ in 0..<4 {
            let chunking = tiny(&random)
            let parts = try reading(path, chunking: chunking, limit: limit)
            #expect(parts == whole, "seed \(seed), \(chunking)")
            if parts != whole { break }
        }
    }

    @Test(arguments: 0..<20)
    func loadedDossiersAreThoseOfOnePass(seed: UInt64) throws {
        let dir = try TempDir(prefix: "motcua-parts")
        var maker = PartsFileMaker(seed: 1000 + seed)
        let paths = try (0..<3).map { i in try dir.write("thang\(i).csv", bytes: maker.file(rows: 30)).path }
        let whole = try loading(paths, chunking: .whole)
        var random = SplitMix64(seed: seed)
        let parts = try loading(paths, chunking: tiny(&random))
        #expect(parts == whole)
        let together = try loading(paths, chunking: tiny(&random), together: true)
        #expect(together == whole, "several files at once")
    }

    /// Several files at once, some of which cannot be read (missing, not text, cut off inside a
    /// quoted field, no header): each file's summary or error in order, and the dossiers,
    /// rejects and inputs of those read, as one file after the other gives them.
    @Test(arguments: 0..<12)
    func severalFilesAtOnceAreThoseReadOneByOne(seed: UInt64) throws {
        let dir = try TempDir(prefix: "motcua-parts")
        var maker = PartsFileMaker(seed: 2000 + seed)
        var random = SplitMix64(seed: seed)
        var paths: [String] = []
        for i in 0..<(3 + Int(seed % 4)) {
            paths.append(try dir.write("thang\(i).csv", bytes: maker.file(rows: 5 + Int(random.next() % 40))).path)
            switch random.next() % 5 {
            case 0: paths.append(dir.file("khong-co-\(i).csv").path)
            case 1: paths.append(try dir.write("nhi-phan-\(i).csv", bytes: Array(portalHeader.utf8) + [0x00, 0x41, 0x0A]).path)
            case 2: paths.append(try dir.write("rong-\(i).csv", bytes: []).path)
            default: break
            }
        }
        let whole = try loading(paths, chunking: .whole)
        #expect(whole.contains { $0.hasPrefix("loaded ") })
        for _ in 0..<3 {
            let together = try loading(paths, chunking: tiny(&random), together: true)
            #expect(together == whole, "seed \(seed)")
            if together != whole { break }
        }
    }

    /// A small file is cut into parts for every thread (it was one part, read on one core);
    /// the parts are never under 64 KiB, nor over the part size; one thread reads one part.
    @Test func smallFilesAreCutForEveryThread() {
        let two = Chunking(partSize: 1 << 20, readSize: 1 << 16, threads: 2)
        #expect(two.partSize(forFileOf: 1 << 20) == 128 << 10)
        #expect(two.partSize(forFileOf: 100 << 10) == Chunking.smallestPart)
        #expect(two.partSize(forFileOf: 1 << 30) == 1 << 20)
        #expect(Chunking.whole.partSize(forFileOf: 1 << 20) == .max)
        #expect(Chunking(partSize: 7, readSize: 5, threads: 3).partSize(forFileOf: 1 << 20) == 7)
    }

    /// A file whose every line feed but the header's is inside one quoted field: every part but
    /// the first guesses wrong, and the first reads on to the end.
    @Test func partsThatAllGuessWrongAreReadAgain() throws {
        let dir = try TempDir(prefix: "motcua-parts")
        var text = portalHeader + "H1,\"A"
        for i in 0..<200 { text += "\nline \(i),\"\"x\"\"" }
        text += "\",1,15/03/2023,,,,2,,\nH2,B,1,16/03/2023,,,,2,,\n"
        let path = try dir.write("f.csv", text).path
        let whole = try reading(path, chunking: .whole, limit: ExportReader.recordLimit)
        #expect(whole.count == 6, "two rows, the counts and the four registries")
        for size in [1, 7, 64, 300] {
            let chunking = Chunking(partSize: size, readSize: 5, threads: 3)
            #expect(try reading(path, chunking: chunking, limit: ExportReader.recordLimit) == whole)
        }
    }

    /// UTF-16 and CR-only files are read as one part, whatever the part size.
    @Test func utf16AndCROnlyFilesAreOnePart() throws {
        let dir = try TempDir(prefix: "motcua-parts")
        let text = portalHeader.replacingOccurrences(of: "\n", with: "\r") + "H1,A,1,15/03/2023,,,,2,,\rH2,B,1,16/03/2023,,,,2,,\r"
        let crOnly = try InputFile(path: try dir.write("cr.csv", text).path)
        #expect(try Chunking(partSize: 4, readSize: 4, threads: 2).starts(in: crOnly, encoding: .utf8, from: 0).isEmpty)
        let utf16 = try InputFile(path: try dir.write("u16.csv", bytes: [0xFF, 0xFE] + Array(portalHeader.utf16).flatMap {
            [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)]
        }).path)
        #expect(try Chunking(partSize: 4, readSize: 4, threads: 2).starts(in: utf16, encoding: .utf16LE, from: 0).isEmpty)
        let lf = try InputFile(path: try dir.write("lf.csv", portalHeader + "H1,A,1,15/03/2023,,,,2,,\n").path)
        let starts = try Chunking(partSize: 4, readSize: 4, threads: 2).starts(in: lf, encoding: .utf8, from: 0)
        #expect(starts == [portalHeader.utf8.count])
    }

    /// The text check on several threads names the same first offending byte as on one.
    @Test(arguments: [(UInt8(0xFF), SourceEncoding?.none), (0x00, .none), (0xFF, .utf8), (0x81, .windows1258), (0x00, .windows1258)])
    func theTextCheckInPartsFindsTheFirstFault(byte: UInt8, given: SourceEncoding?) throws {
        let dir = try TempDir(prefix: "motcua-parts")
        var lines: [UInt8] = Array(portalHeader.utf8)
        let row = Array("H1,A,1,15/03/2023,,,,2,,\n".utf8)
        while lines.count < 5 << 20 { lines += row }
        for at in [lines.count / 3, lines.count - 10] {
            var bytes = lines
            bytes[at] = byte
            bytes[lines.count - 5] = byte == 0 ? 0x41 : 0x00  // a NUL after: the first fault wins
            let file = try InputFile(path: try dir.write("f.csv", bytes: bytes).path, name: "f.csv")
            let one = Result { try SourceEncoding.check(file, given: given, threads: 1) }
            let three = Result { try SourceEncoding.check(file, given: given, threads: 3) }
            #expect(String(describing: one) == String(describing: three))
            if case .success = one { Issue.record("a fault at \(at) was not found") }
        }
        let clean = try InputFile(path: try dir.write("clean.csv", bytes: lines).path)
        #expect(try SourceEncoding.check(clean, given: nil, threads: 3) == .utf8)
    }
}
