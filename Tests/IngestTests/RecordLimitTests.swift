import TestSupport
import Foundation
import Testing
@testable import Ingest

/// The spec's record limit: a record longer than the limit is rejected (record too long, its
/// first 1,000 characters as raw) and reading goes on after it; memory stays bounded.
@Suite struct RecordLimitTests {
    /// Whatever the quoting, cutting records past a limit changes those records only: every
    /// other record, its line and its raw text, is what a read without a limit gives.
    @Test(arguments: [1, 5, 17, 64])
    func cuttingLongRecordsChangesNothingElse(limit: Int) throws {
        var generator = SplitMix64(seed: 0x11 &* UInt64(limit))
        let alphabet: [String] = ["a", "b", ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "đ", "ồ"]
        for _ in 0..<300 {
            let length = Int(generator.next() % 60)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            if text.isEmpty { continue }
            let path = try temporaryFile(text)
            let whole = try records(of: path, limit: .max)
            let cut = try records(of: path, limit: limit)
            try #require(cut.count == whole.count, "\(text.debugDescription)")
            for (expected, got) in zip(whole, cut) {
                #expect(got.line == expected.line, "\(text.debugDescription)")
                if expected.raw.utf8.count > limit {
                    #expect(got.fault == .tooLong, "\(text.debugDescription): \(expected) → \(got)")
                    // With a tiny limit a whole record fits in 1,000 characters: its final line
                    // breaks (kept in a cut raw text, as they may be content) aside.
                    let trimmed = { (raw: String) -> String in
                        var scalars = Array(raw.unicodeScalars)
                        while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
                        return String(String.UnicodeScalarView(scalars))
                    }
                    #expect(trimmed(got.raw) == String(expected.raw.unicodeScalars.prefix(1_000)), "\(text.debugDescription)")
                    #expect(got.fields.isEmpty)
                } else {
                    #expect(got.fault == expected.fault, "\(text.debugDescription): \(expected) → \(got)")
                    #expect(got.fields == expected.fields && got.raw == expected.raw, "\(text.debugDescription)")
                }
            }
        }
    }

    /// A record past the real limit (16 MiB), quoted line breaks in it, then good rows: the
    /// record is rejected with its first 1,000 characters, the rows after it are read.
    @Test func aRecordPastSixteenMebibytesIsRejectedAndReadingGoesOn() throws {
        var text = portalHeader + "H1,A,1,15/03/2023,,,,2,,\n"
        let long = "H2,\"" + String(repeating: "đêm dài\n", count: (ExportReader.recordLimit / 10) + 1) + "\",1,15/03/2023,,,,2,,\n"
        text += long + "H3,A,1,16/03/2023,,,,2,,\n"
        let all = try rows(of: try temporaryFile(text))
        #expect(all.count == 3)
        #expect(all[0].occurrence?.code == "H1")
        let reject = try #require(all[1].reject)
        #expect(reject.reason == .recordTooLong && reject.field == nil && reject.line == 3)
        #expect(reject.sentence == "record too long")
        #expect(reject.raw == String(long.unicodeScalars.prefix(1_000)))
        #expect(all[2].occurrence?.code == "H3")
        #expect(all[2].position.line == 3 + ExportReader.recordLimit / 10 + 2)
    }

    /// A quote never closed, megabytes long: one reject, not the file's worth of memory.
    @Test func anEndlessQuotedFieldIsOneReject() throws {
        let text = portalHeader + "H1,\"" + String(repeating: "x,y\n", count: 5_000_000)
        let all = try rows(of: try temporaryFile(text))
        #expect(all.count == 1)
        #expect(all.first?.reject?.reason == .recordTooLong)
        #expect(all.first?.reject?.raw.unicodeScalars.count == 1_000)
    }

    @Test func aHeaderPastTheLimitIsAnError() throws {
        let path = try temporaryFile(String(repeating: "MaHoSo,", count: 3_000_000) + "\nH1\n")
        #expect(throws: IngestError(file: "x.csv", line: 1, kind: .headerTooLong(limit: ExportReader.recordLimit))) {
            _ = try ExportReader(path: path, name: "x.csv", units: UnitRegistry())
        }
    }
}
