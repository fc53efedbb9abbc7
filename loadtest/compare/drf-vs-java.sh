#!/usr/bin/env bash
# The Django reference (../shared/peer/drf-reference) and this service measured back to back with the
# same Locust script (the reference's locustfile_max.py: 50 users, no think time), A B A B, on the same
# machine: the figures in docs/capacity.md come from here. Needs the reference's Debian packages
# (its install_deps.sh) and a built server/target/sms-server.jar.
#
#   loadtest/compare/drf-vs-java.sh            # ROUNDS=2 USERS=50 SPAWN=10 RUN_TIME=60 JAVA=java
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PEER=${PEER:-$ROOT/../shared/peer/drf-reference}
WORK=${WORK:-/tmp/drf-compare}
ROUNDS=${ROUNDS:-2}
USERS=${USERS:-50}
SPAWN=${SPAWN:-10}
RUN_TIME=${RUN_TIME:-60}
JAVA=${JAVA:-java}
OUT=$ROOT/loadtest/target/compare
JAR=$ROOT/server/target/sms-server.jar
[ -f "$JAR" ] || { echo "build the jar first: mvn -pl server -am package -DskipTests" >&2; exit 2; }

rm -rf "$WORK" "$OUT"; mkdir -p "$OUT"
cp -r "$PEER" "$WORK"; chmod -R u+w "$WORK"
# The same sampler, with the Java service as a group of its own.
sed 's/^GROUPS = .*/GROUPS = ("java", "postgres", "locust")/' "$WORK/bench/cpu_sampler.py" > "$OUT/cpu_sampler_java.py"

run_java() {
  local label=$1 dir=$OUT/$1
  mkdir -p "$dir"
  "$JAVA" -Xms512m -Xmx1g -jar "$JAR" --server.port=8080 --sms.embedded-db.data-dir="$dir/pg" \
    --sms.dispatch.rate-per-second=2000 > "$dir/service.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -fs http://127.0.0.1:8080/actuator/health/readiness >/dev/null && break; sleep 1; done
  /usr/bin/python3 "$OUT/cpu_sampler_java.py" $(( RUN_TIME + 5 )) "$dir/cpu.csv" &
  local sampler=$!
  (cd "$WORK" && /usr/bin/locust -f locustfile_max.py --headless --reset-stats --users "$USERS" \
    --spawn-rate "$SPAWN" --run-time "${RUN_TIME}s" --host http://127.0.0.1:8080 --csv "$dir/max" \
    > "$dir/locust.log" 2>&1) || true
  wait "$sampler" || true
  kill "$pid"; wait "$pid" || true
}

for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round: Django (A)"
  (cd "$WORK" && LABEL="drf-r$round" RUN_TIME=$RUN_TIME USERS=$USERS SPAWN_RATE=$SPAWN ./bench.sh max > /dev/null 2>&1 || true)
  (cd "$WORK" && ./stop.sh > /dev/null 2>&1 || true)
  mkdir -p "$OUT/drf-r$round"; cp -r "$WORK/results/drf-r$round/." "$OUT/drf-r$round/"
  echo "== round $round: Java (B)"
  run_java "java-r$round"
done

/usr/bin/python3 - "$OUT" "$RUN_TIME" "$USERS" <<'PY'
import csv, glob, os, sys
out, run_time, users = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = []
for d in sorted(glob.glob(os.path.join(out, "*-r*"))):
    stats = glob.glob(os.path.join(d, "max_stats.csv"))
    if not stats:
        continue
    agg = send = None
    for r in csv.DictReader(open(stats[0])):
        if r["Name"] == "Aggregated":
            agg = r
        if r["Name"] == "/api/sms/send":
            send = r
    cpu = {}
    cpu_file = os.path.join(d, "cpu.csv")
    if os.path.exists(cpu_file):
        lines = list(csv.DictReader(open(cpu_file)))[5:]  # after spawning
        for k in lines[0].keys() if lines else []:
            if k in ("gunicorn", "java", "postgres", "locust", "other"):
                cpu[k] = sum(float(l[k]) for l in lines) / len(lines)
    rows.append((os.path.basename(d), float(agg["Requests/s"]), float(send["Requests/s"]), agg["50%"], agg["95%"],
                 agg["99%"], agg["Failure Count"], cpu))
with open(os.path.join(out, "compare.md"), "w") as f:
    f.write(f"| run | req/s | flows/s (sends/s) | SMS/hour | p50 / p95 / p99 ms | failures | CPU cores (server / postgres / locust) |\n|---|---:|---:|---:|---|---:|---|\n")
    for name, rps, fps, p50, p95, p99, fails, cpu in rows:
        server = cpu.get("gunicorn", cpu.get("java", 0))
        f.write(f"| {name} | {rps:.0f} | {fps:.1f} | {fps*3600:,.0f} | {p50} / {p95} / {p99} | {fails} | "
                f"{server:.2f} / {cpu.get('postgres', 0):.2f} / {cpu.get('locust', 0):.2f} |\n")
print(open(os.path.join(out, "compare.md")).read())
PY
