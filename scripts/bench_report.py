#!/usr/bin/env python3
"""Turns Google Benchmark JSON files into the markdown table of docs/benchmarks.md."""
import glob
import json
import os
import platform
import statistics
import subprocess
import sys


def machine():
    def run(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            return ""
    cpu = ""
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    flags = ""
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("flags"):
            have = line.split(":", 1)[1].split()
            flags = ", ".join(f for f in ("avx2", "fma", "avx512f") if f in have)
            break
    mem = ""
    for line in open("/proc/meminfo", encoding="utf-8"):
        if line.startswith("MemTotal"):
            mem = "%.0f GiB" % (int(line.split()[1]) / 1024 / 1024)
    os_name = ""
    if os.path.exists("/etc/os-release"):
        for line in open("/etc/os-release", encoding="utf-8"):
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip().strip('"')
    compiler = run(["c++", "--version"]).splitlines()[0] if run(["c++", "--version"]) else ""
    return [("CPU", f"{cpu} ({os.cpu_count()} cores; {flags})"), ("memory", mem),
            ("system", f"{os_name}, Linux {platform.release()}"), ("compiler", compiler)]


def fmt_time(ns):
    if ns >= 1e6:
        return "%.3g ms" % (ns / 1e6)
    if ns >= 1e3:
        return "%.3g µs" % (ns / 1e3)
    return "%.3g ns" % ns


def fmt_rate(v):
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if v >= scale:
            return "%.3g %s/s" % (v / scale, unit)
    return "%.3g /s" % v


def main(folder):
    print("# Benchmarks\n")
    print("Written by `scripts/run-benchmarks.sh`: every program under `bench/`, five repetitions each;")
    print("the table gives the median and, in brackets, the fastest and slowest repetition.\n")
    print("| machine | |\n|---|---|")
    for k, v in machine():
        print(f"| {k} | {v} |")
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        data = json.load(open(path, encoding="utf-8"))
        runs = {}
        for b in data["benchmarks"]:
            if b.get("run_type") != "iteration":
                continue
            runs.setdefault(b["run_name"], []).append(b)
        print(f"\n## {os.path.basename(path)[:-5]}\n")
        print("| benchmark | time per iteration (median [min … max]) | items per second (median) | other |")
        print("|---|---|---|---|")
        for name, reps in runs.items():
            scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[reps[0].get("time_unit", "ns")]
            times = sorted(r["real_time"] * scale for r in reps)
            rate = statistics.median(r["items_per_second"] for r in reps) if "items_per_second" in reps[0] else None
            extra = []
            for key in reps[0]:
                if key.endswith("_ms") or key.startswith("p50") or key.startswith("p99") or key.startswith("fps"):
                    extra.append("%s %.3g" % (key, statistics.median(r[key] for r in reps)))
            print(f"| {name} | {fmt_time(statistics.median(times))} [{fmt_time(times[0])} … {fmt_time(times[-1])}] | "
                  f"{fmt_rate(rate) if rate else ''} | {', '.join(extra)} |")


if __name__ == "__main__":
    main(sys.argv[1])
