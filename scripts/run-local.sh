#!/usr/bin/env bash
# Runs the whole system on this machine, without containers: camera emulator (sample images), inference
# (sample model), backend (sample pattern) and the operator UI at http://127.0.0.1:8080. Ctrl-C stops all.
#   scripts/run-local.sh           build what is missing, then run
#   scripts/run-local.sh --build   rebuild first
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

JAVA_HOME="$("$ROOT/scripts/find-jdk.sh")"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

modules=(camera-adapter-mock inference backend frontend)
need_build=false
[ "${1:-}" = "--build" ] && need_build=true
for m in "${modules[@]}"; do
  [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || need_build=true
done
if $need_build; then
  echo "Building (first run takes a few minutes)..."
  ./mvnw -q -B install -DskipTests
fi

LOGS="$ROOT/.run/logs"
mkdir -p "$LOGS"
pids=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
}
trap stop_all INT TERM EXIT

start() { # module port -D options...
  local module="$1" port="$2"
  shift 2
  "$JAVA" -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 "$@" \
    -jar "$module/target/quarkus-app/quarkus-run.jar" >"$LOGS/$module.log" 2>&1 &
  pids+=($!)
}

wait_ready() { # name port
  local name="$1" port="$2"
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then
      echo "  $name ready on http://127.0.0.1:$port"
      return 0
    fi
    sleep 0.5
  done
  echo "  $name did not become ready; see $LOGS/$name.log" >&2
  tail -20 "$LOGS/$name.log" >&2
  return 1
}

echo "Starting services (logs in .run/logs)..."
start camera-adapter-mock 5050 -Dcamera.images-dir="$ROOT/samples/images"
start inference 5052 -Dinference.models-dir="$ROOT/samples/models"
wait_ready camera-adapter-mock 5050
wait_ready inference 5052
start backend 5051 -Dbackend.patterns.path="$ROOT/samples/patterns" \
  -Dquarkus.rest-client.camera.url=http://127.0.0.1:5050 -Dquarkus.rest-client.inference.url=http://127.0.0.1:5052
wait_ready backend 5051
start frontend 8080 -Dquarkus.rest-client.backend.url=http://127.0.0.1:5051
wait_ready frontend 8080

cat <<MSG

Visual inspection is running:
  Operator UI     http://127.0.0.1:8080      (press Trigger: the camera cycles through samples/images)
  Backend API     http://127.0.0.1:5051/q/swagger-ui
  Inference       http://127.0.0.1:5052/q/swagger-ui
  Camera emulator http://127.0.0.1:5050/q/swagger-ui
Press Ctrl-C to stop.
MSG
wait
