#!/bin/bash
# A B A B of where the knee lies with the sandbox's delivery receipts off (A) and on (B, the default):
# four find-capacity runs back to back, the same jar and the same SLO as the headline knee
# (p95 < 50 ms, p99 < 200 ms, no failure; docs/performance.md), then each run's highest rate held and its first step's cost per SMS (the
# first step is offered the same rate in every run, so its figures compare as ratios):
#   JDK25=... [JAR=server/target/sms-server.jar] [START=150000] [FACTOR=1.25] [WARMUP=60s] [OUT=dir] \
#     loadtest/compare/receipts-knee-ab.sh
set -u
JDK25=${JDK25:?set JDK25 to a JDK 25 home}
START=${START:-150000}
FACTOR=${FACTOR:-1.25}
WARMUP=${WARMUP:-60s}
OUT=${OUT:-/tmp}
cd "$(dirname "$0")/../.."
JAR=${JAR:-$PWD/server/target/sms-server.jar}
for run in A1 B1 A2 B2; do
  case $run in A*) receipts=false;; B*) receipts=true;; esac
  mvn -q -B -o -pl loadtest verify -Pfind-capacity -DskipTests -Dprerequisites.skip=true -DstartSmsPerHour=$START \
     -DstepFactor=$FACTOR -DstepDuration=30s -Dwarmup=$WARMUP -Dp95Ms=50 -Dp99Ms=200 -DmaxErrorRate=0 \
     -DserviceJava=$JDK25/bin/java -DserverJar=$JAR "-DserviceArgs=--sms.sandbox.receipts=$receipts" > $OUT/knee-$run.log 2>&1
  rc=$?
  cp loadtest/target/capacity/find-capacity.json $OUT/knee-$run.json
  echo "$run receipts=$receipts $(date +%T) exit=$rc"
done
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
print("| run | receipts | highest held (SMS/hour) | steps | first step: SMS/hour | p95 | service ms per SMS | PostgreSQL ms per SMS | load generator (cores) |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
per = {}
for run in ["A1", "B1", "A2", "B2"]:
    d = json.load(open(f"{out}/knee-{run}.json"))
    step = d["steps"][0]
    gen, service, pg, _ = step["cpu_cores"]
    rate = step["measured_sms_per_hour"]
    per[run] = (d["highest_sustained_sms_per_hour"], service * 3600e3 / rate, pg * 3600e3 / rate)
    print(f"| {run} | {'on' if run[0] == 'B' else 'off'} | {d['highest_sustained_sms_per_hour']:,} | {len(d['steps'])}"
          f" | {rate:,} | {step['p95_ms']} ms | {per[run][1]:.2f} | {per[run][2]:.2f} | {gen:.2f} |")
for b, a in (("B1", "A1"), ("B2", "A2")):
    print(f"{b} / {a}: knee {per[b][0] / max(1, per[a][0]):.2f}, service per SMS {per[b][1] / per[a][1]:.2f},"
          f" PostgreSQL per SMS {per[b][2] / per[a][2]:.2f}")
PY
