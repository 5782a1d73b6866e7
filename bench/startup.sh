#!/usr/bin/env bash
# Start-up bench: wall and CPU time of a hello-world JVM, bare, with an empty agent, with the EndSession
# agent (no rules), with a plugin that does nothing (what any listener costs), and with the agent
# and a rules file. Runs are interleaved (one of each, N times)
# so that load from elsewhere on the machine falls on every configuration alike; prints medians.
# Usage: bench/startup.sh [runs] [agent-jar]   (after mvn package; default 15 runs)
#   OTHER_AGENT=path/to/another/endsession-agent.jar adds that jar, without and with the tracking rule
#   (to compare a build of main, or another weaver, in the same session).
#   BRIDGE=bus runs the agents with the session bus bridge (a private bus directory) instead of none.
set -euo pipefail
cd "$(dirname "$0")"
RUNS=${1:-15}
AGENT=$(realpath "${2:-../agent/target/endsession-agent.jar}")
OUT=target
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" src/Hello.java src/EmptyAgent.java
mkdir -p "$OUT/plugin/classes/META-INF/services" "$OUT/plugins"
javac -cp "$AGENT" -d "$OUT/plugin/classes" src/NopListener.java
echo NopListener > "$OUT/plugin/classes/META-INF/services/dev.endsession.api.EndSessionListener"
jar cf "$OUT/plugins/nop.jar" -C "$OUT/plugin/classes" .
printf 'Premain-Class: EmptyAgent\n' > "$OUT/manifest.txt"
jar cfm "$OUT/empty-agent.jar" "$OUT/manifest.txt" -C "$OUT/classes" EmptyAgent.class
CP="$OUT/classes"
B=${BRIDGE:-none}
export ENDSESSION_BUS_DIR="$PWD/$OUT/bus"
declare -A CMD=(
  [1-bare]="java -Xshare:auto -cp $CP Hello"
  [2-empty-agent]="java -Xshare:auto -javaagent:$OUT/empty-agent.jar -cp $CP Hello"
  [3-agent-no-rules]="java -Xshare:auto -javaagent:$AGENT=bridge=$B -cp $CP Hello"
  [3b-agent-nop-plugin]="java -Xshare:auto -javaagent:$AGENT=bridge=$B,plugins=$OUT/plugins -cp $CP Hello"
  [4-agent-accessor-rule]="java -Xshare:auto -javaagent:$AGENT=bridge=$B,rules=accessor.rules -cp $CP Hello"
  [5-agent-tracking-rule]="java -Xshare:auto -javaagent:$AGENT=bridge=$B,rules=tracking.rules -cp $CP Hello"
)
if [[ -n "${OTHER_AGENT:-}" ]]; then
  OTHER=$(realpath "$OTHER_AGENT")
  CMD[6-other-no-rules]="java -Xshare:auto -javaagent:$OTHER=bridge=$B -cp $CP Hello"
  CMD[7-other-tracking-rule]="java -Xshare:auto -javaagent:$OTHER=bridge=$B,rules=tracking.rules -cp $CP Hello"
fi
NAMES=$(printf '%s\n' "${!CMD[@]}" | sort)
for name in $NAMES; do : > "$OUT/$name.ms"; : > "$OUT/$name.cpu"; ${CMD[$name]} > /dev/null; done   # warm the page cache
secs() { awk -F'[ms]' '{print $1 * 60 + $2}' <<< "$1"; }
for ((i = 0; i < RUNS; i++)); do
  for name in $NAMES; do
    start=$(date +%s%N)
    # `times` in the subshell: the JVM's own user and system CPU time, which load elsewhere disturbs less than wall time
    cpu=$( ( ${CMD[$name]} > /dev/null; times ) | tail -1 )
    echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$OUT/$name.ms"
    read -r user sys <<< "$cpu"
    awk "BEGIN{print int(($(secs "$user") + $(secs "$sys")) * 1000)}" >> "$OUT/$name.cpu"
  done
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
EMPTY=$(median "$OUT/2-empty-agent.ms"); EMPTY_CPU=$(median "$OUT/2-empty-agent.cpu")
printf '%-24s %10s %12s %10s %12s
' configuration "wall" "vs empty" "cpu" "vs empty"
for name in $NAMES; do
  m=$(median "$OUT/$name.ms"); c=$(median "$OUT/$name.cpu")
  printf '%-24s %7s ms %+9s ms %7s ms %+9s ms\n' "$name" "$m" "$(awk "BEGIN{print $m-$EMPTY}")" "$c" "$(awk "BEGIN{print $c-$EMPTY_CPU}")"
done
echo "(medians of $RUNS runs each, interleaved; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1))"
