#!/usr/bin/env python3
"""Where the CPU of benchmark B2 goes: reads a JFR recording's execution samples (`jfr print`) and counts them per
thread group (the route's consumer thread, the harness's main thread running the plain loop, the exchange server's
threads, the rest) and per component, a sample going to the innermost frame that belongs to a known component.
    bench/pipeline/profile.py recording.jfr
"""
import collections
import re
import subprocess
import sys

COMPONENTS = [
    ("SHA-256 of the file", ("sun.security.provider.", "java.security.DigestInputStream")),
    ("SFTP client (JSch: decryption, packets)", ("com.jcraft.jsch.",)),
    ("SFTP server (MINA SSHD: encryption, file reads)", ("org.apache.sshd.",)),
    ("canonical JSON (Jackson)", ("com.fasterxml.jackson.",)),
    ("counting sink", ("cn.canbao.hub.bench.pipeline.CountingCopySink",)),
    ("COPY rows (FileTransaction, CopyRows, StoredPayload)", ("cn.canbao.hub.registry.",)),
    ("format reader (decoding, CSV/XML parsing)", ("cn.canbao.hub.connector.format.",)),
    ("mapping and checks", ("cn.canbao.hub.connector.mapping.", "cn.canbao.hub.standard.", "cn.canbao.hub.model.")),
    ("file intake (source keys, receipt, done file)", ("cn.canbao.hub.connector.transport.",
                                                       "cn.canbao.hub.connector.receipt.")),
    ("plain loop", ("cn.canbao.hub.bench.pipeline.PlainLoop",)),
    ("Camel", ("org.apache.camel.",)),
    ("JDBC, database", ("org.postgresql.", "com.zaxxer.", "org.springframework.jdbc.")),
]


def component(frames):
    for frame in frames:
        for name, prefixes in COMPONENTS:
            if frame.startswith(prefixes):
                return name
    return "other (" + (frames[0].rsplit(".", 1)[0] if frames else "?") + ")"


def thread_group(thread):
    if thread == "main":
        return "main (plain loop)"
    if "sftp://" in thread or "/in]" in thread or thread.startswith("Camel"):
        return "Camel (route)"
    if "nio2" in thread or "sshd" in thread.lower():
        return "exchange server"
    return "other threads"


def samples(recording):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", recording],
                          check=True, capture_output=True, text=True).stdout
    for event in text.split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "(.*?)"', event)
        frames = re.findall(r"^\s+([\w$.]+)\.[\w$<>]+\(", event, re.MULTILINE)
        yield (thread.group(1) if thread else "?"), frames


def main(recording):
    counts = collections.defaultdict(collections.Counter)
    for thread, frames in samples(recording):
        counts[thread_group(thread)][component(frames)] += 1
    for group, by_component in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        total = sum(by_component.values())
        print("%s: %d samples" % (group, total))
        for name, n in by_component.most_common(12):
            print("  %5.1f %%  %s" % (100.0 * n / total, name))


if __name__ == "__main__":
    main(sys.argv[1])
