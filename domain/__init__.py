"""The portfolio's aggregates, events and rules: standard library and eventsourcing.domain only."""
