import Foundation
import Testing
@testable import GenAuthAuthentication
import GenAuthTestSupport

/// CAS ticket validation against the loopback server: CAS 1.0's text, CAS 2.0's JSON and XML, success and failure,
/// and XML that a strict reader refuses.
@Suite struct CASTests {
    static func validate(_ version: Int, format: CASResponseFormat = .json, answer: String, status: Int = 200) async throws -> (Result<CASAuthentication, GenAuthError>, LoopbackServer) {
        let server = try LoopbackServer { _ in .respond(status: status, headers: ["content-type": "text/plain"], body: Data(answer.utf8)) }
        let client = AuthenticationClient(options: AuthenticationClientOptions(appId: "app-1", appHost: server.baseURL, accessToken: "user-token"))
        do {
            let user = version == 1
                ? try await client.cas.validateTicketV1(ticket: "ST-secret-ticket", service: "https://example.com/cas?x=1")
                : try await client.cas.validateTicketV2(ticket: "ST-secret-ticket", service: "https://example.com/cas?x=1", format: format)
            return (.success(user), server)
        } catch {
            #expect(!error.description.contains("ST-secret-ticket"))
            return (.failure(error), server)
        }
    }

    @Test func casOneYesAndNo() async throws {
        let (yes, server) = try await Self.validate(1, answer: "yes\nzhang@example.com\n")
        #expect(try yes.get() == CASAuthentication(user: "zhang@example.com"))
        let request = try #require(server.requests.first)
        #expect(request.path == "/cas-idp/app-1/validate")
        #expect(request.query == "service=https%3A%2F%2Fexample.com%2Fcas%3Fx%3D1&ticket=ST-secret-ticket")
        #expect(request.header("authorization") == nil)
        let (crlf, _) = try await Self.validate(1, answer: "yes\r\nli\r\n")
        #expect(try crlf.get().user == "li")

        let (no, _) = try await Self.validate(1, answer: "no\n\n")
        guard case .failure(.cas(let failure)) = no else { Issue.record("expected cas, got \(no)"); return }
        #expect(failure.code == nil)
        #expect(failure.call?.operation == "validateTicketV1")
        let (odd, _) = try await Self.validate(1, answer: "{\"valid\":true}")
        guard case .failure(.undecodableResponse(let decoding)) = odd else { Issue.record("expected undecodable, got \(odd)"); return }
        #expect(decoding.typeName == "CASAuthentication")
        let (yesWithoutUser, _) = try await Self.validate(1, answer: "yes")
        guard case .failure(.undecodableResponse) = yesWithoutUser else { Issue.record("\(yesWithoutUser)"); return }
    }

    @Test func casTwoInJSON() async throws {
        let success = #"{"serviceResponse":{"authenticationSuccess":{"user":"zhang","attributes":{"email":"z@example.com","phone_number_verified":false,"address":{"country":"CN"}}}}}"#
        let (result, server) = try await Self.validate(2, answer: success)
        #expect(try result.get() == CASAuthentication(
            user: "zhang", attributes: ["email": "z@example.com", "phone_number_verified": false, "address": ["country": "CN"]]))
        #expect(server.requests[0].path == "/cas-idp/app-1/serviceValidate")
        #expect(server.requests[0].query?.hasSuffix("&format=JSON") == true)

        let failure = #"{"serviceResponse":{"authenticationFailure":{"code":"INVALID_TICKET","description":"Ticket 不合法"}}}"#
        let (refused, _) = try await Self.validate(2, answer: failure)
        guard case .failure(let error) = refused, case .cas(let cas) = error else { Issue.record("expected cas, got \(refused)"); return }
        #expect(cas.code == "INVALID_TICKET" && cas.message == "Ticket 不合法")
        #expect(error.description == "validateTicketV2 (GET /cas-idp/app-1/serviceValidate): the CAS server refused the ticket (INVALID_TICKET): Ticket 不合法")
        // Neither: GenAuth's envelope, say.
        let (envelope, _) = try await Self.validate(2, answer: #"{"code":200,"message":"ok","data":{}}"#)
        guard case .failure(.undecodableResponse) = envelope else { Issue.record("\(envelope)"); return }
        let (status, _) = try await Self.validate(2, answer: "gateway", status: 502)
        guard case .failure(.httpStatus(let http)) = status else { Issue.record("\(status)"); return }
        #expect(http.statusCode == 502)
    }

    static let successXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- CAS 2.0 -->
        <cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
            <cas:authenticationSuccess>
                <cas:user>zhang &amp; co</cas:user>
                <cas:attributes>
                    <cas:email>z@example.com</cas:email>
                    <cas:memberOf>a</cas:memberOf>
                    <cas:memberOf><![CDATA[b<c>]]></cas:memberOf>
                    <cas:name>&#x5F20;&#19977;</cas:name>
                    <cas:address><cas:country>CN</cas:country></cas:address>
                    <cas:empty/>
                </cas:attributes>
            </cas:authenticationSuccess>
        </cas:serviceResponse>
        """

    @Test func casTwoInXML() async throws {
        let (result, server) = try await Self.validate(2, format: .xml, answer: Self.successXML)
        #expect(try result.get() == CASAuthentication(user: "zhang & co", attributes: [
            "email": "z@example.com", "memberOf": ["a", "b<c>"], "name": "张三", "address": ["country": "CN"], "empty": "",
        ]))
        #expect(server.requests[0].query?.hasSuffix("&format=XML") == true)

        let failure = """
            <cas:serviceResponse xmlns:cas='http://www.yale.edu/tp/cas'>
              <cas:authenticationFailure code="INVALID_TICKET">Ticket 不合法</cas:authenticationFailure>
            </cas:serviceResponse>
            """
        let (refused, _) = try await Self.validate(2, format: .xml, answer: failure)
        guard case .failure(.cas(let cas)) = refused else { Issue.record("expected cas, got \(refused)"); return }
        #expect(cas.code == "INVALID_TICKET" && cas.message == "Ticket 不合法")
    }

    /// XML another library writes (Python's ElementTree), with characters that need escaping, read back the same.
    @Test func xmlWrittenByPythonReadsBack() async throws {
        let script = """
            import xml.etree.ElementTree as ET
            ns = "http://www.yale.edu/tp/cas"
            ET.register_namespace("cas", ns)
            root = ET.Element(f"{{{ns}}}serviceResponse")
            ok = ET.SubElement(root, f"{{{ns}}}authenticationSuccess")
            ET.SubElement(ok, f"{{{ns}}}user").text = "a<b>&\\"c' 用户"
            attrs = ET.SubElement(ok, f"{{{ns}}}attributes")
            for i in range(30):
                ET.SubElement(attrs, f"{{{ns}}}attr{i}").text = f"value {i} & <{i}> \\u00e9"
            print(ET.tostring(root, encoding="unicode"))
            """
        let xml = try await ChildProcess.run(["python3", "-c", script])
        #expect(xml.status == 0, "\(xml.errorOutput)")
        let (result, _) = try await Self.validate(2, format: .xml, answer: xml.output)
        let user = try result.get()
        #expect(user.user == "a<b>&\"c' 用户")
        #expect(user.attributes.count == 30)
        #expect(user.attributes["attr7"] == "value 7 & <7> é")
    }

    @Test(arguments: [
        // Entity expansion and external entities cannot happen: a DTD is refused.
        #"<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"/>"#,
        #"<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>"#,
        #"<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess><cas:user>&xxe;</cas:user></cas:authenticationSuccess></cas:serviceResponse>"#,
        String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000),
        #"<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess>"#,
        #"<serviceResponse><authenticationSuccess><user>u</user></authenticationSuccess></serviceResponse>"#,
        #"<other:serviceResponse xmlns:other="urn:other"><other:authenticationSuccess><other:user>u</other:user></other:authenticationSuccess></other:serviceResponse>"#,
        #"<cas:serviceResponse><cas:authenticationSuccess/></cas:serviceResponse>"#,
        "",
        "\u{0}\u{1}<<<>>>",
    ])
    func hostileOrForeignXMLIsAnUndecodableAnswer(_ answer: String) async throws {
        let (result, _) = try await Self.validate(2, format: .xml, answer: answer)
        guard case .failure(.undecodableResponse(let failure)) = result else { Issue.record("expected undecodable, got \(result)"); return }
        #expect(failure.typeName == "CASAuthentication")
    }
}
