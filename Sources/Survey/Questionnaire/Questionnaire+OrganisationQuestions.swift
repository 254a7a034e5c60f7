extension Questionnaire {
    /// Organisering, ressursbruk, kompetanse og retningslinjer (Fig. 14–19 and the text).
    static let organisationQuestions: [Question] = [
        Question(
            id: "overall_responsibility", type: .single, section: "organisation",
            textNb: "Hvem har det overordnede ansvaret for kommunens bruk av sosiale medier?",
            labelEn: "Who has overall responsibility for the municipality's use of social media?",
            options: [
                QuestionOption("radmann", nb: "Rådmannen/rådmannens stab", en: "Chief executive and staff"),
                QuestionOption("information_chief", nb: "Informasjonssjef", en: "Head of communication"),
                QuestionOption("service_desk", nb: "Servicetorget", en: "Citizen service desk"),
                QuestionOption("it_chief", nb: "IT-sjef", en: "Head of IT"),
                QuestionOption("unit_leaders", nb: "Enhetsledere", en: "Heads of units"),
                QuestionOption("other", nb: "Andre", en: "Others"),
                QuestionOption("unclear", nb: "Uavklart", en: "Unclear"),
            ],
            base: usesSocialMedia),
        Question(
            id: "publishers", type: .multiple, section: "organisation",
            textNb: "Hvem publiserer innhold i kommunens sosiale mediekanaler?",
            labelEn: "Who publishes content in the municipality's social media channels?",
            options: [
                QuestionOption("information_unit", nb: "Informasjonsenheten", en: "Communication unit"),
                QuestionOption("service_desk", nb: "Servicetorget", en: "Citizen service desk"),
                QuestionOption("other_employees", nb: "Andre ansatte", en: "Other employees"),
                QuestionOption("radmann", nb: "Rådmannen/rådmannens stab", en: "Chief executive and staff"),
                QuestionOption("politicians", nb: "Politikere", en: "Politicians"),
                QuestionOption("it_department", nb: "IT-avdelingen", en: "IT department"),
                QuestionOption("external", nb: "Eksterne", en: "External parties"),
            ],
            base: usesSocialMedia),
        Question(
            id: "dedicated_staff", type: .single, section: "organisation",
            textNb: "Har kommunen dedikerte ansatte som kun jobber med sosiale medier?",
            labelEn: "Does the municipality have staff working only on social media?",
            options: [yes, no], base: usesSocialMedia),
        Question(
            id: "job_descriptions", type: .single, section: "organisation",
            textNb: "Er sosiale medier en del av stillingsbeskrivelsene hos en eller flere ansatte i kommunen?",
            labelEn: "Is social media part of the job description of one or more employees?",
            options: [yes, no, dontKnow], base: usesSocialMedia),
        Question(
            id: "staff_trained", type: .single, section: "organisation",
            textNb: "Har noen ansatte i kommunen blitt kurset i bruk av sosiale medier?",
            labelEn: "Have any employees been trained in the use of social media?",
            options: [yes, no, dontKnow]),
        Question(
            id: "politicians_trained", type: .single, section: "organisation",
            textNb: "Har noen politikere i kommunen blitt kurset i bruk av sosiale medier?",
            labelEn: "Have any politicians been trained in the use of social media?",
            options: [yes, no, dontKnow]),
        Question(
            id: "has_guidelines", type: .single, section: "organisation",
            textNb: "Er det utarbeidet egne retningslinjer for de ansattes bruk av sosiale medier?",
            labelEn: "Are there guidelines for employees' use of social media?",
            options: [yes, no]),
        Question(
            id: "guidelines_anchoring", type: .single, section: "organisation",
            textNb: "I hvilken grad føler du at disse retningslinjene er kjent og forankret hos de ansatte i kommunen?",
            labelEn: "To what extent are the guidelines known and rooted among employees?",
            options: extent(dontKnow: true), base: hasGuidelines),
    ]
}
