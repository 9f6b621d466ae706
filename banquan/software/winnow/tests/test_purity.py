"""The fingerprinting package imports no Django: it runs in workers and benchmarks as it is."""

import os
import subprocess
import sys


def test_winnow_imports_without_django():
    code = ("import sys, banquan.software.winnow, banquan.software.winnow.store; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "[]"
