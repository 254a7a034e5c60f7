/// A small parser of the Prometheus text exposition format 0.0.4, strict enough to catch what a
/// scraper would reject: `# HELP` / `# TYPE` lines, samples `name{label="value",…} number`.
struct PrometheusText {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Sample {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    var types: [String: String] = [:]
    var help: [String: String] = [:]
    var samples: [Sample] = []

    init(parsing text: String) throws {
        guard text.hasSuffix("\n") else { throw Failure(description: "the exposition must end with a line feed") }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3)
                guard parts.count >= 3, parts[1] == "HELP" || parts[1] == "TYPE" else { throw Failure(description: "bad comment: \(line)") }
                let name = String(parts[2])
                guard Self.isMetricName(name) else { throw Failure(description: "bad metric name: \(name)") }
                if parts[1] == "TYPE" {
                    guard parts.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(String(parts[3])) else {
                        throw Failure(description: "bad TYPE: \(line)")
                    }
                    guard types[name] == nil else { throw Failure(description: "TYPE given twice for \(name)") }
                    guard !samples.contains(where: { Self.family(of: $0.name, types: [name: ""]) == name }) else {
                        throw Failure(description: "TYPE after samples of \(name)")
                    }
                    types[name] = String(parts[3])
                } else {
                    help[name] = parts.count == 4 ? String(parts[3]) : ""
                }
                continue
            }
            samples.append(try Self.sample(Substring(line)))
        }
    }

    /// Samples of `name` whose labels include `labels`.
    func values(_ name: String, _ labels: [String: String] = [:]) -> [Double] {
        samples.filter { sample in sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value } }.map(\.value)
    }

    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        let found = values(name, labels)
        return found.count == 1 ? found[0] : nil
    }

    /// The family a sample belongs to: histogram samples carry `_bucket`, `_sum`, `_count`.
    static func family(of name: String, types: [String: String]) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if types[base] == "histogram" || types[base] == "" { return base }
        }
        return name
    }

    static func isMetricName(_ name: String) -> Bool {
        name.wholeMatch(of: /[a-zA-Z_:][a-zA-Z0-9_:]*/) != nil
    }

    private static func sample(_ line: Substring) throws -> Sample {
        var rest = line
        let nameEnd = rest.firstIndex { $0 == "{" || $0 == " " } ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        guard isMetricName(name) else { throw Failure(description: "bad sample name in: \(line)") }
        rest = rest[nameEnd...]
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "=") else { throw Failure(description: "bad labels in: \(line)") }
                let label = String(rest[..<equals])
                guard label.wholeMatch(of: /[a-zA-Z_][a-zA-Z0-9_]*/) != nil else { throw Failure(description: "bad label name in: \(line)") }
                rest = rest[rest.index(after: equals)...]
                guard rest.first == "\"" else { throw Failure(description: "unquoted label value in: \(line)") }
                rest = rest.dropFirst()
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        guard let escaped = rest.first else { break }
                        rest = rest.dropFirst()
                        switch escaped {
                        case "n": value.append("\n")
                        case "\\", "\"": value.append(escaped)
                        default: throw Failure(description: "bad escape in: \(line)")
                        }
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { throw Failure(description: "unterminated label value in: \(line)") }
                rest = rest.dropFirst()
                guard labels.updateValue(value, forKey: label) == nil else { throw Failure(description: "label twice in: \(line)") }
                if rest.first == "," { rest = rest.dropFirst() }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw Failure(description: "no value in: \(line)") }
        let valueText = rest.dropFirst().split(separator: " ").first.map(String.init) ?? ""
        guard let value = Double(valueText) ?? (valueText == "+Inf" ? .infinity : nil) else {
            throw Failure(description: "bad value in: \(line)")
        }
        return Sample(name: name, labels: labels, value: value)
    }
}
