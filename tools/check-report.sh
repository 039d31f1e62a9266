#!/usr/bin/env bash
# Check the HTML report in a real browser and take its screenshot.
#
#   tools/check-report.sh [OPTIONS] [OMNI [SCREENSHOT]]
#
# Builds the demo store in a temporary directory with OMNI (default: target/debug/omni),
# writes `omni report --html`, opens the page in headless Chromium and saves a full-page
# screenshot to SCREENSHOT (default: docs/report.png). Exits non-zero, saying why, when:
#   - the page logs a console error (console.error/console.assert), throws an uncaught
#     exception, or Chromium logs an error for it (e.g. "Failed to load resource");
#   - a resource fails to load, or the page requests anything but itself (a self-contained
#     page loads no image, style sheet, font or script, from the network or from disk);
#   - the HTML holds a <script> (the report has no JavaScript) or points a src/href/url()
#     at an http(s):// or //host address (links <a href> are fine: they load nothing);
#   - the page does not finish loading within the time limit;
#   - the demo report draws no SVG chart.
#
# Options:
#   --page FILE       check this HTML file instead of building the demo report (the
#                     screenshot then defaults to FILE with .png for its extension)
#   --width PX        viewport and screenshot width in CSS pixels (default 1200)
#   --max-height PX   cut the screenshot at this height, 0 = whole page (default 0)
#   --timeout S       give up on the browser after S seconds (default 60)
#   --keep            keep the temporary directory (report, screenshot, browser log)
#   --self-test       check that this script fails on bad pages and passes a good one
#   -h, --help        this help
#
# Exit status: 0 the page passed (screenshot written), 1 the check failed (the temporary
# directory is kept and named), 2 a usage or setup error (no omni, no browser, no python3).
#
# The browser is $CHROMIUM if set, else the first of chromium, chromium-headless-shell,
# chromium-browser, google-chrome-stable, google-chrome on PATH. It is driven through the
# DevTools protocol over a pipe (--remote-debugging-pipe) by a small Python 3 helper (standard
# library only), which sees every console message, exception and request of the page.
# Debian: apt-get install chromium (or chromium-headless-shell) python3
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
self="$repo/tools/$(basename "${BASH_SOURCE[0]}")"

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
die() { echo "check-report: $*" >&2; exit 2; }

page="" width=1200 max_height=0 timeout=60 keep=0 self_test=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --page) [ $# -ge 2 ] || die "--page needs a FILE"; page="$2"; shift 2 ;;
    --width) [ $# -ge 2 ] || die "--width needs PX"; width="$2"; shift 2 ;;
    --max-height) [ $# -ge 2 ] || die "--max-height needs PX"; max_height="$2"; shift 2 ;;
    --timeout) [ $# -ge 2 ] || die "--timeout needs SECONDS"; timeout="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --self-test) self_test=1; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; args+=("$@"); break ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) args+=("$1"); shift ;;
  esac
done
for n in "$width" "$max_height" "$timeout"; do
  [[ "$n" =~ ^[0-9]+$ ]] || die "not a whole number: $n"
done
[ "$width" -ge 200 ] || die "--width must be at least 200"
[ "$timeout" -ge 1 ] || die "--timeout must be at least 1"

find_chromium() {
  local c
  if [ -n "${CHROMIUM:-}" ]; then
    command -v "$CHROMIUM" || die "CHROMIUM=$CHROMIUM is not an executable"
    return
  fi
  for c in chromium chromium-headless-shell chromium-browser google-chrome-stable google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return; fi
  done
  die "no Chromium found (tried chromium, chromium-headless-shell, chromium-browser, google-chrome); on Debian: apt-get install chromium, or set CHROMIUM"
}

# ---------------------------------------------------------------------------------------------
# --self-test: run this script on pages that must fail (and one that must pass).
if [ "$self_test" = 1 ]; then
  [ "${#args[@]}" -eq 0 ] || die "--self-test takes no OMNI or SCREENSHOT"
  st="$(mktemp -d "${TMPDIR:-/tmp}/check-report-selftest.XXXXXX")"
  trap 'rm -rf "$st"' EXIT
  head='<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title><style>body{font:14px sans-serif}</style></head><body><h1>t</h1>'
  svg='<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20" width="200" height="40"><rect width="60" height="20" fill="#369"/></svg>'
  tail='</body></html>'
  printf '%s\n' "$head$svg<p><a href=\"https://example.org/\">a link loads nothing</a></p>$tail" >"$st/good.html"
  printf '%s\n' "$head$svg<script>console.error(\"x\")</script>$tail" >"$st/console-error.html"
  printf '%s\n' "$head$svg<img src=\"missing.png\" alt=\"\">$tail" >"$st/missing-image.html"
  printf '%s\n' "$head$svg<script>null.boom()</script>$tail" >"$st/exception.html"
  printf '%s\n' "$head$svg<img src=\"http://127.0.0.1:9/logo.png\" alt=\"\">$tail" >"$st/remote-image.html"
  printf '%s\n' "$head<style>@import url(\"//127.0.0.1:9/x.css\");</style>$svg$tail" >"$st/remote-css.html"
  # page | expected exit | what the failure must mention (each ;-separated text, any case)
  cases=(
    "good.html|0|"
    "console-error.html|1|console.error: x"
    "missing-image.html|1|failed to load file:;the page requests file:;Failed to load resource"
    "exception.html|1|uncaught exception: TypeError"
    "remote-image.html|1|remote address: <img src=\"http://127.0.0.1:9/logo.png"
    "remote-css.html|1|remote address: url(\"//127.0.0.1:9/x.css"
  )
  bad=0
  for c in "${cases[@]}"; do
    IFS='|' read -r file want text <<<"$c"
    set +e
    # TMPDIR: the directory a failing check keeps goes away with $st
    out="$(TMPDIR="$st" "$self" --timeout "$timeout" --page "$st/$file" "$st/${file%.html}.png" 2>&1)"
    rc=$?
    set -e
    missing=""
    IFS=';' read -r -a texts <<<"$text"
    for t in ${texts[@]+"${texts[@]}"}; do grep -qiF -- "$t" <<<"$out" || missing="$t"; done
    if [ "$want" = 0 ] && [ "$rc" = 0 ]; then
      echo "self-test ok: $file passes"
    elif [ "$want" != 0 ] && [ "$rc" = 1 ] && [ -z "$missing" ]; then
      echo "self-test ok: $file fails, saying:"
      grep -E '^  - ' <<<"$out" | sed 's/^/    /'
    else
      echo "self-test FAILED: $file exited $rc (expected $want${text:+, mentioning \"$text\"}); its output:" >&2
      # shellcheck disable=SC2001
      sed 's/^/    /' <<<"$out" >&2
      bad=1
    fi
  done
  [ "$bad" = 0 ] || { echo "check-report: self-test failed" >&2; exit 1; }
  echo "check-report: self-test passed"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
# The check itself.
[ "${#args[@]}" -le 2 ] || die "too many arguments (see --help)"
if [ -n "$page" ]; then
  [ "${#args[@]}" -le 1 ] || die "with --page, only SCREENSHOT may follow"
  shot="${args[0]:-${page%.*}.png}"
  [ -f "$page" ] || die "no such page: $page"
else
  omni="${args[0]:-$repo/target/debug/omni}"
  shot="${args[1]:-$repo/docs/report.png}"
  [ -x "$omni" ] || die "no omni binary at $omni (build it with cargo build, or pass its path)"
fi
command -v python3 >/dev/null 2>&1 || die "python3 is required (Debian: apt-get install python3)"
chromium="$(find_chromium)"
case "$shot" in *.png) ;; *) die "the screenshot must be a .png: $shot" ;; esac
[ -d "$(dirname "$shot")" ] || die "no directory for the screenshot: $(dirname "$shot")"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/check-report.XXXXXX")"
cleanup() {
  local rc=$?
  if [ "$keep" = 1 ] || [ "$rc" != 0 ]; then
    echo "check-report: kept $tmp (page, screenshot, browser log)" >&2
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT
started=$SECONDS

if [ -z "$page" ]; then
  omni="$(cd "$(dirname "$omni")" && pwd)/$(basename "$omni")"
  # Run from the temporary directory with a relative --db: the page then names the store
  # "omni.db", not a random temporary path (the screenshot stays the same from run to run).
  if ! (cd "$tmp" && "$omni" --db omni.db --no-progress demo) >"$tmp/demo.log" 2>&1; then
    echo "check-report: FAILED: omni demo failed; its output:" >&2
    sed 's/^/    /' "$tmp/demo.log" >&2
    exit 1
  fi
  if ! (cd "$tmp" && "$omni" --db omni.db --no-progress report --html report.html) >"$tmp/report.log" 2>&1; then
    echo "check-report: FAILED: omni report --html failed; its output:" >&2
    sed 's/^/    /' "$tmp/report.log" >&2
    exit 1
  fi
  page="$tmp/report.html"
  need_svg=1
else
  need_svg=0
fi

failures=()
# Static checks on the HTML: no JavaScript, nothing fetched from elsewhere. The SVG namespace
# (xmlns="http://www.w3.org/2000/svg") is a name, not an address: only attributes that load
# something, and CSS url()/@import, are looked at.
flat="$(tr '\n\r' '  ' <"$page")"
if grep -qiE '<script[ >/]' <<<"$flat"; then
  failures+=("the page holds a <script> element (the report must work without JavaScript)")
fi
ext_tags="$(grep -oiE '<[a-z][a-z0-9:-]*[^>]*[[:space:]](src|srcset|href|xlink:href|poster|data|action|formaction|background)[[:space:]]*=[[:space:]]*["'"'"']?[[:space:]]*(https?:|//)[^>]*>' <<<"$flat" \
  | grep -viE '^<a[[:space:]]' || true)"
if [ -n "$ext_tags" ]; then
  while IFS= read -r t; do failures+=("not self-contained: the HTML points at a remote address: ${t:0:160}"); done <<<"$ext_tags"
fi
ext_css="$(grep -oiE '(url\([[:space:]]*["'"'"']?[[:space:]]*(https?:|//)[^)]*\)|@import[[:space:]]+["'"'"'](https?:|//)[^"'"'"']*)' <<<"$flat" || true)"
if [ -n "$ext_css" ]; then
  while IFS= read -r t; do failures+=("not self-contained: the CSS points at a remote address: ${t:0:160}"); done <<<"$ext_css"
fi

# The browser: load the page, collect what goes wrong, take the screenshot.
cat >"$tmp/cdp.py" <<'PY'
import base64, json, math, os, select, signal, subprocess, sys, time

chromium, page_url, shot, width, max_height, timeout, need_svg, profile, log = sys.argv[1:]
width, max_height, timeout, need_svg = int(width), int(max_height), float(timeout), need_svg == "1"
deadline = time.monotonic() + timeout
problems, notes = [], []

headless = "--headless" if "headless-shell" in os.path.basename(chromium) else "--headless=new"
flags = [headless, "--remote-debugging-pipe", "--user-data-dir=" + profile,
         # the page is our own local file; containers (and root) rarely allow the sandbox
         "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
         "--no-first-run", "--no-default-browser-check", "--disable-extensions",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--mute-audio", "--force-device-scale-factor=1",
         "--lang=en-US", "about:blank"]

cmd_r, cmd_w = os.pipe()   # we write commands, Chromium reads them on fd 3
res_r, res_w = os.pipe()   # Chromium writes replies and events on fd 4
def child_fds():
    a, b = os.dup(cmd_r), os.dup(res_w)
    os.dup2(a, 3); os.dup2(b, 4)   # os.dup2 makes them inheritable; the rest are close-on-exec
with open(log, "wb") as logf:
    proc = subprocess.Popen([chromium] + flags, stdin=subprocess.DEVNULL, stdout=logf, stderr=logf,
                            preexec_fn=child_fds, close_fds=False, start_new_session=True)
os.close(cmd_r); os.close(res_w)

buf, next_id, sid = b"", 0, None
requests = {}      # requestId -> url
page_file = page_url

def fail(msg):
    if msg not in problems:
        problems.append(msg)

def bail(msg):
    fail(msg)
    finish(1)

def finish(code):
    try:
        os.killpg(proc.pid, signal.SIGTERM)   # our own process group, started above
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    report(code)

def report(code):
    print(json.dumps({"problems": problems, "notes": notes}))
    sys.exit(code)

def send(method, params=None, session=True):
    global next_id
    next_id += 1
    msg = {"id": next_id, "method": method, "params": params or {}}
    if session and sid:
        msg["sessionId"] = sid
    os.write(cmd_w, json.dumps(msg).encode() + b"\0")
    return next_id

def read_message(until):
    global buf
    while b"\0" not in buf:
        left = until - time.monotonic()
        if left <= 0:
            return None
        r, _, _ = select.select([res_r], [], [], left)
        if not r:
            return None
        chunk = os.read(res_r, 1 << 20)
        if not chunk:
            bail("the browser exited unexpectedly (exit %s); its log: %s" % (proc.poll(), log))
        buf += chunk
    raw, buf = buf.split(b"\0", 1)
    msg = json.loads(raw)
    if "method" in msg:
        on_event(msg)
    return msg

def call(method, params=None, session=True):
    want = send(method, params, session)
    while True:
        msg = read_message(deadline)
        if msg is None:
            bail("timed out after %ss waiting for the browser (%s)" % (int(timeout), method))
        if msg.get("id") == want:
            if "error" in msg:
                bail("the browser refused %s: %s" % (method, msg["error"].get("message")))
            return msg.get("result", {})

def remote_text(arg):
    if "value" in arg:
        v = arg["value"]
        return v if isinstance(v, str) else json.dumps(v)
    return arg.get("description") or arg.get("unserializableValue") or arg.get("type", "?")

def where(url, line):
    if not url:
        return ""
    return " (%s%s)" % (os.path.basename(url) or url, ":%d" % (line + 1) if line is not None else "")

def on_event(msg):
    m, p = msg["method"], msg.get("params", {})
    if m == "Runtime.consoleAPICalled":
        text = " ".join(remote_text(a) for a in p.get("args", []))
        frames = (p.get("stackTrace") or {}).get("callFrames") or [{}]
        at = where(frames[0].get("url"), frames[0].get("lineNumber"))
        if p.get("type") in ("error", "assert"):
            fail("console.%s: %s%s" % (p["type"], text, at))
        else:
            notes.append("console.%s: %s%s" % (p.get("type"), text, at))
    elif m == "Runtime.exceptionThrown":
        d = p.get("exceptionDetails", {})
        text = (d.get("exception") or {}).get("description") or d.get("text", "")
        fail("uncaught exception: %s%s" % (text.splitlines()[0] if text else "?", where(d.get("url"), d.get("lineNumber"))))
    elif m == "Log.entryAdded":
        e = p.get("entry", {})
        line = "browser %s [%s]: %s%s" % (e.get("level"), e.get("source"), e.get("text"), where(e.get("url"), e.get("lineNumber")))
        (fail if e.get("level") == "error" else notes.append)(line)
    elif m == "Network.requestWillBeSent":
        url = p.get("request", {}).get("url", "")
        requests[p.get("requestId")] = url
        if url != page_file and not url.startswith(("data:", "about:", "blob:")):
            fail("not self-contained: the page requests %s" % url)
    elif m == "Network.loadingFailed":
        url = requests.get(p.get("requestId"), "?")
        fail("failed to load %s: %s%s" % (url, p.get("errorText"), " (blocked: %s)" % p["blockedReason"] if p.get("blockedReason") else ""))
    elif m == "Network.responseReceived":
        r = p.get("response", {})
        if r.get("status", 0) >= 400:
            fail("failed to load %s: HTTP %s" % (r.get("url"), r.get("status")))
    elif m == "Inspector.targetCrashed":
        bail("the page crashed the renderer")

target = call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
sid = call("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
for domain in ("Page", "Runtime", "Log", "Network", "Inspector"):
    call(domain + ".enable")
call("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
nav = call("Page.navigate", {"url": page_url})
if nav.get("errorText"):
    bail("the browser could not open %s: %s" % (page_url, nav["errorText"]))
page_file = page_url
loaded = False
while not loaded:
    msg = read_message(deadline)
    if msg is None:
        bail("timed out after %ss: the page never finished loading" % int(timeout))
    loaded = msg.get("method") == "Page.loadEventFired"
# late messages (console output of load handlers, lazy loads)
settle = min(time.monotonic() + 0.5, deadline)
while read_message(settle) is not None:
    pass

svgs = call("Runtime.evaluate", {"expression": "document.querySelectorAll('svg').length", "returnByValue": True})
svg_count = svgs.get("result", {}).get("value", 0)
notes.append("%d SVG element(s) on the page" % svg_count)
if need_svg and not svg_count:
    fail("the report draws no SVG chart")

size = call("Page.getLayoutMetrics")
content = size.get("cssContentSize") or size.get("contentSize")
height = int(math.ceil(content["height"]))
shot_h = min(height, max_height) if max_height else height
notes.append("page %dx%d CSS px, screenshot %dx%d" % (width, height, width, shot_h))
png = call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "fromSurface": True,
                                      "clip": {"x": 0, "y": 0, "width": width, "height": shot_h, "scale": 1}})
with open(shot, "wb") as f:
    f.write(base64.b64decode(png["data"]))
# anything logged while drawing
settle = min(time.monotonic() + 0.2, deadline)
while read_message(settle) is not None:
    pass
send("Browser.close", session=False)   # no reply to wait for: the pipe closes with it
finish(1 if problems else 0)
PY

page_abs="$(cd "$(dirname "$page")" && pwd)/$(basename "$page")"
page_url="$(python3 -c 'import pathlib,sys; print(pathlib.Path(sys.argv[1]).as_uri())' "$page_abs")"
set +e
result="$(python3 "$tmp/cdp.py" "$chromium" "$page_url" "$tmp/screenshot.png" "$width" "$max_height" \
  "$timeout" "$need_svg" "$tmp/profile" "$tmp/chromium.log")"
rc=$?
set -e
if [ -z "$result" ]; then
  failures+=("the browser helper failed (exit $rc); browser log: $tmp/chromium.log")
else
  while IFS= read -r line; do [ -n "$line" ] && failures+=("$line"); done \
    < <(python3 -c 'import json,sys; [print(p.replace("\n"," ")) for p in json.load(sys.stdin)["problems"]]' <<<"$result")
  notes="$(python3 -c 'import json,sys; [print(n.replace("\n"," ")) for n in json.load(sys.stdin)["notes"]]' <<<"$result")"
  # shellcheck disable=SC2001
  [ -z "$notes" ] || sed 's/^/check-report: note: /' <<<"$notes"
fi

secs=$((SECONDS - started))
if [ "${#failures[@]}" -gt 0 ]; then
  echo "check-report: FAILED: $page ($chromium, ${secs}s):" >&2
  printf '  - %s\n' "${failures[@]}" >&2
  exit 1
fi
cp "$tmp/screenshot.png" "$shot"
echo "check-report: ok: no console error, no failed or outside load; screenshot $shot ($(( $(wc -c <"$shot") / 1024 )) KB; $(basename "$chromium"); ${secs}s)"
