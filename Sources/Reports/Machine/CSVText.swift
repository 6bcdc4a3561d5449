/// Writing CSV fields by RFC 4180: quoted only when they hold a delimiter, a quote or a line
/// break, with quotes doubled. Read scalar by scalar, so that a combining mark after a comma,
/// a quote or a line break cannot hide it.
enum CSVText {
    static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out.append("\"") }
            out.append(scalar)
        }
        out.append("\"")
        return String(out)
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
