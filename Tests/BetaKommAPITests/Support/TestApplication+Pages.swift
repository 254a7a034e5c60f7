import Foundation
import Testing

extension TestApplication {
    /// Follows `Link: <…>; rel="next"` from `first` until it is gone, checking each page's
    /// `next_cursor` against its `Link`; returns every respondent code in order.
    func walk(_ first: String, headers: [(String, String)] = []) throws -> [String] {
        var codes: [String] = []
        var target: String? = first
        var pages = 0
        while let current = target {
            let response = try get(current, headers: headers)
            #expect(response.status == 200, "\(current): \(response.text)")
            let json = try response.json()
            codes += json.objects("respondents").compactMap { $0.string("code") }
            let link = response.header("Link")
            if let cursor = json.string("next_cursor") {
                #expect(link?.contains("cursor=\(cursor)>; rel=\"next\"") == true)
            } else {
                #expect(link == nil)
            }
            target = link.flatMap { $0.split(separator: ">").first.map { String($0.dropFirst()) } }
            pages += 1
            if pages > 100 { break }
        }
        return codes
    }
}
