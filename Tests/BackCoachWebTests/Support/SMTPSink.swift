import Foundation
import NIOCore
import NIOPosix

/// A mail server on 127.0.0.1 that accepts everything and keeps each message's text, for tests of what BackCoach
/// sends (the real SMTP exchange, not a stand-in for the client).
final class SMTPSink: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [String] = []
    private(set) var port = 0
    private var task: Task<Void, any Error>?

    var messages: [String] { lock.withLock { received } }

    static func start() async throws -> SMTPSink {
        let sink = SMTPSink()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        sink.port = server.channel.localAddress?.port ?? 0
        sink.task = Task {
            try await server.executeThenClose { connections in
                for try await connection in connections {
                    Task { try? await sink.serve(connection) }
                }
            }
        }
        return sink
    }

    func stop() { task?.cancel() }

    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async throws {
        try await connection.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: "220 sink ready\r\n"))
            var pending = ""
            var data: [String]?
            for try await buffer in inbound {
                pending += String(buffer: buffer)
                while let end = pending.range(of: "\r\n") {
                    let line = String(pending[..<end.lowerBound])
                    pending.removeSubrange(..<end.upperBound)
                    if var lines = data {
                        if line == "." {
                            let message = lines.joined(separator: "\n")
                            lock.withLock { received.append(message) }
                            data = nil
                            try await outbound.write(ByteBuffer(string: "250 queued\r\n"))
                        } else {
                            lines.append(line.hasPrefix("..") ? String(line.dropFirst()) : line)
                            data = lines
                        }
                        continue
                    }
                    let verb = line.prefix(4).uppercased()
                    switch verb {
                    case "EHLO": try await outbound.write(ByteBuffer(string: "250-sink\r\n250 8BITMIME\r\n"))
                    case "DATA":
                        data = []
                        try await outbound.write(ByteBuffer(string: "354 go ahead\r\n"))
                    case "QUIT":
                        try await outbound.write(ByteBuffer(string: "221 bye\r\n"))
                        return
                    default: try await outbound.write(ByteBuffer(string: "250 ok\r\n"))
                    }
                }
            }
        }
    }
}
