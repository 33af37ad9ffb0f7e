# Shared by the benchmarks that run the packaged console (source it; not a script of its own).
# build_and_start_console: packages the console, writes the test classpath to $WORK/classpath.txt,
# starts the console (dev profile: embedded demo cluster, MariaDB and Keycloak on the dev ports)
# with heap $HEAP, sets CONSOLE and waits until it is ready. CONSOLE_JAVA_OPTS replaces the GC
# option; extra arguments are passed to the console's JVM.
build_and_start_console() {
  ./mvnw -q -B -ntp package -DskipTests
  ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"
  # shellcheck disable=SC2086 # CONSOLE_JAVA_OPTS: extra JVM options, word-split on purpose
  java -Xmx"$HEAP" ${CONSOLE_JAVA_OPTS:--XX:+UseSerialGC} -Dquarkus.profile=dev -Dconsole.embedded.keycloak.home=target/keycloak \
    -Dconsole.embedded.audit-db.data-dir="$WORK/audit-db" -Dquarkus.log.level=WARN "$@" \
    -jar target/quarkus-app/quarkus-run.jar > "$WORK/console.log" 2>&1 &
  CONSOLE=$!
  for _ in $(seq 1 600); do
    curl -sf http://localhost:9000/q/health/ready > /dev/null && break
    kill -0 $CONSOLE 2>/dev/null || { echo "console did not start, see $WORK/console.log"; exit 1; }
    sleep 1
  done
  curl -sf http://localhost:9000/q/health/ready > /dev/null || { echo "console not ready, see $WORK/console.log"; exit 1; }
}
