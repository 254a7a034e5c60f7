import Foundation

/// A search for respondent units by name or code, as KS staff type it: `tromso` finds Tromsø,
/// `aas` and `ås` find Ås, `baerum` finds Bærum, `odal` finds Nord-Odal, `16` finds the codes 16….
///
/// Both the name and the search text are reduced by ``fold(_:)``; the search matches when its
/// folded text begins the folded name or one of its words, or begins the unit's code.
public struct NameSearch: Sendable, Hashable {
    /// Longest accepted search text, in characters; no 2011 name comes near it.
    public static let maximumLength = 100

    /// ``fold(_:)`` of the search text.
    private let folded: String

    public init(_ text: String) throws(NameSearchError) {
        guard text.count <= Self.maximumLength else { throw .tooLong(length: text.count) }
        let folded = Self.fold(text)
        guard !folded.isEmpty else { throw .blank }
        self.folded = folded
    }

    /// Whether a unit with this code and folded name (``fold(_:)`` of its name) is found.
    public func matches(code: String, foldedName: String) -> Bool {
        code.hasPrefix(folded) || foldedName.hasPrefix(folded) || foldedName.contains(" " + folded)
    }

    /// Lower case; æ and ä as `ae`, ø and ö as `o`, å and `aa` as `a` (the spelling before 1917
    /// and without a Norwegian keyboard); accents stripped (é, á, č, š, ž) and the Sami letters
    /// đ, ŋ, ŧ as d, n, t; every run of other characters (space, hyphen, brackets) as one space.
    public static func fold(_ text: String) -> String {
        var letters = ""
        for character in text.lowercased() {
            switch character {
            case "æ", "ä": letters += "ae"
            case "ø", "ö": letters += "o"
            case "å": letters += "a"
            case "đ": letters += "d"
            case "ŋ": letters += "n"
            case "ŧ": letters += "t"
            default: letters.append(character)
            }
        }
        // Accents are combining marks after canonical decomposition (Unicode §3.7); folding drops them.
        letters = letters.folding(options: [.diacriticInsensitive], locale: nil).replacingOccurrences(of: "aa", with: "a")
        var words: [String] = []
        var word = ""
        for character in letters {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }
}
