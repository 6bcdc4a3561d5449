/// Reads RFC 4180 CSV text into records of fields, scalar by scalar (a combining mark after a
/// quote or a comma does not hide it): quoted fields may hold commas, doubled quotes and line
/// breaks. Independent of motcua's own writer and reader.
public func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = [], fields: [String] = []
    var field = String.UnicodeScalarView()
    var quoted = false, afterQuote = false
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
        if quoted {
            if scalar == "\"" {
                if scalars.first == "\"" { field.append("\""); scalars.removeFirst() } else { quoted = false; afterQuote = true }
            } else {
                field.append(scalar)
            }
            continue
        }
        switch scalar {
        case "\"" where field.isEmpty && !afterQuote: quoted = true
        case ",":
            fields.append(String(field)); field = String.UnicodeScalarView(); afterQuote = false
        case "\n":
            fields.append(String(field)); field = String.UnicodeScalarView(); afterQuote = false
            records.append(fields); fields = []
        case "\r" where scalars.first == "\n": continue
        default: field.append(scalar)
        }
    }
    if !field.isEmpty || !fields.isEmpty { fields.append(String(field)); records.append(fields) }
    return records
}

/// The records of CSV text with a header, each as a dictionary by column name.
public func csvDictionaries(_ text: String) -> [[String: String]] {
    let records = csvRecords(text)
    guard let header = records.first else { return [] }
    return records.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
}
