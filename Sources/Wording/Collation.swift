import Foundation

/// Vietnamese alphabetical order, as a list of names is sorted for people: letter by letter in
/// the order of the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v
/// x y; f, j, w and z where the Latin alphabet puts them), letter case ignored; then, between
/// names with the same letters, the tones in the order ngang, huyền, hỏi, ngã, sắc, nặng; then
/// code points, so that the order is total. Spaces sort before everything, then digits and
/// punctuation, then letters.
public struct CollationKey: Comparable, Sendable {
    private let letters: [UInt32]
    private let tones: [UInt8]
    private let scalars: [UInt32]

    public init(_ text: String) {
        var letters: [UInt32] = [], tones: [UInt8] = []
        for character in text.lowercased().decomposedStringWithCanonicalMapping {
            var base: Unicode.Scalar?
            var marks: Set<UInt32> = []
            for scalar in character.unicodeScalars {
                if base == nil { base = scalar } else { marks.insert(scalar.value) }
            }
            guard let base else { continue }
            letters.append(Self.rank(base, marks: marks))
            tones.append(Self.tones.firstIndex { marks.contains($0) }.map { UInt8($0 + 1) } ?? 0)
        }
        self.letters = letters
        self.tones = tones
        scalars = text.unicodeScalars.map(\.value)
    }

    public static func < (a: CollationKey, b: CollationKey) -> Bool {
        if a.letters != b.letters { return a.letters.lexicographicallyPrecedes(b.letters) }
        if a.tones != b.tones { return a.tones.lexicographicallyPrecedes(b.tones) }
        return a.scalars.lexicographicallyPrecedes(b.scalars)
    }

    /// Huyền, hỏi, ngã, sắc, nặng (ngang has no mark): the combining marks, in tone order.
    private static let tones: [UInt32] = [0x300, 0x309, 0x303, 0x301, 0x323]

    /// The alphabet, each letter as its base and the marks that make it a letter of its own
    /// (breve, circumflex, horn); f, j, w, z at their Latin places.
    private static let alphabet: [(Character, UInt32?)] = [
        ("a", nil), ("a", 0x306), ("a", 0x302), ("b", nil), ("c", nil), ("d", nil), ("đ", nil), ("e", nil), ("e", 0x302),
        ("f", nil), ("g", nil), ("h", nil), ("i", nil), ("j", nil), ("k", nil), ("l", nil), ("m", nil), ("n", nil),
        ("o", nil), ("o", 0x302), ("o", 0x31B), ("p", nil), ("q", nil), ("r", nil), ("s", nil), ("t", nil), ("u", nil),
        ("u", 0x31B), ("v", nil), ("w", nil), ("x", nil), ("y", nil), ("z", nil),
    ]

    /// A letter's place after every other character; a space first; any other character by
    /// its code point, between the two.
    private static func rank(_ base: Unicode.Scalar, marks: Set<UInt32>) -> UInt32 {
        if base == " " { return 0 }
        let letterMarks = marks.filter { $0 == 0x306 || $0 == 0x302 || $0 == 0x31B }
        if let index = alphabet.firstIndex(where: { letter, mark in
            letter.unicodeScalars.first == base && (mark.map { letterMarks == [$0] } ?? letterMarks.isEmpty)
        }) {
            return 0x20_0000 + UInt32(index)
        }
        return 1 + base.value
    }
}

extension Sequence {
    /// The elements in Vietnamese alphabetical order of `name` (``CollationKey``).
    public func sortedVietnamese(by name: (Element) -> String) -> [Element] {
        map { (CollationKey(name($0)), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
