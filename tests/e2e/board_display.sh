#!/bin/sh
# The display board's voice and its display role, through the real binary:
#  - `board say NUMBER COUNTER --wav` writes the call as the board sounds it (chime + Indonesian
#    speech), `--no-speech` the chime alone, and bad numbers or counters are refused;
#  - `board say` plays through SDL audio (the dummy driver here) and returns once it is heard;
#  - `--role display` starts, stays idle without using the CPU, and stops on SIGTERM.
# usage: board_display.sh DESA_KIOSK ASSETS_DIR OUT_DIR
set -eu
kiosk=$1; assets=$2; out=$3
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$out"
run() { "$kiosk" --config "$assets/demo/kiosk.toml" --data-dir "$work/data" "$@"; }
fail() { echo "FAIL: $*"; exit 1; }
size_of() { wc -c < "$1" | tr -d ' '; }

said=$(run board say A012 1 --wav "$out/A012-loket-1.wav")
echo "$said" | grep -q "Nomor antrian A nol dua belas, silakan ke loket satu." || fail "sentence: $said"
[ "$(head -c 4 "$out/A012-loket-1.wav")" = RIFF ] || fail "not a WAV file"
bytes=$(size_of "$out/A012-loket-1.wav")
# Chime (1.6 s) + pause + at least 2 s of speech at 22050 Hz, 16-bit mono.
[ "$bytes" -gt $((44 + 2 * 22050 * 4)) ] || fail "call too short: $bytes bytes"
echo "ok: A012 at counter 1 -> $bytes bytes ($(echo "$said" | tail -1))"

run board say Z999 12 --wav "$out/Z999-loket-12.wav" | grep -q "sembilan ratus sembilan puluh sembilan, silakan ke loket dua belas" \
  || fail "Z999 at counter 12"
run board say A012 1 --no-speech --wav "$out/chime.wav" >/dev/null
[ "$(size_of "$out/chime.wav")" -eq $((44 + 2 * 35280)) ] || fail "chime alone is not 1.6 s: $(size_of "$out/chime.wav")"
echo "ok: chime alone, speech off -> 1.6 s"

for bad in "A12 1" "a012 1" "A012 0" "A012 100" "A0123 1" "'A 12' 1"; do
  set +e
  eval run board say $bad --wav "$work/bad.wav" >/dev/null 2>"$work/err"
  rc=$?
  set -e
  [ "$rc" -eq 2 ] || fail "board say $bad: exit $rc, expected 2"
  [ ! -e "$work/bad.wav" ] || fail "board say $bad wrote a file"
  grep -q "loket 1 sampai 99" "$work/err" || fail "board say $bad: no clear message"
done
echo "ok: malformed numbers and counters refused with exit 2"

start=$(date +%s)
run board say B004 2 --no-speech >/dev/null || fail "playing through SDL audio"
echo "ok: played through SDL audio ($(( $(date +%s) - start )) s)"

# The display role: up, idle, stopped by SIGTERM. Under Xvfb (when installed) SDL really sleeps in
# SDL_WaitEventTimeout; its dummy video driver instead polls every millisecond (~2 % CPU), so
# the bound is looser there.
if command -v xvfb-run >/dev/null 2>&1; then
  xvfb-run -a env SDL_VIDEODRIVER=x11 "$kiosk" --config "$assets/demo/kiosk.toml" --data-dir "$work/data" \
    --role display --windowed --size 1280x800 2>"$work/display.log" &
  limit_percent=1
else
  # Not through run(): a backgrounded function is a subshell, and SIGTERM must reach the kiosk.
  "$kiosk" --config "$assets/demo/kiosk.toml" --data-dir "$work/data" \
    --role display --windowed --size 1280x800 2>"$work/display.log" &
  limit_percent=5
fi
pid=$!
sleep 3
kill -0 "$pid" 2>/dev/null || { cat "$work/display.log"; fail "display role exited early"; }
board=$pid  # under xvfb-run: its child
[ "$limit_percent" = 1 ] && board=$(pgrep -P "$pid" -f -- "--role display" || true)
[ -n "$board" ] || fail "no display board process"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before=$(ticks "$board")
sleep 5
after=$(ticks "$board")
hz=$(getconf CLK_TCK)
echo "ok: idle display board used $((after - before)) CPU ticks of $((5 * hz)) in 5 s (limit $limit_percent %)"
[ $((after - before)) -le $((5 * hz * limit_percent / 100)) ] || fail "idle board is busy: $((after - before)) ticks in 5 s"
kill -TERM "$board"
wait "$pid" || fail "display role exit code $?"
pid=
grep -q "display board started" "$work/display.log" || fail "no start line"
echo "ok: display role started and stopped on SIGTERM"
