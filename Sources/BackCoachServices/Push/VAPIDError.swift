/// Why a VAPID credential could not be made.
enum VAPIDError: Error, Equatable, Sendable {
    /// The push endpoint has no http(s) origin to name as the audience (RFC 8292 §2).
    case endpointHasNoOrigin
    /// The subject is not a `mailto:` or `https:` contact URI (RFC 8292 §2.1).
    case invalidSubject
    /// The expiry is already past, or more than 24 hours ahead (RFC 8292 §2).
    case invalidExpiry
    /// A stored private key is not the 32 octets of a P-256 scalar.
    case invalidPrivateKey
}
