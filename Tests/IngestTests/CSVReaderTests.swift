import TestSupport
import Testing
@testable import Ingest

@Suite struct CSVReaderTests {
    @Test func linesCountBlankLinesAndMultiLineFields() throws {
        let path = try temporaryFile("a,b\r\n\r\n1,\"two\r\nlines\"\r\n\n3,4\n5,6")
        let all = try records(of: path)
        #expect(all.map(\.line) == [1, 3, 6, 7])
        #expect(all[1].fields == ["1", "two\r\nlines"])
        #expect(all[1].raw == "1,\"two\r\nlines\"")
        #expect(all[3].fields == ["5", "6"])
        #expect(all.allSatisfy { $0.fault == nil })
    }

    @Test func spacesAreKeptAndQuotesUndoubled() throws {
        #expect(try records(of: try temporaryFile(" a ,b\t,\n")).first?.fields == [" a ", "b\t", ""])
        let strictPath = try temporaryFile("a,\"b \"\"c\"\"\",\n")
        #expect(try records(of: strictPath).first?.fields == ["a", "b \"c\"", ""])
    }

    @Test func aMalformedQuoteRejectsOneRecordAndReadingGoesOn() throws {
        let path = try temporaryFile("h1,h2\nok,1\nbad\"quote,2\n\"closed\"x,3\nafter,4\n")
        let all = try records(of: path)
        #expect(all.map(\.line) == [1, 2, 3, 4, 5])
        #expect(all.map(\.fault) == [nil, nil, .malformedQuote, .malformedQuote, nil])
        #expect(all[2].raw == "bad\"quote,2")
        #expect(all[3].raw == "\"closed\"x,3")
        #expect(all[4].fields == ["after", "4"])
    }

    @Test func aQuoteOpenAtEndOfFileFaultsTheLastRecordOnly() throws {
        let path = try temporaryFile("h1,h2\nok,1\n\"open,2\nmore text\n")
        let all = try records(of: path)
        #expect(all.count == 3)
        #expect(all[1].fields == ["ok", "1"])
        #expect(all[2].fault == .unterminatedQuote)
        #expect(all[2].line == 3)
        #expect(all[2].raw == "\"open,2\nmore text")
    }

    @Test func lastRecordWithoutLineBreakIsRead() throws {
        let all = try records(of: try temporaryFile("a,b\n1,2"))
        #expect(all.last?.fields == ["1", "2"])
    }

    /// Records that straddle the reader's 256 KiB chunks keep their bytes and line numbers.
    @Test func recordsAcrossChunkBoundaries() throws {
        var text = "code,name\n"
        var expected: [String] = []
        for i in 0..<20_000 {
            let name = "Hoằng \(i) \"x\""
            expected.append(name)
            text += "H\(i),\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"\n"
        }
        let all = try records(of: try temporaryFile(text))
        #expect(all.count == 20_001)
        #expect(all.dropFirst().map { $0.fields[1] } == expected)
        #expect(all.last?.line == 20_001)
    }

    @Test func aOneMegabyteFieldIsOneField() throws {
        let big = String(repeating: "x", count: 1 << 20)
        let all = try records(of: try temporaryFile("a,b\n1,\"\(big)\"\n2,3\n"))
        #expect(all.count == 3)
        #expect(all[1].fields[1].utf8.count == 1 << 20)
        #expect(all[2].line == 3)
    }

    @Test func semicolonAndTabDelimiters() throws {
        #expect(try records(of: try temporaryFile("a;b\n1;2,5\n"), delimiter: UInt8(ascii: ";"))[1].fields == ["1", "2,5"])
        #expect(try records(of: try temporaryFile("a\tb\n1\t 2\n"), delimiter: 0x09)[1].fields == ["1", " 2"])
    }

    /// libcsv's own space test, used where ``SpaceScan`` finds no space that counts, reads
    /// every record, field, fault, line and raw text as the reader's own test does: random
    /// texts of spaces, tabs, quotes, delimiters and line breaks, read in chunks of 1 to 16
    /// bytes (segments then start and end anywhere: in quotes, just past one, mid-field), with
    /// a comma and a semicolon (a tab delimiter never uses libcsv's test). Spaces next to quotes
    /// must still make malformed quotes: `"a" ,` and ` "a"` are not RFC 4180.
    @Test func libcsvsSpaceTestReadsAsOurs() throws {
        var random = SplitMix64(seed: 0x5bace)
        for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";")] {
            let d = String(UnicodeScalar(delimiter))
            let tokens = ["a", "bc", "ờ", " ", " ", "\t", "\"", "\"\"", d, d, "\n", "\r\n", "\r", " " + d, d + " ", "\" ", " \""]
            for _ in 0..<600 {
                let text = "h" + d + "h\n" + (0..<Int(random.next() % 40)).map { _ in tokens[Int(random.next() % UInt64(tokens.count))] }.joined()
                let path = try temporaryFile(text)
                let readSize = 1 + Int(random.next() % 16)
                let ours = try records(of: path, delimiter: delimiter, readSize: readSize, ownSpaceTest: true)
                let mixed = try records(of: path, delimiter: delimiter, readSize: readSize, ownSpaceTest: false)
                #expect(mixed.map(\.line) == ours.map(\.line), "\(text.debugDescription) by \(readSize)")
                #expect(mixed.map(\.fields) == ours.map(\.fields), "\(text.debugDescription) by \(readSize)")
                #expect(mixed.map(\.fault) == ours.map(\.fault), "\(text.debugDescription) by \(readSize)")
                #expect(mixed.map(\.raw) == ours.map(\.raw), "\(text.debugDescription) by \(readSize)")
            }
        }
        // The scan itself: what it must refuse, and that it does take plain lines.
        let scan = SpaceScan(delimiter: UInt8(ascii: ","))
        func inert(_ text: String, pstate: Int32 = 0, quoted: Bool = false) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { scan.isInert($0, pstate: pstate, quoted: quoted) }
        }
        #expect(inert("H1,Phòng Tư pháp,20230101,\"giấy tờ, văn bản\",x\n"))
        #expect(!inert("H1, Phòng Tư pháp\n"))
        #expect(!inert("H1,Phòng \n"))
        #expect(!inert("H1,\"a\" ,b\n"))
        #expect(!inert("H1, \"a\",b\n"))
        #expect(!inert(" H1,a\n"))
        #expect(inert("a\tb,c\n"))
        #expect(!inert("a\t,c\n"))
        #expect(inert("giấy tờ, văn bản\",x\n", pstate: 2, quoted: true))
        #expect(!inert("giấy tờ, văn bản,x\n", pstate: 2, quoted: false))
        #expect(!inert("x,y\n", pstate: 3))
        #expect(!SpaceScan(delimiter: 0x09).isUsable)
    }

    @Test func delimiterDetectionCountsOutsideQuotes() {
        #expect(HeaderLine.detectDelimiter(in: Array("\"a,b,c\";x;y".utf8)[...]) == UInt8(ascii: ";"))
        #expect(HeaderLine.detectDelimiter(in: Array("a\tb\tc,d".utf8)[...]) == 0x09)
        #expect(HeaderLine.detectDelimiter(in: Array("a,b;c".utf8)[...]) == UInt8(ascii: ","))
        #expect(HeaderLine.detectDelimiter(in: Array("single".utf8)[...]) == UInt8(ascii: ","))
    }

    /// A tie goes to the delimiter that is not followed by a space, as in a header name of the
    /// spec (`Có phí, lệ phí`); a full tie to comma, then semicolon.
    @Test func aTieGoesToTheDelimiterOutsideTheNames() {
        func detected(_ header: String) -> UInt8 { HeaderLine.detectDelimiter(in: Array(header.utf8)[...]) }
        #expect(detected("Mã TTHC;Có phí, lệ phí") == UInt8(ascii: ";"))
        #expect(detected("MaTTHC,Ghi chú; khác") == UInt8(ascii: ","))
        #expect(detected("Mã TTHC\tPhản ánh, kiến nghị") == 0x09)
        #expect(detected("a;b,c") == UInt8(ascii: ","))
        #expect(detected("a;b\tc") == UInt8(ascii: ";"))
        // A tie at the line's end: the last delimiter is followed by nothing, not by a space.
        #expect(detected("a, b;") == UInt8(ascii: ";"))
        // Counts first: three commas with spaces beat one semicolon.
        #expect(detected("a, b, c, d;e") == UInt8(ascii: ","))
    }
}

@Suite struct LineBreakTests {
    /// LF, CRLF and a lone CR each end a physical line; each record keeps its own raw text.
    @Test func loneCarriageReturnsAreLineBreaks() throws {
        let all = try records(of: try temporaryFile("h1,h2\rA,1\r\nB,2\nC,3\rD,4"))
        #expect(all.map(\.line) == [1, 2, 3, 4, 5])
        #expect(all.map(\.raw) == ["h1,h2", "A,1", "B,2", "C,3", "D,4"])
    }

    /// A CRLF split across two chunks is one line break, a CR at a chunk's end before other
    /// text is one too.
    @Test func carriageReturnAtAChunkBoundary() throws {
        let chunk = 256 * 1024
        for (pad, breakBytes, expectedLines) in [(chunk - 1, "\r\n", [1, 2]), (chunk - 1, "\r", [1, 2]), (chunk - 2, "\r\n", [1, 2])] {
            let first = "a," + String(repeating: "x", count: pad - 2)
            let text = first + breakBytes + "b,y\n"
            let all = try records(of: try temporaryFile(text))
            #expect(all.map(\.line) == expectedLines)
            #expect(all.last?.fields == ["b", "y"])
        }
    }
}
