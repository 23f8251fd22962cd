import Foundation
import NIOCore
import NIOPosix

/// Plain SMTP (RFC 5321) to a relay: EHLO, MAIL FROM, RCPT TO, DATA, QUIT. Meant for a mail server on the same
/// host or network (a local relay that does TLS and authentication onward); it sends no password itself.
public struct SMTPMailer: Mailer {
    public let host: String
    public let port: Int
    public let from: String

    public init(host: String, port: Int, from: String) {
        self.host = host
        self.port = port
        self.from = from
    }

    public func send(to recipient: String, subject: String, body: String) async throws {
        guard !(recipient + from).contains(where: { $0 == "\r" || $0 == "\n" || $0 == "<" || $0 == ">" }) else {
            throw MailError("an address holds a line break or angle bracket")
        }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = SMTPReplies(inbound.makeAsyncIterator())
            try await replies.expect(220)
            for (command, code) in [
                ("EHLO backcoach", [250]), ("MAIL FROM:<\(from)>", [250]), ("RCPT TO:<\(recipient)>", [250, 251]), ("DATA", [354]),
            ] {
                try await outbound.write(ByteBuffer(string: command + "\r\n"))
                try await replies.expect(oneOf: code)
            }
            try await outbound.write(ByteBuffer(string: Self.message(from: from, to: recipient, subject: subject, body: body)))
            try await replies.expect(250)
            try await outbound.write(ByteBuffer(string: "QUIT\r\n"))
            try? await replies.expect(221)
        }
    }

    /// Headers, a blank line and the body, with CRLF line ends and dot-stuffing, ended by a lone dot.
    static func message(from: String, to: String, subject: String, body: String) -> String {
        let date = Date().formatted(.iso8601)
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        return
            ([
                "From: BackCoach <\(from)>", "To: <\(to)>", "Subject: \(subject)", "Date: \(date)", "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
            ] + lines + ["."]).joined(separator: "\r\n") + "\r\n"
    }
}

/// Reads SMTP replies line by line: "250-…" lines continue a reply, "250 …" ends it.
struct SMTPReplies {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending = ""

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
        self.iterator = iterator
    }

    mutating func line() async throws -> String {
        while true {
            if let end = pending.range(of: "\r\n") {
                let line = String(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                return line
            }
            guard let buffer = try await iterator.next() else { throw MailError("the mail server closed the connection") }
            pending += String(buffer: buffer)
        }
    }

    mutating func expect(_ code: Int) async throws { try await expect(oneOf: [code]) }

    mutating func expect(oneOf codes: [Int]) async throws {
        while true {
            let line = try await line()
            guard line.count >= 3, let got = Int(line.prefix(3)) else { throw MailError("the mail server said \(line.prefix(80))") }
            if line.dropFirst(3).first == "-" { continue }
            guard codes.contains(got) else { throw MailError("the mail server answered \(line.prefix(80))") }
            return
        }
    }
}
