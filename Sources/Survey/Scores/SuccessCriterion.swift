/// The report's success criteria (its "suksesskriterier", p. 57–59), each checkable from answers.
public enum SuccessCriterion: String, Sendable, CaseIterable, Codable {
    case strategyAndGuidelines = "strategy_and_guidelines"
    case enthusiasts
    case training
    case anchoredGuidelines = "anchored_guidelines"
    case breadth
    case broadInvolvement = "broad_involvement"
    case marketing
    case dialogue

    /// Whether the criterion can be judged for a respondent; e.g. marketing only with an official page.
    public func isApplicable(to answers: [String: AnswerValue]) -> Bool {
        switch self {
        case .strategyAndGuidelines, .training, .anchoredGuidelines:
            return true
        case .enthusiasts, .breadth, .broadInvolvement, .dialogue:
            return Condition.answer("uses_social_media", "yes").isSatisfied(by: answers)
        case .marketing:
            return Condition.answer("has_official_facebook_page", "yes").isSatisfied(by: answers)
        }
    }

    /// Whether the answers meet the criterion.
    public func isMet(by answers: [String: AnswerValue]) -> Bool {
        switch self {
        case .strategyAndGuidelines:
            return Condition.all([.answer("has_strategy", "yes"), .answer("has_guidelines", "yes")]).isSatisfied(by: answers)
        case .enthusiasts:
            return Condition.answer("enthusiasts", "yes").isSatisfied(by: answers)
        case .training:
            return Condition.answer("staff_trained", "yes").isSatisfied(by: answers)
        case .anchoredGuidelines:
            return Condition.answer("guidelines_anchoring", "very_large", "fairly_large").isSatisfied(by: answers)
        case .breadth:
            let uses = answers["uses"]?.selectedCodes.count ?? 0
            let channels = answers["channels"]?.selectedCodes.count ?? 0
            return uses >= Self.minimumUses && channels >= Self.minimumChannels
        case .broadInvolvement:
            return Condition.answer("publishers", "service_desk", "politicians").isSatisfied(by: answers)
        case .marketing:
            return Condition.answer("facebook_marketing", "very_large", "fairly_large").isSatisfied(by: answers)
        case .dialogue:
            return Condition.any([
                .answer("main_use", "dialog_services", "dialog_politics"),
                .answer("main_objective", "dialog_services", "dialog_politics"),
            ]).isSatisfied(by: answers)
        }
    }

    /// Breadth: at least this many uses (Fig. 10) …
    public static let minimumUses = 3
    /// … and at least this many channels (Fig. 12).
    public static let minimumChannels = 2

    /// The criterion as the report's success-criteria figure names it.
    public var titleNb: String {
        switch self {
        case .strategyAndGuidelines: return "Utarbeide strategi og retningslinjer"
        case .enthusiasts: return "Engasjerte ildsjeler"
        case .training: return "Kursing og kompetanseheving av ansatte"
        case .anchoredGuidelines: return "Godt forankrede retningslinjer"
        case .breadth: return "Bredde i målsetninger, bruksområder og kanaler"
        case .broadInvolvement: return "Bred involvering av ansatte i innholdspublisering"
        case .marketing: return "Markedsføring av Facebooksider og tilstedeværelse i sosiale medier"
        case .dialogue: return "Tenk lytting og dialog!"
        }
    }

    public var titleEn: String {
        switch self {
        case .strategyAndGuidelines: return "A strategy and guidelines"
        case .enthusiasts: return "Committed enthusiasts"
        case .training: return "Training and competence building for staff"
        case .anchoredGuidelines: return "Well-rooted guidelines"
        case .breadth: return "Breadth of objectives, uses and channels"
        case .broadInvolvement: return "Broad staff involvement in publishing"
        case .marketing: return "Marketing the Facebook pages and the social media presence"
        case .dialogue: return "Think listening and dialogue!"
        }
    }

    /// The report's advice (its "10 suksesskriterier") for a respondent that misses the criterion.
    public var adviceNb: String {
        switch self {
        case .strategyAndGuidelines: return "Ha en plan – definer hensikt og målsetninger. Ha en god (strategi)prosess: sørg for god forankring i ledelsen."
        case .enthusiasts: return "Dyrk ildsjelene!"
        case .training: return "Sats på kursing eller annen kompetanseheving."
        case .anchoredGuidelines: return "Utarbeid retningslinjer og sørg for god forankring blant ansatte."
        case .breadth: return "Tenk kanalstrategi: Velg kanaler ut i fra bruksområder og målgrupper."
        case .broadInvolvement: return "Sett av dedikerte ressurser til både strategiarbeid og drift. Sørg for bred involvering av ansatte i innholdsproduksjon og oppfølging av dialogen."
        case .marketing: return "Sørg for markedsføring og synliggjøring av tilstedeværelsen i sosiale medier."
        case .dialogue: return "Lytt til innbyggerne og tenk dialog!"
        }
    }

    public var adviceEn: String {
        switch self {
        case .strategyAndGuidelines: return "Have a plan – define purpose and objectives. Run a good (strategy) process rooted in management."
        case .enthusiasts: return "Cultivate the enthusiasts!"
        case .training: return "Invest in training or other competence building."
        case .anchoredGuidelines: return "Draw up guidelines and make sure they are well rooted among employees."
        case .breadth: return "Think channel strategy: choose channels by use and target group."
        case .broadInvolvement: return "Set aside dedicated resources for strategy work and operation. Involve staff broadly in producing content and following up the dialogue."
        case .marketing: return "Market your social media presence and make it visible."
        case .dialogue: return "Listen to citizens and think dialogue!"
        }
    }
}
