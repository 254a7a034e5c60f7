import HTTPServer

#if canImport(Glibc)
import Glibc
#endif

// libFuzzer entry point for HTTPServer's request parser; built only by Benchmarks/Fuzz/run.sh with
// `-sanitize=fuzzer,address`, never by `swift build` or `swift test`.
//
// The parser is stateless: the server re-runs it over its growing read buffer, so a request split
// across TCP segments must parse the same as one that arrived whole. The fuzzer checks that (the
// first input byte picks the split point), that `consumed` stays inside the input, and that
// pipelined requests after the first parse without trapping. Caps are small so that the limit paths
// (414, 431, 413) are reached by short inputs.

/// Small caps so short inputs hit every limit.
private let parser = HTTPParser(limits: HTTPParser.Limits(
    maxRequestLineBytes: 200,
    maxHeaderBytes: 400,
    maxHeaderCount: 8,
    maxBodyBytes: 300,
    maxChunkLineBytes: 40
))

/// How many pipelined requests one input may contain before the harness stops.
private let maxPipelinedRequests = 16

/// The outcome of a parse reduced to what must agree between a buffer and its prefixes.
private enum Outcome: Equatable {
    case complete(consumed: Int)
    case incomplete
    case invalid
}

private func outcome(of result: ParseResult) -> Outcome {
    switch result {
    case .complete(_, let consumed): .complete(consumed: consumed)
    case .incomplete: .incomplete
    case .invalid: .invalid
    }
}

/// Stops the fuzzer with a message; libFuzzer records the input as a crash.
private func violated(_ message: String, _ bytes: ArraySlice<UInt8>) -> Never {
    let shown = String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription
    fatalError("invariant violated: \(message); input (\(bytes.count) bytes) starts \(shown)")
}

/// Checks one buffer against the invariants; returns the bytes the first request took, if complete.
private func check(_ bytes: ArraySlice<UInt8>, splitSeed: UInt8) -> Int? {
    let whole = outcome(of: parser.parse(Array(bytes)))
    if case .complete(let consumed) = whole {
        guard consumed > 0, consumed <= bytes.count else {
            violated("consumed \(consumed) outside 1...\(bytes.count)", bytes)
        }
    }

    // The same bytes arriving in two reads: the first read sees a prefix.
    let split = bytes.isEmpty ? 0 : Int(splitSeed) % (bytes.count + 1)
    let prefix = outcome(of: parser.parse(Array(bytes.prefix(split))))
    switch (prefix, whole) {
    case (.complete(let a), .complete(let b)) where a == b:
        break
    case (.complete(let a), _):
        violated("prefix of \(split) bytes is complete(\(a)) but the whole is \(whole)", bytes)
    case (.incomplete, _):
        // A prefix may always lack bytes; but once the whole is complete within the prefix, it must be complete.
        if case .complete(let consumed) = whole, consumed <= split {
            violated("prefix of \(split) bytes is incomplete though the request ends at \(consumed)", bytes)
        }
    case (.invalid, .invalid):
        break
    case (.invalid, _):
        violated("prefix of \(split) bytes is invalid but the whole is \(whole): a read split rejects a valid request", bytes)
    }

    if case .complete(let consumed) = whole {
        // The request alone, without whatever follows it, parses to the same length.
        let alone = outcome(of: parser.parse(Array(bytes.prefix(consumed))))
        guard alone == whole else {
            violated("the first \(consumed) bytes alone give \(alone), within the whole \(whole)", bytes)
        }
        return consumed
    }
    return nil
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPParser(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: data, count: count))
    let splitSeed = input[0]
    var rest = input[1...]
    for _ in 0..<maxPipelinedRequests {
        guard let consumed = check(rest, splitSeed: splitSeed) else { break }
        rest = rest.dropFirst(consumed)
    }
    return 0
}
