import Foundation

/// base64url (RFC 4648 §5) as JWS (RFC 7515 §2, "Base64url Encoding") and PKCE (RFC 7636 §3) use it: the URL-safe
/// alphabet, no line breaks, no whitespace and no `=` padding. Foundation's decoder is not used: it wants padding and the other alphabet, and
/// converting first would accept strings the specification does not.
enum Base64URL {
    /// `bytes` in base64url without padding.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The bytes of `text`, or nil when it is not base64url: a character outside `A–Z a–z 0–9 - _`, a length that
    /// leaves 6 bits over (length ≡ 1 mod 4), or leftover bits that are not zero. RFC 4648 §3.5 lets a decoder
    /// reject those; doing so gives each byte string exactly one encoding, so a token cannot be re-encoded into
    /// another string that validates.
    ///
    /// - Parameter allowingPadding: Whether up to two trailing `=` are ignored: only for the members of a key set
    ///   (RFC 7518 §6.3.1 asks for none, but a server that pads them must not break validation; the key set comes
    ///   from the application's own host, not from the token's bearer).
    static func decode(_ text: Substring.UTF8View, allowingPadding: Bool = false) -> Data? {
        var end = text.endIndex
        if allowingPadding {
            for _ in 0..<2 where end > text.startIndex && text[text.index(before: end)] == UInt8(ascii: "=") {
                end = text.index(before: end)
            }
        }
        let characters = text[text.startIndex..<end]
        guard characters.count % 4 != 1 else { return nil }
        var bytes = Data()
        bytes.reserveCapacity(characters.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for character in characters {
            guard let value = sextet(character) else { return nil }
            buffer = (buffer << 6 | UInt32(value)) & 0xFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        guard buffer & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return bytes
    }

    /// The bytes of `text` (see ``decode(_:allowingPadding:)``).
    static func decode(_ text: String, allowingPadding: Bool = false) -> Data? {
        decode(Substring(text).utf8, allowingPadding: allowingPadding)
    }

    private static func sextet(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): return 62
        case UInt8(ascii: "_"): return 63
        default: return nil
        }
    }
}
