import Ingest

extension Period {
    /// Why a period could not be read, for the command line's one-line error.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var text: String
        public var description: String {
            "'\(text)' is not a period: use 2023-Q3, 2023-H1, 2023-9M or 2023 (also Q3/2023, quý 3/2023, 6 tháng 2023, 9 tháng 2023, năm 2023)"
        }
    }

    /// Reads the canonical forms and the Vietnamese ones people type: `2023-Q3`, `2023-H1`,
    /// `2023-H2`, `2023-9M`, `2023`, `Q3/2023`, `quý 3/2023`, `6 tháng 2023`, `9 tháng 2023`,
    /// `năm 2023`. Case and extra spaces do not matter.
    public init(parsing text: String) throws(ParseError) {
        let key = text.normalizedKey
        let failure = ParseError(text: text)
        func year(_ s: Substring) throws(ParseError) -> Int {
            guard s.count == 4, let y = Int(s), y >= 1900, y <= 2200 else { throw failure }
            return y
        }
        func quarter(_ s: Substring) throws(ParseError) -> Span {
            guard let q = Int(s), (1...4).contains(q) else { throw failure }
            return .quarter(q)
        }
        let words = key.split(separator: " ")
        if let dash = key.firstIndex(of: "-"), words.count == 1 {
            let y = try year(key[..<dash])
            let rest = key[key.index(after: dash)...]
            switch rest.first {
            case "q": self.init(year: y, span: try quarter(rest.dropFirst()))
            case "h":
                guard let h = Int(rest.dropFirst()), h == 1 || h == 2 else { throw failure }
                self.init(year: y, span: .half(h))
            default:
                guard rest == "9m" else { throw failure }
                self.init(year: y, span: .nineMonths)
            }
        } else if words.count == 1, key.hasPrefix("q"), let slash = key.firstIndex(of: "/") {
            self.init(year: try year(key[key.index(after: slash)...]),
                      span: try quarter(key[key.index(after: key.startIndex)..<slash]))
        } else if words.count == 2, words[0] == "quý", let slash = words[1].firstIndex(of: "/") {
            self.init(year: try year(words[1][words[1].index(after: slash)...]),
                      span: try quarter(words[1][..<slash]))
        } else if words.count == 3, words[1] == "tháng", words[0] == "6" || words[0] == "9" {
            self.init(year: try year(words[2]), span: words[0] == "6" ? .half(1) : .nineMonths)
        } else if words.count == 2, words[0] == "năm" {
            self.init(year: try year(words[1]), span: .year)
        } else if words.count == 1 {
            self.init(year: try year(words[0]), span: .year)
        } else {
            throw failure
        }
    }
}
