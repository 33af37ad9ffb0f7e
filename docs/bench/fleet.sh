#!/usr/bin/env bash
# The console at the size of a real estate (issue 23): the packaged console (heap 256 MiB, the
# image's sizing) against the demo's four clusters plus a generated fleet of CLUSTERS clusters x
# TENANTS user tenants (fleet-001 ... on ports 3400 ..., every fifth tenant running a long backup),
# all served by one embedded-services JVM (the fake OceanBase: it gets SERVICES_HEAP). First the same
# console against the default fleet alone, for the figures to compare with. Prints:
#   - statements per round per cluster (obconsole_cluster_statements_total{source="poller"} over
#     obconsole_progress_rounds_total), default fleet vs the big one;
#   - rounds late by more than one interval (obconsole_progress_rounds_late_total), per hour;
#   - the console's threads (and the largest groups of them by name);
#   - the read model's memory per tenant: the shallow size of io.obconsole.fleet/cluster objects in a
#     heap histogram (jcmd GC.class_histogram, after a full GC) over the tenants, and the growth of the
#     whole live heap from the default fleet to the big one over the added tenants;
#   - peak RSS (VmHWM) against the bound of 512 MiB;
#   - overview p99 at PEOPLE signed-in people vs a static asset of the same server, in one run
#     (io.obconsole.web.PageLoadBench, as docs/bench/page-load.sh), against the bound of 3x;
#   - one cluster down (CALL demo.unreachable) and one slow (CALL demo.slow, beyond the query timeout)
#     among them: the late rounds of every other cluster meanwhile.
# Uses the dev ports and 3400-3499 (docs/bench/packaged.sh), so no dev console may be running.
#
#   docs/bench/fleet.sh [clusters=100] [tenants=20] [people=100] [window seconds=120]
#
# DEMO_LATENCY=realistic makes every cluster answer as a loaded one does; SERVICES_HEAP (default 4g).
set -euo pipefail
cd "$(dirname "$0")/../.."
CLUSTERS=${1:-100}
TENANTS=${2:-20}
PEOPLE=${3:-100}
WINDOW=${4:-120}
HEAP=256m
WORK=target/bench-fleet
rm -rf "$WORK" && mkdir -p "$WORK"

# shellcheck source=docs/bench/packaged.sh
. docs/bench/packaged.sh
build_console

METRICS=http://localhost:9000/q/metrics
# bounded: a console that thrashes must end the run, not hold it
metrics() { curl -sf -m 30 "$METRICS" > "$WORK/$1.prom"; }
# the sum of a counter over its series in a scrape, those of the clusters in $2 (a regex) left out
sum() {
  awk -v name="$2" -v skip="${3:-^$}" '
    index($0, name "{") == 1 || index($0, name " ") == 1 {
      cluster = $0; sub(/.*cluster="/, "", cluster); sub(/".*/, "", cluster)
      if (cluster !~ skip) total += $NF
    }
    END { printf "%.0f", total }' "$WORK/$1.prom"
}
statements() { sed -n 's/^obconsole_cluster_statements_total{source="poller"} \([0-9.]*\)$/\1/p' "$WORK/$1.prom" | cut -d. -f1; }
live_heap() { jcmd "$CONSOLE" GC.class_histogram > "$WORK/$1-histogram.txt"; awk '/^Total/ {print $3}' "$WORK/$1-histogram.txt"; }
# shallow bytes of the read model's objects (the fleet package and the cluster rows it holds)
model_bytes() { awk '$4 ~ /^io\.obconsole\.(fleet|cluster)\./ {b += $3} END {printf "%.0f", b}' "$WORK/$1-histogram.txt"; }
threads() { awk '/^Threads/ {print $2}' "/proc/$CONSOLE/status"; }
hwm() { awk '/^VmHWM/ {print $2}' "/proc/$CONSOLE/status"; }
# CPU seconds a process has used (user + system)
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) / hz}' "/proc/$1/stat"; }

# one fleet: services and console up, rounds settled, then a quiet window measured; sets the globals
# S_PER_ROUND, LATE, ROUNDS and LIVE for it
measure_quiet() {
  local label=$1
  sleep 30
  metrics "$label-0"
  local console_cpu=$(cpu "$CONSOLE") services_cpu=$(cpu "$SERVICES")
  sleep "$WINDOW"
  metrics "$label-1"
  CPU_CONSOLE=$(( $(cpu "$CONSOLE") - console_cpu ))
  CPU_SERVICES=$(( $(cpu "$SERVICES") - services_cpu ))
  local rounds=$(( $(sum "$label-1" obconsole_progress_rounds_total) - $(sum "$label-0" obconsole_progress_rounds_total) ))
  local stmts=$(( $(statements "$label-1") - $(statements "$label-0") ))
  ROUNDS=$rounds
  S_PER_ROUND=$(awk -v s="$stmts" -v r="$rounds" 'BEGIN { printf "%.2f", r ? s / r : 0 }')
  LATE=$(( $(sum "$label-1" obconsole_progress_rounds_late_total) - $(sum "$label-0" obconsole_progress_rounds_late_total) ))
  LIVE=$(live_heap "$label")
}

# --- the default fleet (the demo's four clusters)
SERVICES_JAVA_OPTS="-Xmx1g" start_console
measure_quiet default
D_CPU="$CPU_CONSOLE / $CPU_SERVICES"
D_S=$S_PER_ROUND D_ROUNDS=$ROUNDS D_LATE=$LATE D_LIVE=$LIVE D_THREADS=$(threads) D_HWM=$(hwm)
D_MODEL=$(model_bytes default)
stop_all

# --- the big fleet
FLEET_CLUSTERS=$((CLUSTERS + 4))
FLEET_TENANTS=$((CLUSTERS * TENANTS + 7))
SERVICES_JAVA_OPTS="-Xmx${SERVICES_HEAP:-4g} -Dconsole.embedded.demo.fleet.clusters=$CLUSTERS -Dconsole.embedded.demo.fleet.tenants=$TENANTS" \
  start_console
measure_quiet fleet
F_CPU="$CPU_CONSOLE / $CPU_SERVICES"
F_S=$S_PER_ROUND F_ROUNDS=$ROUNDS F_LATE=$LATE F_LIVE=$LIVE F_THREADS=$(threads)
F_MODEL=$(model_bytes fleet)
jcmd "$CONSOLE" Thread.print > "$WORK/threads.txt"

# overview p99 at PEOPLE signed-in people vs the static asset (and the other pages, as page-load.sh)
java -Xmx512m -cp "target/test-classes:target/classes:$(cat "$WORK/classpath.txt")" io.obconsole.web.PageLoadBench \
  http://localhost:8080 http://localhost:9000 "$PEOPLE" 60 ada,vera,olga,otto > "$WORK/pages.txt" 2>&1 &
CLIENT=$!
OTHERS="$OTHERS $CLIENT"
# the client waits for every last request: a console that cannot answer gets ten minutes
for _ in $(seq 1 600); do kill -0 $CLIENT 2>/dev/null || break; sleep 1; done
kill $CLIENT 2>/dev/null || true
# where the native memory goes, when the console runs with -XX:NativeMemoryTracking=summary
jcmd "$CONSOLE" VM.native_memory summary > "$WORK/nmt.txt" 2>&1 || true
OVERVIEW_P99=$(awk '$1 == "overview" {print $5}' "$WORK/pages.txt")
STATIC_P99=$(awk '$1 == "static" {print $5}' "$WORK/pages.txt")

# one cluster down and one slower than its query timeout among them; the others' rounds meanwhile
DOWN=fleet-$(printf %03d $(( (CLUSTERS + 1) / 2 )))
SLOW=fleet-$(printf %03d $(( (CLUSTERS + 1) / 2 + 1 )))
mariadb -h 127.0.0.1 -P $((3400 + (CLUSTERS + 1) / 2 - 1)) -u root@sys -pdemo --skip-ssl -e "CALL demo.unreachable($((WINDOW + 60)))"
mariadb -h 127.0.0.1 -P $((3400 + (CLUSTERS + 1) / 2)) -u root@sys -pdemo --skip-ssl -e "CALL demo.slow(20000)"
sleep 30
metrics faults-0
sleep "$WINDOW"
metrics faults-1
FAULTY="^($DOWN|$SLOW)\$"
OTHERS_LATE=$(( $(sum faults-1 obconsole_progress_rounds_late_total "$FAULTY") - $(sum faults-0 obconsole_progress_rounds_late_total "$FAULTY") ))
OTHERS_ROUNDS=$(( $(sum faults-1 obconsole_progress_rounds_total "$FAULTY") - $(sum faults-0 obconsole_progress_rounds_total "$FAULTY") ))
FAULTY_ROUNDS=$(( $(sum faults-1 obconsole_progress_rounds_total) - $(sum faults-0 obconsole_progress_rounds_total) - OTHERS_ROUNDS ))
F_HWM=$(hwm)
F_THREADS_END=$(threads)
mariadb -h 127.0.0.1 -P $((3400 + (CLUSTERS + 1) / 2)) -u root@sys -pdemo --skip-ssl -e "CALL demo.slow(0)" || true
stop_all

per_hour() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n * 3600 / s }'; }
echo
echo "fleet benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, latency ${DEMO_LATENCY:-none}; console heap $HEAP"
printf '%-58s %14s %18s\n' "" "default fleet" "$CLUSTERS x $TENANTS fleet"
printf '%-58s %14s %18s\n' "clusters / user tenants" "4 / 7" "$FLEET_CLUSTERS / $FLEET_TENANTS"
printf '%-58s %14s %18s\n' "statements per round per cluster" "$D_S" "$F_S"
printf '%-58s %14s %18s\n' "rounds in ${WINDOW} s" "$D_ROUNDS" "$F_ROUNDS"
printf '%-58s %14s %18s\n' "rounds late by more than one interval, per hour" "$(per_hour "$D_LATE" "$WINDOW")" "$(per_hour "$F_LATE" "$WINDOW")"
printf '%-58s %14s %18s\n' "CPU s in the window: console / fake fleet (of $((WINDOW * $(nproc))))" "$D_CPU" "$F_CPU"
printf '%-58s %14s %18s\n' "console threads" "$D_THREADS" "$F_THREADS (end: $F_THREADS_END)"
printf '%-58s %14s %18s\n' "live heap after a full GC, MiB" "$((D_LIVE / 1048576))" "$((F_LIVE / 1048576))"
printf '%-58s %14s %18s\n' "read model (fleet, cluster objects, shallow) per tenant, B" "$((D_MODEL / 7))" "$((F_MODEL / FLEET_TENANTS))"
printf '%-58s %14s %18s\n' "live heap growth per added tenant, B" "" "$(( (F_LIVE - D_LIVE) / (FLEET_TENANTS - 7) ))"
printf '%-58s %14s %18s\n' "peak RSS (VmHWM), MiB (bound 512)" "$((D_HWM / 1024))" "$((F_HWM / 1024))"
printf '%-58s %14s %18s\n' "overview p99 / static p99, ms ($PEOPLE people)" "" "$OVERVIEW_P99 / $STATIC_P99"
printf '%-58s %14s %18s\n' "overview p99 over static p99 (bound 3x)" "" \
  "$(awk -v o="$OVERVIEW_P99" -v s="$STATIC_P99" 'BEGIN { printf "%.1fx", (s > 0 ? o / s : 0) }')"
printf '%-58s %14s %18s\n' "$DOWN down, $SLOW slow: the others' late rounds, per hour" "" \
  "$(per_hour "$OTHERS_LATE" "$WINDOW") (of $OTHERS_ROUNDS rounds)"
printf '%-58s %14s %18s\n' "rounds of $DOWN and $SLOW meanwhile" "" "$FAULTY_ROUNDS"
echo
echo "page loads ($WORK/pages.txt):"
grep -E '^(page|overview|tenant|jobs|static|failed|statements)' "$WORK/pages.txt" || cat "$WORK/pages.txt"
if grep -q "committed=" "$WORK/nmt.txt"; then
  echo "native memory after the page loads, committed KB by category ($WORK/nmt.txt):"
  sed -n 's/^-  *\([A-Za-z ]*\) (reserved=[0-9]*KB, committed=\([0-9]*\)KB).*/\2 \1/p' "$WORK/nmt.txt" | sort -rn | head -10
fi
echo "largest thread groups at $CLUSTERS clusters ($WORK/threads.txt):"
sed -n 's/^"\([^"]*\)".*/\1/p' "$WORK/threads.txt" | sed -E 's/[-#]?[0-9]+$//; s/[0-9]+$//' | sort | uniq -c | sort -rn | head -8
