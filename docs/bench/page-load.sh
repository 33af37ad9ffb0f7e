#!/usr/bin/env bash
# Page loads against the packaged console in its own JVM (issue 10): N signed-in people load the
# overview, a tenant page and the Jobs page for S seconds, and in the same run a static asset of
# the same server; prints p50/p99 per page, their ratio to the static asset, and the statements
# the clusters received per page view (goal 0: pages read the fleet read model). Starts the
# embedded services (demo fleet, MariaDB and Keycloak on the dev ports, so no dev console may be
# running) in a JVM of their own and the built console with the dev profile against them
# (docs/bench/packaged.sh), and keeps a backup running on the demo cluster meanwhile.
#
#   docs/bench/page-load.sh [people=100] [seconds=60] [heap=256m]
#
# LONG_HISTORY=sets,pieces, when set, gives mysql_tenant years of backups first (see below).
# DEMO_LATENCY, when set, is passed to the demo fleet as -Dconsole.embedded.demo.latency (e.g.
# realistic: GV$ views and backup-set files answer in tens to hundreds of ms).
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE=${1:-100}
SECONDS_RUN=${2:-60}
HEAP=${3:-256m}
WORK=target/bench-pages
rm -rf "$WORK" && mkdir -p "$WORK"

# shellcheck source=docs/bench/packaged.sh
. docs/bench/packaged.sh
build_and_start_console

# a backup of mysql_tenant whenever none runs (9036 otherwise, ignored): pages show a running job
( while true; do
    mariadb -h 127.0.0.1 -P 2881 -u root@sys -pdemo --skip-ssl -e 'ALTER SYSTEM BACKUP TENANT = mysql_tenant' > /dev/null 2>&1 || true
    sleep 5
  done ) &
BACKUPS=$!
OTHERS="$OTHERS $BACKUPS"

# LONG_HISTORY=5000,50000: mysql_tenant gets that many backup sets over that many hourly archive
# pieces (CALL demo.long_history) before the load, and the load waits until its page shows them
BENCH_OPTS=()
if [ -n "${LONG_HISTORY:-}" ]; then
  mariadb -h 127.0.0.1 -P 2881 -u root@sys -pdemo --skip-ssl \
    -e "CALL demo.long_history('mysql_tenant', ${LONG_HISTORY%%,*}, ${LONG_HISTORY##*,})"
  BENCH_OPTS=("-Dbench.tenantPageShows=backup sets (")
fi

java -Xmx512m ${BENCH_OPTS[@]+"${BENCH_OPTS[@]}"} -cp "target/test-classes:target/classes:$(cat "$WORK/classpath.txt")" io.obconsole.web.PageLoadBench \
  http://localhost:8080 http://localhost:9000 "$PEOPLE" "$SECONDS_RUN" ada,vera,olga,otto | tee "$WORK/result.txt"
