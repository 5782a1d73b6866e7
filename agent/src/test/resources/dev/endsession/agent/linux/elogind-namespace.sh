#!/bin/bash
# Runs elogind for a test, made harmless, as PID 1 of a new PID and mount namespace:
#   unshare --pid --fork --mount-proc --mount elogind-namespace.sh WORKDIR ELOGIND_ROOT INHIBIT_DELAY_MAX_SEC
# elogind executes /sbin/poweroff itself, so BEFORE it starts, /sbin and /usr/sbin's poweroff, reboot,
# halt, kexec and shutdown are overlaid (in this mount namespace only) by a command that only appends
# "EPOCH_MS NAME ARGS" to WORKDIR/power-actions.log, and each is checked. /run, /sys/fs/cgroup and
# /var/log (elogind writes there) are private too. Prints "ready" once elogind owns its bus name,
# then waits; when this PID 1 ends, the kernel ends every process of the namespace.
set -u
W=$1 ROOT=$2 DELAY=$3
[ $$ -eq 1 ] || { echo "refusing: not PID 1 of a new PID namespace"; exit 99; }
[ -x "$ROOT/lib/elogind/elogind" ] || { echo "refusing: no elogind in $ROOT (scripts/install-test-packages unpacks it)"; exit 96; }
FAKE=$W/sbin-fake; mkdir -p "$FAKE"; : >> "$W/power-actions.log"
for c in poweroff reboot halt kexec shutdown; do
  printf '#!/bin/sh\n# endsession-test-fake-power: logs, does nothing\necho "$(date +%%s%%3N) $(basename "$0") $*" >> %s\nexit 0\n' "$W/power-actions.log" > "$FAKE/$c"
  chmod 755 "$FAKE/$c"
done
for d in $(readlink -f /usr/sbin /sbin | sort -u); do
  mount -t overlay overlay -o "lowerdir=$FAKE:$d" "$d" || { echo "refusing: overlay on $d failed"; exit 98; }
done
for c in poweroff reboot halt kexec shutdown; do for d in /sbin /usr/sbin; do
  grep -q endsession-test-fake-power "$d/$c" 2>/dev/null || { echo "refusing: $d/$c is not the harmless stand-in"; exit 97; }
done; done
echo "power commands verified harmless"
mount -t tmpfs tmpfs /sys/fs/cgroup && mount -t tmpfs tmpfs /run || { echo "refusing: private /run failed"; exit 95; }
mkdir -p /run/dbus /run/elogind/logind.conf.d /run/systemd "$W/var-log"
printf '[Login]\nInhibitDelayMaxSec=%s\n' "$DELAY" > /run/elogind/logind.conf.d/50-test.conf
mount --bind "$W/var-log" /var/log
cat > "$W/system.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=/run/dbus/system_bus_socket</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/><allow own="*"/><allow send_type="method_call"/>
    <allow send_destination="*"/><allow receive_sender="*"/>
  </policy>
</busconfig>
CONF
dbus-daemon --config-file="$W/system.conf" --fork || { echo "system bus failed"; exit 94; }
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=/run/dbus/system_bus_socket
LD_LIBRARY_PATH=$ROOT/lib/elogind:$(echo "$ROOT"/lib/*-linux-gnu | tr ' ' :) "$ROOT/lib/elogind/elogind" > "$W/elogind.log" 2>&1 &
for i in $(seq 400); do
  [ "$(gdbus call --system -d org.freedesktop.DBus -o /org/freedesktop/DBus -m org.freedesktop.DBus.NameHasOwner org.freedesktop.login1 2>/dev/null)" = "(true,)" ] \
    && { echo "ready"; exec sleep infinity; }
  sleep 0.05
done
echo "elogind did not start"; cat "$W/elogind.log"; exit 93
