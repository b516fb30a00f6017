"""Audit: the history of each record, the global log, time travel, and the tamper-evident chain."""
