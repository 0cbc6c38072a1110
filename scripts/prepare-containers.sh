#!/usr/bin/env bash
# Prepares a Debian 12 machine without a Docker engine and without a reachable image registry for the
# container tests (container-tests/) and for docker-compose.yaml with podman. Safe to run again; it only
# does what is missing:
#   - installs podman, runc, podman-compose, debootstrap and prometheus from Debian's packages;
#   - podman settings: the runc runtime and ulimits that a sandboxed host can grant;
#   - builds the base image localhost/visual-inspection-base:latest (Debian 12 from debootstrap plus a
#     Java runtime made with jlink from the JDK that scripts/find-jdk.sh finds), unless one of the same
#     revision (BASE_REVISION, raised whenever its contents change) exists;
#   - starts the podman API (Docker-compatible) on a fixed socket, unless one answers already (one whose
#     working folder was deleted is replaced: it cannot start containers).
# Progress goes to stderr; stdout is the environment for Testcontainers, so that
#   eval "$(scripts/prepare-containers.sh)"
# prepares and exports in one step.
#   --rebuild-base   build the base image even if it exists
set -euo pipefail
cd "$(dirname "$0")/.."

OWN_BASE_IMAGE=localhost/visual-inspection-base:latest
BASE_IMAGE="${VI_BASE_IMAGE:-$OWN_BASE_IMAGE}"
SOCKET_DIR="${VI_PODMAN_SOCKET_DIR:-/run/visual-inspection}"
SOCKET="$SOCKET_DIR/podman.sock"
CONTAINERS_CONF=/etc/containers/containers.conf

rebuild_base=false
[ "${1:-}" = "--rebuild-base" ] && rebuild_base=true
# 2: libturbojpeg0 (the services' JPEG codec) and a Java 25 runtime.
BASE_REVISION=2

say() { echo "prepare-containers: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  say "run this as root (it installs packages, writes /etc/containers and runs podman as root)"
  exit 1
fi

# --- Packages -----------------------------------------------------------------------------------------
missing=()
for pair in podman:podman runc:runc podman-compose:podman-compose debootstrap:debootstrap prometheus:prometheus; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${missing[@]}" >&2
fi

# --- Podman settings ----------------------------------------------------------------------------------
# crun refuses hybrid cgroup hosts; the sandbox cannot raise limits above what it was given.
settings='[engine]
runtime = "runc"

[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]'
if [ ! -f "$CONTAINERS_CONF" ]; then
  say "writing $CONTAINERS_CONF"
  mkdir -p "$(dirname "$CONTAINERS_CONF")"
  printf '%s\n' "$settings" >"$CONTAINERS_CONF"
elif ! grep -q '^runtime *= *"runc"' "$CONTAINERS_CONF" || ! grep -q '^default_ulimits' "$CONTAINERS_CONF"; then
  dropin="$CONTAINERS_CONF.d/50-visual-inspection.conf"
  if [ ! -f "$dropin" ]; then
    say "writing $dropin ($CONTAINERS_CONF exists with other settings)"
    mkdir -p "$(dirname "$dropin")"
    printf '%s\n' "$settings" >"$dropin"
  fi
fi

# --- Base image ---------------------------------------------------------------------------------------
# What the public eclipse-temurin JRE image gives the services, from Debian's packages: a Java runtime in
# /opt/java/openjdk, CA certificates, fontconfig and a font (Java2D draws text on the results), curl (the
# health checks), useradd (passwd is part of every Debian base); and libjpeg-turbo's TurboJPEG library, which
# the services use for JPEG when it is there.
base_revision() {
  podman image inspect --format '{{ index .Config.Labels "io.visualinspection.base-revision" }}' "$BASE_IMAGE" 2>/dev/null || true
}
if ! $rebuild_base && [ "$BASE_IMAGE" = "$OWN_BASE_IMAGE" ] && podman image exists "$BASE_IMAGE" \
    && [ "$(base_revision)" != "$BASE_REVISION" ]; then
  say "$BASE_IMAGE is of revision '$(base_revision)', not $BASE_REVISION: building it again"
  rebuild_base=true
fi
if $rebuild_base || ! podman image exists "$BASE_IMAGE"; then
  jdk="$(scripts/find-jdk.sh)"
  mirror="${DEBIAN_MIRROR:-$(grep -hoE 'https?://[^ ]+/debian/?$' /etc/apt/sources.list.d/*.sources \
    /etc/apt/sources.list 2>/dev/null | head -1 || true)}"
  mirror="${mirror:-http://deb.debian.org/debian}"
  work="$(mktemp -d /var/tmp/visual-inspection-base.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
  say "building $BASE_IMAGE: Debian 12 from $mirror, Java runtime from $jdk (about a minute)"
  debootstrap --variant=minbase \
    --include=ca-certificates,curl,fontconfig,fonts-dejavu-core,libturbojpeg0,tzdata \
    bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/* \
    "$work"/rootfs/usr/share/doc/* "$work"/rootfs/usr/share/man/* "$work"/rootfs/usr/share/locale/*
  # Java SE plus the JDK modules that Quarkus, Vaadin, ONNX Runtime and the JVM tools use.
  "$jdk/bin/jlink" \
    --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.jfr,jdk.zipfs,jdk.charsets,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.jcmd \
    --strip-debug --no-man-pages --no-header-files --compress zip-6 --generate-cds-archive \
    --output "$work/rootfs/opt/java/openjdk" >&2
  tar -C "$work/rootfs" -c . | podman import \
    --change 'ENV JAVA_HOME=/opt/java/openjdk' \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["java", "-version"]' \
    --change "LABEL io.visualinspection.base-revision=$BASE_REVISION" \
    - "$BASE_IMAGE" >/dev/null
  rm -rf "$work"
  trap - EXIT
  podman run --rm "$BASE_IMAGE" java -version 2>&1 | head -1 | sed 's/^/prepare-containers: base image runs /' >&2
fi

# --- Podman API socket --------------------------------------------------------------------------------
ping() { curl -fsS --max-time 2 --unix-socket "$SOCKET" http://d/_ping >/dev/null 2>&1; }
# A service whose working folder has been deleted (the checkout it was started from, removed since) still
# answers, but cannot start a container ("write child: broken pipe"): it is replaced. The service is started
# from / so that this cannot happen again.
for pid in $(pgrep -f "podman system service --time=0 unix://$SOCKET" || true); do
  if readlink "/proc/$pid/cwd" 2>/dev/null | grep -q ' (deleted)$'; then
    say "replacing the podman API (pid $pid): its working folder was deleted"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
done
if ! ping; then
  say "starting the podman API on $SOCKET"
  mkdir -p "$SOCKET_DIR"
  rm -f "$SOCKET"
  (cd / && exec setsid podman system service --time=0 "unix://$SOCKET") >"$SOCKET_DIR/podman-service.log" 2>&1 </dev/null &
  for _ in $(seq 1 50); do ping && break; sleep 0.2; done
  ping || { say "the podman API did not answer; see $SOCKET_DIR/podman-service.log"; exit 1; }
fi

# --- Environment for Testcontainers -------------------------------------------------------------------
# Ryuk (the reaper container) and the start-up checks would pull images; the tests remove what they start.
# Containers are reached on their ports published on the loopback address only.
cat <<ENV
export DOCKER_HOST=unix://$SOCKET
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_CHECKS_DISABLE=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
export VI_BASE_IMAGE=$BASE_IMAGE
ENV
say "ready (export the variables above, or: eval \"\$(scripts/prepare-containers.sh)\")"
