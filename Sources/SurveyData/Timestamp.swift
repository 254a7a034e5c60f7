import Foundation

/// ISO 8601 UTC timestamps with seconds, as stored in `created_at` columns (`2026-11-29T12:00:00Z`).
public enum Timestamp {
    public static func now() -> String {
        string(from: Date())
    }

    public static func string(from date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }

    public static func date(from text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    /// The calendar year now, in UTC (the default wave of a submission).
    public static func currentYear() -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar.component(.year, from: Date())
    }
}
