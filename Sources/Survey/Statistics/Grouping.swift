/// What a statistic is broken down by.
public enum Grouping: Sendable, Hashable {
    /// small / medium / large / county ("kommunestørrelse").
    case sizeClass
    /// kommune / fylkeskommune.
    case kind
    /// The county (fylke) a unit belongs to.
    case county
    /// The options of another single or multiple choice question (a crosstab).
    case question(String)

    /// Parses `size_class`, `kind`, `county`, or a question id of the questionnaire.
    public init(parameter: String, questionnaire: Questionnaire) throws {
        switch parameter {
        case "size_class": self = .sizeClass
        case "kind": self = .kind
        case "county": self = .county
        default:
            guard let question = try? questionnaire.question(parameter) else { throw SurveyError.unknownGroup(parameter) }
            guard question.type.isCategorical else { throw SurveyError.unknownGroup(parameter) }
            self = .question(parameter)
        }
    }

    /// The parameter spelling of this grouping.
    public var parameter: String {
        switch self {
        case .sizeClass: return "size_class"
        case .kind: return "kind"
        case .county: return "county"
        case let .question(id): return id
        }
    }
}
