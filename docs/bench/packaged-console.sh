#!/usr/bin/env bash
# The packaged console alone in its own JVM, as deployed, while N watchers follow live progress
# (the in-process ProgressBenchmark also counts query rounds, but its JVM holds the test harness
# too). The package holds no demo, so the embedded services (demo fleet on 2881-2883, audit MariaDB
# on 3316, Keycloak on 8180: the dev ports, so no dev console may be running) start in a JVM of
# their own and the console runs against them with the dev profile (docs/bench/packaged.sh). Signs
# in four people, keeps backups running on the demo cluster with the mariadb client, opens the
# watchers with the benchmark client in a JVM of its own and prints the console's peak VmRSS and
# latency; with the sockets still open, a heap histogram (jcmd GC.class_histogram, which runs a
# full GC first: its total is the live heap) lands in target/bench-memory/histogram.txt and the
# per-watcher memory is printed (peak RSS and live heap, each divided by the watchers). Then the
# same client against the floor (a bare broadcast server at the same message size and rate, in its
# own JVM) and the console's figures as ratios to it.
#
#   docs/bench/packaged-console.sh [watchers=5000] [seconds=60] [heap=256m]
#
# The default heap is what -XX:MaxRAMPercentage=50 (docker/Dockerfile.jvm) gives in a 512 MiB
# container, and Serial GC is what the JVM picks there by itself (under 1792 MiB it is not a
# "server-class machine"); the console runs with the image's JVM options (docs/bench/packaged.sh).
# CONSOLE_JAVA_OPTS replaces them (with -XX:NativeMemoryTracking=summary the breakdown lands in
# target/bench-memory/native-memory.txt); HEAP_DUMP=1 also writes a heap dump with the watchers open
# (target/bench-memory/watchers.hprof).
set -euo pipefail
cd "$(dirname "$0")/../.."
WATCHERS=${1:-5000}
SECONDS_RUN=${2:-60}
HEAP=${3:-256m}
WORK=target/bench-memory
rm -rf "$WORK" && mkdir -p "$WORK"

# shellcheck source=docs/bench/packaged.sh
. docs/bench/packaged.sh
build_and_start_console

# the watchers are four people (several tabs each); the client fetches their tokens and renews them
# (they live two minutes), as their browsers' sessions would
PEOPLE=ada,vera,otto,olga

# a backup of every tenant whenever none runs (9036 "Backup is in progress" otherwise, ignored)
( while true; do
    mariadb -h 127.0.0.1 -P 2881 -u root@sys -pdemo --skip-ssl -e 'ALTER SYSTEM BACKUP DATABASE' > /dev/null 2>&1 || true
    sleep 5
  done ) &
BACKUPS=$!
OTHERS="$OTHERS $BACKUPS"

# the console before any watcher: resident memory, and live heap after a full GC
IDLE_RSS=$(awk '/VmRSS/ {print $2}' /proc/$CONSOLE/status)
jcmd $CONSOLE GC.class_histogram > "$WORK/histogram-idle.txt"
IDLE_LIVE=$(awk '/^Total/ {print $3}' "$WORK/histogram-idle.txt")
PEAK=0
( exec java -Xmx512m -Dbench.hold-open=true -Dbench.realm=http://localhost:8180/realms/obconsole -cp "target/test-classes:target/classes:$(cat "$WORK/classpath.txt")" \
    io.obconsole.progress.BenchClient 127.0.0.1 8080 /ws/progress "$WATCHERS" "$SECONDS_RUN" "$PEOPLE" > "$WORK/client.log" 2>&1 ) &
CLIENT=$!
OTHERS="$OTHERS $CLIENT"
while kill -0 $CLIENT 2>/dev/null && ! grep -qs BENCH-RESULT "$WORK/client.log"; do
  RSS=$(awk '/VmRSS/ {print $2}' /proc/$CONSOLE/status)
  [ "$RSS" -gt "$PEAK" ] && PEAK=$RSS
  sleep 1
done
CONSOLE_RESULT=$(grep BENCH-RESULT "$WORK/client.log" | cut -d' ' -f2-) || { echo "client printed no result, see $WORK/client.log"; exit 1; }
# the watchers are still connected: the live heap they hold, after a full GC
jcmd $CONSOLE GC.class_histogram > "$WORK/histogram.txt"
LIVE=$(awk '/^Total/ {print $3}' "$WORK/histogram.txt")
if [ -n "${HEAP_DUMP:-}" ]; then
  jcmd $CONSOLE GC.heap_dump "$PWD/$WORK/watchers.hprof" > /dev/null
fi
if [[ "${CONSOLE_JAVA_OPTS:-}" == *NativeMemoryTracking* ]]; then
  jcmd $CONSOLE VM.native_memory summary > "$WORK/native-memory.txt" || true
fi
kill $CLIENT $BACKUPS $CONSOLE 2>/dev/null || true
# a console that thrashes may take minutes to stop: it gets 30 s
for _ in $(seq 1 30); do kill -0 $CONSOLE 2>/dev/null || break; sleep 1; done
kill -9 $CONSOLE 2>/dev/null || true
wait $CLIENT $CONSOLE 2>/dev/null || true
kill $SERVICES 2>/dev/null || true
wait $SERVICES 2>/dev/null || true
CLIENT= BACKUPS= CONSOLE= SERVICES=

field() { echo "$1" | sed -E "s/.*\"$2\":([0-9.]+).*/\1/"; }
SIZE=$(( $(field "$CONSOLE_RESULT" averageBytes) - 60 ))
RATE=$(awk -v m="$(field "$CONSOLE_RESULT" messagesPerSecond)" -v w="$WATCHERS" 'BEGIN { printf "%.3f", m / w }')
java -cp "target/test-classes:target/classes:$(cat "$WORK/classpath.txt")" io.obconsole.progress.BenchFloor "$SIZE" "$RATE" > "$WORK/floor.log" 2>&1 &
FLOOR=$!
OTHERS="$OTHERS $FLOOR"
for _ in $(seq 1 30); do grep -qs FLOOR-PORT "$WORK/floor.log" && break; sleep 1; done
FLOOR_PORT=$(grep FLOOR-PORT "$WORK/floor.log" | cut -d' ' -f2)
java -Xmx512m -cp "target/test-classes:target/classes:$(cat "$WORK/classpath.txt")" io.obconsole.progress.BenchClient \
  127.0.0.1 "$FLOOR_PORT" / "$WATCHERS" "$SECONDS_RUN" > "$WORK/floor-client.log" 2>&1
kill $FLOOR
FLOOR=
FLOOR_RESULT=$(grep BENCH-RESULT "$WORK/floor-client.log" | cut -d' ' -f2-)

echo "console: $CONSOLE_RESULT"
echo "floor:   $FLOOR_RESULT (message $SIZE bytes, $RATE per watcher per second)"
for p in p50ms p95ms p99ms messagesPerSecond; do
  awk -v n="$p" -v c="$(field "$CONSOLE_RESULT" $p)" -v f="$(field "$FLOOR_RESULT" $p)" \
    'BEGIN { printf "%s: console %.1f, floor %.1f, ratio x%.2f\n", n, c, f, c / f }'
done
grep -E 'BENCH-(OPENED|FAILED|TOKEN)' "$WORK/client.log" || true
echo "console alone (packaged, heap $HEAP, $WATCHERS watchers): peak VmRSS $((PEAK / 1024)) MiB, live heap after a full GC $((LIVE / 1048576)) MiB"
echo "per watcher: peak VmRSS $((PEAK * 1024 / WATCHERS)) bytes, live heap $((LIVE / WATCHERS)) bytes" \
  "(above the console without watchers, VmRSS $((IDLE_RSS / 1024)) MiB and live heap $((IDLE_LIVE / 1048576)) MiB:" \
  "$(( (PEAK - IDLE_RSS) * 1024 / WATCHERS )) and $(( (LIVE - IDLE_LIVE) / WATCHERS )) bytes)"
echo "heap histogram with the watchers open, top 10 (all of it in $WORK/histogram.txt):"
sed -n 2,13p "$WORK/histogram.txt"
