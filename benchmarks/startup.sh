#!/usr/bin/env bash
# Times the start-up of the runnerguard command against the JVM floor (a main that returns at once, in the same jar).
#
# The machine this runs on may be shared and noisy, so the variants are interleaved: each round runs every variant
# once, back to back, in an order that rotates from round to round (A B C, B C A, C A B, ...), and each run's time is
# divided by the floor's time in the same round. The figures are medians over the rounds: wall time, CPU time
# (user + system, less sensitive to other processes than wall time) and the per-round ratio to the floor, with its
# quartiles. Before timing, every variant's output is compared with the plain `audit` run's: a JVM option that adds
# a warning to the command's output is flagged.
#
# Usage: benchmarks/startup.sh [-n ROUNDS] [-w WARMUP_ROUNDS] [-b OTHER_JAR] [-x "JVM OPTIONS"] [VARIANT...]
#        (defaults: 20 rounds, 2 warm-up rounds, variants floor audit launcher; `all` for every variant)
#        -b adds the variant `before`: the plain audit with another build of the jar (say, main's), in the same rounds
#        -x adds the variant `candidate`: the launcher's java command (its options and archive) plus JVM OPTIONS, to
#           see whether an option is worth adding to the launcher
#
# Variants:
#   floor           java -cp JAR io.github.runnerguard.cli.Noop: the JVM floor
#   floor-opts      the floor with the JVM options ./runnerguard adds (RUNNERGUARD_JVM_OPTS below)
#   audit           java -jar JAR audit examples/shell.toml, no JVM option
#   launcher        ./runnerguard audit examples/shell.toml: what a user runs (JVM options and class-data sharing
#                   archive included, the archive already made)
#   launcher-first  the launcher's first run after the jar changed: it makes the archive (cache emptied every run)
#   c1              audit with -XX:TieredStopAtLevel=1 (the C1 compiler only)
#   serial          audit with -XX:+UseSerialGC
#   c1-serial       audit with both
#   cds             audit with an application class-data sharing archive (-XX:SharedArchiveFile), made once before
#                   timing with -XX:ArchiveClassesAtExit (JDK 17 has no -XX:+AutoCreateSharedArchive)
#   cds-c1-serial   cds with -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
#   cds-c1          cds with -XX:TieredStopAtLevel=1
#   noshare         audit with -Xshare:off: no class-data sharing at all, not even the JDK's default archive
#   help            java -jar JAR --help: the command line alone, without an audit
#   rules           java -jar JAR rules: rule discovery and the catalogue, without loading a config
#   before          java -jar OTHER_JAR audit examples/shell.toml (with -b only)
#   candidate       java LAUNCHER_OPTIONS -XX:SharedArchiveFile=... JVM_OPTIONS -jar JAR audit ... (with -x only)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds=20
warmup=2
other=""
candidate=""
while getopts 'n:w:b:x:' opt; do
  case "$opt" in
    n) rounds="$OPTARG" ;;
    w) warmup="$OPTARG" ;;
    b) other="$(cd "$(dirname "$OPTARG")" && pwd)/$(basename "$OPTARG")" ;;
    x) candidate="$OPTARG" ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
variants=("$@")
all=(floor floor-opts audit launcher launcher-first c1 serial c1-serial cds cds-c1 cds-c1-serial noshare help rules)
if [[ ${#variants[@]} -eq 0 ]]; then
  variants=(floor audit launcher)
elif [[ "${variants[*]}" == all ]]; then
  variants=("${all[@]}")
fi
for v in "${variants[@]}"; do
  [[ " ${all[*]} " == *" $v "* ]] || { echo "startup.sh: unknown variant $v (known: ${all[*]})" >&2; exit 2; }
done
[[ " ${variants[*]} " == *" floor "* ]] || variants=(floor "${variants[@]}")
if [[ -n "$other" ]]; then
  [[ -f "$other" ]] || { echo "startup.sh: $other does not exist" >&2; exit 2; }
  variants+=(before)
fi
if [[ -n "$candidate" ]]; then
  read -r -a candidate <<<"$candidate"
  variants+=(candidate)
fi

version="$(awk '/<artifactId>runnerguard-parent<\/artifactId>/ { found = 1 }
  found && /<version>/ { sub(/.*<version>/, ""); sub(/<\/version>.*/, ""); print; exit }' "$root/pom.xml")"
jar="$root/cli/target/runnerguard-cli-${version}-all.jar"
example="$root/examples/shell.toml"
if [[ ! -f "$jar" ]]; then
  echo "startup.sh: $jar is missing; build it with: mvn -B -DskipTests -pl cli -am package" >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# the launcher's own options, read from the launcher so that the two cannot drift apart
launcher_opts="$(sed -n 's/^RUNNERGUARD_JVM_OPTS=(\(.*\))$/\1/p' "$root/runnerguard")"
read -r -a launcher_opts <<<"$launcher_opts"

archive="$work/runnerguard.jsa"
if [[ " ${variants[*]} " == *" cds"* || " ${variants[*]} " == *" candidate "* ]]; then
  # the audit exits 1 when it finds something: that is not a failure here
  java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off,cds+dynamic=off -jar "$jar" audit "$example" \
    >/dev/null 2>&1 || true
fi
if [[ " ${variants[*]} " == *" launcher"* ]]; then
  # the launcher keeps its archive in this cache: make it once, so that `launcher` times the usual run
  export XDG_CACHE_HOME="$work/cache"
  "$root/runnerguard" audit "$example" >/dev/null 2>&1 || true
fi

run() {
  case "$1" in
    floor) java -cp "$jar" io.github.runnerguard.cli.Noop ;;
    floor-opts) java "${launcher_opts[@]}" -cp "$jar" io.github.runnerguard.cli.Noop ;;
    audit) java -jar "$jar" audit "$example" ;;
    launcher) "$root/runnerguard" audit "$example" ;;
    launcher-first) rm -rf "$work/first"; XDG_CACHE_HOME="$work/first" "$root/runnerguard" audit "$example" ;;
    c1) java -XX:TieredStopAtLevel=1 -jar "$jar" audit "$example" ;;
    serial) java -XX:+UseSerialGC -jar "$jar" audit "$example" ;;
    c1-serial) java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" audit "$example" ;;
    cds) java -XX:SharedArchiveFile="$archive" -jar "$jar" audit "$example" ;;
    cds-c1) java -XX:SharedArchiveFile="$archive" -XX:TieredStopAtLevel=1 -jar "$jar" audit "$example" ;;
    cds-c1-serial) java -XX:SharedArchiveFile="$archive" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
      -jar "$jar" audit "$example" ;;
    noshare) java -Xshare:off -jar "$jar" audit "$example" ;;
    help) java -jar "$jar" --help ;;
    rules) java -jar "$jar" rules ;;
    before) java -jar "$other" audit "$example" ;;
    candidate) java "${launcher_opts[@]}" -XX:SharedArchiveFile="$archive" "-Xlog:cds*=off" "${candidate[@]}" \
      -jar "$jar" audit "$example" ;;
  esac
}

# The output check: every audit variant must print exactly what the plain audit prints, on both streams.
run audit >"$work/audit.out" 2>"$work/audit.err" || true
for v in "${variants[@]}"; do
  case "$v" in floor | floor-opts | audit | help | rules) continue ;; esac
  run "$v" >"$work/$v.out" 2>"$work/$v.err" || true
  if ! cmp -s "$work/audit.out" "$work/$v.out" || ! cmp -s "$work/audit.err" "$work/$v.err"; then
    echo "WARNING: $v does not print what audit prints:" >&2
    diff "$work/audit.out" "$work/$v.out" | head -n 5 >&2 || true
    diff "$work/audit.err" "$work/$v.err" | head -n 5 >&2 || true
  fi
done

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n 1);" \
  "$(date -u +%FT%TZ); $rounds rounds (+$warmup warm-up), interleaved"
echo "launcher JVM options: ${launcher_opts[*]:-(none)}"
TIMEFORMAT='%3R %3U %3S'
n=${#variants[@]}
for ((r = 0; r < warmup + rounds; r++)); do
  for ((k = 0; k < n; k++)); do
    v="${variants[$(((r + k) % n))]}"
    t="$({ time run "$v" >/dev/null 2>&1 || true; } 2>&1)"
    if ((r >= warmup)); then
      echo "$((r - warmup)) $v $t" >>"$work/times"
    fi
  done
done
echo "finished: load $(cut -d' ' -f1-3 /proc/loadavg)"

# median and quartiles per variant; the ratio is each run's wall time over the floor's in the same round
awk -v order="${variants[*]}" '
  function sortn(a, m,   i, j, x) { for (i = 2; i <= m; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x } }
  function q(a, m, p,   h, lo) { h = (m - 1) * p + 1; lo = int(h); return lo >= m ? a[m] : a[lo] + (h - lo) * (a[lo + 1] - a[lo]) }
  { wall[$2, $1] = $3; cpu[$2, $1] = $4 + $5; rounds[$1] = 1 }
  END {
    nv = split(order, names, " ")
    printf "| variant | wall median | CPU median | ratio to floor: median | quartiles |\n|---|---:|---:|---:|---:|\n"
    for (i = 1; i <= nv; i++) {
      v = names[i]; m = 0
      for (r in rounds) { m++; w[m] = wall[v, r] * 1000; c[m] = cpu[v, r] * 1000; x[m] = wall[v, r] / wall["floor", r] }
      sortn(w, m); sortn(c, m); sortn(x, m)
      printf "| %s | %.0f ms | %.0f ms | %.2f | %.2f to %.2f |\n", v, q(w, m, 0.5), q(c, m, 0.5), q(x, m, 0.5), q(x, m, 0.25), q(x, m, 0.75)
    }
  }' "$work/times"
