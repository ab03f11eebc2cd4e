#!/usr/bin/env bash
# Times the start-up of the runnerguard command against the JVM floor, over repeated runs:
#   floor     java -cp <cli jar> io.github.runnerguard.cli.Noop
#   audit     java -jar <cli jar> audit examples/shell.toml
#   audit+cds the same with an application class-data-sharing archive (-XX:SharedArchiveFile), made once with
#             -XX:ArchiveClassesAtExit (JDK 17 has no -XX:+AutoCreateSharedArchive)
# Usage: benchmarks/startup.sh [runs]   (default 20). Uses hyperfine when installed, else a bash loop.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
version="$(awk '/<artifactId>runnerguard-parent<\/artifactId>/ { found = 1 }
  found && /<version>/ { sub(/.*<version>/, ""); sub(/<\/version>.*/, ""); print; exit }' "$root/pom.xml")"
jar="$root/cli/target/runnerguard-cli-${version}-all.jar"
example="$root/examples/shell.toml"
if [[ ! -f "$jar" ]]; then
  echo "startup.sh: $jar is missing; build it with: mvn -B -DskipTests -pl cli -am package" >&2
  exit 2
fi
archive="$(mktemp -d)/runnerguard.jsa"
trap 'rm -rf "$(dirname "$archive")"' EXIT
# the audit exits 1 when it finds something: that is not a failure here
java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" audit "$example" >/dev/null 2>&1 || true

floor=(java -cp "$jar" io.github.runnerguard.cli.Noop)
audit=(java -jar "$jar" audit "$example")
cds=(java -XX:SharedArchiveFile="$archive" -Xshare:auto -jar "$jar" audit "$example")

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1); $(date -u +%FT%TZ)"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs "$runs" -i \
    -n floor "${floor[*]}" -n audit "${audit[*]}" -n audit+cds "${cds[*]}"
  exit 0
fi

# median of $runs wall-clock times in milliseconds
measure() {
  local times=() start end
  for _ in 1 2 3; do "$@" >/dev/null 2>&1 || true; done
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}
f=$(measure "${floor[@]}")
a=$(measure "${audit[@]}")
c=$(measure "${cds[@]}")
echo "median of $runs runs: floor ${f} ms, audit ${a} ms, audit+cds ${c} ms"
awk -v f="$f" -v a="$a" -v c="$c" 'BEGIN { printf "audit/floor %.2f, audit+cds/floor %.2f, cds gain %.0f%%\n", a / f, c / f, 100 * (a - c) / a }'
