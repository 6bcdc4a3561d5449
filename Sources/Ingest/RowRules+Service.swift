/// The row rules of the optional service columns (input-formats.md, "Optional service
/// columns"): each column checked in the spec table's order, after the ten fields of the KPI
/// rules and before the cross-field rules. A column the file lacks reads as empty and stays
/// unknown.
extension RowRules {
    func serviceFacts(_ row: RowFields) throws(Failure) -> ServiceFacts {
        var facts = known
        facts.paidOnline = try word(row, .duocThanhToanTrucTuyen, PaidOnline.self, reason: .unknownPayment) == 1
        facts.feeIsZero = try fee(row)
        facts.vneid = try flag(row, .taiKhoanDuocXacThucVoiVNeID)
        facts.reuse = try flag(row, .duocTaiSuDung)
        facts.dataStore = try flag(row, .duocLayTuKhoDMQG)
        facts.supplements = try wholeNumber(row, .soLanBoSung, cap: 3)
        let rating = try word(row, .danhGiaHaiLong, Rating.self, reason: .unknownRating)
        facts.rating = rating == 0 ? nil : rating
        facts.complaint = try flag(row, .coPhanAnhKienNghi)
        facts.apology = try date(row, .ngayXinLoi, role: .moment)?.moment
        facts.routing = Routing(rawValue: try word(row, .luanChuyen, RoutingWords.self, reason: .unknownRouting)) ?? .none
        return facts
    }

    /// A code from a small vocabulary: a single ASCII digit by its table, else a word, looked
    /// up by its bytes (the cache is keyed by field and bytes: `1` means different things).
    private func word<V: ServiceVocabulary>(_ row: RowFields, _ field: CanonicalField, _: V.Type,
                                            reason: RejectReason) throws(Failure) -> UInt8 {
        let value: UInt8? = row.withValue(field) { bytes in
            if bytes.isEmpty { return V.empty }
            if bytes.count == 1, bytes[0] &- 0x30 < 10 { return V.digits[Int(bytes[0] &- 0x30)] }
            var key = [UInt8(field.ordinal)]
            key.append(contentsOf: bytes)
            return key.withUnsafeBufferPointer { keyed in
                serviceWords.value(for: keyed) { V.words[String(decoding: bytes, as: UTF8.self).normalizedKey] }
            }
        }
        guard let value else { throw Failure(field: field, reason: reason) }
        return value
    }

    /// PhiLePhi: nil when empty, else whether the amount is zero. ASCII digits, ungrouped or
    /// grouped by thousands with one separator (`.`, `,` or a space) throughout.
    ///
    /// Read as written, trimmed at the ends as every value (a spreadsheet's no-break space
    /// too), not folded like text inside: a number is no text value, and folding would let
    /// `50  000` or a tab pass for one space.
    private func fee(_ row: RowFields) throws(Failure) -> Bool? {
        let result: Bool?? = row.withValue(.phiLePhi) { bytes in
            bytes.isASCII ? Self.amount(bytes) : Self.amount(Array(String(decoding: bytes, as: UTF8.self).trimmingWhitespace.utf8))
        }
        guard let result else { throw Failure(field: .phiLePhi, reason: .invalidAmount) }
        return result
    }

    /// nil: not an amount; .some(nil): empty (not stated); else whether it is zero.
    private static func amount(_ bytes: some Collection<UInt8>) -> Bool?? {
        if bytes.isEmpty { return .some(nil) }
        guard bytes.allSatisfy({ $0 &- 0x30 < 10 }) || isGroupedAmount(bytes) else { return nil }
        return .some(bytes.allSatisfy { $0 == 0x30 || !($0 &- 0x30 < 10) })
    }

    /// `50.000`, `1,250,000`, `50 000`: a first group of 1–3 digits, then groups of exactly
    /// three, one separator character throughout.
    static func isGroupedAmount(_ text: some Collection<UInt8>) -> Bool {
        let groups = text.split(omittingEmptySubsequences: false) { !($0 &- 0x30 < 10) }
        guard groups.count >= 2, let separator = text.first(where: { !($0 &- 0x30 < 10) }),
              [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: " ")].contains(separator),
              text.allSatisfy({ $0 &- 0x30 < 10 || $0 == separator }) else { return false }
        return (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// A whole number ≥ 0 in ASCII digits (empty: 0), capped at `cap`.
    private func wholeNumber(_ row: RowFields, _ field: CanonicalField, cap: Int) throws(Failure) -> Int {
        let value: Int? = row.withValue(field) { bytes in
            guard bytes.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
            var n = 0
            for b in bytes { n = min(cap, n * 10 + Int(b &- 0x30)) }
            return n
        }
        guard let value else { throw Failure(field: field, reason: .invalidWholeNumber) }
        return value
    }
}

/// A small vocabulary of a service column: what an empty cell means, each single digit's
/// code (nil: rejected), and the words.
protocol ServiceVocabulary {
    static var empty: UInt8? { get }
    static var digits: [UInt8?] { get }
    static var words: [String: UInt8] { get }
}

/// DuocThanhToanTrucTuyen: `1` (national portal), `2` (the province's gateway) or a yes word:
/// paid online (1); `0`, `3`, empty or a no word: not (0).
enum PaidOnline: ServiceVocabulary {
    static let empty: UInt8? = 0
    static let digits: [UInt8?] = [0, 1, 1, 0, nil, nil, nil, nil, nil, nil]
    static let words: [String: UInt8] = YesNo.spellings.mapValues { $0 ? 1 : 0 }
        .merging(["1": 1, "2": 1, "0": 0, "3": 0]) { _, digit in digit }
}

/// DanhGiaHaiLong: 1 to 5, or their words; empty: not rated (0). `0` is rejected.
enum Rating: ServiceVocabulary {
    static let empty: UInt8? = 0
    static let digits: [UInt8?] = [nil, 1, 2, 3, 4, 5, nil, nil, nil, nil]
    static let words: [String: UInt8] = keyed([
        (1, ["1", "Rất hài lòng"]), (2, ["2", "Hài lòng"]), (3, ["3", "Bình thường", "Chấp nhận được"]),
        (4, ["4", "Không hài lòng"]), (5, ["5", "Rất không hài lòng"]),
    ])
}

/// LuanChuyen: `0`, `Không` or empty: not moved (0); `1`, `Điện tử` (1); `2`, `Giấy`, `Bản giấy` (2).
enum RoutingWords: ServiceVocabulary {
    static let empty: UInt8? = 0
    static let digits: [UInt8?] = [0, 1, 2, nil, nil, nil, nil, nil, nil, nil]
    static let words: [String: UInt8] = keyed([(0, ["0", "Không"]), (1, ["1", "Điện tử"]), (2, ["2", "Giấy", "Bản giấy"])])
}

/// Words by their normalised key.
func keyed<V>(_ groups: [(V, [String])]) -> [String: V] {
    var table: [String: V] = [:]
    for (value, words) in groups {
        for word in words { table[word.normalizedKey] = value }
    }
    return table
}
