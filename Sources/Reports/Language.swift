/// The language of what people read. Machine formats (csv, json) are language-neutral.
public enum Language: String, CaseIterable, Sendable {
    case vi
    case en

    /// Formats a percentage for people: `97,50 %` in Vietnamese, `97.50%` in English, `—` when
    /// the rate has no value.
    func percent(_ rate: String?) -> String {
        guard let rate else { return "—" }
        switch self {
        case .vi: return rate.replacingOccurrences(of: ".", with: ",") + " %"
        case .en: return rate + "%"
        }
    }

    /// `1.234.567` in Vietnamese, `1,234,567` in English.
    func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(self == .vi ? "." : ",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
