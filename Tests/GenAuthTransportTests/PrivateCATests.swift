import Foundation
import GenAuthAuthentication
import GenAuthTestSupport
import Testing
#if AsyncHTTPClient
import AsyncHTTPClient
import GenAuthAsyncHTTPClient
import NIOSSL
#endif

/// A private deployment whose certificate authority is its own: trusted when the app says so, and only then.
/// The server is Python's `ssl`, with a CA and a server certificate made at test time.
@Suite struct PrivateCATests {
    @Test(arguments: [TransportUnderTest.urlSession, .urlSessionOfTheApp])
    func urlSessionRefusesACertificateItsRootsDoNotVouchFor(transport: TransportUnderTest) async throws {
        let server = try await TLSServer()
        let client = Fixtures.authenticationClient(server.baseURL, transport.make())

        let error = try await withHangGuard { await Fixtures.sendSmsError(client) }

        #expect(Fixtures.transportFailure(error)?.kind == .cannotConnect, "\(String(describing: error))")
        #expect(server.requestPaths.isEmpty)
        Fixtures.expectNoSecrets(error)
    }

    #if AsyncHTTPClient
    /// A TLS configuration that trusts only the deployment's CA, as the docs show.
    static func trustingOnly(_ server: TLSServer) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(server.caPEM.utf8)))
        return tls
    }

    @Test func asyncHTTPClientTrustsTheDeploymentsCAWhenConfiguredTo() async throws {
        let server = try await TLSServer()
        let transport = AsyncHTTPClientTransport(
            configuration: HTTPClient.Configuration(tlsConfiguration: try Self.trustingOnly(server)))
        let client = Fixtures.authenticationClient(server.baseURL, transport)

        let response = try await withHangGuard {
            try await client.sendSms(SendSMSDto(phoneNumber: "188xxxx8888", channel: .channelLogin))
        }

        #expect(response.message == "over TLS")
        #expect(server.requestPaths == ["/api/v3/send-sms"])
    }

    @Test func theCAFromAFileAsTheDocsShow() async throws {
        let server = try await TLSServer()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("genauth-ca-\(UUID().uuidString).pem")
        try Data(server.caPEM.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .file(file.path)
        let client = Fixtures.authenticationClient(
            server.baseURL, AsyncHTTPClientTransport(configuration: HTTPClient.Configuration(tlsConfiguration: tls)))

        let response = try await withHangGuard {
            try await client.sendSms(SendSMSDto(phoneNumber: "188xxxx8888", channel: .channelLogin))
        }
        #expect(response.message == "over TLS")
    }

    @Test func asyncHTTPClientRefusesTheDeploymentWithTheSystemsRoots() async throws {
        let server = try await TLSServer()
        let client = Fixtures.authenticationClient(server.baseURL, AsyncHTTPClientTransport())

        let error = try await withHangGuard { await Fixtures.sendSmsError(client) }

        let failure = Fixtures.transportFailure(error)
        #expect(failure?.kind == .cannotConnect)
        #expect(failure?.message.uppercased().contains("CERTIFICATE") == true, "\(String(describing: failure))")
        #expect(server.requestPaths.isEmpty, "nothing was sent to a server the client does not trust")
        Fixtures.expectNoSecrets(error)
    }

    @Test func theHostNameIsStillVerifiedAgainstATrustedCA() async throws {
        // A certificate the trusted CA signed, for another host.
        let server = try await TLSServer(names: ["auth.example.internal"])
        let client = Fixtures.authenticationClient(
            server.baseURL,
            AsyncHTTPClientTransport(configuration: HTTPClient.Configuration(tlsConfiguration: try Self.trustingOnly(server))))

        let error = try await withHangGuard { await Fixtures.sendSmsError(client) }

        #expect(Fixtures.transportFailure(error)?.kind == .cannotConnect, "\(String(describing: error))")
        #expect(server.requestPaths.isEmpty)
        Fixtures.expectNoSecrets(error)
    }
    #endif
}
