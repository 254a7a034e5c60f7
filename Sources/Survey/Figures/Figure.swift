/// One figure of the 2011 report, as data: what it shows and how to compute it.
public struct Figure: Sendable, Hashable {
    /// What the figure reports per group.
    public enum Statistic: String, Sendable, Hashable {
        /// The share of every option (`% svarfordeling`).
        case distribution
        /// The share answering `yes` (`% Ja`, `% som har …`).
        case percentYes = "percent_yes"
        /// The mean of a number or scale question (`Gjennomsnittlig antall`, `Skala gj.snitt 0-100`).
        case mean
    }

    /// Figure number in the report (1–26).
    public let number: Int
    /// The caption's question text, as printed (nb).
    public let captionNb: String
    /// The caption in English, translated from ``captionNb``.
    public let captionEn: String
    /// The caption's base text, as printed, e.g. `Bruker sosiale medier`.
    public let baseTextNb: String
    /// The base text in English, e.g. `Use social media`.
    public let baseTextEn: String
    /// The base n the caption prints (Fig. 4 prints 219 where the data give 228; see docs/data.md).
    public let printedBaseN: Int
    /// The question(s) shown; Fig. 26 shows one scale question per factor.
    public let questionIDs: [String]
    public let statistic: Statistic
    /// Broken down by, if at all (size class for "Fordelt på kommunestørrelse").
    public let grouping: Grouping?
    /// A choice question whose options are drawn as series (Fig. 24: degree of marketing), if any.
    public let seriesQuestionID: String?
    /// The report line of the caption in the seed text.
    public let reportLine: Int
}
