"""Storage: tables, engines (SQLite file | PostgreSQL URL), migrations, repositories and search.

Only ``cotheme.services`` (and wiring code) may import this package.
"""
