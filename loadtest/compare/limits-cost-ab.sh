#!/bin/bash
# A B A B of the send limits' cost per SMS with every limit on (set high enough never to refuse), warm
# (60-s warm-up, one 60-s step at 150,000 SMS/hour, a fresh instance each run):
#   JDK25=... A_JAR=before.jar B_JAR=after.jar [OUT=dir] loadtest/compare/limits-cost-ab.sh
set -u
JDK25=${JDK25:?set JDK25 to a JDK 25 home}
ARGS="--sms.limits.per-user-per-minute=100000000 --sms.limits.per-destination-per-hour=100000 --sms.limits.daily-segments=1000000000 --sms.limits.per-user-daily-segments=1000000000"
cd "$(dirname "$0")/../.."
for run in A1 B1 A2 B2; do
  case $run in A*) jar=${A_JAR:?};; B*) jar=${B_JAR:?};; esac
  mvn -q -B -o -pl loadtest verify -Pfind-capacity -DskipTests -Dprerequisites.skip=true -DstartSmsPerHour=150000 -DmaxSteps=1 -DstepDuration=60s -Dwarmup=60s \
     -DserviceJava=$JDK25/bin/java -DserverJar=$jar "-DserviceArgs=$ARGS" > ${OUT:-/tmp}/limits-$run.log 2>&1
  rc=$?
  cp loadtest/target/capacity/find-capacity.json ${OUT:-/tmp}/limits-$run.json
  echo "$run $(date +%T) exit=$rc"
done
