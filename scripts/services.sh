# Starting the services from their built jars on this machine; sourced by run-local.sh and run-benchmarks.sh.
# Needs ROOT (the checkout) and LOGS (a folder for the logs) set; fills the array `pids`.

JAVA_HOME="$("$ROOT/scripts/find-jdk.sh")"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
pids=()

stop_services() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}

# start_service module port [-Dname=value...]: runs the module's jar on 127.0.0.1:port, logging to LOGS.
start_service() {
  local module="$1" port="$2"
  shift 2
  "$JAVA" -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 "$@" \
    -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" >"$LOGS/$module.log" 2>&1 &
  pids+=($!)
}

# wait_ready port: waits up to 60 s for the service's readiness; prints how many milliseconds it took.
wait_ready() {
  local port="$1" t0
  t0=$(date +%s%N)
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then
      echo $(( ($(date +%s%N) - t0) / 1000000 ))
      return 0
    fi
    sleep 0.05
  done
  return 1
}
