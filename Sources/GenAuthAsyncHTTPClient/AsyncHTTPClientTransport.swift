// The clients over swift-server/async-http-client: built with the package trait `AsyncHTTPClient` (see the README).
