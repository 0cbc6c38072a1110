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
# With the module's start-up cache (see train_startup_cache) when there is one for this build of the jar.
start_service() {
  local module="$1" port="$2" cache
  shift 2
  cache="$(startup_cache "$module")"
  local aot=()
  [ -f "$cache" ] && [ "$cache" -nt "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ] && aot=("-XX:AOTCache=$cache")
  "$JAVA" "${aot[@]}" -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 "$@" \
    -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" >"$LOGS/$module.log" 2>&1 &
  pids+=($!)
}

# stop_last_service: stops the service started last and waits until it has exited.
stop_last_service() {
  local pid="${pids[-1]}"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset 'pids[-1]'
}

# The start-up cache of a module's jar: JDK 25's AOT cache (classes loaded and linked, method profiles),
# which cuts the JVM and Quarkus part of a start by about a third.
startup_cache() { # module
  echo "$ROOT/$1/target/quarkus-app/app.aot"
}

# train_startup_cache module port exercise [-Dname=value...]: a training run of the module's jar: starts it
# writing its start-up cache, waits until ready, runs the function `exercise port` (requests as in
# production), stops it; the JVM then writes the cache (about 15 s in all).
train_startup_cache() {
  local module="$1" port="$2" exercise="$3" cache
  shift 3
  cache="$(startup_cache "$module")"
  rm -f "$cache"
  "$JAVA" -XX:AOTCacheOutput="$cache" -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 "$@" \
    -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" >"$LOGS/$module-training.log" 2>&1 &
  local pid=$!
  wait_ready "$port" >/dev/null || { kill "$pid"; echo "training run of $module did not become ready" >&2; return 1; }
  "$exercise" "$port"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  [ -f "$cache" ] || { echo "no start-up cache written for $module; see $LOGS/$module-training.log" >&2; return 1; }
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
