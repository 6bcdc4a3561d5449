/// The administrative level of a unit, as the `level` column of a `--units` file gives it: a
/// closed vocabulary, so that a misspelt level is an error rather than a level of its own.
/// Its raw value is the word reports and machine tables write.
public enum UnitLevel: String, CaseIterable, Sendable, Hashable {
    /// A province or a city under the centre (tỉnh, thành phố trực thuộc trung ương).
    case province = "tỉnh"
    /// A department of the province (sở, ban, ngành).
    case department = "sở"
    /// A district, town or city of a province (huyện, quận, thị xã, thành phố thuộc tỉnh).
    case district = "huyện"
    /// An office under a district or department (phòng, chi nhánh).
    case office = "phòng"
    /// A commune, ward or township (xã, phường, thị trấn, đặc khu).
    case commune = "xã"

    /// Every spelling accepted for each level, as keys (letter case and spacing do not matter;
    /// with or without diacritics; the English names too).
    static let spellings: [String: UnitLevel] = {
        let words: [(UnitLevel, [String])] = [
            (.province, ["tỉnh", "tinh", "cấp tỉnh", "cap tinh", "thành phố trực thuộc trung ương", "province"]),
            (.department, ["sở", "so", "ban", "ngành", "nganh", "sở ngành", "so nganh", "cấp sở", "cap so", "department"]),
            (.district, ["huyện", "huyen", "cấp huyện", "cap huyen", "quận", "quan", "thị xã", "thi xa",
                         "thành phố thuộc tỉnh", "district"]),
            (.office, ["phòng", "phong", "phòng ban", "phong ban", "chi nhánh", "chi nhanh", "office"]),
            (.commune, ["xã", "xa", "cấp xã", "cap xa", "phường", "phuong", "thị trấn", "thi tran", "đặc khu",
                        "dac khu", "commune"]),
        ]
        var table: [String: UnitLevel] = [:]
        for (level, list) in words { for word in list { table[word.normalizedKey] = level } }
        return table
    }()

    /// Reads a level as people write it; nil for a word outside the vocabulary.
    public init?(reading text: String) {
        guard let level = Self.spellings[text.normalizedKey] else { return nil }
        self = level
    }

    /// The words to show when a level is not understood: the canonical ones.
    public static var acceptedWords: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
