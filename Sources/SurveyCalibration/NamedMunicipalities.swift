/// What the report says about named municipalities; the baseline data are built to honour it.
public enum NamedMunicipalities {
    /// The 11 interviewed (report line 119): Trondheim, Oslo, Stavanger, Tromsø, Kongsvinger,
    /// Porsgrunn, Moss, Utsira, Vågå, Herøy, Råde. All use social media. "Herøy" is taken to be
    /// 1515 Herøy (Møre og Romsdal): the survey's reference group was Rådmannsutvalget i Møre og Romsdal.
    public static let interviewed = ["1601", "0301", "1103", "1902", "0402", "0805", "0104", "1151", "0515", "1515", "0135"]
    /// "Av respondentene i dybdeintervjuene har 10 av 11 opprettet en offisiell side" (line 681).
    /// The one without is taken to be Oslo: line 836 says a single official page would feel like
    /// spam in a large city, and Oslo's examples are unit pages (Renovasjonsetaten, line 380).
    public static let interviewedWithoutOfficialPage = "0301"
    /// Shown in the report as using social media (Facebook): Lom (line 322), Lunner (338),
    /// Orkdal (360), Skjåk (368), Arendal (429), Drammen (734), Lyngdal (801), Bærum (BærumBeta, 1114).
    public static let otherUsers = ["0514", "0533", "1638", "0513", "0906", "0602", "1032", "0219"]
    /// Shown with an official page besides the interviewed: Arendal (line 445), Drammen (783),
    /// Lyngdal (801, marketing of its presence).
    public static let otherOfficialPages = ["0906", "0602", "1032"]
    /// Municipal blogs listed in the report (lines 1108–1115): Trondheim, Kongsvinger, Oslo, Bærum.
    public static let bloggers = ["1601", "0402", "0301", "0219"]
    /// Fans on the official page: Trondheim 919 (line 821), Porsgrunn ~1 150 (696), Drammen 1 795 (783).
    public static let officialPageFans = ["1601": 919, "0805": 1150, "0602": 1795]
    /// Four or more Facebook pages: Trondheim (line 703), Porsgrunn (694), Drammen (767).
    public static let fourOrMorePages = ["1601", "0805", "0602"]
    /// Marketed their presence: Drammen (line 785), Lyngdal (801).
    public static let marketedPresence = ["0602", "1032"]
    /// Trondheim has a strategy and guidelines (lines 194, 615).
    public static let strategyAndGuidelines = ["1601"]

    /// Every named unit that must have answered and use social media.
    public static var users: [String] { interviewed + otherUsers }

    /// Official page holders among the named.
    public static var officialPages: [String] {
        interviewed.filter { $0 != interviewedWithoutOfficialPage } + otherOfficialPages
    }
}
