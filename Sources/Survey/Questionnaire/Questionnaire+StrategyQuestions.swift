extension Questionnaire {
    /// Strategi og strategiprosess (Fig. 1–6 and the text around them).
    static let strategyQuestions: [Question] = [
        Question(
            id: "has_strategy", type: .single, section: "strategy",
            textNb: "Har din kommune utarbeidet en strategi for bruk av sosiale medier?",
            labelEn: "Has the municipality drawn up a strategy for its use of social media?",
            options: [yes, no]),
        Question(
            id: "strategy_plans", type: .single, section: "strategy",
            textNb: "Har din kommune planer om å utarbeide en strategi, eller har din kommune besluttet å ikke utarbeide en strategi for bruk av sosiale medier?",
            labelEn: "Does the municipality plan to draw up a strategy, or has it decided not to?",
            options: [
                QuestionOption("plans_2011", nb: "Ja, planlegger strategi i løpet av 2011", en: "Yes, plans a strategy during 2011"),
                QuestionOption("plans_2012", nb: "Ja, planlegger strategi i løpet av 2012", en: "Yes, plans a strategy during 2012"),
                QuestionOption("dont_know", nb: "Usikker / har ikke tatt stilling", en: "Unsure / not decided"),
                QuestionOption("will_not", nb: "Nei, har besluttet å ikke utarbeide strategi", en: "No, has decided not to draw up a strategy"),
            ],
            base: hasNoStrategy),
        Question(
            id: "strategy_type", type: .single, section: "strategy",
            textNb: "Er strategien en egen strategi for sosiale medier, eller er den inkludert i en annen kommunikasjonsstrategi?",
            labelEn: "Is it a separate social media strategy or part of another communication strategy?",
            options: [
                QuestionOption("own", nb: "Egen strategi for sosiale medier", en: "A separate social media strategy"),
                QuestionOption("part_of_other", nb: "Inkludert i annen kommunikasjonsstrategi", en: "Part of another communication strategy"),
                dontKnow,
            ],
            base: hasStrategy),
        Question(
            id: "strategy_adoption", type: .single, section: "strategy",
            textNb: "Er strategien formelt vedtatt?",
            labelEn: "Has the strategy been formally adopted?",
            options: [
                QuestionOption("political", nb: "Ja, politisk vedtatt", en: "Yes, adopted politically"),
                QuestionOption("administrative", nb: "Ja, administrativt vedtatt", en: "Yes, adopted administratively"),
                QuestionOption("not_adopted", nb: "Nei, ikke formelt vedtatt", en: "No, not formally adopted"),
            ],
            base: hasStrategy),
        Question(
            id: "strategy_adoption_year", type: .single, section: "strategy",
            textNb: "Når ble strategien vedtatt?",
            labelEn: "When was the strategy adopted?",
            options: [
                QuestionOption("by_2009", nb: "I 2009 eller tidligere", en: "In 2009 or earlier"),
                QuestionOption("in_2010", nb: "I løpet av 2010", en: "During 2010"),
                QuestionOption("in_2011", nb: "I løpet av 2011", en: "During 2011"),
            ],
            base: adoptedStrategy),
        Question(
            id: "strategy_participants", type: .multiple, section: "strategy",
            textNb: "Hvilke av følgende har deltatt i utarbeidelsen av den vedtatte strategien for sosiale medier?",
            labelEn: "Who took part in drawing up the adopted social media strategy?",
            options: [
                QuestionOption("radmann", nb: "Rådmannen/rådmannens stab", en: "Chief executive and staff"),
                QuestionOption("information_unit", nb: "Informasjonssjef/informasjonsenheten", en: "Head of communication / communication unit"),
                QuestionOption("unit_leaders", nb: "Enhetsledere", en: "Heads of units"),
                QuestionOption("other_employees", nb: "Andre ansatte", en: "Other employees"),
                QuestionOption("politicians", nb: "Politikere", en: "Politicians"),
                QuestionOption("external_consultants", nb: "Eksterne konsulenter", en: "External consultants"),
                QuestionOption("other", nb: "Andre", en: "Others"),
            ],
            base: adoptedStrategy),
        Question(
            id: "strategy_known", type: .single, section: "strategy",
            textNb: "I hvilken grad føler du at strategien er kjent og forankret hos de ansatte i kommunen?",
            labelEn: "To what extent is the strategy known and rooted among employees?",
            options: extent(dontKnow: true),
            base: hasStrategy),
        Question(
            id: "strategy_objectives", type: .multiple, section: "strategy",
            textNb: "Hva er målsetningene i kommunens strategiplan for bruk av sosiale medier?",
            labelEn: "What are the objectives of the municipality's social media strategy?",
            options: objectiveOptions + [
                QuestionOption("new_target_groups", nb: "Nå nye målgrupper", en: "Reach new target groups"),
                QuestionOption("crisis", nb: "Krise- og beredskapskommunikasjon", en: "Crisis and emergency communication"),
                QuestionOption("other", nb: "Annet", en: "Other"),
            ],
            base: hasStrategy),
        Question(
            id: "main_objective", type: .single, section: "strategy",
            textNb: "Hvilken av målsetningene mener du er viktigst?",
            labelEn: "Which objective is the most important?",
            options: objectiveOptions + [QuestionOption("other", nb: "Annet", en: "Other")],
            base: hasStrategy),
    ]

    /// The four objectives the report ranks (37/24/24/4 %).
    static let objectiveOptions: [QuestionOption] = [
        QuestionOption("dialog_services", nb: "Bedre dialog rundt kommunens tjenestetilbud", en: "Better dialogue on the municipality's services"),
        QuestionOption("reputation", nb: "Omdømmebygging/markedsføring av kommunen", en: "Reputation building / marketing of the municipality"),
        QuestionOption("information", nb: "Bedre informasjon ut til innbyggerne", en: "Better information to citizens"),
        QuestionOption("dialog_politics", nb: "Engasjement og dialog rundt politiske saker", en: "Engagement and dialogue on political issues"),
    ]
}
