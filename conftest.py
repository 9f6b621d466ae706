"""Test set-up shared by every test: an isolated data folder, jobs run in-process, and a
fixed clock. ``BANQUAN_DATABASE_URL`` chooses the database (SQLite by default; CI runs the
suite a second time on PostgreSQL)."""

import os
import tempfile

_data = tempfile.mkdtemp(prefix="banquan-test-")
os.environ.setdefault("BANQUAN_DATA_DIR", _data)
os.environ["BANQUAN_JOBS"] = "immediate"
os.environ.setdefault("BANQUAN_BASE_URL", "http://testserver")

pytest_plugins = ["banquan.testing.fixtures"]
