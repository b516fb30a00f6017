"""The application: use cases, read models, queries, configuration and the CLI."""
