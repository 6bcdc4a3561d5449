import TestSupport
import Foundation
@testable import Ingest

/// Every record of a file, as (line, fields, fault, raw), read through the CSV layer.
/// `readSize` cuts the text into chunks that small; `ownSpaceTest` keeps libcsv's own space
/// test out of every segment (``SpaceScan``).
func records(of path: String, delimiter: UInt8? = nil, limit: Int = ExportReader.recordLimit,
             readSize: Int = DecodedInput.chunkSize,
             ownSpaceTest: Bool = false) throws -> [(line: Int, fields: [String], fault: CSVFault?, raw: String)] {
    let file = try InputFile(path: path, name: path)
    let encoding = try SourceEncoding.check(file, given: nil)
    let input = try DecodedInput(file: file, encoding: encoding, readSize: readSize)
    let reader = CSVReader(input: input, prefix: [], delimiter: delimiter ?? UInt8(ascii: ","), limit: limit)
    reader.alwaysOwnSpaceTest = ownSpaceTest
    var record = CSVRecord()
    var out: [(Int, [String], CSVFault?, String)] = []
    while try reader.read(into: &record) {
        out.append((record.position.line, (0..<record.count).map { record.string(at: $0) }, record.fault,
                    String(decoding: reader.lastRaw, as: UTF8.self)))
    }
    return out
}

/// Reads every row of an export.
func rows(of path: String, units: UnitRegistry = UnitRegistry()) throws -> [ExportRow] {
    let reader = try ExportReader(path: path, name: "export.csv", units: units)
    var out: [ExportRow] = []
    while let row = try reader.next() { out.append(row) }
    return out
}

/// An accepted row as the tests look at it.
struct Occurrence {
    var code: String
    var dossier: Dossier
    var unitSpelling: UnitRegistry.SpellingID
    var latestMoment: LocalMoment
}

extension ExportRow {
    var occurrence: Occurrence? {
        facts.map { Occurrence(code: code, dossier: $0.dossier, unitSpelling: $0.unitSpelling, latestMoment: $0.latestMoment) }
    }
}

let portalHeader = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoHoaHoSo,SoHoaKetQua\n"
