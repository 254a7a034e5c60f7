extension Questionnaire {
    /// Bruk av Facebook (Fig. 20–25 and the text).
    static let facebookQuestions: [Question] = [
        Question(
            id: "has_official_facebook_page", type: .single, section: "facebook",
            textNb: "Har kommunen en offisiell Facebookside?",
            labelEn: "Does the municipality have an official Facebook page?",
            options: [yes, no]),
        Question(
            id: "plans_official_page", type: .single, section: "facebook",
            textNb: "Har kommunen planer om å opprette en offisiell Facebookside i løpet av 2011?",
            labelEn: "Does the municipality plan to create an official Facebook page during 2011?",
            options: [yes, no, dontKnow], base: hasNoOfficialPage),
        Question(
            id: "facebook_pages", type: .single, section: "facebook",
            textNb: "Hvor mange Facebooksider har kommunen totalt?",
            labelEn: "How many Facebook pages does the municipality have in total?",
            options: [
                QuestionOption("one", nb: "1", en: "1"),
                QuestionOption("two", nb: "2", en: "2"),
                QuestionOption("three", nb: "3", en: "3"),
                QuestionOption("four_or_more", nb: "4 eller flere", en: "4 or more"),
            ],
            base: hasOfficialPage),
        Question(
            id: "official_page_created", type: .single, section: "facebook",
            textNb: "Når ble kommunens offisielle Facebookside opprettet?",
            labelEn: "When was the official Facebook page created?",
            options: [
                QuestionOption("before_2010", nb: "Før 2010", en: "Before 2010"),
                QuestionOption("in_2010", nb: "I løpet av 2010", en: "During 2010"),
                QuestionOption("in_2011", nb: "I løpet av 2011", en: "During 2011"),
                dontKnow,
            ],
            base: hasOfficialPage),
        Question(
            id: "facebook_marketing", type: .single, section: "facebook",
            textNb: "I hvilken grad føler du at kommunen har lagt sterk vekt på å markedsføre sin eller sine Facebooksider til befolkningen i kommunen?",
            labelEn: "To what extent has the municipality emphasised marketing its Facebook page(s) to its population?",
            options: extent(dontKnow: false), base: hasOfficialPage),
        Question(
            id: "facebook_fans", type: .number, section: "facebook",
            textNb: "Omlag hvor mange fans/tilhengere har kommunen på sin Facebookside?",
            labelEn: "About how many fans does the municipality's official Facebook page have?",
            base: hasOfficialPage, minimum: 0, maximum: 10_000_000),
        Question(
            id: "fans_vs_expectations", type: .single, section: "facebook",
            textNb: "I forhold til dine forventninger, vil du vurdere antall fans/tilhengere på den offisielle Facebooksiden som …",
            labelEn: "Compared with expectations, the number of fans of the official page is …",
            options: expectations, base: hasOfficialPage),
        Question(
            id: "inquiries_vs_expectations", type: .single, section: "facebook",
            textNb: "I forhold til dine forventninger, vil du vurdere antall henvendelser kommunen får på den offisielle Facebooksiden som …",
            labelEn: "Compared with expectations, the number of inquiries on the official page is …",
            options: expectations, base: hasOfficialPage),
    ]
}
