import HTTPTypes
import Hummingbird

/// Security headers on every response: a Content-Security-Policy that allows no inline scripts and no
/// framing, no MIME sniffing, and no referrer leaking private URLs such as the calendar feed.
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    static let policy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
        "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A route with a stricter or different need (the SVG figures) sets its own.
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.policy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let retryAfter = Self("Retry-After")!
}
