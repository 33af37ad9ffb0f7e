# Shared by the benchmarks that run the packaged console (source it; not a script of its own).
# build_and_start_console: packages the console, writes the test classpath to $WORK/classpath.txt,
# starts the embedded services in a JVM of their own (io.obconsole.demo.launch.EmbeddedServicesMain
# from target/demo-classes, where the package step moved the demo: the audit MariaDB on 3316, the
# demo fleet on 2881-2884 (its state fresh, in $WORK/demo: the dev console's .embedded is left alone) and Keycloak on 8180, the dev ports; SERVICES_JAVA_OPTS adds options to
# that JVM) and sets SERVICES; then starts the packaged console (target/quarkus-app, which holds no
# demo) with the dev profile against them, with heap $HEAP, sets CONSOLE and waits until it is
# ready, with the JVM options of the image (docker/Dockerfile.jvm: its JAVA_OPTS, an explicit -Xmx
# taking the place of its share of the container, and its MALLOC_ARENA_MAX). CONSOLE_JAVA_OPTS
# replaces those options; extra arguments are passed to the console's JVM.
# Sourcing it sets an EXIT trap that stops the console, the caller's own background processes
# (their pids in OTHERS) and the services (SIGTERM: the services stop MariaDB and Keycloak on their
# way out). DEMO_LATENCY, when set, is the demo fleet's latency profile (e.g. realistic).
# build_console and start_console are its two halves, for a benchmark that starts the services and
# the console more than once (stop_all stops them) on one build.
CONSOLE=
SERVICES=
OTHERS=
# the image's JVM options and malloc arenas, read from its recipe so the benchmarks measure what ships
IMAGE_JAVA_OPTS=$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' docker/Dockerfile.jvm)
IMAGE_MALLOC_ARENA_MAX=$(sed -n 's/^ENV MALLOC_ARENA_MAX=\([0-9]*\)$/\1/p' docker/Dockerfile.jvm)
stop_all() {
  # shellcheck disable=SC2086 # pid lists, word-split on purpose
  kill $OTHERS $CONSOLE $SERVICES 2>/dev/null || true
  [ -z "$CONSOLE" ] || wait $CONSOLE 2>/dev/null || true
  [ -z "$SERVICES" ] || wait $SERVICES 2>/dev/null || true
  CONSOLE= SERVICES= OTHERS=
}
trap stop_all EXIT

build_and_start_console() {
  build_console
  start_console "$@"
}

build_console() {
  ./mvnw -q -B -ntp package -DskipTests
  ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"
}

start_console() {
  if [ -n "${DEMO_LATENCY:-}" ]; then
    SERVICES_JAVA_OPTS="${SERVICES_JAVA_OPTS:-} -Dconsole.embedded.demo.latency=$DEMO_LATENCY"
  fi
  # shellcheck disable=SC2086 # SERVICES_JAVA_OPTS: extra JVM options, word-split on purpose
  java -Xmx256m ${SERVICES_JAVA_OPTS:-} -Dconsole.embedded.keycloak.home=target/keycloak \
    -Dconsole.embedded.audit-db.data-dir="$WORK/audit-db" -Dconsole.embedded.audit-db.fresh=true \
    -Dconsole.embedded.demo.state-file="$WORK/demo/demo-cluster.json" -Dconsole.embedded.demo.fresh=true \
    -cp "target/demo-classes:target/classes:$(cat "$WORK/classpath.txt")" io.obconsole.demo.launch.EmbeddedServicesMain \
    "$PWD/$WORK/demo-fleet.properties" > "$WORK/services.log" 2>&1 &
  SERVICES=$!
  for _ in $(seq 1 600); do
    grep -qs EMBEDDED-SERVICES-READY "$WORK/services.log" && break
    kill -0 $SERVICES 2>/dev/null || { echo "embedded services did not start, see $WORK/services.log"; exit 1; }
    sleep 1
  done
  grep -qs EMBEDDED-SERVICES-READY "$WORK/services.log" || { echo "embedded services not ready, see $WORK/services.log"; exit 1; }
  # shellcheck disable=SC2086 # CONSOLE_JAVA_OPTS: extra JVM options, word-split on purpose
  MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-$IMAGE_MALLOC_ARENA_MAX} \
  java ${CONSOLE_JAVA_OPTS:-$IMAGE_JAVA_OPTS} -Xmx"$HEAP" -Dquarkus.profile=dev -Dconsole.embedded.enabled=false \
    -Dquarkus.config.locations="$PWD/$WORK/demo-fleet.properties" -Dquarkus.log.level=WARN "$@" \
    -jar target/quarkus-app/quarkus-run.jar > "$WORK/console.log" 2>&1 &
  CONSOLE=$!
  for _ in $(seq 1 600); do
    curl -sf http://localhost:9000/q/health/ready > /dev/null && break
    kill -0 $CONSOLE 2>/dev/null || { echo "console did not start, see $WORK/console.log"; exit 1; }
    sleep 1
  done
  curl -sf http://localhost:9000/q/health/ready > /dev/null || { echo "console not ready, see $WORK/console.log"; exit 1; }
}
