"""Loaded with ``-p banquan.testing.environment`` (see pyproject.toml) so that it runs before
pytest-django imports the settings: an isolated data folder and in-process jobs."""

import os
import tempfile

os.environ.setdefault("BANQUAN_DATA_DIR", tempfile.mkdtemp(prefix="banquan-test-"))
os.environ["BANQUAN_JOBS"] = "immediate"
os.environ.setdefault("BANQUAN_BASE_URL", "http://testserver")
# Threads in tests (live server, concurrency tests) must not keep connections past their
# request, or PostgreSQL refuses to drop the test database at the end.
os.environ.setdefault("BANQUAN_DB_CONN_MAX_AGE", "0")
