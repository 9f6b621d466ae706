"""The builder and checker import no Django: the caller passes fonts, settings and the screener."""

import os
import subprocess
import sys


def test_softcopy_imports_without_django():
    code = ("import sys, banquan.software.softcopy, banquan.software.softcopy.check, "
            "banquan.software.softcopy.documents, banquan.software.softcopy.objectcode; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "[]"
