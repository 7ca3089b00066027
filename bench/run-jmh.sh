#!/usr/bin/env bash
# Builds the hub and the benchmarks, runs them with short settings (1 fork, single thread) and writes the
# results to bench/out/: results.txt (the JMH report), results.json, summary.md, machine.txt. Besides wall-clock
# throughput each benchmark reports ops per CPU-second of its JVM (CpuTimeProfiler), the figure that stays
# meaningful when other work shares the machine.
# Extra arguments go to JMH, e.g. a benchmark filter:  bench/run-jmh.sh IdentityNumber
set -euo pipefail

bench_dir=$(cd "$(dirname "$0")" && pwd)
root_dir=$(dirname "$bench_dir")
out_dir="$bench_dir/out"
mkdir -p "$out_dir"

# the benchmarks depend on the hub's jar from the local repository
(cd "$root_dir" && ./mvnw -q -B install -DskipTests)
(cd "$bench_dir" && "$root_dir/mvnw" -q -B -f "$bench_dir/pom.xml" package)

{
  echo "date: $(date -Iseconds)"
  echo "commit: $(git -C "$root_dir" rev-parse --short HEAD)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jdk: $(java -version 2>&1 | head -n 2 | tr '\n' ' ')"
} > "$out_dir/machine.txt"
cat "$out_dir/machine.txt"

java -jar "$bench_dir/target/benchmarks.jar" \
  -f 1 -t 1 -wi 5 -w 2s -i 8 -r 2s \
  -prof cn.canbao.hub.bench.CpuTimeProfiler \
  -rf json -rff "$out_dir/results.json" \
  "$@" | tee "$out_dir/results.txt"

python3 "$bench_dir/summarise.py" "$out_dir/results.json" | tee "$out_dir/summary.md"
