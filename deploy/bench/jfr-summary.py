#!/usr/bin/env python3
"""Where the CPU samples of a JFR recording go: the share of samples whose stack passes through each layer
(inclusive, so shares overlap), and the hottest methods by self time. Usage: jfr-summary.py RECORDING.jfr"""
import collections, json, subprocess, sys

LAYERS = [
    ("JWT verification (smallrye-jwt, jose4j)", ("io.smallrye.jwt", "org.jose4j")),
    ("security checks (Quarkus security)", ("io.quarkus.security", "io.quarkus.vertx.http.runtime.security")),
    ("JSON (Jackson)", ("com.fasterxml.jackson",)),
    ("Hibernate ORM", ("org.hibernate",)),
    ("JDBC driver (PostgreSQL)", ("org.postgresql",)),
    ("connection pool (Agroal)", ("io.agroal",)),
    ("transactions (Narayana)", ("com.arjuna", "io.quarkus.narayana")),
    ("warning light, allowed actions (service)", ("cn.hanzhong.rectification.issues.service.IssueViews",
                                                   "cn.hanzhong.rectification.issues.domain")),
    ("response mapping (rest)", ("cn.hanzhong.rectification.issues.rest",)),
    ("platform filters (rate limit, idempotency, ETag, headers)", ("cn.hanzhong.rectification.platform",)),
    ("OpenTelemetry", ("io.opentelemetry", "io.quarkus.opentelemetry")),
    ("logging", ("org.jboss.logmanager", "org.jboss.logging")),
    ("Quarkus REST dispatch", ("org.jboss.resteasy.reactive",)),
    ("HTTP (Vert.x, Netty)", ("io.vertx", "io.netty")),
]

out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", "--stack-depth", "512", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]
total = len(events)
truncated = sum(1 for e in events if e["values"].get("stackTrace", {}) and e["values"]["stackTrace"].get("truncated"))
layer_hits = collections.Counter()
self_hits = collections.Counter()
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    # JFR names types with slashes (java/math/BigInteger); the prefixes above use dots.
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    if names:
        self_hits[names[0]] += 1
    for label, prefixes in LAYERS:
        if any(n.startswith(prefixes) for n in names):
            layer_hits[label] += 1
print(f"{total} CPU samples ({truncated} with a truncated stack)")
print("share of samples through each layer (inclusive):")
for label, _ in LAYERS:
    print(f"  {100.0 * layer_hits[label] / max(total, 1):5.1f} %  {label}")
print("hottest methods (self):")
for name, n in self_hits.most_common(15):
    print(f"  {100.0 * n / max(total, 1):5.1f} %  {name}")
