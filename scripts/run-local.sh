#!/usr/bin/env bash
# Runs the whole system on this machine, without containers: camera emulator (sample images), inference
# (sample model), backend (sample pattern) and the operator UI at http://127.0.0.1:8080. Ctrl-C stops all.
#   scripts/run-local.sh           build what is missing, then run
#   scripts/run-local.sh --build   rebuild first
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

LOGS="$ROOT/.run/logs"
mkdir -p "$LOGS"
# shellcheck source=scripts/services.sh
source "$ROOT/scripts/services.sh"

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

stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  stop_services
  echo "Stopped."
}
trap stop_all INT TERM EXIT

ready() { # name port
  local name="$1" port="$2"
  if wait_ready "$port" >/dev/null; then
    echo "  $name ready on http://127.0.0.1:$port"
  else
    echo "  $name did not become ready; see $LOGS/$name.log" >&2
    tail -20 "$LOGS/$name.log" >&2
    return 1
  fi
}

echo "Starting services (logs in .run/logs)..."
start_service camera-adapter-mock 5050 -Dcamera.images-dir="$ROOT/samples/images"
start_service inference 5052 -Dinference.models-dir="$ROOT/samples/models"
ready camera-adapter-mock 5050
ready inference 5052
start_service backend 5051 -Dbackend.patterns.path="$ROOT/samples/patterns" \
  -Dbackend.camera.url=http://127.0.0.1:5050 -Dbackend.inference.url=http://127.0.0.1:5052
ready backend 5051
start_service frontend 8080 -Dquarkus.rest-client.backend.url=http://127.0.0.1:5051
ready frontend 8080

cat <<MSG

Visual inspection is running:
  Operator UI     http://127.0.0.1:8080      (press Trigger: the camera cycles through samples/images)
  Backend API     http://127.0.0.1:5051/q/swagger-ui
  Inference       http://127.0.0.1:5052/q/swagger-ui
  Camera emulator http://127.0.0.1:5050/q/swagger-ui
Press Ctrl-C to stop.
MSG
wait
