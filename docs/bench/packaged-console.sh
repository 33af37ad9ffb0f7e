#!/usr/bin/env bash
# The packaged console alone in its own JVM, as deployed, while N watchers follow live progress
# (the in-process ProgressBenchmark also counts query rounds, but its JVM holds the test harness
# too). Starts the built console with the dev profile (embedded demo cluster, MariaDB and
# Keycloak on the dev ports, so no dev console may be running), signs in four people, keeps
# backups running on the demo cluster with the mariadb client, opens the watchers with the
# benchmark client in a JVM of its own and prints the console's peak VmRSS and latency; then the
# same client against the floor (a bare broadcast server at the same message size and rate, in
# its own JVM) and the console's figures as ratios to it.
#
#   docs/bench/packaged-console.sh [watchers=5000] [seconds=60] [heap=256m]
#
# The default heap is what -XX:MaxRAMPercentage=50 (docker/Dockerfile.jvm) gives in a 512 MiB
# container, and Serial GC is what the JVM picks there by itself (under 1792 MiB it is not a
# "server-class machine"), so that is the default here too. CONSOLE_JAVA_OPTS replaces the GC
# option (with -XX:NativeMemoryTracking=summary the breakdown lands in
# target/bench-memory/native-memory.txt).
set -euo pipefail
# NOTE: since the production package leaves the demo out (README, "What the production artifact
# contains"), -Dquarkus.profile=dev below finds no embedded services in it; this script needs the
# demo cluster, MariaDB and Keycloak started beside the console before it works again.
cd "$(dirname "$0")/../.."
WATCHERS=${1:-5000}
SECONDS_RUN=${2:-60}
HEAP=${3:-256m}
WORK=target/bench-memory
rm -rf "$WORK" && mkdir -p "$WORK"

CONSOLE=
BACKUPS=
trap 'kill $CONSOLE $BACKUPS 2>/dev/null || true' EXIT
# shellcheck source=docs/bench/packaged.sh
. docs/bench/packaged.sh
build_and_start_console

token() {
  curl -sf -d grant_type=password -d client_id=obconsole-cli -d username="$1" -d password="$1" \
    http://localhost:8180/realms/obconsole/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
TOKENS="$(token ada),$(token vera),$(token otto),$(token olga)"

# a backup of every tenant whenever none runs (9036 "Backup is in progress" otherwise, ignored)
( while true; do
    mariadb -h 127.0.0.1 -P 2881 -u root@sys -pdemo -e 'ALTER SYSTEM BACKUP DATABASE' > /dev/null 2>&1 || true
    sleep 5
  done ) &
BACKUPS=$!

PEAK=0
( java -Xmx512m -cp "target/test-classes:target/classes:$(cat "$WORK/classpath.txt")" io.obconsole.progress.BenchClient \
    127.0.0.1 8080 /ws/progress "$WATCHERS" "$SECONDS_RUN" "$TOKENS" > "$WORK/client.log" 2>&1 ) &
CLIENT=$!
while kill -0 $CLIENT 2>/dev/null; do
  RSS=$(awk '/VmRSS/ {print $2}' /proc/$CONSOLE/status)
  [ "$RSS" -gt "$PEAK" ] && PEAK=$RSS
  sleep 1
done
if [[ "${CONSOLE_JAVA_OPTS:-}" == *NativeMemoryTracking* ]]; then
  jcmd $CONSOLE VM.native_memory summary > "$WORK/native-memory.txt" || true
fi
CONSOLE_RESULT=$(grep BENCH-RESULT "$WORK/client.log" | cut -d' ' -f2-) || { echo "client printed no result, see $WORK/client.log"; exit 1; }
kill $BACKUPS $CONSOLE 2>/dev/null || true
wait $CONSOLE 2>/dev/null || true

field() { echo "$1" | sed -E "s/.*\"$2\":([0-9.]+).*/\1/"; }
SIZE=$(( $(field "$CONSOLE_RESULT" averageBytes) - 60 ))
RATE=$(awk -v m="$(field "$CONSOLE_RESULT" messagesPerSecond)" -v w="$WATCHERS" 'BEGIN { printf "%.3f", m / w }')
java -cp "target/test-classes:target/classes:$(cat "$WORK/classpath.txt")" io.obconsole.progress.BenchFloor "$SIZE" "$RATE" > "$WORK/floor.log" 2>&1 &
FLOOR=$!
for _ in $(seq 1 30); do grep -qs FLOOR-PORT "$WORK/floor.log" && break; sleep 1; done
FLOOR_PORT=$(grep FLOOR-PORT "$WORK/floor.log" | cut -d' ' -f2)
java -Xmx512m -cp "target/test-classes:target/classes:$(cat "$WORK/classpath.txt")" io.obconsole.progress.BenchClient \
  127.0.0.1 "$FLOOR_PORT" / "$WATCHERS" "$SECONDS_RUN" > "$WORK/floor-client.log" 2>&1
kill $FLOOR
FLOOR_RESULT=$(grep BENCH-RESULT "$WORK/floor-client.log" | cut -d' ' -f2-)

echo "console: $CONSOLE_RESULT"
echo "floor:   $FLOOR_RESULT (message $SIZE bytes, $RATE per watcher per second)"
for p in p50ms p95ms p99ms messagesPerSecond; do
  awk -v n="$p" -v c="$(field "$CONSOLE_RESULT" $p)" -v f="$(field "$FLOOR_RESULT" $p)" \
    'BEGIN { printf "%s: console %.1f, floor %.1f, ratio x%.2f\n", n, c, f, c / f }'
done
echo "console alone (packaged, heap $HEAP, $WATCHERS watchers): peak VmRSS $((PEAK / 1024)) MiB"
