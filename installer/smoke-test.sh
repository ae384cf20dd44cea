#!/usr/bin/env bash
# Smoke test of the real Linux package, as a person would use it: build the .deb, apt-install it,
# check the menu entry, run the server from the installed launcher without a display, start the
# app from the menu entry's command line on a fresh X display with a fresh home and see its window
# (screenshot: target/installer/smoke.png), run the demo on the installed runtime
# (smoke-demo.png), upgrade the package in place, uninstall it and check that the user's data
# stayed.
#
# Needs root, apt-get and (Debian) xvfb x11-utils imagemagick fakeroot; .ci/run installs them.
#   installer/smoke-test.sh              build the .deb (./mvnw -Pinstaller package), then test it
#   installer/smoke-test.sh --no-build   test target/installer/parley_*.deb as it is
set -euo pipefail
cd "$(dirname "$0")/.."
project="$PWD"
out="$project/target/installer"
started=$(date +%s)

say() { echo "smoke-test: $*"; }
fail() {
  echo "smoke-test: FAILED: $*" >&2
  for f in "$work"/app.log "$work"/demo.log; do
    [ -s "$f" ] && { echo "--- $f" >&2; tail -n 40 "$f" >&2; }
  done
  exit 1
}

[ "$(id -u)" = 0 ] || { echo "smoke-test: needs root (it installs the package)" >&2; exit 2; }
for tool in apt-get dpkg Xvfb xwininfo xprop import; do
  command -v "$tool" >/dev/null || { echo "smoke-test: $tool is missing" >&2; exit 2; }
done
export DEBIAN_FRONTEND=noninteractive

work="$(mktemp -d /tmp/parley-smoke.XXXXXX)"
app_pid=""
xvfb_pid=""
cleanup() {
  for f in "$work"/*.log; do [ -f "$f" ] && cp "$f" "$out/smoke-$(basename "$f")"; done
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if dpkg -s parley >/dev/null 2>&1; then apt-get purge -y -qq parley >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- build -----------------------------------------------------------------------------------
if [ "${1:-}" != "--no-build" ]; then
  t=$(date +%s)
  ./mvnw -B -ntp -q -Pinstaller -Dparley.installer.types=deb -DskipTests package
  say "built the .deb in $(( $(date +%s) - t )) s"
fi
deb=$(ls "$out"/parley_*_amd64.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no $out/parley_*_amd64.deb"
version=$(dpkg-deb -f "$deb" Version)
say "$deb: version $version, $(( $(stat -c %s "$deb") / 1000000 )) MB"

# --- install ---------------------------------------------------------------------------------
if dpkg -s parley >/dev/null 2>&1; then apt-get purge -y -qq parley >/dev/null; fi
t=$(date +%s)
apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "apt-get install $deb"; }
say "installed in $(( $(date +%s) - t )) s"
[ "$(dpkg-query -W -f '${Status}' parley)" = "install ok installed" ] || fail "parley is not installed"

# The menu entry: xdg-desktop-menu puts it into /usr/share/applications.
desktop=/usr/share/applications/parley-Parley.desktop
[ -f "$desktop" ] || fail "no menu entry $desktop"
grep -qx 'Name=Parley' "$desktop" || fail "menu entry without Name=Parley"
grep -qx 'Categories=Network;InstantMessaging;Chat;' "$desktop" || fail "menu entry not under Network"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$icon" ] || fail "menu entry icon $icon is missing"
wm_class=$(sed -n 's/^StartupWMClass=//p' "$desktop")
[ -n "$wm_class" ] || fail "menu entry without StartupWMClass"
# The command line the menu runs, without field codes like %U.
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | sed 's/ %[a-zA-Z]//g')
launcher=${exec_line%% *}
[ -x "$launcher" ] || fail "the menu entry's program $launcher is not executable"
say "menu entry ok: Exec=$exec_line Icon=$icon StartupWMClass=$wm_class"

# Every library the installed app needs is there (the package's Depends are complete); the
# runtime's own libraries (libjvm.so, libjava.so...) are found at run time inside the runtime.
install_dir=$(dirname "$(dirname "$launcher")")
missing=""
for lib in $(find "$install_dir" -type f \( -name '*.so' -o -perm -u+x \) -exec ldd {} + 2>/dev/null |
    awk '/=> not found/{print $1}' | sort -u); do
  [ -n "$(find "$install_dir" -name "$lib" -print -quit)" ] || missing="$missing $lib"
done
[ -z "$missing" ] || fail "libraries missing for the installed app:$missing"

# --- the server, from the installed launcher, without a display --------------------------------
[ "$(readlink -f /usr/bin/parley)" = "$(readlink -f "$launcher")" ] || fail "/usr/bin/parley does not run $launcher"
env -u DISPLAY parley --version | grep -q '^parley ' || fail "parley --version"
# The class-data archive of the start-up (postinst made it from the class list Package.java
# recorded) is there and valid for the installed jars: -Xshare:on refuses to start otherwise.
[ -f "$install_dir/lib/app/parley.jsa" ] || fail "postinst made no class-data archive $install_dir/lib/app/parley.jsa"
env -u DISPLAY JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:cds=info" parley --version >"$work/cds.log" 2>&1 ||
  fail "the class-data archive is unusable: $(cat "$work/cds.log")"
grep -q "Opened archive $install_dir/lib/app/parley.jsa" "$work/cds.log" ||
  fail "the app does not start with its class-data archive: $(head -n 5 "$work/cds.log")"
env -u DISPLAY parley server --help >"$work/server-help.txt" 2>&1 || fail "parley server --help: $(cat "$work/server-help.txt")"
grep -q -- '--data-dir' "$work/server-help.txt" || fail "parley server --help does not mention --data-dir"
mkdir "$work/server-data"
env -u DISPLAY parley server --data-dir "$work/server-data" --host 127.0.0.1 --port 0 >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 60); do
  grep -q '^listening on http://' "$work/server.out" && break
  kill -0 "$server_pid" 2>/dev/null || fail "the installed server exited: $(cat "$work/server.log")"
  sleep 0.5
done
grep -q '^listening on http://' "$work/server.out" || fail "the installed server did not start listening in 30 s"
kill -TERM "$server_pid"
wait "$server_pid" 2>/dev/null || true
[ -f "$work/server-data/parley.db" ] || fail "the server made no database in its data directory"
say "server ok: $(head -n 1 "$work/server.out"), stopped cleanly"

# --- the desktop app, started as the menu starts it -----------------------------------------
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X$display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"

# A fresh user: home and XDG directories of its own (Java takes user.home from the password
# database, not $HOME, hence -Duser.home).
home="$work/home"
mkdir -p "$home"
touch "$work/before-start"
t=$(date +%s)
env -i PATH="$PATH" DISPLAY=":$display" HOME="$home" USER=root LANG=C.UTF-8 \
  XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
  JAVA_TOOL_OPTIONS="-Duser.home=$home" \
  $exec_line >"$work/app.log" 2>&1 &
app_pid=$!

window=""
for _ in $(seq 1 120); do
  window=$(DISPLAY=":$display" xwininfo -root -tree 2>/dev/null | awk '/^ +0x[0-9a-f]+ "Parley": /{print $1; exit}')
  if [ -n "$window" ] && DISPLAY=":$display" xwininfo -id "$window" | grep -q 'Map State: IsViewable'; then break; fi
  window=""
  if ! kill -0 "$app_pid" 2>/dev/null; then
    rc=0
    wait "$app_pid" || rc=$?
    app_pid=""
    fail "the app exited (status $rc) before showing a window"
  fi
  sleep 0.5
done
[ -n "$window" ] || fail "no window named Parley within 60 s"
say "window $window \"Parley\" shown $(( $(date +%s) - t )) s after start"

# It keeps running: still alive 10 s later (and the welcome screen has painted).
sleep 10
kill -0 "$app_pid" 2>/dev/null || fail "the app died within 10 s of showing its window"
DISPLAY=":$display" import -window root "$out/smoke.png" || fail "screenshot"
say "screenshot: $out/smoke.png"
title=$(DISPLAY=":$display" xprop -id "$window" _NET_WM_NAME | sed -n 's/.* = "\(.*\)"$/\1/p')
[ "$title" = "Parley" ] || fail "window title is \"$title\", not Parley"
actual_class=$(DISPLAY=":$display" xprop -id "$window" WM_CLASS | sed -n 's/.*= "\([^"]*\)", "\([^"]*\)"$/\2/p')
[ "$actual_class" = "$wm_class" ] ||
  fail "window WM_CLASS is \"$actual_class\" but the menu entry says StartupWMClass=$wm_class"
say "window title \"$title\", WM_CLASS \"$actual_class\" matches the menu entry"

data_dir="$home/.local/share/parley"
config_dir="$home/.config/parley"
[ -d "$data_dir" ] || fail "the app made no per-user data directory $data_dir"
written=$(find "$install_dir" -newer "$work/before-start" -print | head -n 5)
[ -z "$written" ] || fail "the app wrote into its install directory: $written"
[ ! -e "$home/.openjfx" ] || fail "JavaFX unpacked its native libraries into ~/.openjfx instead of using the runtime's"
touch "$data_dir/smoke-test-marker"

stop_app() {
  kill -TERM "$app_pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}
stop_app

# The whole stack on the installed runtime: the demo signs in to an embedded server (SQLite,
# Flyway, Jetty, OkHttp, the UI). A module missing from the jlinked runtime shows up here.
t=$(date +%s)
env -i PATH="$PATH" DISPLAY=":$display" HOME="$home" USER=root LANG=C.UTF-8 \
  JAVA_TOOL_OPTIONS="-Duser.home=$home" \
  $exec_line --demo --home "$work/demo" >"$work/demo.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
  grep -q 'Parley server on http://' "$work/demo.log" && break
  kill -0 "$app_pid" 2>/dev/null || fail "the demo exited: $(tail -n 20 "$work/demo.log")"
  sleep 0.5
done
grep -q 'Parley server on http://' "$work/demo.log" || fail "the demo's embedded server did not start in 60 s"
sleep 10
kill -0 "$app_pid" 2>/dev/null || fail "the demo died: $(tail -n 20 "$work/demo.log")"
! grep -E 'NoClassDefFoundError|ClassNotFoundException|UnsatisfiedLinkError|ServiceConfigurationError' "$work/demo.log" ||
  fail "the installed runtime lacks something the demo needs (above)"
DISPLAY=":$display" import -window root "$out/smoke-demo.png" || fail "screenshot"
say "demo ok: embedded server up and the app alive $(( $(date +%s) - t )) s after start; screenshot: $out/smoke-demo.png"
stop_app
kill "$xvfb_pid" 2>/dev/null || true
xvfb_pid=""

# --- upgrade in place: the same package as the next version ----------------------------------
# (repacked, uncompressed, so the test stays quick: what matters are the maintainer scripts and
# the stable package name)
next="${version%%-*}"
next="${next%.*}.$(( ${next##*.} + 1 ))-1"
dpkg-deb -R "$deb" "$work/repack"
sed -i "s/^Version: .*/Version: $next/" "$work/repack/DEBIAN/control"
dpkg-deb -Znone -b "$work/repack" "$work/parley_next_amd64.deb" >/dev/null
rm -rf "$work/repack"
apt-get install -y -qq --no-install-recommends "$work/parley_next_amd64.deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "upgrade to $next"; }
[ "$(dpkg-query -W -f '${Version}' parley)" = "$next" ] || fail "the upgrade did not install $next"
[ -f "$desktop" ] || fail "the menu entry is gone after the upgrade"
[ -L /usr/bin/parley ] || fail "/usr/bin/parley is gone after the upgrade"
[ -f "$install_dir/lib/app/parley.jsa" ] || fail "no class-data archive after the upgrade"
[ -f "$data_dir/smoke-test-marker" ] || fail "the upgrade touched the user's data"
say "upgraded in place $version -> $next"

# --- uninstall -------------------------------------------------------------------------------
apt-get remove -y -qq parley >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get remove parley"; }
[ ! -e "$desktop" ] || fail "the menu entry is still there after apt-get remove"
[ ! -e /usr/bin/parley ] || fail "/usr/bin/parley is still there after apt-get remove"
[ ! -e "$launcher" ] || fail "$launcher is still there after apt-get remove"
[ ! -e "$install_dir/lib/app/parley.jsa" ] || fail "the class-data archive is still there after apt-get remove"
apt-get purge -y -qq parley >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get purge parley"; }
[ -f "$data_dir/smoke-test-marker" ] && [ -d "$config_dir" ] || fail "uninstalling removed the user's data or settings"
say "uninstalled; the user's data and settings are still in $data_dir and $config_dir"

say "passed in $(( $(date +%s) - started )) s"
