#!/usr/bin/env bash
# The Django reference and this service through the same Gatling find-capacity run (same scenario,
# gates, harness and machine), A B A B in one session; writes one table (target/compare-gatling/table.md).
# The reference runs unmodified: -Dpeer=django only makes the send check expect its success answer
# (201 "sent" instead of 202 "queued"); a send still has to succeed.
#
#   loadtest/compare/gatling-peer-ab.sh [SERVICE_JAVA]     # e.g. "$JDK25/bin/java"; default: java
#   ROUNDS=2 DJANGO_START=80000 HATO_START=400000 STEP_FACTOR=1.25 STEP=30s WARMUP=20s P95=50 P99=200
# Needs the reference's Debian packages (its install_deps.sh) and runs as root (its run.sh does).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PEER=${PEER:-$ROOT/../shared/peer/drf-reference}
JAVA=${1:-$(command -v java)}
ROUNDS=${ROUNDS:-2}
FIRST_ROUND=${FIRST_ROUND:-1}   # >1 continues a comparison whose earlier rounds are in $OUT
OUT=$ROOT/loadtest/target/compare-gatling
[ "$FIRST_ROUND" -gt 1 ] || rm -rf "$OUT"
mkdir -p "$OUT"
gates="-Pfind-capacity -DskipTests -DstepFactor=${STEP_FACTOR:-1.25} -DstepDuration=${STEP:-30s} -Dwarmup=${WARMUP:-20s} \
  -Dp95Ms=${P95:-50} -Dp99Ms=${P99:-200} -DmaxErrorRate=0"
cd "$ROOT"
[ -f server/target/sms-server.jar ] || mvn -q -B -pl server -am package -DskipTests

for round in $(seq "$FIRST_ROUND" "$ROUNDS"); do
  echo "== round $round: Django reference (A)"
  # Its PostgreSQL port (55432) lies in the ephemeral range: a client socket may hold it for a moment.
  for try in 1 2 3 4 5; do
    (cd "$PEER" && RESET_DB=1 ./run.sh > "$OUT/django-$round-start.log" 2>&1) && break
    (cd "$PEER" && ./stop.sh > /dev/null 2>&1 || true); sleep 10
  done
  mvn -q -B -pl loadtest verify $gates -Dpeer=django -Dhost=http://127.0.0.1:8000 -DserviceProcess=gunicorn \
    -DstartSmsPerHour="${DJANGO_START:-80000}" > "$OUT/django-$round.log" 2>&1 || true
  (cd "$PEER" && ./stop.sh > /dev/null 2>&1 || true)
  cp -r loadtest/target/capacity "$OUT/django-$round"
  echo "== round $round: this service (B), $JAVA"
  mvn -q -B -pl loadtest verify $gates -DserviceJava="$JAVA" -DstartSmsPerHour="${HATO_START:-400000}" \
    > "$OUT/hato-$round.log" 2>&1 || true
  cp -r loadtest/target/capacity "$OUT/hato-$round"
done

python3 - "$OUT" "$ROUNDS" <<'PY'
import json, sys
out, rounds = sys.argv[1], int(sys.argv[2])
lines = ["| run | highest rate that held (SMS/h) | its p50 / p95 / p99 ms | broke at (SMS/h) | why | CPU cores at the held step: service / PostgreSQL / Gatling / other |",
         "|---|---:|---|---:|---|---|"]
best = {}
for r in range(1, rounds + 1):
    for side in ("django", "hato"):
        s = json.load(open(f"{out}/{side}-{r}/find-capacity.json"))
        held = [x for x in s["steps"] if x["verdict"] == "PASS"]
        last = held[-1] if held else None
        broke = s.get("broke_at") or {}
        cpu = last["cpu_cores"] if last else [0, 0, 0, 0]
        best.setdefault(side, []).append(s["highest_sustained_sms_per_hour"])
        lines.append(f"| {side} {r} | {s['highest_sustained_sms_per_hour']:,} | "
                     + (f"{last['p50_ms']} / {last['p95_ms']} / {last['p99_ms']}" if last else "-") + " | "
                     + (f"{broke.get('offered_sms_per_hour', 0):,}" if broke else "-") + " | "
                     + (broke.get("why", "").replace("|", "/")[:120] if broke else "-") + " | "
                     + f"{cpu[1]:.2f} / {cpu[2]:.2f} / {cpu[0]:.2f} / {cpu[3]:.2f} |")
ratio = [h / d if d else 0 for h, d in zip(best["hato"], best["django"])]
lines.append("")
lines.append("ratio per round (this service / Django): " + ", ".join(f"{x:.1f}x" for x in ratio))
open(f"{out}/table.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
