import Survey

extension BaselineDraft {
    /// Fig. 10–13 and the text on use: uses, main use, channels, best channel, effect of all channels.
    mutating func assignUseDetails() throws {
        let users = members(isUser)
        var view = self
        // Fig. 11 and line 467: with a strategy 67 % one-way / 22 % dialogue, without 69 % / 18 %.
        let dialogForHigh: (Int, String) -> Double = { index, option in option.hasPrefix("dialog") && view.isHigh(index) ? 3 : 1 }
        try assignSingle("main_use", cell: "strategy", members: users.filter(hasStrategy), quotas: [
            ("news", 14), ("events_culture", 6), ("reputation", 9), ("recruitment", 2),
            ("dialog_services", 8), ("dialog_politics", 2), ("crisis", 3), ("other", 2)], weight: dialogForHigh)
        try assignSingle("main_use", cell: "no strategy", members: users.filter { !hasStrategy($0) }, quotas: [
            ("news", 38), ("events_culture", 16), ("reputation", 19), ("recruitment", 5),
            ("dialog_services", 17), ("dialog_politics", 3), ("crisis", 9), ("other", 6)], weight: dialogForHigh)
        view = self
        // Fig. 10: strategy holders and high achievers have more uses (line 509).
        let broader: (Int, String) -> Double = { index, _ in (view.hasStrategy(index) ? 2 : 1) * (view.isHigh(index) ? 2 : 1) }
        try assignMultiple("uses", cell: "users", members: users, counts: [
            ("news", 130), ("events_culture", 118), ("reputation", 105), ("recruitment", 60),
            ("dialog_services", 72), ("dialog_politics", 30), ("crisis", 55), ("other", 15),
        ], required: { view.answers[$0]["main_use"]?.selectedCodes ?? [] }, weight: broader)

        // Fig. 13: Facebook 79 %, Twitter 13 % (mainly counties), blogs 6 % (line 490).
        let noPageFirst: (Int, String) -> Double = { index, option in option != "facebook" && !view.hasPage(index) ? 3 : 1 }
        try assignSingleBySize("best_channel", cell: "users", members: users, quotas: (
            small: [("facebook", 54), ("twitter", 1), ("blogs", 2), ("dont_know", 1)],
            medium: [("facebook", 51), ("twitter", 3), ("blogs", 3), ("youtube", 1)],
            large: [("facebook", 20), ("twitter", 6), ("blogs", 4), ("youtube", 1)],
            county: [("facebook", 1), ("twitter", 11)]), weight: noPageFirst)
        try assignChannels(users: users)
        // 61 % had an effect of every channel (line 501). A unit with a single channel, which it names
        // best, cannot say that not every channel had an effect (rule `one_channel_has_effect`).
        view = self
        try assignSingle("effect_all_channels", cell: "users", members: users,
                         quotas: [("no", 50), ("yes", 97), ("dont_know", 12)],
                         weight: { index, option in
                             let channels = view.answers[index]["channels"]?.selectedCodes.count ?? 0
                             return option == "no" ? (channels < 2 ? Self.never : Double(channels)) : 1
                         })
    }

    /// Fig. 12: 96 % on Facebook (6 users without: no official page, another best channel, none
    /// named), Twitter 42 %, then YouTube, blogs, Flickr — mostly large kommuner and counties.
    private mutating func assignChannels(users: [Int]) throws {
        let eligible = users.filter {
            !hasPage($0) && !isNamed($0) && has($0, "best_channel", "twitter", "blogs", "youtube")
        }
        let withoutFacebook = Set(weightedOrder(eligible, weight: { _ in 1 }).prefix(6))
        guard withoutFacebook.count == 6 else {
            throw GenerationError.forcedOverQuota(question: "channels", option: "facebook", cell: "users")
        }
        let counts: [SizeClass: [(String, Int)]] = [
            .small: [("twitter", 10), ("youtube", 6), ("blogs", 4), ("flickr", 2), ("linkedin", 1), ("other", 1)],
            .medium: [("twitter", 20), ("youtube", 12), ("blogs", 8), ("flickr", 5), ("linkedin", 2), ("other", 2)],
            .large: [("twitter", 25), ("youtube", 16), ("blogs", 12), ("flickr", 10), ("linkedin", 2), ("other", 2)],
            .county: [("twitter", 12), ("youtube", 8), ("blogs", 5), ("flickr", 6), ("linkedin", 1), ("other", 0)],
        ]
        let view = self
        for sizeClass in SizeClass.allCases {
            let inClass = users.filter { size($0) == sizeClass }
            let facebook = inClass.filter { !withoutFacebook.contains($0) }.count
            try assignMultiple("channels", cell: sizeClass.rawValue, members: inClass,
                               counts: [("facebook", facebook)] + (counts[sizeClass] ?? []),
                               required: { index in
                                   let best = view.answers[index]["best_channel"]?.selectedCodes.filter { $0 != "dont_know" } ?? []
                                   return best + (withoutFacebook.contains(index) ? [] : ["facebook"])
                               },
                               weight: { index, _ in view.hasStrategy(index) ? 2 : 1 })
        }
    }
}
