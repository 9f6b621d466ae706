"""Shared test set-up. The environment (data folder, in-process jobs) is prepared by the
``banquan.testing.environment`` plugin before Django starts; ``BANQUAN_DATABASE_URL`` chooses
the database (SQLite by default; CI runs the suite a second time on PostgreSQL)."""

pytest_plugins = ["banquan.testing.fixtures"]
