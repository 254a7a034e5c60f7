/// Which answer set of each respondent statistics run over.
public enum AnswerSelection: Sendable, Hashable {
    /// Each respondent's latest version within a wave (`.wave(2011)` is the baseline, or KS's
    /// imported microdata once they replace it).
    case wave(Int)
    /// Each respondent's latest version of its latest wave: the answers as they stand now
    /// (an import of wave-2011 microdata after a 2026 submission leaves the 2026 answers current).
    case current
}
