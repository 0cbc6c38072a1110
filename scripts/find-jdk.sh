#!/usr/bin/env bash
# Prints the home of a JDK >= 25 (JAVA_HOME, then java on PATH, then /usr/lib/jvm/*), or explains what is
# missing and exits 1. Source it or call it: JAVA_HOME="$(scripts/find-jdk.sh)".
set -euo pipefail

major_of() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
if command -v java >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
fi
for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -d "$d" ] && candidates+=("$d"); done

for home in "${candidates[@]}"; do
  if [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ]; then
    major="$(major_of "$home/bin/java")"
    if [ -n "$major" ] && [ "${major%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$home"
      exit 0
    fi
  fi
done

echo "No JDK 25 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm). Install one, e.g." >&2
echo "  a Temurin 25+ JDK (https://adoptium.net), then set JAVA_HOME to it." >&2
exit 1
