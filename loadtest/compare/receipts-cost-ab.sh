#!/bin/bash
# A B A B of what the sandbox's delivery receipts cost per SMS: A with them off, B with them on (the
# default), the same jar, warm (60-s warm-up, one 60-s step at 150,000 SMS/hour, a fresh instance each
# run), then the figures of each run's find-capacity.json as a table:
#   JDK25=... [JAR=server/target/sms-server.jar] [RATE=150000] [OUT=dir] loadtest/compare/receipts-cost-ab.sh
set -u
JDK25=${JDK25:?set JDK25 to a JDK 25 home}
RATE=${RATE:-150000}
OUT=${OUT:-/tmp}
cd "$(dirname "$0")/../.."
JAR=${JAR:-$PWD/server/target/sms-server.jar}
for run in A1 B1 A2 B2; do
  case $run in A*) receipts=false;; B*) receipts=true;; esac
  mvn -q -B -o -pl loadtest verify -Pfind-capacity -DskipTests -Dprerequisites.skip=true -DstartSmsPerHour=$RATE -DmaxSteps=1 -DstepDuration=60s -Dwarmup=60s \
     -DserviceJava=$JDK25/bin/java -DserverJar=$JAR "-DserviceArgs=--sms.sandbox.receipts=$receipts" > $OUT/receipts-$run.log 2>&1
  rc=$?
  cp loadtest/target/capacity/find-capacity.json $OUT/receipts-$run.json
  echo "$run receipts=$receipts $(date +%T) exit=$rc"
done
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
print("| run | receipts | SMS/hour | p50 / p95 / p99 | failures | service CPU (cores) | service ms per SMS | PostgreSQL ms per SMS | load generator (cores) |")
print("|---|---|---:|---|---:|---:|---:|---:|---:|")
per = {}
for run in ["A1", "B1", "A2", "B2"]:
    step = json.load(open(f"{out}/receipts-{run}.json"))["steps"][0]
    gen, service, pg, _ = step["cpu_cores"]
    rate = step["measured_sms_per_hour"]
    per[run] = (service * 3600e3 / rate, pg * 3600e3 / rate)
    print(f"| {run} | {'on' if run[0] == 'B' else 'off'} | {rate:,} | {step['p50_ms']} / {step['p95_ms']} / {step['p99_ms']} ms"
          f" | {step['failures']} | {service:.2f} | {per[run][0]:.2f} | {per[run][1]:.2f} | {gen:.2f} |")
for b, a in (("B1", "A1"), ("B2", "A2")):
    print(f"{b} / {a}: service {per[b][0] / per[a][0]:.2f}, PostgreSQL {per[b][1] / per[a][1]:.2f}")
PY
