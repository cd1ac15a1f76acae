// GenAuthEvents: subscriptions to GenAuth's event centre, shared by both clients (which re-export it). Built with the
// package trait `Events` only: every file is inside `#if Events`, so that without the trait the target is empty and
// nothing of SwiftNIO is built.
//
// EventSubscription (the AsyncSequence an app iterates) → SubscriptionSession (one iteration: reconnections and the
// waits between them) → WebSocketDialer (one dial: the NIO bootstrap, TLS, the upgrade, its refusal) →
// EventConnection (one open socket: its messages in order, then how it ended).
