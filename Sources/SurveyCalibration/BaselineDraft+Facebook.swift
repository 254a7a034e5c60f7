import Survey

extension BaselineDraft {
    /// Fig. 20–25 and the Facebook text. The cell counts below follow from the report's numbers;
    /// docs/data.md derives them.
    mutating func assignFacebook() throws {
        // 107 official pages = 39 % (line 670): small 40, medium 41, large 18 (about half), counties 8
        // (half); 35 with a strategy (fans and inquiries against expectations, line 834). Line 951
        // (48 % of high and 9 % of low achievers "har gjort tiltak for å markedsføre") counts any
        // marketing, every degree of Fig. 22 above "i svært liten grad"; that holds with 64 pages
        // among the 91 high achievers (31 marketed, 48.4 %) and 43 among the 68 low (4, 9.3 %), so
        // high achievers have a page more often (70 % against 63 %), in every size class as well
        // (docs/data.md, "Official pages and marketing by goal attainment").
        let users = members(isUser)
        let view = self
        let cells: [(String, (Int) -> Bool, [SizeClass: Int])] = [
            // of 5/9/10/8 and 3/5/4/2 strategy holders
            ("strategy/high", { view.hasStrategy($0) && view.isHigh($0) }, [.small: 4, .medium: 8, .large: 8, .county: 6]),
            ("strategy/low", { view.hasStrategy($0) && !view.isHigh($0) }, [.small: 2, .medium: 3, .large: 3, .county: 1]),
            // of 22/22/13/2 and 28/22/4/0 users without a strategy
            ("no strategy/high", { !view.hasStrategy($0) && view.isHigh($0) }, [.small: 16, .medium: 15, .large: 6, .county: 1]),
            ("no strategy/low", { !view.hasStrategy($0) && !view.isHigh($0) }, [.small: 18, .medium: 15, .large: 1, .county: 0]),
        ]
        for (name, predicate, yesBySize) in cells {
            let cellMembers = users.filter(predicate)
            for sizeClass in SizeClass.allCases {
                let inClass = cellMembers.filter { size($0) == sizeClass }
                try assignSingle("has_official_facebook_page", cell: "\(name)/\(sizeClass.rawValue)", members: inClass,
                                 quotas: yesNo(yesBySize[sizeClass] ?? 0, of: inClass.count))
            }
        }
        for index in members({ !isUser($0) }) { answers[index]["has_official_facebook_page"] = .choice("no") }

        // 31 % of the 167 without a page plan one (line 679): counties 4 of 8 (75 % in 2011). A
        // non-user plans a page in 2011 only if it plans to start using social media in 2011.
        let planner = self
        try assignSingleBySize("plans_official_page", cell: "no page", members: members { !hasPage($0) }, quotas: (
            small: [("yes", 16), ("no", 44), ("dont_know", 28)], medium: [("yes", 18), ("no", 21), ("dont_know", 14)],
            large: [("yes", 14), ("no", 2), ("dont_know", 2)], county: [("yes", 4), ("no", 3), ("dont_know", 1)]),
            weight: { index, option in
                guard !planner.isUser(index) else { return 1 }
                let plansUse = planner.answers[index]["plans_social_media_2011"]?.selectedCodes.first
                switch (plansUse, option) {
                case ("yes", "yes"): return 3
                case (_, "yes"): return Self.never
                case ("no", "no"): return 3
                default: return 1
                }
            })

        let pages = members(hasPage)
        // Fig. 21: 65 % two or more (line 685); 44 % of large have 4+, 63 % of small only one.
        try assignSingleBySize("facebook_pages", cell: "page", members: pages, quotas: (
            small: [("one", 25), ("two", 10), ("three", 3), ("four_or_more", 2)],
            medium: [("one", 9), ("two", 14), ("three", 9), ("four_or_more", 9)],
            large: [("one", 1), ("two", 5), ("three", 4), ("four_or_more", 8)],
            county: [("one", 2), ("two", 3), ("three", 2), ("four_or_more", 1)]),
            weight: { index, option in option == "one" ? 1 : Double(view.units[index].population).squareRoot() / 50 })
        // 86 % created in 2010–2011, 13 % before 2010 (line 709–711).
        try assignSingle("official_page_created", cell: "page", members: pages,
                         quotas: [("before_2010", 14), ("in_2010", 70), ("in_2011", 22), ("dont_know", 1)])

        // Marketing (Fig. 22). 23 pages with strong marketing, the top two boxes ("lagt sterk vekt",
        // 21 %; 79 % little, line 721; 9/8/4/2 by size class, the cells of the fans, line 813): 21 of
        // the 64 high and 2 of the 43 low achievers. Any marketing (line 951) adds "i liten grad":
        // 10 more high and 2 more low achievers, so 31 of 64 (48 %) and 4 of 43 (9 %); the other 72
        // pages were marketed "i svært liten grad".
        try assignSingleBySize(Self.marketedKey, cell: "page/high", members: pages.filter(isHigh), quotas: (
            small: yesNo(9, of: 20), medium: yesNo(7, of: 23), large: yesNo(3, of: 14), county: yesNo(2, of: 7)))
        try assignSingleBySize(Self.marketedKey, cell: "page/low", members: pages.filter { !isHigh($0) }, quotas: (
            small: yesNo(0, of: 20), medium: yesNo(1, of: 18), large: yesNo(1, of: 4), county: yesNo(0, of: 1)))
        try assignSingle("facebook_marketing", cell: "marketed", members: pages.filter(isMarketed),
                         quotas: [("very_large", 5), ("fairly_large", 18)], weight: { index, option in
                             option == "very_large" && view.isHigh(index) ? 2 : 1 })
        try assignSingle("facebook_marketing", cell: "little/high", members: pages.filter { !isMarketed($0) && isHigh($0) },
                         quotas: [("small", 10), ("very_small", 33)])
        try assignSingle("facebook_marketing", cell: "little/low", members: pages.filter { !isMarketed($0) && !isHigh($0) },
                         quotas: [("small", 2), ("very_small", 39)])

        try assignFans(pages: pages)
        try assignExpectations(pages: pages)
    }

    /// Fig. 23–24: the mean is exactly 506 (sum 54 142 over 107); within every size class and
    /// overall the marketed pages have 40 % more fans than the rest (line 813); counties fewest.
    /// Within a cell fans are log-normal around a median that grows with the square root of the
    /// population, scaled so the cell's sum is exact.
    private mutating func assignFans(pages: [Int]) throws {
        let sums: [SizeClass: (little: Int, marketed: Int)] = [
            .small: (9_145, 3_717), .medium: (14_058, 4_771), .large: (14_652, 5_863), .county: (1_320, 616),
        ]
        for sizeClass in SizeClass.allCases {
            guard let cell = sums[sizeClass] else { continue }
            let inClass = pages.filter { size($0) == sizeClass }
            try assignLogNormal("facebook_fans", cell: "\(sizeClass.rawValue)/little", members: inClass.filter { !isMarketed($0) },
                                sum: cell.little, sigma: 0.55, bounds: 20...50_000, fixed: NamedMunicipalities.officialPageFans)
            try assignLogNormal("facebook_fans", cell: "\(sizeClass.rawValue)/marketed", members: inClass.filter(isMarketed),
                                sum: cell.marketed, sigma: 0.55, bounds: 20...50_000, fixed: NamedMunicipalities.officialPageFans)
        }
    }

    /// Fans and inquiries against expectations (line 823–834): 34 % vs 19 % and 23 % vs 3 % higher
    /// with and without a strategy; overall 24 % / 56 % / 10 % / 9 % and 9 % higher, 35 % lower inquiries.
    private mutating func assignExpectations(pages: [Int]) throws {
        let strategy = pages.filter(hasStrategy)
        let other = pages.filter { !hasStrategy($0) }
        let view = self
        let marketedHigher: (Int, String) -> Double = { index, option in option == "higher" && view.isMarketed(index) ? 3 : 1 }
        try assignSingle("fans_vs_expectations", cell: "strategy", members: strategy,
                         quotas: [("higher", 12), ("as_expected", 17), ("lower", 3), ("dont_know", 3)], weight: marketedHigher)
        try assignSingle("fans_vs_expectations", cell: "no strategy", members: other,
                         quotas: [("higher", 14), ("as_expected", 43), ("lower", 8), ("dont_know", 7)], weight: marketedHigher)
        try assignSingle("inquiries_vs_expectations", cell: "strategy", members: strategy,
                         quotas: [("higher", 8), ("as_expected", 15), ("lower", 10), ("dont_know", 2)], weight: marketedHigher)
        try assignSingle("inquiries_vs_expectations", cell: "no strategy", members: other,
                         quotas: [("higher", 2), ("as_expected", 38), ("lower", 27), ("dont_know", 5)], weight: marketedHigher)
    }
}
