import Foundation
import FoundationXML

/// An SVG document as the tests read it: element names in order, the root's attributes, every
/// `<title>` and all character data. Throws if the document is not well-formed XML.
struct SVGDocument {
    let elements: [String]
    let rootAttributes: [String: String]
    let titles: [String]
    let text: String

    init(_ body: [UInt8]) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(body))
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        elements = collector.elements
        rootAttributes = collector.root ?? [:]
        titles = collector.titles
        text = collector.text
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var root: [String: String]?
        var titles: [String] = []
        var text = ""
        private var inTitle = false

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(elementName)
            if root == nil { root = attributes }
            if elementName == "title" {
                inTitle = true
                titles.append("")
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            if elementName == "title" { inTitle = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
            if inTitle, !titles.isEmpty { titles[titles.count - 1] += string }
        }
    }
}
