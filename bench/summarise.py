#!/usr/bin/env python3
"""Summarises a JMH results.json of run-jmh.sh as a Markdown table (bench/out/summary.md).

Per benchmark: mean wall-clock ops/s, mean and best-iteration ops per CPU-second (CpuTimeProfiler), and the
ratio of the mean ops per CPU-second to the baseline of the same class (the benchmark named baseline*MixedBatch).
"""
import json
import sys


def main(results_path):
    with open(results_path, encoding="utf-8") as f:
        results = json.load(f)
    rows = []
    for result in results:
        cls, method = result["benchmark"].rsplit(".", 1)
        cpu = result["secondaryMetrics"]["ops.per.cpu.second"]
        cpu_iterations = [value for fork in cpu["rawData"] for value in fork]
        rows.append({
            "class": cls.rsplit(".", 1)[1],
            "method": method,
            "wall": result["primaryMetric"]["score"],
            "cpu": cpu["score"],
            "cpu_best": max(cpu_iterations),
        })
    baselines = {row["class"]: row["cpu"] for row in rows
                 if row["method"].startswith("baseline") and row["method"].endswith("MixedBatch")}
    print("| benchmark | ops/s (mean) | ops per CPU-s (mean) | ops per CPU-s (best iteration) | CPU-s ratio to baseline |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        ratio = row["cpu"] / baselines[row["class"]] if row["class"] in baselines else float("nan")
        print(f"| {row['class']}.{row['method']} | {row['wall'] / 1e6:.1f} M | {row['cpu'] / 1e6:.1f} M "
              f"| {row['cpu_best'] / 1e6:.1f} M | {ratio:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1])
