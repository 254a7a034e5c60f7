import Survey

/// A section of the report served as ready aggregates: its figures and the numbers of its text.
struct Section: Sendable {
    let id: String
    let titleNb: String
    let titleEn: String
    let figures: [Int]
    let numbers: [SectionNumber]

    private static let high = Condition.answer("goal_attainment", "very_large", "fairly_large")
    private static let low = Condition.answer("goal_attainment", "small", "very_small")
    private static let withStrategy = Condition.answer("has_strategy", "yes")
    private static let withoutStrategy = Condition.answer("has_strategy", "no")

    static let strategies = Section(
        id: "strategies", titleNb: "Strategi for bruk av sosiale medier", titleEn: "Strategy for social media", figures: Array(1...6),
        numbers: [
            SectionNumber("strategy_share", nb: "Har strategi", en: "Has a strategy", "has_strategy", ["yes"]),
            SectionNumber("own_strategy", nb: "Egen strategi", en: "A strategy of its own", "strategy_type", ["own"]),
            SectionNumber("strategy_in_other", nb: "Del av annen strategi", en: "Part of another strategy", "strategy_type", ["part_of_other"]),
            SectionNumber("strategy_not_adopted", nb: "Strategien er ikke vedtatt", en: "Strategy not adopted", "strategy_adoption", ["not_adopted"]),
            SectionNumber("strategy_political", nb: "Politisk vedtatt", en: "Adopted politically", "strategy_adoption", ["political"]),
            SectionNumber("strategy_administrative", nb: "Administrativt vedtatt", en: "Adopted administratively", "strategy_adoption", ["administrative"]),
            SectionNumber("strategy_well_known", nb: "Strategien er godt kjent", en: "Strategy well known", "strategy_known", ["very_large", "fairly_large"]),
            SectionNumber("strategy_poorly_known", nb: "Strategien er lite kjent", en: "Strategy little known", "strategy_known", ["small", "very_small"]),
            SectionNumber("plans_among_no_strategy", nb: "Planlegger strategi (blant dem uten)", en: "Plans a strategy (of those without)", "strategy_plans", ["plans_2011", "plans_2012"]),
            SectionNumber("adopted_2010", nb: "Vedtatt i 2010", en: "Adopted in 2010", "strategy_adoption_year", ["in_2010"]),
            SectionNumber("guidelines_with_strategy", nb: "Retningslinjer, med strategi", en: "Guidelines, with a strategy", "has_guidelines", ["yes"], among: withStrategy),
            SectionNumber("guidelines_without_strategy", nb: "Retningslinjer, uten strategi", en: "Guidelines, without a strategy", "has_guidelines", ["yes"], among: withoutStrategy),
            SectionNumber("dialog_objective", nb: "Dialog som viktigste mål", en: "Dialogue as the main objective", "main_objective", ["dialog_services", "dialog_politics"]),
        ])

    static let channels = Section(
        id: "channels", titleNb: "Kanaler og Facebook", titleEn: "Channels and Facebook", figures: Array(10...13) + Array(20...25),
        numbers: [
            SectionNumber("facebook_share", nb: "Bruker Facebook", en: "Uses Facebook", "channels", ["facebook"]),
            SectionNumber("twitter_share", nb: "Bruker Twitter", en: "Uses Twitter", "channels", ["twitter"]),
            SectionNumber("best_facebook", nb: "Lykkes best med Facebook", en: "Most successful with Facebook", "best_channel", ["facebook"]),
            SectionNumber("official_page", nb: "Har offisiell Facebookside", en: "Has an official Facebook page", "has_official_facebook_page", ["yes"]),
            SectionNumber("two_or_more_pages", nb: "To eller flere Facebooksider", en: "Two or more Facebook pages", "facebook_pages", ["two", "three", "four_or_more"]),
            SectionNumber("page_created_2010_2011", nb: "Siden opprettet 2010–2011", en: "Page created 2010–2011", "official_page_created", ["in_2010", "in_2011"]),
            SectionNumber("little_marketing", nb: "Lite markedsført", en: "Little marketed", "facebook_marketing", ["small", "very_small"]),
            SectionNumber("fans_as_expected", nb: "Fans som forventet", en: "Fans as expected", "fans_vs_expectations", ["as_expected"]),
            SectionNumber("inquiries_lower", nb: "Færre henvendelser enn forventet", en: "Fewer inquiries than expected", "inquiries_vs_expectations", ["lower"]),
        ])

    static let successFactors = Section(
        id: "success-factors", titleNb: "Suksessfaktorer og måloppnåelse", titleEn: "Success factors and goal attainment", figures: [26],
        numbers: [
            SectionNumber("goal_attainment_high", nb: "Høy måloppnåelse", en: "High goal attainment", "goal_attainment", ["very_large", "fairly_large"]),
            SectionNumber("enthusiasts_high", nb: "Ildsjeler, høy måloppnåelse", en: "Enthusiasts, high attainment", "enthusiasts", ["yes"], among: high),
            SectionNumber("enthusiasts_low", nb: "Ildsjeler, lav måloppnåelse", en: "Enthusiasts, low attainment", "enthusiasts", ["yes"], among: low),
            SectionNumber("anchored_guidelines_high", nb: "Godt forankrede retningslinjer, høy måloppnåelse", en: "Well-rooted guidelines, high attainment",
                          "guidelines_anchoring", ["very_large", "fairly_large"], among: high),
            SectionNumber("anchored_guidelines_low", nb: "Godt forankrede retningslinjer, lav måloppnåelse", en: "Well-rooted guidelines, low attainment",
                          "guidelines_anchoring", ["very_large", "fairly_large"], among: low),
            // Line 951's "har gjort tiltak for å markedsføre": any marketing, every degree of Fig. 22
            // above "i svært liten grad" (48 % and 9 %); the top two boxes are Fig. 22's "lagt sterk vekt".
            SectionNumber("marketed_high", nb: "Markedsført Facebookside, høy måloppnåelse", en: "Marketed Facebook page, high attainment",
                          "facebook_marketing", ["very_large", "fairly_large", "small"], among: high),
            SectionNumber("marketed_low", nb: "Markedsført Facebookside, lav måloppnåelse", en: "Marketed Facebook page, low attainment",
                          "facebook_marketing", ["very_large", "fairly_large", "small"], among: low),
        ])
}
