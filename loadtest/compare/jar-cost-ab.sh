#!/bin/bash
# A B A B of what a change of the service costs per SMS: two jars (A before, B after), warm (60-s
# warm-up, one 60-s step at RATE SMS/hour, a fresh instance each run), then the figures of each run's
# find-capacity.json as a table and the ratios B/A per SMS:
#   JDK25=... A_JAR=before.jar B_JAR=after.jar [RATE=150000] [OUT=dir] loadtest/compare/jar-cost-ab.sh
set -u
JDK25=${JDK25:?set JDK25 to a JDK 25 home}
A_JAR=${A_JAR:?the jar before the change}
B_JAR=${B_JAR:?the jar after the change}
RATE=${RATE:-150000}
OUT=${OUT:-/tmp}
cd "$(dirname "$0")/../.."
for run in A1 B1 A2 B2; do
  case $run in A*) jar=$A_JAR;; B*) jar=$B_JAR;; esac
  mvn -q -B -o -pl loadtest verify -Pfind-capacity -DskipTests -Dprerequisites.skip=true -DstartSmsPerHour=$RATE -DmaxSteps=1 -DstepDuration=60s -Dwarmup=60s \
     -DserviceJava=$JDK25/bin/java -DserverJar=$jar > $OUT/jar-$run.log 2>&1
  rc=$?
  cp loadtest/target/capacity/find-capacity.json $OUT/jar-$run.json
  echo "$run $jar $(date +%T) exit=$rc"
done
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
print("| run | jar | SMS/hour | p50 / p95 / p99 | failures | service CPU (cores) | service ms per SMS | PostgreSQL ms per SMS | load generator (cores) |")
print("|---|---|---:|---|---:|---:|---:|---:|---:|")
per = {}
for run in ["A1", "B1", "A2", "B2"]:
    step = json.load(open(f"{out}/jar-{run}.json"))["steps"][0]
    gen, service, pg, _ = step["cpu_cores"]
    rate = step["measured_sms_per_hour"]
    per[run] = (service * 3600e3 / rate, pg * 3600e3 / rate)
    print(f"| {run} | {'before' if run[0] == 'A' else 'after'} | {rate:,} | {step['p50_ms']} / {step['p95_ms']} / {step['p99_ms']} ms"
          f" | {step['failures']} | {service:.2f} | {per[run][0]:.2f} | {per[run][1]:.2f} | {gen:.2f} |")
for b, a in (("B1", "A1"), ("B2", "A2")):
    print(f"{b} / {a}: service {per[b][0] / per[a][0]:.2f}, PostgreSQL {per[b][1] / per[a][1]:.2f}")
PY
