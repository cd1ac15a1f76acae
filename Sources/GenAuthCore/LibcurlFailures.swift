import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What `URLSession` on Linux reports as `URLError.unknown`, classified as Apple's `URLSession` classifies it.
///
/// swift-corelibs-foundation maps only a few of libcurl's error codes to `URLError` codes (a refusal, a reset, a
/// timeout); the others, a body cut short (`CURLE_PARTIAL_FILE`) or a certificate that does not verify
/// (`CURLE_PEER_FAILED_VERIFICATION`) among them, become `.unknown`, with libcurl's message as the description and
/// nothing else. The message is what is left to tell them apart; libcurl's messages are stable, and one it does not
/// recognise stays `.unknown` (`other`), as before.
enum LibcurlFailures {
    static func refined(_ error: URLError) -> any Error {
        #if canImport(FoundationNetworking)
        guard error.code == .unknown else { return error }
        let message = error.localizedDescription
        let text = message.lowercased()
        let lost = [
            "transfer closed", "empty reply from server", "connection reset", "recv failure", "send failure",
            "ssl_read", "ssl_write", "unexpected eof",
        ]
        let refused = ["ssl", "tls", "certificate", "failed to connect", "couldn't connect"]
        if lost.contains(where: text.contains) {
            return HTTPTransportError(kind: .connectionLost, message: message)
        }
        if refused.contains(where: text.contains) {
            return HTTPTransportError(kind: .cannotConnect, message: message)
        }
        #endif
        return error
    }
}
