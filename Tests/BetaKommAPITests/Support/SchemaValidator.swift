import Foundation

/// A JSON Schema validator for the subset the OpenAPI document uses: `type` (string or list,
/// `null` included), `properties`, `required`, `additionalProperties: false`, `items`, `enum`,
/// `anyOf`, `minimum`/`maximum`, `pattern` and `$ref` into `#/components/schemas`. Returns the problems
/// found, each with the JSON pointer of the offending value.
struct SchemaValidator {
    let document: [String: Any]

    func validate(_ value: Any, against schema: [String: Any], at pointer: String = "") -> [String] {
        if let reference = schema["$ref"] as? String {
            guard let resolved = resolve(reference) else { return ["\(pointer): unresolvable \(reference)"] }
            return validate(value, against: resolved, at: pointer)
        }
        if let alternatives = schema["anyOf"] as? [[String: Any]] {
            let results = alternatives.map { validate(value, against: $0, at: pointer) }
            if results.contains(where: \.isEmpty) { return [] }
            return ["\(pointer): matches none of anyOf (\(results.map { $0.first ?? "" }.joined(separator: " | ")))"]
        }
        var problems: [String] = []
        if let types = schema["type"].map({ $0 as? [String] ?? [$0 as? String ?? ""] }), !types.contains(where: { Self.matches(value, type: $0) }) {
            return ["\(pointer): expected \(types.joined(separator: "|")), got \(Self.describe(value))"]
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(pointer): \(value) is not one of \(allowed)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(pointer): \(text) does not match \(pattern)")
        }
        if let number = value as? NSNumber, !(value is Bool) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { problems.append("\(pointer): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { problems.append("\(pointer): above \(maximum)") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                problems.append("\(pointer)/\(name): required but missing")
            }
            for (name, member) in object {
                if let memberSchema = properties[name] {
                    problems += validate(member, against: memberSchema, at: "\(pointer)/\(name)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(pointer)/\(name): not in the schema")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += validate(member, against: additional, at: "\(pointer)/\(name)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() {
                problems += validate(element, against: items, at: "\(pointer)/\(index)")
            }
        }
        return problems
    }

    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any? = document
        for part in reference.dropFirst(2).split(separator: "/") {
            node = (node as? [String: Any])?[String(part)]
        }
        return node as? [String: Any]
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBoolean(value)
        case "integer":
            guard let number = value as? NSNumber, !isBoolean(value) else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        case "number": return value is NSNumber && !isBoolean(value)
        default: return false
        }
    }

    /// JSONSerialization gives booleans as NSNumber too (and `1 is Bool` holds); a boolean's
    /// Objective-C type encoding is `c` (char), a JSON integer's `i`/`q`, a real's `d`.
    private static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    private static func describe(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if isBoolean(value) { return "boolean" }
        if value is NSNumber { return "number" }
        if value is String { return "string" }
        if value is [Any] { return "array" }
        return "object"
    }
}
