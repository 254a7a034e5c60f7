extension Questionnaire {
    /// Utfordringer og suksesskriterier (goal attainment, open comments, Fig. 26).
    static let successQuestions: [Question] = [
        Question(
            id: "goal_attainment", type: .single, section: "success",
            textNb: "I hvilken grad opplever du at kommunen har lykkes med bruken av sosiale medier i henhold til målsetningene?",
            labelEn: "To what extent has the municipality succeeded with social media against its objectives?",
            options: extent(dontKnow: false), base: usesSocialMedia),
        Question(
            id: "positive_experiences", type: .single, section: "success",
            textNb: "Hva har kommunen lykkes med? (åpent svar, kodet)",
            labelEn: "What has the municipality succeeded with? (open answer, coded)",
            options: [
                QuestionOption("new_target_groups", nb: "Nådd nye målgrupper, spesielt ungdom", en: "Reached new target groups, especially the young"),
                QuestionOption("dialog", nb: "Økt mulighet for dialog med innbyggerne", en: "More dialogue with citizens"),
                QuestionOption("effective_information", nb: "En effektiv kanal for å nå ut med informasjon", en: "An effective information channel"),
                QuestionOption("visibility_reputation", nb: "Økt tilgjengelighet, synlighet og bedret omdømme", en: "Availability, visibility and reputation"),
                QuestionOption("web_traffic", nb: "Økt trafikk til nettsidene", en: "More traffic to the website"),
                QuestionOption("other", nb: "Annet", en: "Other"),
                QuestionOption("no_comment", nb: "Ingen kommentar", en: "No comment"),
            ],
            base: usesSocialMedia),
        Question(
            id: "negative_experiences", type: .single, section: "success",
            textNb: "Hvilke negative erfaringer har kommunen hatt med sosiale medier? (åpent svar, kodet)",
            labelEn: "What negative experiences has the municipality had? (open answer, coded)",
            options: [
                QuestionOption("none", nb: "Ingen negative erfaringer", en: "No negative experiences"),
                QuestionOption("lack_resources", nb: "Mangel på ressurser", en: "Lack of resources"),
                QuestionOption("inappropriate_posts", nb: "Upassende innlegg på Facebooksidene", en: "Inappropriate posts"),
                QuestionOption("low_activity", nb: "Lite aktivitet og dialog", en: "Little activity and dialogue"),
                QuestionOption("roles", nb: "Rolle- og ansvarsfordeling internt", en: "Internal roles and responsibilities"),
                QuestionOption("other", nb: "Annet", en: "Other"),
                QuestionOption("no_comment", nb: "Ingen kommentar", en: "No comment"),
            ],
            base: usesSocialMedia),
    ] + importanceFactors.map { factor in
        Question(
            id: "importance_\(factor.code)", type: .scale, section: "success",
            textNb: "Hvor viktig vil du si følgende faktor er for å lykkes med satsningen på sosiale medier: \(factor.labelNb)",
            labelEn: "How important is this factor for succeeding with social media: \(factor.labelEn)",
            base: usesSocialMedia)
    }

    /// The factors rated in Fig. 26 (0–100). The report names only the top one; the rest are the
    /// success factors it discusses.
    public static let importanceFactors: [QuestionOption] = [
        QuestionOption("clear_roles", nb: "Tydelig rolle- og ansvarsdeling", en: "Clear roles and responsibilities"),
        QuestionOption("management_anchoring", nb: "Forankring i ledelsen", en: "Support from management"),
        QuestionOption("competence", nb: "Kompetanse hos ansatte", en: "Staff competence"),
        QuestionOption("dedicated_resources", nb: "Dedikerte ressurser", en: "Dedicated resources"),
        QuestionOption("relevant_content", nb: "Relevant og engasjerende innhold", en: "Relevant, engaging content"),
        QuestionOption("strategy", nb: "Strategi og målsetninger", en: "Strategy and objectives"),
        QuestionOption("enthusiasts", nb: "Engasjerte ildsjeler", en: "Committed enthusiasts"),
        QuestionOption("guidelines", nb: "Retningslinjer for ansatte", en: "Guidelines for employees"),
        QuestionOption("broad_involvement", nb: "Bred involvering av ansatte", en: "Broad staff involvement"),
        QuestionOption("marketing", nb: "Markedsføring av tilstedeværelsen", en: "Marketing the presence"),
    ]
}
