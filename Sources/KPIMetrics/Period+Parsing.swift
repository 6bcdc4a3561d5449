import Ingest

extension Period {
    /// Why a period could not be read: the text as given (the command line words the error and
    /// lists ``acceptedForms``).
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var text: String
        public var description: String { "'\(text)' is not a period: use \(Period.acceptedForms.joined(separator: ", "))" }
    }

    /// One example of each form `init(parsing:)` reads, for an error to list.
    public static let acceptedForms = [
        "2023-Q1", "2023-H1", "2023-H2", "2023-9M", "2023", "Q1/2023", "Q1 2023", "Quý I/2023", "quý 1/2023",
        "quý 1 năm 2023", "6 tháng đầu năm 2023", "6 tháng cuối năm 2023", "9 tháng năm 2023", "năm 2023",
    ]

    /// Reads the canonical forms (`2023-Q3`, `2023-H1`, `2023-H2`, `2023-9M`, `2023`) and the
    /// ones people write: `Q3/2023`, `Q3 2023`, `Quý III/2023` (Roman numerals I–IV), `quý 3/2023`,
    /// `quý 3 năm 2023`, `6 tháng 2023`, `6 tháng đầu năm 2023`, `6 tháng cuối năm 2023`,
    /// `9 tháng năm 2023`, `năm 2023`. Case and extra spaces do not matter.
    public init(parsing text: String) throws(ParseError) {
        let key = text.normalizedKey
        let failure = ParseError(text: text)
        let words = key.split(whereSeparator: { $0 == " " || $0 == "/" }).map(String.init)
        guard let last = words.last else { throw failure }
        if words.count == 1, let dash = key.firstIndex(of: "-") {
            self.init(year: try Self.year(key[..<dash], failure), span: try Self.canonicalSpan(key[key.index(after: dash)...], failure))
            return
        }
        let year = try Self.year(Substring(last), failure)
        var rest = Array(words.dropLast())
        if rest.last == "năm", rest.count > 1 || rest.first == "năm" { rest.removeLast() }  // "quý 1 năm 2023", "năm 2023"
        switch rest {
        case []: self.init(year: year, span: .year)
        case let r where r.count == 1 && r[0].hasPrefix("q") && r[0] != "quý":
            self.init(year: year, span: .quarter(try Self.quarter(String(r[0].dropFirst()), failure)))
        case let r where r.count == 2 && r[0] == "quý": self.init(year: year, span: .quarter(try Self.quarter(r[1], failure)))
        case ["6", "tháng"], ["6", "tháng", "đầu"], ["6", "tháng", "đầu", "năm"]: self.init(year: year, span: .half(1))
        case ["6", "tháng", "cuối"], ["6", "tháng", "cuối", "năm"]: self.init(year: year, span: .half(2))
        case ["9", "tháng"], ["9", "tháng", "đầu"], ["9", "tháng", "đầu", "năm"]: self.init(year: year, span: .nineMonths)
        default: throw failure
        }
    }

    private static func year(_ s: Substring, _ failure: ParseError) throws(ParseError) -> Int {
        guard s.count == 4, let y = Int(s), y >= 1900, y <= 2200 else { throw failure }
        return y
    }

    /// `1`…`4`, or `i`…`iv`.
    private static func quarter(_ s: String, _ failure: ParseError) throws(ParseError) -> Int {
        let roman = ["i": 1, "ii": 2, "iii": 3, "iv": 4]
        guard let q = Int(s) ?? roman[s], (1...4).contains(q) else { throw failure }
        return q
    }

    /// After `2023-`: `q3`, `h1`, `9m`.
    private static func canonicalSpan(_ rest: Substring, _ failure: ParseError) throws(ParseError) -> Span {
        switch rest.first {
        case "q": return .quarter(try quarter(String(rest.dropFirst()), failure))
        case "h":
            guard let h = Int(rest.dropFirst()), h == 1 || h == 2 else { throw failure }
            return .half(h)
        default:
            guard rest == "9m" else { throw failure }
            return .nineMonths
        }
    }
}
