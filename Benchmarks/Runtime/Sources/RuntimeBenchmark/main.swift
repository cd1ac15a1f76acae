import Foundation
import GenAuth

// The example payloads of the docs, decoded and encoded with the SDK's types and with hand-written
// Codable structs of the same shape (plain String enums). Prints one line per case: name, ops/s of each.

struct HandSendSMSDto: Codable {
    var phoneNumber: String
    var channel: String
    var phoneCountryCode: String?
}

struct HandRespDto: Codable {
    var statusCode: Int
    var message: String
    var apiCode: Int?
    var requestId: String?
}

struct HandLoginTokenRespDto: Codable {
    struct Data: Codable {
        var accessToken: String?
        var idToken: String?
        var refreshToken: String?
        var tokenType: String
        var expireIn: Int

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", idToken = "id_token", refreshToken = "refresh_token"
            case tokenType = "token_type", expireIn = "expire_in"
        }
    }

    var statusCode: Int
    var message: String
    var apiCode: Int?
    var requestId: String?
    var data: Data
}

let smsRequest = Data(#"{"phoneNumber":"188xxxx8888","channel":"CHANNEL_LOGIN","phoneCountryCode":"+86"}"#.utf8)
let smsResponse = Data(#"{"statusCode":200,"message":"操作成功","requestId":"934108e5-9fbf-4d24-8da1-c330328abd6c"}"#.utf8)
let loginResponse = Data(#"{"statusCode":200,"message":"操作成功","requestId":"934108e5-9fbf-4d24-8da1-c330328abd6c","data":{"access_token":"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.xxx","id_token":"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.yyy","refresh_token":"WPsGJbvpBjqXz6IJIr1UHKyrdVF1EsiVtqTVrIYLsmy","token_type":"Bearer","expire_in":1209600}}"#.utf8)

/// Operations per second of `body`, over about `seconds`.
func measure(seconds: Double = 1, _ body: () throws -> Void) rethrows -> Double {
    for _ in 0..<1_000 { try body() }
    var iterations = 0
    let start = ContinuousClock.now
    var elapsed = Duration.zero
    while elapsed < .seconds(seconds) {
        for _ in 0..<1_000 { try body() }
        iterations += 1_000
        elapsed = ContinuousClock.now - start
    }
    return Double(iterations) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

let decoder = JSONDecoder()
let encoder = JSONEncoder()
func report(_ name: String, _ sdk: Double, _ hand: Double) {
    print("\(name)\t\(Int(sdk))\t\(Int(hand))")
}

let sms = try decoder.decode(SendSMSDto.self, from: smsRequest)
let handSMS = try decoder.decode(HandSendSMSDto.self, from: smsRequest)
report("encode SendSMSDto", try measure { _ = try encoder.encode(sms) }, try measure { _ = try encoder.encode(handSMS) })
report("decode SendSMSDto", try measure { _ = try decoder.decode(SendSMSDto.self, from: smsRequest) },
       try measure { _ = try decoder.decode(HandSendSMSDto.self, from: smsRequest) })
report("decode SendSMSRespDto", try measure { _ = try decoder.decode(SendSMSRespDto.self, from: smsResponse) },
       try measure { _ = try decoder.decode(HandRespDto.self, from: smsResponse) })
report("decode LoginTokenRespDto", try measure { _ = try decoder.decode(LoginTokenRespDto.self, from: loginResponse) },
       try measure { _ = try decoder.decode(HandLoginTokenRespDto.self, from: loginResponse) })
