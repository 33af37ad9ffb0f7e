#!/usr/bin/env bash
# Restore drills on the demo fleet (issue 22): how long a drill takes, and what it costs the clusters
# in statements. Starts the embedded services and the packaged console (docs/bench/packaged.sh, the
# dev ports, so no dev console may be running), gives demo/mysql_tenant a drill policy on the drill
# cluster dr (no pool: each drill creates its unit and pool), runs it by hand N times, alternately to
# the latest point and to a random point of the recoverable window, and prints per drill its
# outcome, the restore's own time (OceanBase's START to FINISH), the whole drill's time (preflight
# to cleanup), the wall time from "run now" to the end, and the statements the console sent to
# the clusters meanwhile: its own (preflight, restore, checks, cleanup: obconsole_cluster_statements_total
# source="other") and the poller's (every round, drill or not: source="poller").
#
#   docs/bench/drill.sh [drills=4] [heap=256m]
#
# DEMO_LATENCY=realistic makes the demo fleet answer as a loaded cluster does and restore at 64 MiB/s.
set -euo pipefail
cd "$(dirname "$0")/../.."
DRILLS=${1:-4}
HEAP=${2:-256m}
WORK=target/bench-drill
rm -rf "$WORK" && mkdir -p "$WORK"

# shellcheck source=docs/bench/packaged.sh
. docs/bench/packaged.sh
build_and_start_console

API=http://localhost:8080/api/v1
# access tokens live 2 minutes (the realm's setting): a fresh one per call
token() {
  curl -sf -d grant_type=password -d client_id=obconsole-cli -d username=ada -d password=ada \
    http://localhost:8180/realms/obconsole/protocol/openid-connect/token | jq -r .access_token
}
api() { curl -sf -H "Authorization: Bearer $(token)" -H 'Content-Type: application/json' "$@"; }
statements() {
  curl -sf http://localhost:9000/q/metrics \
    | sed -n "s/^obconsole_cluster_statements_total{source=\"$1\"} \([0-9.]*\)$/\1/p" | cut -d. -f1
}

# the fleet has read mysql_tenant's backups (its recoverable window) before the first drill
for _ in $(seq 1 120); do
  api "$API/clusters/demo/tenants/mysql_tenant/recoverable-window" | jq -e .restorable > /dev/null 2>&1 && break
  sleep 1
done

echo "drill  point   outcome  restore_s  drill_s  wall_s  restored_MiB  console_statements  poller_statements"
for i in $(seq 1 "$DRILLS"); do
  point=$([ $((i % 2)) = 1 ] && echo LATEST || echo RANDOM)
  api -X PUT "$API/drill-policies/demo/mysql_tenant" -d "{\"schedule\": {\"days\": [\"SUN\"], \"time\": \"04:00\"},
    \"timeZone\": \"UTC\", \"drillCluster\": \"dr\", \"point\": \"$point\", \"timeLimit\": \"PT30M\"}" > /dev/null
  other0=$(statements other); poller0=$(statements poller)
  start=$(date +%s.%N)
  run=$(api -X POST "$API/drill-policies/demo/mysql_tenant/run" | jq -r '.[0].id')
  for _ in $(seq 1 3600); do
    last=$(api "$API/drills/demo/mysql_tenant" | jq -c ".[] | select(.id == $run)") || { sleep 1; continue; }
    state=$(jq -r .state <<<"$last")
    [[ $state == PROVEN || $state == FAILED ]] && break
    sleep 1
  done
  wall=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  other=$(( $(statements other) - other0 )); poller=$(( $(statements poller) - poller0 ))
  jq -r --arg i "$i" --arg p "$point" --arg w "$wall" --arg o "$other" --arg q "$poller" \
    '[$i, $p, .state, (.restoreSeconds // "-"), (if .startedAt and .endedAt then ((.endedAt | sub("\\.[0-9]+"; "") | fromdate) - (.startedAt | sub("\\.[0-9]+"; "") | fromdate)) else "-" end), $w,
      (if .restoredBytes then (.restoredBytes / 1048576 | floor) else "-" end), $o, $q] | @tsv' <<<"$last"
  [[ $state == FAILED ]] && jq -r '"  failure: " + .failure' <<<"$last"
done
echo "demo latency: ${DEMO_LATENCY:-default}; statements counted while each drill ran, from its run to its end"
