#!/usr/bin/env bash
# Measures the services against the model's bare session.run time, as recorded in docs/benchmarks.md:
# starts camera emulator, inference and backend on this machine (the camera serving the benchmark images),
# then runs `inspection-tools bench` for each figure and writes the JSON reports to target/benchmarks/; last, the
# INT8 variant of the model (`inspection-tools quantize`) against the original and served.
#   scripts/run-benchmarks.sh            all figures (about 60 minutes on 2 cores)
#   scripts/run-benchmarks.sh --quick    start-up, latency and throughput only (about 20 minutes)
# Needs the build (./mvnw install -DskipTests). IMAGES= overrides the images (default: the seed photos in
# ../shared/images/seed when present, else samples/images). Run on a quiet machine: figures are ratios
# within one run, but a busy neighbour still skews them.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

QUICK=false
[ "${1:-}" = "--quick" ] && QUICK=true

IMAGES="${IMAGES:-}"
if [ -z "$IMAGES" ]; then
  if [ -d "$ROOT/../shared/images/seed" ]; then IMAGES="$(cd "$ROOT/../shared/images/seed" && pwd)"; else IMAGES="$ROOT/samples/images"; fi
fi
MODEL="$ROOT/samples/models/yolov5s-coco"
OUT="$ROOT/target/benchmarks"
LOGS="$OUT/logs"
mkdir -p "$LOGS"
for jar in camera-adapter-mock/target/quarkus-app/quarkus-run.jar inference/target/quarkus-app/quarkus-run.jar \
    backend/target/quarkus-app/quarkus-run.jar tools/target/inspection-tools.jar; do
  [ -f "$jar" ] || { echo "missing $jar: run ./mvnw install -DskipTests first" >&2; exit 1; }
done

# shellcheck source=scripts/services.sh
source "$ROOT/scripts/services.sh"
trap stop_services EXIT
ready_ms() { # port
  wait_ready "$1" || { echo "the service on port $1 did not become ready; see $LOGS" >&2; exit 1; }
}

echo "Images: $IMAGES"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA" -version 2>&1 | head -1)"

start_service camera-adapter-mock 5050 -Dcamera.images-dir="$IMAGES"
ready_ms 5050 >/dev/null

# Inference start-up: process launch to ready (model loaded and warmed), the camera already idle; three
# starts without the start-up cache, then three with it, made by a training run on the benchmark images.
exercise_inference() { # port: every benchmark image, as a multipart form and as the body
  local raw
  for raw in "" --raw-body; do
    "$JAVA" -jar tools/target/inspection-tools.jar bench --target inference $raw --url "http://127.0.0.1:$1" \
      --images "$IMAGES" -n 12 --warmup 0 --no-progress >/dev/null
  done
}
# The first detections after ready, as a line's first triggers meet them: the first request, then the median of
# the next four, one benchmark image as the body. Ready means the model is loaded and has run once; the HTTP,
# decoding and letterbox code is compiled only as requests come.
first_requests() { # port
  local image times=() median
  image="$(find "$IMAGES" -maxdepth 1 \( -name '*.jpg' -o -name '*.png' \) | sort | head -1)"
  for _ in 1 2 3 4 5; do
    times+=("$(curl -fs -o /dev/null -w '%{time_total}' -H 'Content-Type: application/octet-stream' \
      --data-binary "@$image" "http://127.0.0.1:$1/inference" \
      || { echo "a request to /inference on port $1 failed; see $LOGS" >&2; exit 1; })")
  done
  median="$(printf '%s\n' "${times[@]:1}" | sort -n | awk 'NR == 2 || NR == 3 { s += $1 } END { printf "%.0f", s * 500 }')"
  printf 'first request %.0f ms, the next four %s ms (median)' "$(awk "BEGIN { print ${times[0]} * 1000 }")" "$median"
}
rm -f "$(startup_cache inference)"
: >"$OUT/startup.txt"
for cache in without with; do
  if [ "$cache" = with ]; then
    train_startup_cache inference 5052 exercise_inference -Dinference.models-dir="$ROOT/samples/models"
  fi
  for _ in 1 2 3; do
    start_service inference 5052 -Dinference.models-dir="$ROOT/samples/models"
    startup_ms="$(ready_ms 5052)"
    echo "inference ready after $startup_ms ms (JVM start included), $cache the start-up cache;" \
      "$(first_requests 5052)" | tee -a "$OUT/startup.txt"
    stop_last_service
  done
done
start_service inference 5052 -Dinference.models-dir="$ROOT/samples/models"
ready_ms 5052 >/dev/null
start_service backend 5051 -Dbackend.camera.url=http://127.0.0.1:5050 \
  -Dbackend.inference.url=http://127.0.0.1:5052 -Dbackend.patterns.path="$ROOT/samples/patterns"
backend_pid="${pids[-1]}"
ready_ms 5051 >/dev/null
# The JPEG codec decides the decode and encode stages: libjpeg-turbo, or the JDK's where it is missing.
echo "JPEG codec: $(grep -ho 'JPEG codec: [^;]*' "$LOGS/inference.log" | tail -1 | cut -d' ' -f3-)"

bench() { # report-name bench options...
  local name="$1"
  shift
  echo
  echo "=== $name"
  "$JAVA" -jar tools/target/inspection-tools.jar bench --images "$IMAGES" --session-model "${SESSION_MODEL:-$MODEL}" \
    --no-progress --json "$OUT/$name.json" "$@"
}

bench inference-c1 --target inference -n 300 -c 1 --warmup 20 --session-runs 100 --metrics-url http://127.0.0.1:5052/q/metrics
bench inference-raw-c1 --target inference --raw-body -n 300 -c 1 --warmup 20 --session-runs 100
bench inference-c4 --target inference -n 400 -c 4 --warmup 20 --session-runs 100
bench camera-c1 --target camera -n 300 -c 1 --warmup 20 --session-runs 100 \
  --metrics-url http://127.0.0.1:5051/q/metrics --metrics-url http://127.0.0.1:5052/q/metrics
# The decision without the images (return_options without bits 4 and 8): no decoding, drawing or encoding.
bench camera-c1-decision --target camera --return-options 115 -n 200 -c 1 --warmup 20 --session-runs 100
bench camera-c4 --target camera -n 400 -c 4 --warmup 20 --session-runs 100

# Steady state. The figures above come soon after the start, when the JVMs have not yet compiled the code that
# runs once per request with their optimising compiler (that takes thousands of requests) and the steps around
# session.run take about twice as long (docs/benchmarks.md, "Warm-up of the services' own code"). A line has
# served that many inspections within its first hours, so the latency and throughput figures are measured again
# after 2,000 inspections.
echo
echo "=== warm-up: 2,000 inspections at concurrency 2"
"$JAVA" -jar tools/target/inspection-tools.jar bench --target camera -n 2000 -c 2 --warmup 0 --images "$IMAGES" \
  --no-progress | grep -E 'requests at concurrency|client latency'
bench inference-raw-c1-steady --target inference --raw-body -n 300 -c 1 --warmup 20 --session-runs 100
bench camera-c1-steady --target camera -n 300 -c 1 --warmup 20 --session-runs 100
bench camera-c4-steady --target camera -n 400 -c 4 --warmup 20 --session-runs 100
if ! $QUICK; then
  # The backend's live heap (after a full collection) before and after soak-camera, beside its resident
  # memory: a leak shows there, whatever the collector does with the heap it has committed. Taken before
  # soak-inference, which the backend does not serve, so that the collection does not skew its memory figure.
  live_heap() { "$JAVA_HOME/bin/jcmd" "$backend_pid" GC.run >/dev/null && "$JAVA_HOME/bin/jcmd" "$backend_pid" GC.heap_info | grep -m1 'used'; }
  echo "backend heap before soak-camera: $(live_heap)" | tee "$OUT/backend-live-heap.txt"
  bench soak-inference --target inference -n 2000 -c 2 --warmup 50 --session-runs 20 \
    --metrics-url http://127.0.0.1:5052/q/metrics
  bench soak-camera --target camera -n 5000 -c 4 --warmup 50 --session-runs 20 \
    --metrics-url http://127.0.0.1:5051/q/metrics --metrics-url http://127.0.0.1:5052/q/metrics \
    --metrics-url http://127.0.0.1:5050/q/metrics
  echo "backend heap after soak-camera: $(live_heap)" | tee -a "$OUT/backend-live-heap.txt"
fi

# Throughput with other thread settings, against the default (a lone request on every core, requests that meet
# others on one core each) measured here as inference-raw-c4: one detection at a time on every core
# (split-under-load off), and one ONNX Runtime thread per detection with two detections at once.
bench inference-raw-c4 --target inference --raw-body -n 400 -c 4 --warmup 20 --session-runs 100
stop_services
pids=()
start_service inference 5052 -Dinference.models-dir="$ROOT/samples/models" -Dinference.split-under-load=false
ready_ms 5052 >/dev/null
bench inference-raw-c4-one-at-a-time --target inference --raw-body -n 400 -c 4 --warmup 20 --session-runs 100
stop_last_service
start_service inference 5052 -Dinference.models-dir="$ROOT/samples/models" -Dinference.intra-op-threads=1 \
  -Dinference.max-concurrent=2
ready_ms 5052 >/dev/null
bench inference-raw-c4-intra1x2 --target inference --raw-body -n 400 -c 4 --warmup 20 --session-runs 100 \
  --intra-op-threads 1

# The INT8 variant of the model (inspection-tools quantize), calibrated and compared on the benchmark images,
# then served as the default model and measured against its own floor.
stop_services
pids=()
INT8="$OUT/models/yolov5s-coco-int8"
echo
echo "=== quantize"
"$JAVA" -jar tools/target/inspection-tools.jar quantize --model-dir "$MODEL" --calibration-images "$IMAGES" \
  --output "$INT8" --session-runs 200 --no-progress >"$OUT/quantize.txt" || echo "(below --min-found)"
cat "$OUT/quantize.txt"
start_service inference 5052 -Dinference.models-dir="$OUT/models" -Dinference.default-model=yolov5s-coco-int8
ready_ms 5052 >/dev/null
SESSION_MODEL="$INT8"
bench inference-int8-raw-c1 --target inference --raw-body -n 300 -c 1 --warmup 20 --session-runs 100
bench inference-int8-raw-c4 --target inference --raw-body -n 400 -c 4 --warmup 20 --session-runs 100
echo
echo "Reports in $OUT"
