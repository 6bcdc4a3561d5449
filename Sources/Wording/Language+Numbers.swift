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

extension Language {
    /// A change in percentage points for people, from hundredths of a point: `+1,25` in
    /// Vietnamese, `+1.25` in English, `0,00` for none, `—` when it has no value.
    public func points(_ hundredths: Int?) -> String {
        guard let hundredths else { return "—" }
        let m = hundredths.magnitude
        let sign = hundredths > 0 ? "+" : hundredths < 0 ? "-" : ""
        let decimals = m % 100 < 10 ? "0\(m % 100)" : "\(m % 100)"
        return sign + "\(m / 100)" + (self == .vi ? "," : ".") + decimals
    }
}

extension Language {
    /// A non-negative decimal for people, from hundredths: `13,63` in Vietnamese, `13.63` in
    /// English, `—` when it has no value (index points).
    public func decimal(_ hundredths: Int?) -> String {
        guard let hundredths else { return "—" }
        let cents = hundredths % 100
        return "\(hundredths / 100)" + (self == .vi ? "," : ".") + (cents < 10 ? "0" : "") + "\(cents)"
    }
}
