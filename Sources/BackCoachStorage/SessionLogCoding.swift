import BackCoachCore
import CZlib
import Foundation

/// How a session's feedback and decisions are kept on disk: the same JSON as before, DEFLATE-compressed against a
/// preset dictionary of what session logs are made of (field names, exercise ids and titles, the rules' sentences),
/// so a typical session of 8 exercises takes about a tenth of its JSON. The sentences are kept as she was shown
/// them, not rebuilt from today's wording. The first byte names the format, so a later dictionary can join this one
/// without rewriting what is stored.
public enum SessionLogCoding {
    public struct Contents: Codable, Equatable, Sendable {
        public let feedback: [ExerciseFeedback]
        public let decisions: [ProgressionDecision]

        public init(feedback: [ExerciseFeedback], decisions: [ProgressionDecision]) {
            self.feedback = feedback
            self.decisions = decisions
        }
    }

    /// Format 1: raw DEFLATE (RFC 1951) of `Contents` as sorted-key JSON, with `SessionLogDictionary.v1` preset.
    static let formatV1: UInt8 = 1

    public static func encode(_ contents: Contents) throws -> Data {
        let json = Array(try JSONText.encode(contents).utf8)
        return Data([formatV1] + (try deflate(json, dictionary: SessionLogDictionary.v1)))
    }

    public static func encode(feedback: [ExerciseFeedback], decisions: [ProgressionDecision]) throws -> Data {
        try encode(Contents(feedback: feedback, decisions: decisions))
    }

    public static func decode(_ data: Data) throws -> Contents {
        guard data.first == formatV1 else { throw JSONText.CorruptValue(column: "log") }
        let json = try inflate(Array(data.dropFirst()), dictionary: SessionLogDictionary.v1)
        return try JSONDecoder().decode(Contents.self, from: Data(json))
    }

    private static func deflate(_ input: [UInt8], dictionary: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard czlib_deflate_init_raw(&stream, Z_BEST_COMPRESSION) == Z_OK else { throw JSONText.CorruptValue(column: "log") }
        defer { deflateEnd(&stream) }
        guard dictionary.withUnsafeBufferPointer({ deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }) == Z_OK else {
            throw JSONText.CorruptValue(column: "log")
        }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        var input = input
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw JSONText.CorruptValue(column: "log") }
        return Array(output.prefix(Int(stream.total_out)))
    }

    private static func inflate(_ input: [UInt8], dictionary: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init_raw(&stream) == Z_OK else { throw JSONText.CorruptValue(column: "log") }
        defer { inflateEnd(&stream) }
        guard dictionary.withUnsafeBufferPointer({ inflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }) == Z_OK else {
            throw JSONText.CorruptValue(column: "log")
        }
        var input = input
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        var status = Z_OK
        try input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while status == Z_OK {
                status = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output += chunk.prefix(chunk.count - Int(stream.avail_out))
                // A stored log is small; anything past a megabyte is not one of ours.
                guard output.count <= 1 << 20 else { throw JSONText.CorruptValue(column: "log") }
            }
        }
        guard status == Z_STREAM_END else { throw JSONText.CorruptValue(column: "log") }
        return output
    }
}
