/// Which answer set of each respondent statistics run over.
public enum AnswerSelection: Sendable, Hashable {
    /// Each respondent's latest version within a wave (`.wave(2011)` is the baseline, or KS's
    /// imported microdata once they replace it).
    case wave(Int)
    /// Each respondent's latest version of any wave: the answers as they stand now.
    case current
}
