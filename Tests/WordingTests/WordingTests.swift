import Testing
@testable import Wording

@Suite struct PhraseTableTests {
    @Test(arguments: Language.allCases) func everyPhraseHasATextInEveryLanguage(language: Language) {
        let missing = Phrase.allCases.filter { language.phrases[$0] == nil }
        #expect(missing.isEmpty, "\(language): \(missing)")
        let blank = Phrase.allCases.filter { language.phrases[$0]?.allSatisfy(\.isWhitespace) == true }
        #expect(blank.isEmpty, "\(language): \(blank)")
        #expect(language.phrases.count == Phrase.allCases.count)
    }

    /// The tables of each concern never give one phrase twice (a second text would be lost).
    @Test(arguments: Language.allCases) func everyPhraseIsInOneTable(language: Language) {
        #expect(Phrase.tables(language).map(\.count).reduce(0, +) == Phrase.allCases.count)
    }

    /// A templated phrase names the same slots in Vietnamese and English, each a known slot, so
    /// that filling it in one language fills it in the other.
    @Test func templatedPhrasesHaveTheSamePlaceholders() {
        for phrase in Phrase.allCases {
            let vi = Phrase.slots(in: Language.vi[phrase]), en = Phrase.slots(in: Language.en[phrase])
            #expect(Set(vi) == Set(en), "\(phrase): vi \(vi), en \(en)")
            for name in vi + en { #expect(Slot(rawValue: name) != nil, "\(phrase): unknown slot {\(name)}") }
        }
    }

    @Test func placeholdersAreFilled() {
        let text = Language.vi[.unitsBelow, [.count: "2", .list: "A; B"]]
        #expect(text == "Đơn vị dưới mục tiêu (2): A; B")
        #expect(Language.en[.periodDates, [.period: "2023-Q1", .basis: "calendar months", .start: "01/01/2023",
                                           .end: "31/03/2023"]]
                == "Period 2023-Q1 (calendar months): 01/01/2023 to 31/03/2023.")
    }

    @Test func aValueThatLooksLikeASlotIsNotFilledAgain() {
        #expect(Language.en[.targetMark, [.target: "{period}"]] == "Target {period}")
        #expect(Language.fill("{nothing} {", [:]) == "{nothing} {")
    }
}

@Suite struct NumberWordingTests {
    @Test func countsGroupThousands() {
        #expect(Language.vi.count(1_234_567) == "1.234.567")
        #expect(Language.en.count(1_234_567) == "1,234,567")
        #expect(Language.vi.count(999) == "999")
        #expect(Language.en.count(1000) == "1,000")
        #expect(Language.vi.count(0) == "0")
        #expect(Language.en.count(-12_345) == "-12,345")
    }

    @Test func percentages() {
        #expect(Language.vi.percent("97.50") == "97,50 %")
        #expect(Language.en.percent("97.50") == "97.50%")
        #expect(Language.vi.percent("98") == "98 %")
        #expect(Language.vi.percent(nil) == "—")
        #expect(Language.en.percent(nil) == "—")
    }
}

@Suite struct CollationTests {
    private func sorted(_ names: [String]) -> [String] { names.sortedVietnamese { $0 } }

    /// The example: "Hoằng Đông" comes before "Hoằng Yến" (đ is the letter after d), and
    /// capitals do not stand apart.
    @Test func đComesAfterDAndCaseIsIgnored() {
        #expect(sorted(["UBND xã Hoằng Yến", "UBND xã Hoằng Đông", "PHÒNG NỘI VỤ", "Phòng Tư pháp", "UBND xã Hoằng Đạt"])
                == ["PHÒNG NỘI VỤ", "Phòng Tư pháp", "UBND xã Hoằng Đạt", "UBND xã Hoằng Đông", "UBND xã Hoằng Yến"])
        #expect(sorted(["Đà", "Dư", "Dz"]) == ["Dư", "Dz", "Đà"])
    }

    /// a ă â, e ê, o ô ơ, u ư are letters of their own, in that order, before the next letter.
    @Test func lettersWithBreveCircumflexAndHorn() {
        #expect(sorted(["ân", "ăn", "an", "bà"]) == ["an", "ăn", "ân", "bà"])
        #expect(sorted(["ơi", "ôi", "oi", "pa"]) == ["oi", "ôi", "ơi", "pa"])
        #expect(sorted(["ưa", "ua", "va"]) == ["ua", "ưa", "va"])
        #expect(sorted(["êm", "em", "fa", "ga"]) == ["em", "êm", "fa", "ga"])
        // The letter decides before the tone: "ăn" (ă) after "án" (a).
        #expect(sorted(["ăn", "án"]) == ["án", "ăn"])
    }

    /// Same letters: the tones in the order ngang, huyền, hỏi, ngã, sắc, nặng.
    @Test func tonesAreTheSecondKey() {
        #expect(sorted(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"])
        #expect(sorted(["Hoàng", "Hoang", "Hoáng"]) == ["Hoang", "Hoàng", "Hoáng"])
    }

    /// Then code points: the order is total, and a composed or decomposed spelling, or another
    /// letter case, never ties with a different name.
    @Test func codePointsBreakTies() {
        #expect(sorted(["hà", "Hà", "HÀ"]) == ["HÀ", "Hà", "hà"])
        #expect(CollationKey("Hà") != CollationKey("hà"))
        #expect(sorted(["a b", "ab", "a1", "a"]) == ["a", "a b", "a1", "ab"])
    }
}

@Suite struct PointsWordingTests {
    @Test func signedWithTwoDecimals() {
        #expect(Language.vi.points(125) == "+1,25")
        #expect(Language.en.points(-1667) == "-16.67")
        #expect(Language.vi.points(0) == "0,00")
        #expect(Language.en.points(5) == "+0.05")
        #expect(Language.vi.points(nil) == "—")
    }
}
