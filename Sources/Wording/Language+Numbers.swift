extension Language {
    /// A percentage for people, from its decimal text (`97.50`): `97,50 %` in Vietnamese,
    /// `97.50%` in English, `—` when the rate has no value.
    public func percent(_ decimal: String?) -> String {
        guard let decimal else { return "—" }
        switch self {
        case .vi: return String(decimal.map { $0 == "." ? "," : $0 }) + " %"
        case .en: return decimal + "%"
        }
    }

    /// A count for people: `1.234.567` in Vietnamese, `1,234,567` in English.
    public func count(_ n: Int) -> String {
        let separator: Character = self == .vi ? "." : ","
        let digits = String(n.magnitude)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(separator) }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
