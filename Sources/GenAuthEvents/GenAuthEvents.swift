// Subscriptions to GenAuth's event centre: built with the package trait `Events` (see the README).
