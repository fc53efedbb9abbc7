#!/usr/bin/env bash
# A B A B in one session: two builds of the service at the same open-model rate, each run warmed up,
# then one 45-s step; prints p50/p95/p99 and CPU per request and per SMS for each run.
#   loadtest/compare/ab-jars.sh OLD.jar NEW.jar [SMS_PER_HOUR] [SERVICE_JAVA]
# Build the old jar from a git worktree, e.g.
#   git worktree add /tmp/old <commit> && (cd /tmp/old && mvn -q -pl server -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
old=$(readlink -f "$1"); new=$(readlink -f "$2"); rate=${3:-400000}; java=${4:-$(command -v java)}
out=loadtest/target/ab; rm -rf "$out"; mkdir -p "$out"
for round in 1 2; do
  for side in old new; do
    jar=$old; [ "$side" = new ] && jar=$new
    mvn -q -B -pl loadtest verify -Pfind-capacity -DskipTests -DstartSmsPerHour="$rate" -DmaxSteps=1 \
      -DstepDuration=45s -Dwarmup=20s -DserviceJava="$java" \
      "-DloadJvmArgs=-Xmx2g --add-opens=java.base/java.lang=ALL-UNNAMED -DserverJar=$jar" > "$out/$side-$round.log" 2>&1 || true
    cp loadtest/target/capacity/step-01/summary.json "$out/$side-$round.json"
  done
done
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
print("| run | SMS/hour | p50 / p95 / p99 ms | failures | cores service / PostgreSQL / generator | service CPU ms per request | PostgreSQL CPU ms per SMS |")
print("|---|---:|---|---:|---|---:|---:|")
for r in (1, 2):
    for side in ("old", "new"):
        s = json.load(open(f"{out}/{side}-{r}.json")); c = s["cpu_cores"]; sms = s["sms_per_hour"] / 3600
        print(f"| {side} {r} | {s['sms_per_hour']:,.0f} | {s['p50_ms']:.0f} / {s['p95_ms']:.0f} / {s['p99_ms']:.0f} | {s['failures']} "
              f"| {c['service']:.2f} / {c['postgres']:.2f} / {c['load_generator']:.2f} "
              f"| {c['service'] * 1000 / s['requests_per_second']:.2f} | {c['postgres'] * 1000 / sms:.2f} |")
PY
