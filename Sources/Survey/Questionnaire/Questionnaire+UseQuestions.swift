extension Questionnaire {
    /// Bruk av sosiale medier, bruksområder, kanalvalg (Fig. 7–13, ildsjeler, effect of all channels).
    static let useQuestions: [Question] = [
        Question(
            id: "uses_social_media", type: .single, section: "use",
            textNb: "Har din kommune tatt i bruk sosiale medier som for eksempel Facebook, Twitter eller blogg?",
            labelEn: "Has the municipality started using social media such as Facebook, Twitter or blogs?",
            options: [yes, no]),
        Question(
            id: "plans_social_media_2011", type: .single, section: "use",
            textNb: "Har din kommune planer om å ta i bruk sosiale medier i løpet av 2011?",
            labelEn: "Does the municipality plan to start using social media during 2011?",
            options: [yes, no, QuestionOption("dont_know", nb: "Usikker", en: "Unsure")],
            base: doesNotUseSocialMedia),
        Question(
            id: "reasons_not_using", type: .multiple, section: "use",
            textNb: "Hva er de viktigste årsakene til at din kommune IKKE bruker sosiale medier?",
            labelEn: "What are the main reasons the municipality does NOT use social media?",
            options: [
                QuestionOption("lack_resources", nb: "Mangel på ressurser", en: "Lack of resources"),
                QuestionOption("awaiting_strategy", nb: "Avventer strategiprosess", en: "Awaiting a strategy process"),
                QuestionOption("privacy", nb: "Usikkerhet rundt personvern/sensitive data", en: "Uncertainty about privacy/sensitive data"),
                QuestionOption("case_handling", nb: "Usikkerhet rundt saksbehandling og journalføring", en: "Uncertainty about case handling and records"),
                QuestionOption("legislation", nb: "Usikkerhet rundt lovverk", en: "Uncertainty about legislation"),
                QuestionOption("harassment", nb: "Frykt for sjikane og usaklige innlegg", en: "Fear of harassment and improper posts"),
                QuestionOption("no_need", nb: "Ser ikke behov", en: "Sees no need"),
                QuestionOption("other", nb: "Annet", en: "Other"),
            ],
            base: doesNotUseSocialMedia),
        Question(
            id: "enthusiasts", type: .single, section: "use",
            textNb: "Har bruken av sosiale medier i kommunen vært drevet frem av ildsjeler med engasjement og kompetanse?",
            labelEn: "Has the use of social media been driven by enthusiasts (ildsjeler)?",
            options: [yes, no, dontKnow],
            base: usesSocialMedia),
        Question(
            id: "uses", type: .multiple, section: "use",
            textNb: "Hva bruker kommunen sosiale mediekanaler til?",
            labelEn: "What does the municipality use social media channels for?",
            options: useOptions, base: usesSocialMedia),
        Question(
            id: "main_use", type: .single, section: "use",
            textNb: "Hva vil du si er det aller viktigste kommunen bruker sosiale mediekanaler til?",
            labelEn: "What is the single most important use of social media channels?",
            options: useOptions, base: usesSocialMedia),
        Question(
            id: "channels", type: .multiple, section: "use",
            textNb: "Hvilke sosiale mediekanaler bruker kommunen per i dag?",
            labelEn: "Which social media channels does the municipality use today?",
            options: channelOptions, base: usesSocialMedia),
        Question(
            id: "best_channel", type: .single, section: "use",
            textNb: "Hvilke sosiale mediekanaler føler du at dere har lyktes best med?",
            labelEn: "Which social media channel has the municipality succeeded best with?",
            options: channelOptions + [dontKnow], base: usesSocialMedia),
        Question(
            id: "effect_all_channels", type: .single, section: "use",
            textNb: "Har kommunen hatt effekt av alle kanalene den har tatt i bruk?",
            labelEn: "Has every channel the municipality uses had an effect?",
            options: [yes, no, dontKnow], base: usesSocialMedia),
    ]

    /// Uses of social media (Fig. 10 and 11). One-way: news, events_culture, reputation,
    /// recruitment; dialogue: dialog_services, dialog_politics.
    static let useOptions: [QuestionOption] = [
        QuestionOption("news", nb: "Nyhetspublisering", en: "Publishing news"),
        QuestionOption("events_culture", nb: "Informasjon om kultur og arrangementer", en: "Information on culture and events"),
        QuestionOption("reputation", nb: "Omdømmebygging/markedsføring av kommunen", en: "Reputation building / marketing"),
        QuestionOption("recruitment", nb: "Rekruttering/ledige stillinger", en: "Recruitment / vacancies"),
        QuestionOption("dialog_services", nb: "Dialog om kommunens tjenestetilbud", en: "Dialogue on services"),
        QuestionOption("dialog_politics", nb: "Engasjement og dialog rundt politiske saker", en: "Engagement and dialogue on political issues"),
        QuestionOption("crisis", nb: "Krise- og beredskapskommunikasjon", en: "Crisis and emergency communication"),
        QuestionOption("other", nb: "Annet", en: "Other"),
    ]

    static let channelOptions: [QuestionOption] = [
        QuestionOption("facebook", nb: "Facebook", en: "Facebook"),
        QuestionOption("twitter", nb: "Twitter", en: "Twitter"),
        QuestionOption("youtube", nb: "YouTube", en: "YouTube"),
        QuestionOption("blogs", nb: "Blogg", en: "Blogs"),
        QuestionOption("flickr", nb: "Flickr", en: "Flickr"),
        QuestionOption("linkedin", nb: "LinkedIn", en: "LinkedIn"),
        QuestionOption("other", nb: "Andre", en: "Other"),
    ]
}
