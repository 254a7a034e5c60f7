// Intentionally empty: SwiftPM needs a source file to build a C target.
