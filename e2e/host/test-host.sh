#!/usr/bin/env bash
# VirtDesk test host: a real OpenSSH server on 127.0.0.1 + real libvirt (qemu:///session) for a
# dedicated unprivileged user + tiny disk-less QEMU guests + a dir pool (vd-images). Integration (vitest) and e2e
# (Playwright) tests connect to it exactly as VirtDesk connects to a user's server.
#
#   test-host.sh up                 bring up / repair; prints host.json on stdout (idempotent)
#   test-host.sh down               tear everything down (safe when nothing is up)
#   test-host.sh status             exit 0 if sshd answers and virsh works, else 1
#   test-host.sh virsh ARGS...      virsh -c qemu:///session ARGS... as the test user
#   test-host.sh peer-virsh ARGS... the same as the second test user (vdtest2; migration tests)
#   test-host.sh virt-install ARGS  virt-install --connect qemu:///session ARGS... as the test user
#   test-host.sh seed-many N [P]    define (not start) P001..PN (P: a prefix vd-…-, default vd-bench-)
#   test-host.sh unseed-many [P]    undefine every P* guest (default vd-bench-: use your own prefix)
#   test-host.sh kill-ssh-sessions  kill the per-connection sshd processes (simulated drop)
#
# Only stdout of `up` is machine-readable (the JSON). Progress goes to stderr.
# Environment: VIRTDESK_TEST_HOST_DIR (state dir, default /tmp/virtdesk-test-host),
#              VIRTDESK_TEST_HOST_KVM=1 (use KVM for vd-tiny when the test user can; default TCG).
set -euo pipefail

STATE="${VIRTDESK_TEST_HOST_DIR:-/tmp/virtdesk-test-host}"
STATE="${STATE%/}"
LOCKFILE="${STATE}.lock"
URI='qemu:///session'
PASSPHRASE='vd-passphrase'
SSHD=/usr/sbin/sshd
TINY=vd-tiny
KEY_COMMENT=virtdesk-test-client

SSHD_CONFIG="$STATE/sshd_config"
SSHD_PIDFILE="$STATE/sshd.pid"
SSHD_LOG="$STATE/sshd.log"
HOST_KEY="$STATE/ssh_host_ed25519_key"
CLIENT_KEY="$STATE/id_ed25519"
PASS_KEY="$STATE/id_ed25519_passphrase"
PASSWORD_FILE="$STATE/password"
PORT_FILE="$STATE/port"
HOST_JSON="$STATE/host.json"
SERIAL_DIR="$STATE/serial"
XML_DIR="$STATE/xml"

log() { printf '[test-host] %s\n' "$*" >&2; }
die() {
  printf '[test-host] ERROR: %s\n' "$*" >&2
  exit 1
}

# ---------------------------------------------------------------------------------------------
# Who is the test user?
if [[ $EUID -eq 0 ]]; then
  DEDICATED=1 # root: a dedicated unprivileged account, password auth testable
  TEST_USER=vdtest
  TEST_HOME=/home/vdtest
else
  DEDICATED=0 # not root: the current user, no password auth
  TEST_USER="$(id -un)"
  TEST_HOME="$HOME"
fi

user_exists() { id -u "$TEST_USER" >/dev/null 2>&1; }

runtime_dir() {
  if [[ $DEDICATED -eq 1 ]]; then
    printf '/run/user/%s' "$(id -u "$TEST_USER")"
  else
    printf '%s/runtime' "$STATE" # private: never share (or kill) the user's own session daemon
  fi
}

# Run a command as the test user with a clean, explicit environment. fd 9 (the lock) is closed so
# that daemons spawned from here (libvirtd, virtlogd) never inherit it.
as_user() {
  local -a envv=(
    "HOME=$TEST_HOME" "USER=$TEST_USER" "LOGNAME=$TEST_USER" "SHELL=/bin/bash"
    "PATH=/usr/local/bin:/usr/bin:/bin" "LANG=C.UTF-8" "XDG_RUNTIME_DIR=$RUNTIME_DIR"
  )
  if [[ $DEDICATED -eq 1 ]]; then
    runuser -u "$TEST_USER" -- env -i "${envv[@]}" "$@" 9>&-
  else
    env -i "${envv[@]}" "$@" 9>&-
  fi
}

# Internal virsh: bounded in time, quiet.
uvirsh() { as_user timeout -k 5 120 virsh -q -c "$URI" "$@"; }

take_lock() {
  exec 9>"$LOCKFILE"
  flock -w 600 9 || die "could not lock $LOCKFILE within 600 s"
}

# ---------------------------------------------------------------------------------------------
# Small helpers

# Alive and not a zombie (PID 1 here may reap orphans late; a zombie holds no socket any more).
pid_alive() {
  [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null || return 1
  local st=''
  # `read`, not `$(<…)`: reading the stat of a process that is being killed through $(<…) was seen
  # (bash 5.2) to end the whole script with exit 1 and no message — kill-ssh-sessions failed 1 in ~40.
  { read -r st <"/proc/$1/stat"; } 2>/dev/null || [[ -n "$st" ]] || return 1
  st="${st##*) }"
  [[ "${st%% *}" != Z ]]
}

# PIDs of processes whose command line mentions our sshd config (the listener of this state dir).
our_sshd_pids() {
  local p cmd
  for p in /proc/[0-9]*; do
    cmd="$(tr '\0' ' ' 2>/dev/null <"$p/cmdline")" || continue
    [[ "$cmd" == *"$SSHD_CONFIG"* ]] && printf '%s\n' "${p#/proc/}"
  done
  return 0
}

sshd_pid() {
  local pid
  [[ -s "$SSHD_PIDFILE" ]] || return 1
  pid="$(<"$SSHD_PIDFILE")"
  pid_alive "$pid" || return 1
  tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF "$SSHD_CONFIG" || return 1
  printf '%s' "$pid"
}

# Does something on 127.0.0.1:PORT speak SSH? (bounded: 3 s)
ssh_banner_ok() {
  python3 - "$1" <<'PY' 2>/dev/null
import socket, sys
try:
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=3)
    s.settimeout(3)
    ok = s.recv(64).startswith(b"SSH-2.0-")
    s.close()
except OSError:
    ok = False
sys.exit(0 if ok else 1)
PY
}

free_port() {
  python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'
}

port_is_free() {
  python3 - "$1" <<'PY' 2>/dev/null
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
PY
}

# Descendants of PID, one line per tree level ("pid pid ..."), shallowest first; bounded depth.
descendant_levels() {
  local -a queue=("$1") next=()
  local depth c p
  for ((depth = 0; depth < 16 && ${#queue[@]} > 0; depth++)); do
    next=()
    for p in "${queue[@]}"; do
      while read -r c; do
        [[ -n "$c" ]] && pid_alive "$c" && next+=("$c")
      done < <(pgrep -P "$p" 2>/dev/null || true)
    done
    ((${#next[@]})) && printf '%s\n' "${next[*]}"
    queue=("${next[@]}")
  done
  return 0
}

# Kill PIDs (TERM, then KILL after a bounded wait).
kill_pids() {
  local sig_wait="$1"
  shift
  local -a pids=("$@")
  local i p alive
  ((${#pids[@]})) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < sig_wait * 10; i++)); do
    alive=0
    for p in "${pids[@]}"; do pid_alive "$p" && alive=1; done
    ((alive)) || return 0
    sleep 0.1
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 30; i++)); do
    alive=0
    for p in "${pids[@]}"; do pid_alive "$p" && alive=1; done
    ((alive)) || return 0
    sleep 0.1
  done
}

# The user's libvirt session daemons (libvirtd / virtqemud / virtlogd ...) via their pid files in
# XDG_RUNTIME_DIR/libvirt — never by process name.
session_daemon_pids() {
  local f pid
  for f in "$RUNTIME_DIR"/libvirt/*.pid; do
    [[ -s "$f" ]] || continue
    pid="$(<"$f")"
    [[ "$pid" =~ ^[0-9]+$ ]] && pid_alive "$pid" && printf '%s\n' "$pid"
  done
  return 0
}

stop_session_daemons() {
  local -a pids
  mapfile -t pids < <(session_daemon_pids)
  if ((${#pids[@]})); then
    log "stopping libvirt session daemons: ${pids[*]}"
    kill_pids 10 "${pids[@]}"
  fi
}

# ---------------------------------------------------------------------------------------------
# Guest XML

# domain_xml NAME [SERIAL_LOG_FILE] [TYPE] [VARIANT]
# VARIANT: vnc (default) | vnc-pass (VNC with password VNC_PASSWORD) | spice (SPICE + QXL) |
#          serial2 (a second pty serial port) | vnc-socket (VNC on a unix socket, no TCP port)
VNC_PASSWORD='vd-pass1' # VNC uses at most 8 characters
domain_xml() {
  local name="$1" logfile="${2:-}" type="${3:-qemu}" variant="${4:-vnc}" logline='' extra_serial=''
  local graphics="    <graphics type='vnc' autoport='yes' listen='127.0.0.1'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>" video='vga'
  [[ -n "$logfile" ]] && logline="      <log file='$logfile' append='off'/>"
  case "$variant" in
    vnc) ;;
    vnc-pass)
      graphics="    <graphics type='vnc' autoport='yes' listen='127.0.0.1' passwd='$VNC_PASSWORD'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>"
      ;;
    spice)
      graphics="    <graphics type='spice' autoport='yes' listen='127.0.0.1'>
      <listen type='address' address='127.0.0.1'/>
      <image compression='off'/>
    </graphics>"
      video='qxl'
      ;;
    vnc-socket)
      graphics="    <graphics type='vnc'>
      <listen type='socket'/>
    </graphics>"
      ;;
    serial2)
      extra_serial="    <serial type='pty'>
      <target port='1'/>
    </serial>"
      ;;
    *) die "unknown guest variant $variant" ;;
  esac
  cat <<EOF
<domain type='$type'>
  <name>$name</name>
  <title>VirtDesk test guest</title>
  <memory unit='MiB'>64</memory>
  <currentMemory unit='MiB'>64</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <boot dev='hd'/>
    <bios useserial='yes'/>
  </os>
  <features>
    <acpi/>
  </features>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <serial type='pty'>
$logline
      <target port='0'/>
    </serial>
$extra_serial
    <console type='pty'>
      <target type='serial' port='0'/>
    </console>
$graphics
    <video>
      <model type='$video'/>
    </video>
  </devices>
</domain>
EOF
}

# ---------------------------------------------------------------------------------------------
# up

ensure_user() {
  if [[ $DEDICATED -eq 1 ]]; then
    if ! user_exists; then
      log "creating user $TEST_USER"
      useradd --create-home --home-dir "$TEST_HOME" --shell /bin/bash --user-group "$TEST_USER"
    fi
    # sshd (UsePAM no) refuses accounts whose password is locked ('!' in shadow), even for keys.
    if [[ ! -s "$PASSWORD_FILE" ]]; then
      python3 -c 'import secrets;print("vd-" + secrets.token_urlsafe(18))' >"$PASSWORD_FILE"
      chmod 0600 "$PASSWORD_FILE"
    fi
    printf '%s:%s\n' "$TEST_USER" "$(<"$PASSWORD_FILE")" | chpasswd
  fi
}

ensure_runtime_dir() {
  if [[ $DEDICATED -eq 1 ]]; then
    install -d -m 0755 /run/user
    install -d -m 0700 -o "$TEST_USER" -g "$(id -gn "$TEST_USER")" "$RUNTIME_DIR"
  else
    install -d -m 0700 "$RUNTIME_DIR"
  fi
}

ensure_keys() {
  [[ -s "$HOST_KEY" && -s "$HOST_KEY.pub" ]] ||
    { rm -f "$HOST_KEY" "$HOST_KEY.pub" && ssh-keygen -q -t ed25519 -N '' -C virtdesk-test-host -f "$HOST_KEY"; }
  [[ -s "$CLIENT_KEY" && -s "$CLIENT_KEY.pub" ]] ||
    { rm -f "$CLIENT_KEY" "$CLIENT_KEY.pub" && ssh-keygen -q -t ed25519 -N '' -C "$KEY_COMMENT" -f "$CLIENT_KEY"; }
  [[ -s "$PASS_KEY" && -s "$PASS_KEY.pub" ]] ||
    { rm -f "$PASS_KEY" "$PASS_KEY.pub" &&
      ssh-keygen -q -t ed25519 -N "$PASSPHRASE" -C "$KEY_COMMENT-passphrase" -f "$PASS_KEY"; }
  chmod 0600 "$HOST_KEY" "$CLIENT_KEY" "$PASS_KEY"
  chmod 0644 "$HOST_KEY.pub" "$CLIENT_KEY.pub" "$PASS_KEY.pub"

  local ssh_dir="$TEST_HOME/.ssh" ak="$TEST_HOME/.ssh/authorized_keys"
  local grp
  grp="$(id -gn "$TEST_USER")"
  if [[ $DEDICATED -eq 1 ]]; then
    install -d -m 0700 -o "$TEST_USER" -g "$grp" "$ssh_dir"
    cat "$CLIENT_KEY.pub" "$PASS_KEY.pub" >"$ak.tmp"
    chown "$TEST_USER:$grp" "$ak.tmp"
    chmod 0600 "$ak.tmp"
    mv -f "$ak.tmp" "$ak"
  else
    # The user's own file: append our lines once, never rewrite theirs (down removes ours).
    install -d -m 0700 "$ssh_dir"
    touch "$ak"
    chmod 0600 "$ak"
    local k
    for k in "$CLIENT_KEY.pub" "$PASS_KEY.pub"; do
      grep -qxF "$(<"$k")" "$ak" || cat "$k" >>"$ak"
    done
  fi
}

write_sshd_config() {
  local port="$1"
  cat >"$SSHD_CONFIG.tmp" <<EOF
# VirtDesk test host sshd (generated by e2e/host/test-host.sh)
ListenAddress 127.0.0.1
Port $port
HostKey $HOST_KEY
PidFile $SSHD_PIDFILE
UsePAM no
StrictModes no
PasswordAuthentication yes
PubkeyAuthentication yes
KbdInteractiveAuthentication no
PermitRootLogin no
AllowUsers $TEST_USER$(peer_enabled && printf ' %s' "$PEER_USER")
$(peer_enabled || printf 'SetEnv XDG_RUNTIME_DIR=%s' "$RUNTIME_DIR")
MaxSessions 10
AuthorizedKeysFile .ssh/authorized_keys
Subsystem sftp internal-sftp
AllowStreamLocalForwarding yes
AllowTcpForwarding yes
X11Forwarding no
PrintMotd no
LogLevel VERBOSE
EOF
  # Migration (issue 14): each user gets its own XDG_RUNTIME_DIR, so each reaches its own session
  # daemon. sshd keeps the FIRST SetEnv that applies, so with two users there is no global one.
  if peer_enabled; then
    printf 'Match User %s\n  SetEnv XDG_RUNTIME_DIR=%s\n' "$TEST_USER" "$RUNTIME_DIR" \
      "$PEER_USER" "$(peer_runtime_dir)" >>"$SSHD_CONFIG.tmp"
  fi
  mv -f "$SSHD_CONFIG.tmp" "$SSHD_CONFIG"
}

start_sshd() {
  local pid port attempt i
  if pid="$(sshd_pid)" && [[ -s "$PORT_FILE" ]] && ssh_banner_ok "$(<"$PORT_FILE")"; then
    return 0
  fi
  # Anything left over from a dead run (listener without pid file, hung listener): stop it.
  local -a stale
  mapfile -t stale < <(our_sshd_pids)
  if ((${#stale[@]})); then
    log "stopping stale sshd processes: ${stale[*]}"
    kill_pids 5 "${stale[@]}"
  fi
  rm -f "$SSHD_PIDFILE"
  install -d -m 0755 /run/sshd 2>/dev/null || [[ $DEDICATED -eq 0 ]] || die "cannot create /run/sshd"

  for ((attempt = 1; attempt <= 5; attempt++)); do
    port=''
    [[ -s "$PORT_FILE" ]] && port="$(<"$PORT_FILE")"
    if [[ -z "$port" ]] || ! port_is_free "$port"; then port="$(free_port)"; fi
    write_sshd_config "$port"
    "$SSHD" -t -f "$SSHD_CONFIG" || die "sshd -t rejected $SSHD_CONFIG"
    printf '%s\n' "$port" >"$PORT_FILE"
    log "starting sshd on 127.0.0.1:$port"
    "$SSHD" -f "$SSHD_CONFIG" -E "$SSHD_LOG" </dev/null >&2 9>&- || true
    for ((i = 0; i < 100; i++)); do # up to 10 s
      if pid="$(sshd_pid)" && ssh_banner_ok "$port"; then return 0; fi
      sleep 0.1
    done
    log "sshd did not come up on port $port (attempt $attempt); log tail:"
    tail -n 5 "$SSHD_LOG" >&2 2>/dev/null || true
    mapfile -t stale < <(our_sshd_pids)
    ((${#stale[@]})) && kill_pids 5 "${stale[@]}"
    rm -f "$PORT_FILE"
  done
  die "sshd failed to start"
}

ensure_libvirt() {
  local attempt
  for ((attempt = 1; attempt <= 2; attempt++)); do
    if uvirsh uri >/dev/null; then return 0; fi
    log "libvirt session not answering (attempt $attempt); restarting the session daemon"
    stop_session_daemons
    rm -f "$RUNTIME_DIR"/libvirt/*-sock "$RUNTIME_DIR"/libvirt/*.pid 2>/dev/null || true
  done
  uvirsh uri >/dev/null || die "virsh -c $URI does not work for $TEST_USER"
}

kvm_usable() { as_user test -r /dev/kvm -a -w /dev/kvm 2>/dev/null; }

# Console guests, all like vd-tiny (SeaBIOS, no disk, no NIC, serial log): NAME:VARIANT.
# vd-vnc-fail is the one whose display the e2e tests take away (so no other test loses its console).
CONSOLE_GUESTS=(vd-vnc-pass:vnc-pass vd-spice:spice vd-spice2:spice vd-serial2:serial2 vd-vnc-socket:vnc-socket
  vd-vnc-fail:vnc)

# define_guest NAME VARIANT: define it unless it exists (idempotent).
define_guest() {
  local name="$1" variant="$2"
  if uvirsh dominfo "$name" >/dev/null 2>&1; then return 0; fi
  local type=qemu
  if [[ "${VIRTDESK_TEST_HOST_KVM:-0}" == 1 ]] && kvm_usable; then type=kvm; fi
  log "defining $name (type $type, $variant)"
  domain_xml "$name" "$SERIAL_DIR/$name.log" "$type" "$variant" >"$XML_DIR/$name.xml"
  chmod 0644 "$XML_DIR/$name.xml"
  uvirsh define "$XML_DIR/$name.xml" >/dev/null
  if uvirsh dumpxml "$name" | grep -q '<interface'; then
    die "libvirt added a network interface to $name"
  fi
  if [[ -n "$(uvirsh domiflist "$name" | sed '/^[[:space:]-]*$/d; /^ *Interface/d')" ]]; then
    die "virsh domiflist $name is not empty"
  fi
}

ensure_tiny() {
  define_guest "$TINY" vnc
}

ensure_console_guests() {
  local g
  for g in "${CONSOLE_GUESTS[@]}"; do define_guest "${g%%:*}" "${g#*:}"; done
}

# The test user's own dir pool (session mode), built, started and autostarted (idempotent).
POOL=vd-images
ensure_pool() {
  if ! uvirsh pool-info "$POOL" >/dev/null 2>&1; then
    log "defining the dir pool $POOL in $TEST_HOME/vd-images"
    uvirsh pool-define-as "$POOL" dir --target "$TEST_HOME/vd-images" >/dev/null
    uvirsh pool-build "$POOL" >/dev/null
    uvirsh pool-autostart "$POOL" >/dev/null
  fi
  local info
  info="$(uvirsh pool-info "$POOL")"
  if ! grep -q '^State: *running' <<<"$info"; then uvirsh pool-start "$POOL" >/dev/null; fi
}

# --- Install media for the New VM wizard (issue 11) ------------------------------------------
# A bootable ISO built from debian-installer-12-netboot-amd64 (isolinux + xorriso, installer on
# ttyS0), copied into the pool as vd-media-debian12-netboot.iso, and the same kernel/initrd plus
# the ISO under ~/vd-media/ for the path and direct-kernel methods. Skipped (with a note) when the
# packages are missing; rebuilt only when absent.
MEDIA_DI=/usr/lib/debian-installer/images/12/amd64/text/debian-installer/amd64
MEDIA_ISO_NAME=vd-media-debian12-netboot.iso
ensure_media() {
  local media="$TEST_HOME/vd-media" grp
  if [[ ! -r "$MEDIA_DI/linux" || ! -r /usr/lib/ISOLINUX/isolinux.bin ]] || ! command -v xorriso >/dev/null; then
    log "install media skipped: needs debian-installer-12-netboot-amd64, isolinux, syslinux-common, xorriso"
    return 0
  fi
  grp="$(id -gn "$TEST_USER")"
  if [[ ! -s "$media/debian12-netboot.iso" || ! -s "$media/initrd.gz" ]]; then
    log "building the Debian 12 netboot installer ISO in $media"
    local tree
    tree="$(mktemp -d)"
    install -d "$tree/isolinux" "$tree/install"
    cp /usr/lib/ISOLINUX/isolinux.bin /usr/lib/syslinux/modules/bios/ldlinux.c32 "$tree/isolinux/"
    cp "$MEDIA_DI/linux" "$tree/install/vmlinuz"
    cp "$MEDIA_DI/initrd.gz" "$tree/install/initrd.gz"
    printf '%s\n' 'SERIAL 0 115200' 'DEFAULT install' 'PROMPT 0' 'TIMEOUT 0' 'LABEL install' \
      '  KERNEL /install/vmlinuz' '  APPEND initrd=/install/initrd.gz console=ttyS0,115200n8 priority=low ---' \
      >"$tree/isolinux/isolinux.cfg"
    install -d -m 0755 -o "$TEST_USER" -g "$grp" "$media"
    xorriso -as mkisofs -quiet -o "$media/debian12-netboot.iso.tmp" -V 'VD_DEBIAN12_NETBOOT' \
      -b isolinux/isolinux.bin -c isolinux/boot.cat -no-emul-boot -boot-load-size 4 -boot-info-table \
      -isohybrid-mbr /usr/lib/ISOLINUX/isohdpfx.bin "$tree" >/dev/null 2>&1
    rm -rf "$tree"
    install -m 0644 -o "$TEST_USER" -g "$grp" "$MEDIA_DI/linux" "$media/linux"
    install -m 0644 -o "$TEST_USER" -g "$grp" "$MEDIA_DI/initrd.gz" "$media/initrd.gz.tmp"
    mv -f "$media/initrd.gz.tmp" "$media/initrd.gz"
    chown "$TEST_USER:$grp" "$media/debian12-netboot.iso.tmp"
    chmod 0644 "$media/debian12-netboot.iso.tmp"
    mv -f "$media/debian12-netboot.iso.tmp" "$media/debian12-netboot.iso"
  fi
  if ! uvirsh vol-info --pool "$POOL" "$MEDIA_ISO_NAME" >/dev/null 2>&1; then
    install -m 0644 -o "$TEST_USER" -g "$grp" "$media/debian12-netboot.iso" "$TEST_HOME/vd-images/$MEDIA_ISO_NAME"
    uvirsh pool-refresh "$POOL" >/dev/null
  fi
}

# --- A second test user with its own session daemon (issue 14: migrate) ----------------------
# PEER_USER (root only): its own account, XDG_RUNTIME_DIR (an sshd Match block) and libvirt session
# daemon, whose ~/.config/libvirt/libvirtd.conf sets its own host_uuid (two session daemons on one
# machine otherwise report the same host UUID, and libvirt refuses to migrate "to the same host").
# Each user has an SSH key the other accepts and this sshd's key in known_hosts, so either session
# daemon can migrate peer-to-peer to the other (qemu+ssh://USER@127.0.0.1:PORT/session). The
# first `up` that adds it reloads the running sshd (SIGHUP: same port, open sessions stay).
PEER_USER=vdtest2
PEER_HOME=/home/vdtest2
PEER_PASSWORD_FILE="$STATE/password-$PEER_USER"

peer_enabled() { [[ $DEDICATED -eq 1 ]]; }
peer_runtime_dir() { printf '/run/user/%s' "$(id -u "$PEER_USER")"; }

as_peer() {
  runuser -u "$PEER_USER" -- env -i "HOME=$PEER_HOME" "USER=$PEER_USER" "LOGNAME=$PEER_USER" \
    "SHELL=/bin/bash" "PATH=/usr/local/bin:/usr/bin:/bin" "LANG=C.UTF-8" \
    "XDG_RUNTIME_DIR=$(peer_runtime_dir)" "$@" 9>&-
}
pvirsh() { as_peer timeout -k 5 120 virsh -q -c "$URI" "$@"; }

# The account, its runtime dir and its libvirtd.conf with a host_uuid of its own (idempotent).
ensure_peer_user() {
  peer_enabled || return 0
  if ! id -u "$PEER_USER" >/dev/null 2>&1; then
    log "creating user $PEER_USER"
    useradd --create-home --home-dir "$PEER_HOME" --shell /bin/bash --user-group "$PEER_USER"
  fi
  if [[ ! -s "$PEER_PASSWORD_FILE" ]]; then # sshd (UsePAM no) refuses locked accounts
    python3 -c 'import secrets;print("vd-" + secrets.token_urlsafe(18))' >"$PEER_PASSWORD_FILE"
    chmod 0600 "$PEER_PASSWORD_FILE"
    printf '%s:%s\n' "$PEER_USER" "$(<"$PEER_PASSWORD_FILE")" | chpasswd
  fi
  local grp conf
  grp="$(id -gn "$PEER_USER")"
  install -d -m 0755 /run/user
  install -d -m 0700 -o "$PEER_USER" -g "$grp" "$(peer_runtime_dir)"
  conf="$PEER_HOME/.config/libvirt/libvirtd.conf"
  if ! grep -qs '^host_uuid = ' "$conf"; then
    as_peer install -d -m 0700 "$PEER_HOME/.config" "$PEER_HOME/.config/libvirt"
    printf 'host_uuid = "%s"\n' "$(python3 -c 'import uuid;print(uuid.uuid4())')" | as_peer tee "$conf" >/dev/null
  fi
}

peer_host_uuid() { sed -n 's/^host_uuid = "\(.*\)"$/\1/p' "$PEER_HOME/.config/libvirt/libvirtd.conf"; }

# Keys both ways (each user's ~/.ssh/id_ed25519 accepted by the other) and this sshd's host key in
# both known_hosts files: what a session daemon's qemu+ssh:// connection to the other needs.
ensure_peer_keys() {
  peer_enabled || return 0
  local port line u home grp
  port="$(<"$PORT_FILE")"
  line="[127.0.0.1]:$port $(cut -d' ' -f1,2 <"$HOST_KEY.pub")"
  for u in "$TEST_USER" "$PEER_USER"; do
    home="$(getent passwd "$u" | cut -d: -f6)"
    grp="$(id -gn "$u")"
    install -d -m 0700 -o "$u" -g "$grp" "$home/.ssh"
    [[ -s "$home/.ssh/id_ed25519" ]] ||
      runuser -u "$u" -- ssh-keygen -q -t ed25519 -N '' -C "$KEY_COMMENT-migrate" -f "$home/.ssh/id_ed25519" 9>&-
    [[ -f "$home/.ssh/known_hosts" ]] || install -m 0600 -o "$u" -g "$grp" /dev/null "$home/.ssh/known_hosts"
    grep -qxF "$line" "$home/.ssh/known_hosts" || printf '%s\n' "$line" >>"$home/.ssh/known_hosts"
  done
  grp="$(id -gn "$PEER_USER")"
  cat "$CLIENT_KEY.pub" "$PASS_KEY.pub" "$TEST_HOME/.ssh/id_ed25519.pub" >"$PEER_HOME/.ssh/authorized_keys.tmp"
  chown "$PEER_USER:$grp" "$PEER_HOME/.ssh/authorized_keys.tmp"
  chmod 0600 "$PEER_HOME/.ssh/authorized_keys.tmp"
  mv -f "$PEER_HOME/.ssh/authorized_keys.tmp" "$PEER_HOME/.ssh/authorized_keys"
  grep -qxF "$(<"$PEER_HOME/.ssh/id_ed25519.pub")" "$TEST_HOME/.ssh/authorized_keys" ||
    cat "$PEER_HOME/.ssh/id_ed25519.pub" >>"$TEST_HOME/.ssh/authorized_keys"
}

# A running sshd whose config predates the peer: rewrite it and reload (SIGHUP re-executes the
# listener with the same pid and port; sessions already open are separate processes and stay).
reload_sshd_for_peer() {
  peer_enabled || return 0
  grep -qx "Match User $PEER_USER" "$SSHD_CONFIG" 2>/dev/null && return 0
  local pid port i
  pid="$(sshd_pid)" || return 0
  port="$(<"$PORT_FILE")"
  write_sshd_config "$port"
  "$SSHD" -t -f "$SSHD_CONFIG" || die "sshd -t rejected $SSHD_CONFIG"
  log "reloading sshd ($pid) for $PEER_USER"
  kill -HUP "$pid"
  for ((i = 0; i < 100; i++)); do
    sleep 0.1
    ssh_banner_ok "$port" && return 0
  done
  die "sshd did not come back after the reload"
}

# The peer's session daemon answers and reports its own host UUID (restarted once if not).
ensure_peer_libvirt() {
  peer_enabled || return 0
  local want attempt f pid caps
  want="$(peer_host_uuid)"
  for ((attempt = 1; attempt <= 2; attempt++)); do
    # Read it whole first: `grep -q` closing the pipe early fails the pipeline under pipefail.
    caps="$(pvirsh capabilities 2>/dev/null)" || caps=''
    if [[ "$caps" == *"<uuid>$want</uuid>"* ]]; then return 0; fi
    log "$PEER_USER's libvirt session is not answering with its own host UUID; restarting it"
    for f in "$(peer_runtime_dir)"/libvirt/*.pid; do
      [[ -s "$f" ]] || continue
      pid="$(<"$f")"
      [[ "$pid" =~ ^[0-9]+$ ]] && pid_alive "$pid" && kill_pids 10 "$pid"
    done
    rm -f "$(peer_runtime_dir)"/libvirt/*-sock "$(peer_runtime_dir)"/libvirt/*.pid 2>/dev/null || true
  done
  die "virsh -c $URI as $PEER_USER does not report host_uuid $want"
}

ensure_peer() {
  ensure_peer_user
  ensure_peer_keys
  reload_sshd_for_peer
  ensure_peer_libvirt
}

# Remove the peer's vd-* guests and stop its daemons (down).
peer_down() {
  peer_enabled && id -u "$PEER_USER" >/dev/null 2>&1 || return 0
  local -a names pids
  mapfile -t names < <(pvirsh list --all --name 2>/dev/null | grep '^vd-' || true)
  local n
  for n in "${names[@]}"; do
    pvirsh destroy "$n" >/dev/null 2>&1 || true
    pvirsh undefine "$n" --managed-save --snapshots-metadata --nvram >/dev/null 2>&1 || pvirsh undefine "$n" >/dev/null 2>&1 || true
  done
  mapfile -t pids < <(for p in $(pgrep -u "$PEER_USER" 2>/dev/null); do pid_alive "$p" && echo "$p"; done)
  ((${#pids[@]})) && kill_pids 5 "${pids[@]}"
  rm -rf "$PEER_HOME/.config/libvirt" "$PEER_HOME/.local/share/libvirt" "$PEER_HOME/.ssh/authorized_keys"
  rm -rf "$(peer_runtime_dir)"
}

write_host_json() {
  local port pub fp pid dtype
  port="$(<"$PORT_FILE")"
  pub="$(cut -d' ' -f1,2 <"$HOST_KEY.pub")"
  fp="$(ssh-keygen -l -E sha256 -f "$HOST_KEY.pub" | cut -d' ' -f2)"
  pid="$(sshd_pid)"
  dtype="$(uvirsh dumpxml "$TINY" | sed -n "1s/^<domain type='\([a-z]*\)'.*/\1/p")"
  VD_HOST_JSON="$HOST_JSON" VD_PORT="$port" VD_USER="$TEST_USER" VD_DEDICATED="$DEDICATED" \
    VD_PASSWORD_FILE="$PASSWORD_FILE" VD_KEY="$CLIENT_KEY" VD_PASS_KEY="$PASS_KEY" \
    VD_PASSPHRASE="$PASSPHRASE" VD_PUB="$pub" VD_FP="$fp" VD_URI="$URI" VD_RUNTIME="$RUNTIME_DIR" \
    VD_STATE="$STATE" VD_SERIAL="$SERIAL_DIR" VD_HOME="$TEST_HOME" VD_PID="$pid" VD_KVM="$([[ $dtype == kvm ]] && echo 1 || echo 0)" VD_VNC_PASSWORD="$VNC_PASSWORD" \
    VD_PEER_USER="$(peer_enabled && printf '%s' "$PEER_USER")" VD_PEER_HOME="$PEER_HOME" \
    VD_PEER_RUNTIME="$(peer_enabled && peer_runtime_dir)" VD_PEER_UUID="$(peer_enabled && peer_host_uuid)" \
    python3 - <<'PY'
import json, os
e = os.environ
port = int(e["VD_PORT"])
password = None
if e["VD_DEDICATED"] == "1":
    with open(e["VD_PASSWORD_FILE"]) as f:
        password = f.read().strip()
doc = {
    "host": "127.0.0.1",
    "port": port,
    "user": e["VD_USER"],
    "password": password,
    "privateKeyPath": e["VD_KEY"],
    "passphraseKeyPath": e["VD_PASS_KEY"],
    "passphrase": e["VD_PASSPHRASE"],
    "hostKeyPublic": e["VD_PUB"],
    "knownHostsLine": f"[127.0.0.1]:{port} {e['VD_PUB']}",
    "hostKeySha256": e["VD_FP"],
    "uri": e["VD_URI"],
    "runtimeDir": e["VD_RUNTIME"],
    "stateDir": e["VD_STATE"],
    "serialLogDir": e["VD_SERIAL"],
    "home": e["VD_HOME"],
    "sshdPid": int(e["VD_PID"]),
    "kvm": e["VD_KVM"] == "1",
    "vncPassword": e["VD_VNC_PASSWORD"],
    # The second test user (migration, issue 14); null when the script ran unprivileged.
    "peer": {
        "user": e["VD_PEER_USER"],
        "home": e["VD_PEER_HOME"],
        "runtimeDir": e["VD_PEER_RUNTIME"],
        "hostUuid": e["VD_PEER_UUID"],
    }
    if e["VD_PEER_USER"]
    else None,
}
tmp = e["VD_HOST_JSON"] + ".tmp"
with open(tmp, "w") as f:
    json.dump(doc, f, indent=2)
    f.write("\n")
os.chmod(tmp, 0o644)
os.replace(tmp, e["VD_HOST_JSON"])
PY
}

# Everything healthy? Then `up` only re-prints host.json.
healthy() {
  [[ -s "$HOST_JSON" && -s "$PORT_FILE" && -s "$CLIENT_KEY" && -s "$PASS_KEY" && -d "$SERIAL_DIR" ]] || return 1
  local pid
  pid="$(sshd_pid)" || return 1
  grep -q "\"sshdPid\": $pid," "$HOST_JSON" || return 1
  ssh_banner_ok "$(<"$PORT_FILE")" || return 1
  grep -q '"vncPassword"' "$HOST_JSON" || return 1
  # One virsh call checks every seeded guest.
  local names g
  names="$(uvirsh list --all --name 2>/dev/null)" || return 1
  for g in "$TINY:vnc" "${CONSOLE_GUESTS[@]}"; do grep -qxF "${g%%:*}" <<<"$names" || return 1; done
}

# nodedev-event (issue 10): libvirt's node device driver learns of devices coming and going only
# from udevd's netlink group (never the kernel's), so without a udevd `nodedev-event` never fires.
# Root only; optional (a missing udev package only means no node device events).
ensure_udevd() {
  [[ $EUID -eq 0 ]] || return 0
  local udevd=/lib/systemd/systemd-udevd
  [[ -x "$udevd" ]] || return 0
  pgrep -x systemd-udevd >/dev/null 2>&1 && return 0
  "$udevd" --daemon >/dev/null 2>&1 9>&- || log "warning: systemd-udevd did not start (no nodedev-event)"
}

cmd_up() {
  command -v virsh >/dev/null || die "virsh not found (apt-get install libvirt-clients)"
  [[ -x "$SSHD" ]] || die "$SSHD not found (apt-get install openssh-server)"
  take_lock
  if user_exists; then
    RUNTIME_DIR="$(runtime_dir)"
    if [[ -d "$RUNTIME_DIR" ]] && healthy; then
      ensure_udevd
      ensure_pool
      ensure_media
      ensure_peer
      grep -q '"peer"' "$HOST_JSON" || write_host_json
      cat "$HOST_JSON"
      return 0
    fi
  fi
  log "bringing up the test host in $STATE"
  install -d -m 0755 "$STATE"
  ensure_user
  RUNTIME_DIR="$(runtime_dir)"
  ensure_runtime_dir
  local grp
  grp="$(id -gn "$TEST_USER")"
  install -d -m 0755 -o "$TEST_USER" -g "$grp" "$SERIAL_DIR"
  install -d -m 0755 "$XML_DIR"
  ensure_keys
  ensure_peer_user
  start_sshd
  ensure_peer
  ensure_libvirt
  ensure_tiny
  ensure_console_guests
  ensure_udevd
  ensure_pool
  ensure_media
  write_host_json
  cat "$HOST_JSON"
}

# ---------------------------------------------------------------------------------------------
# down

remove_vd_domains() {
  local -a names
  mapfile -t names < <(uvirsh list --all --name 2>/dev/null | grep '^vd-' || true)
  ((${#names[@]})) || return 0
  log "removing ${#names[@]} vd-* guest(s)"
  local script n
  script="$(mktemp)"
  chmod 0644 "$script"
  for n in "${names[@]}"; do
    printf 'destroy %s\nundefine %s --managed-save --snapshots-metadata --checkpoints-metadata --nvram\n' "$n" "$n"
  done >"$script"
  as_user timeout -k 5 300 virsh -q -c "$URI" <"$script" >/dev/null 2>&1 || true
  rm -f "$script"
  # Fallback for anything the flags refused.
  mapfile -t names < <(uvirsh list --all --name 2>/dev/null | grep '^vd-' || true)
  for n in "${names[@]}"; do uvirsh undefine "$n" >/dev/null 2>&1 || true; done
}

cmd_down() {
  take_lock
  cmd_kill_ssh_sessions_inner
  if user_exists; then
    RUNTIME_DIR="$(runtime_dir)"
    if [[ -d "$RUNTIME_DIR" ]]; then
      remove_vd_domains
      stop_session_daemons
    fi
  fi
  peer_down
  local -a pids
  mapfile -t pids < <(our_sshd_pids)
  if ((${#pids[@]})); then
    log "stopping sshd: ${pids[*]}"
    kill_pids 5 "${pids[@]}"
  fi
  if user_exists; then
    if [[ $DEDICATED -eq 1 ]]; then
      # Whatever still runs as the dedicated test user (qemu, virtlogd, session commands).
      mapfile -t pids < <(for p in $(pgrep -u "$TEST_USER" 2>/dev/null); do pid_alive "$p" && echo "$p"; done)
      if ((${#pids[@]})); then
        log "stopping remaining $TEST_USER processes: ${pids[*]}"
        kill_pids 5 "${pids[@]}"
      fi
      # Reset the dedicated account's libvirt state so the next `up` starts pristine.
      # (~/.cache/libvirt is kept: only the QEMU capabilities cache, saves ~1 s on the next up.)
      rm -rf "$TEST_HOME/.config/libvirt" "$TEST_HOME/.local/share/libvirt"
      rm -f "$TEST_HOME/.ssh/authorized_keys"
      rm -rf "$RUNTIME_DIR"
    elif [[ -f "$TEST_HOME/.ssh/authorized_keys" ]]; then
      sed -i "/ $KEY_COMMENT\(-passphrase\)\?\$/d" "$TEST_HOME/.ssh/authorized_keys"
    fi
  fi
  rm -rf "$STATE"
  log "down"
}

# ---------------------------------------------------------------------------------------------
# other subcommands

# Kill every process below the sshd listener at once with SIGKILL: the TCP connections die with
# no SSH-level goodbye and no orderly channel exits, like a dropped network link.
cmd_kill_ssh_sessions_inner() {
  local listener line
  local -a all=() level
  listener="$(sshd_pid)" || return 0
  while read -r line; do
    read -r -a level <<<"$line"
    all+=("${level[@]}")
  done < <(descendant_levels "$listener")
  ((${#all[@]})) || return 0
  kill -KILL "${all[@]}" 2>/dev/null || true
  # SIGKILL is sent; the connections are gone even if a process lingers as the kernel reaps it.
  kill_pids 5 "${all[@]}" || log "some sshd session processes were still exiting"
  log "killed ${#all[@]} sshd session process(es): ${all[*]}"
}

cmd_status() {
  user_exists || { log "down: no user $TEST_USER"; return 1; }
  RUNTIME_DIR="$(runtime_dir)"
  [[ -s "$HOST_JSON" && -s "$PORT_FILE" ]] || { log "down: no $HOST_JSON"; return 1; }
  sshd_pid >/dev/null || { log "down: sshd not running"; return 1; }
  ssh_banner_ok "$(<"$PORT_FILE")" || { log "down: sshd not answering"; return 1; }
  uvirsh uri >/dev/null 2>&1 || { log "down: virsh -c $URI fails"; return 1; }
  log "up: 127.0.0.1:$(<"$PORT_FILE") user $TEST_USER"
}

cmd_virsh() {
  user_exists || die "user $TEST_USER does not exist (run: test-host.sh up)"
  RUNTIME_DIR="$(runtime_dir)"
  [[ -d "$RUNTIME_DIR" ]] || ensure_runtime_dir
  as_user virsh -c "$URI" "$@"
}

# virsh as the second test user (its own session daemon; migration tests).
cmd_peer_virsh() {
  peer_enabled || die "no second test user when the script runs unprivileged"
  id -u "$PEER_USER" >/dev/null 2>&1 || die "user $PEER_USER does not exist (run: test-host.sh up)"
  as_peer virsh -c "$URI" "$@"
}

# virt-install as the test user against its session libvirt (the wizard's XML is compared with it).
cmd_virt_install() {
  user_exists || die "user $TEST_USER does not exist (run: test-host.sh up)"
  RUNTIME_DIR="$(runtime_dir)"
  [[ -d "$RUNTIME_DIR" ]] || ensure_runtime_dir
  command -v virt-install >/dev/null || die "virt-install not found (apt-get install virtinst)"
  as_user virt-install --connect "$URI" "$@"
}

# A seeding prefix: vd-, then letters/digits/dashes, ending in a dash (each helper seeds its own).
seed_prefix() {
  local prefix="${1:-vd-bench-}"
  [[ "$prefix" =~ ^vd-[a-z0-9-]*-$ ]] || die "seed prefix must look like vd-xx-bench-, got '$prefix'"
  printf '%s' "$prefix"
}

cmd_seed_many() {
  local n="${1:-}" prefix
  prefix="$(seed_prefix "${2:-}")"
  [[ "$n" =~ ^[0-9]{1,4}$ ]] || die "usage: seed-many N (1..5000)"
  n=$((10#$n))
  ((n >= 1 && n <= 5000)) || die "usage: seed-many N (1..5000)"
  take_lock
  user_exists || die "test host is not up"
  RUNTIME_DIR="$(runtime_dir)"
  [[ -d "$STATE" ]] || die "test host is not up"
  local -A have=()
  local name i tmp
  while read -r name; do [[ -n "$name" ]] && have[$name]=1; done < <(uvirsh list --all --name)
  tmp="$(mktemp -d "$STATE/seed.XXXXXX")"
  chmod 0755 "$tmp"
  : >"$tmp/script"
  for ((i = 1; i <= n; i++)); do
    printf -v name '%s%03d' "$prefix" "$i"
    [[ -n "${have[$name]:-}" ]] && continue
    domain_xml "$name" >"$tmp/$name.xml"
    printf 'define %s\n' "$tmp/$name.xml" >>"$tmp/script"
  done
  chmod -R a+r "$tmp"
  if [[ -s "$tmp/script" ]]; then
    as_user timeout -k 5 600 virsh -q -c "$URI" <"$tmp/script" >/dev/null || true
  fi
  rm -rf "$tmp"
  local count
  count="$(uvirsh list --all --name | grep -c "^$prefix" || true)"
  ((count >= n)) || die "seed-many: only $count of $n $prefix guests defined"
  log "seeded: $count $prefix guest(s) defined"
}

cmd_unseed_many() {
  local prefix
  prefix="$(seed_prefix "${1:-}")"
  take_lock
  user_exists || return 0
  RUNTIME_DIR="$(runtime_dir)"
  [[ -d "$RUNTIME_DIR" ]] || return 0
  local -a names
  mapfile -t names < <(uvirsh list --all --name | grep "^$prefix" || true)
  ((${#names[@]})) || return 0
  local script n
  script="$(mktemp)"
  chmod 0644 "$script"
  for n in "${names[@]}"; do printf 'destroy %s\nundefine %s\n' "$n" "$n"; done >"$script"
  as_user timeout -k 5 600 virsh -q -c "$URI" <"$script" >/dev/null 2>&1 || true
  rm -f "$script"
  local left
  left="$(uvirsh list --all --name | grep -c "^$prefix" || true)"
  ((left == 0)) || die "unseed-many: $left $prefix guest(s) remain"
  log "unseeded ${#names[@]} $prefix guest(s)"
}

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    virsh) cmd_virsh "$@" ;;
    peer-virsh) cmd_peer_virsh "$@" ;;
    virt-install) cmd_virt_install "$@" ;;
    seed-many) cmd_seed_many "$@" ;;
    unseed-many) cmd_unseed_many "$@" ;;
    kill-ssh-sessions)
      RUNTIME_DIR=''
      cmd_kill_ssh_sessions_inner
      ;;
    *) usage ;;
  esac
}

RUNTIME_DIR=''
main "$@"
