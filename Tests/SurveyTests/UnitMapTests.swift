import Foundation
import Testing
import Survey
import SurveyCalibration
import SurveyData

/// Today's map and the correspondence, as migrated from Data/units-2024.csv and
/// Data/units-2011-to-2024.csv.
@Suite struct UnitMapTests {
    let database: MigratedDatabase
    let units2011: [Respondent]
    let units2024: [Respondent]
    let correspondence: Correspondence

    init() throws {
        database = try MigratedDatabase()
        (units2011, units2024, correspondence) = try database.pool.read { db in
            (try UnitRepository.units(db, map: 2011), try UnitRepository.units(db, map: 2024), try UnitRepository.correspondence(db))
        }
    }

    @Test func todaysMapHas357KommunerAnd15Counties() {
        #expect(units2024.filter { $0.kind == .kommune }.count == 357)
        #expect(units2024.filter { $0.kind == .fylkeskommune }.count == 15)
        #expect(Set(units2024.map(\.countyCode)).count == 15)
        #expect(units2024.allSatisfy { $0.populationIsEstimate })
    }

    @Test func trondheimAndIndreOstfoldKnowTheirPredecessors() {
        let trondheim = correspondence.predecessors(of: UnitReference(map: 2024, code: "5001")).map(\.from.code)
        #expect(trondheim == ["1601", "1662"])
        let indreOstfold = correspondence.predecessors(of: UnitReference(map: 2024, code: "3118")).map(\.from.code)
        #expect(indreOstfold == ["0124", "0125", "0138", "0123", "0122"].sorted())
        #expect(correspondence.successors(of: UnitReference(map: 2011, code: "1601")).map(\.to.code) == ["5001"])
        let sandefjord = correspondence.predecessors(of: UnitReference(map: 2024, code: "3907")).map(\.from.code)
        #expect(sandefjord == ["0706", "0719", "0720"])
    }

    @Test func everyUnitOf2011HasASuccessorAndEveryUnitOf2024APredecessor() {
        for unit in units2011 {
            #expect(!correspondence.successors(of: unit.reference).isEmpty, "\(unit.code) \(unit.name) has no successor")
        }
        for unit in units2024 where unit.code != "1580" {
            #expect(!correspondence.predecessors(of: unit.reference).isEmpty, "\(unit.code) \(unit.name) has no predecessor")
        }
    }

    /// A code on both maps names the same unit or its enlarged successor, never two unrelated units.
    @Test func aCodeOnBothMapsNamesTheSameUnitOrItsSuccessor() {
        let codes2011 = Set(units2011.map(\.code))
        for unit in units2024 where codes2011.contains(unit.code) {
            let predecessors = correspondence.predecessors(of: unit.reference).map(\.from.code)
            #expect(predecessors.contains(unit.code), "\(unit.code) names different units on the two maps")
        }
    }

    /// The rule for a divided kommune: both 2011 kommuner divided in 2020 went wholly to one
    /// county, so a county breakdown does not depend on which successor counts them.
    @Test func dividedKommunerLieInOneCountyOfTodaysMap() {
        let counties = Dictionary(uniqueKeysWithValues: units2024.map { ($0.code, $0.countyCode) })
        for code in ["1613", "1850"] {
            let successors = correspondence.successors(of: UnitReference(map: 2011, code: code))
            #expect(successors.count > 1)
            #expect(successors.allSatisfy { $0.change == .split })
            #expect(Set(successors.map { counties[$0.to.code] }).count == 1)
            #expect(correspondence.counterpart(of: UnitReference(map: 2011, code: code), on: 2024) == successors.map(\.to).min())
        }
    }

    /// Placing the 2011 units in today's counties keeps every unit and every answer.
    @Test func placingIn2024CountiesKeepsEveryAnswer() throws {
        let placed = BaselineFixture.dataset.placed(inCountiesOf: 2024, units: units2024, correspondence: correspondence)
        let byCounty = try placed.distribution(of: "has_strategy", groupBy: .county)
        #expect(byCounty.groups.count == 15)
        #expect(byCounty.groups.map(\.baseN).reduce(0, +) == 274)
        #expect(placed.respondents.first { $0.code == "1601" }?.countyCode == "50")
        #expect(placed.respondents.first { $0.code == "1601" }?.sizeClass == .large)
    }

    @Test func aPopulationUpdateReclassesAndIsNoLongerAnEstimate() throws {
        try database.pool.write { try UnitRepository.setPopulations($0, map: 2024, populations: ["1101": 4_000], source: "SSB 07459, 2025") }
        let eigersund = try database.pool.read { try UnitRepository.units($0, map: 2024) }.first { $0.code == "1101" }
        #expect(eigersund?.population == 4_000)
        #expect(eigersund?.sizeClass == .small)
        #expect(eigersund?.populationIsEstimate == false)
        #expect(throws: StoreError.self) {
            try database.pool.write { try UnitRepository.setPopulations($0, map: 2024, populations: ["1601": 1], source: "x") }
        }
    }

    @Test func theMigrationIsWhatTheGeneratorWritesFromData() throws {
        for (name, contents) in try UnitMap2024.files(dataDirectory: RepositoryFiles.data) {
            let committed = try Data(contentsOf: RepositoryFiles.migrations.appendingPathComponent(name))
            #expect(committed == Data(contents.utf8), "\(name) differs from the generator's output: run `betakomm generate-data`")
        }
    }
}
