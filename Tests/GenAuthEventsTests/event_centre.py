"""A stand-in for GenAuth's event centre, for the tests of GenAuthEvents: Python's `websockets` (not our code) on
127.0.0.1, behaving as the scenario named on the command line says.

It prints one JSON object per line on stdout: first {"event": "listening", "port": …}, then what it saw, such as
{"event": "upgrade", "n": 1, "path": …, "query": {…}, "authorization": …} and {"event": "closed", "n": 1, "code": 1000}.
It stops when its stdin closes; before that, a line "cut N" on stdin cuts connection N (scenario `drop`).

Scenarios:
  stream COUNT [BIG]   each connection: COUNT messages {"seq": i, "code": <code>, "n": <connection>}, then one message of
                       BIG bytes if given, then waits for the client to close
  drop                 connection 1: seq 0-2, then a close frame (1001); connection 2: seq 3-5, then, once the test
                       writes "cut 2" on stdin, the TCP connection is cut without one; connection 3: seq 6-8, then waits
  refuse STATUS        answers every upgrade with STATUS and GenAuth's envelope, whose message quotes the credentials
  signed ID SECRET     accepts an upgrade whose authorization is GenAuth's signature of "websocket\n" (HMAC-SHA1,
                       computed here), then sends {"verified": true}; refuses any other with 401
  plain                sends a text frame that is not JSON, a JSON string, a JSON object and a binary frame, then waits
  silent               a TCP server that reads the upgrade request and never answers it
  mute                 a TCP server that completes the WebSocket handshake itself (RFC 6455 §4.2.2), then never
                       answers anything, pings included: a connection that died without a word
  tls                  as `stream 3`, over TLS with a certificate made now (its PEM is in the "listening" line)
"""

import asyncio
import base64
import datetime
import hashlib
import hmac
import http
import ipaddress
import json
import logging
import os
import ssl
import sys
import tempfile
import urllib.parse

from websockets.asyncio.server import serve

logging.disable(logging.CRITICAL)  # websockets logs a cut connection as an error: expected here


def report(event, **fields):
    print(json.dumps({"event": event, **fields}), flush=True)


class Centre:
    def __init__(self, scenario, arguments):
        self.scenario = scenario
        self.arguments = arguments
        self.connections = 0
        self.numbers = {}
        self.cuts = {}

    def cut(self, number):
        """The event set when the test asks for connection `number` to be cut."""
        return self.cuts.setdefault(number, asyncio.Event())

    def process_request(self, connection, request):
        self.connections += 1
        number = self.connections
        self.numbers[id(connection)] = number
        path, _, query = request.path.partition("?")
        fields = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        authorization = request.headers.get("authorization")
        report("upgrade", n=number, path=path, query=fields, authorization=authorization,
               sdk=request.headers.get("x-authing-sdk-version"))
        if self.scenario == "refuse":
            status = int(self.arguments[0])
            credentials = fields.get("token") or authorization or ""
            body = json.dumps({"statusCode": status, "message": f"credentials {credentials} are not valid",
                               "apiCode": 2010, "requestId": f"req-{number}"})
            return connection.respond(http.HTTPStatus(status), body)
        if self.scenario == "signed":
            key_id, secret = self.arguments
            digest = hmac.new(secret.encode(), b"websocket\n", hashlib.sha1).digest()
            expected = f"authing {key_id}:{base64.b64encode(digest).decode()}"
            if authorization != expected:
                return connection.respond(http.HTTPStatus.UNAUTHORIZED, '{"statusCode":401,"message":"bad signature"}')
        return None

    async def handle(self, websocket):
        number = self.numbers.get(id(websocket), 0)
        code = dict(urllib.parse.parse_qsl(websocket.request.path.partition("?")[2])).get("code")
        try:
            if self.scenario in ("stream", "tls"):
                count = int(self.arguments[0]) if self.arguments else 3
                for seq in range(count):
                    await websocket.send(json.dumps({"seq": seq, "code": code, "n": number}))
                if len(self.arguments) > 1:
                    await websocket.send(json.dumps({"big": "x" * int(self.arguments[1])}))
            elif self.scenario == "drop":
                for seq in range(3 * (number - 1), 3 * number):
                    await websocket.send(json.dumps({"seq": seq, "n": number}))
                if number == 1:
                    await websocket.close(1001, "going away")
                elif number == 2:
                    # Cut only once the test has read the messages: a cut that came first could reach the client
                    # before it has finished its side of the upgrade, and take the messages with it.
                    cut = asyncio.ensure_future(self.cut(2).wait())
                    closed = asyncio.ensure_future(websocket.wait_closed())
                    await asyncio.wait([cut, closed], return_when=asyncio.FIRST_COMPLETED)
                    closed.cancel()
                    if cut.done():
                        websocket.transport.abort()
                    else:
                        cut.cancel()
            elif self.scenario == "signed":
                await websocket.send('{"verified": true}')
            elif self.scenario == "plain":
                await websocket.send("hello, this is not JSON")
                await websocket.send('"a JSON string"')
                await websocket.send('{"a": [1, 2.5, null, true]}')
                await websocket.send(b'{"binary": 1}')
            await websocket.wait_closed()
        finally:
            report("closed", n=number, code=websocket.close_code)


async def silent(port_ready):
    async def accept(reader, writer):
        report("accepted")
        try:
            while await reader.read(1024):
                pass
        finally:
            report("closed", code=None)
            writer.close()

    server = await asyncio.start_server(accept, "127.0.0.1", 0)
    port_ready(server.sockets[0].getsockname()[1], None)
    return server


async def mute(port_ready):
    async def accept(reader, writer):
        request = await reader.readuntil(b"\r\n\r\n")
        headers = dict(line.split(": ", 1) for line in request.decode().split("\r\n")[1:] if ": " in line)
        key = {name.lower(): value for name, value in headers.items()}["sec-websocket-key"]
        accept_key = base64.b64encode(hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest())
        writer.write(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     b"Sec-WebSocket-Accept: " + accept_key + b"\r\n\r\n")
        await writer.drain()
        report("upgraded")
        try:
            while await reader.read(1024):
                pass
        finally:
            report("closed", code=None)
            writer.close()

    server = await asyncio.start_server(accept, "127.0.0.1", 0)
    port_ready(server.sockets[0].getsockname()[1], None)
    return server


def certificate():
    """A self-signed certificate for 127.0.0.1 and localhost: (PEM certificate, PEM key)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "genauth-swift test event centre")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    return (cert.public_bytes(serialization.Encoding.PEM).decode(),
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()).decode())


async def main():
    scenario, arguments = sys.argv[1], sys.argv[2:]

    def listening(port, pem):
        report("listening", port=port, certificate=pem)

    centre = Centre(scenario, arguments)
    if scenario == "silent":
        server = await silent(listening)
    elif scenario == "mute":
        server = await mute(listening)
    else:
        tls, pem = None, None
        if scenario == "tls":
            pem, key = certificate()
            tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            with tempfile.TemporaryDirectory() as folder:  # `ssl` loads a certificate from files only
                with open(os.path.join(folder, "cert.pem"), "w") as file:
                    file.write(pem)
                with open(os.path.join(folder, "key.pem"), "w") as file:
                    file.write(key)
                tls.load_cert_chain(os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem"))
        server = await serve(centre.handle, "127.0.0.1", 0, process_request=centre.process_request, ssl=tls,
                             max_size=None)
        listening(server.sockets[0].getsockname()[1], pem)
    # Commands, until the test closes our stdin.
    loop = asyncio.get_running_loop()
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        command, _, argument = line.strip().partition(" ")
        if command == "cut":
            centre.cut(int(argument)).set()
    server.close()
    await server.wait_closed()


asyncio.run(main())
