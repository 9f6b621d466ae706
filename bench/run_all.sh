#!/usr/bin/env bash
# Run both benchmarks on SQLite and on PostgreSQL, one after the other (never in parallel:
# they would measure each other). Takes about 15 minutes on 2 cores.
#
#   bench/run_all.sh                 # SQLite, then PostgreSQL at $BANQUAN_BENCH_PG_URL
#   SKIP_PG=1 bench/run_all.sh       # SQLite only
#   bench/run_all.sh 2>&1 | tee /tmp/bench.txt
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
PG_URL=${BANQUAN_BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432/banquan_bench}

echo "banquan benchmarks — $(date -Iseconds), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
run() {  # run <database label> <script>
  echo
  echo "=== $2 on $1 ==="
  "$PY" "bench/$2.py"
}

unset BANQUAN_DATABASE_URL
run SQLite submission_throughput
run SQLite verify_latency

if [ -n "${SKIP_PG:-}" ]; then
  echo; echo "PostgreSQL skipped (SKIP_PG is set)."
  exit 0
fi
if ! "$PY" -c "import psycopg, sys; psycopg.connect(sys.argv[1].rsplit('/', 1)[0] + '/postgres').close()" "$PG_URL" 2>/dev/null; then
  echo; echo "PostgreSQL skipped: cannot connect to ${PG_URL%/*}/postgres."
  exit 0
fi
export BANQUAN_DATABASE_URL=$PG_URL
run PostgreSQL submission_throughput
run PostgreSQL verify_latency
