#!/usr/bin/env bash
# `npm test`: the one command that checks everything (README quick start: `npm ci && npm test`).
#   1. makes sure Debian's Chromium, Firefox ESR and nginx are installed (installs them when allowed to;
#      nginx serves the README's proxy recipe in test/build/proxy.test.mjs, run as the current user),
#   2. runs typecheck, lint, sandbox tests, (node tests), build, tests of the built package (npm pack, CDN
#      files, nginx proxy), browser tests, storybook build,
#      in that order, each step named and timed, stopping at the first failure,
#   3. prints a timing table and one closing line "tests: N passed, N failed".
# No tool here may download a browser of its own: every browser test uses /usr/bin/chromium and
# /usr/bin/firefox-esr (override with CHROME_PATH / FIREFOX_PATH).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
FIREFOX_PATH="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
NGINX_PATH="${NGINX_PATH:-/usr/sbin/nginx}"
export CHROME_PATH FIREFOX_PATH NGINX_PATH
# Never let puppeteer / playwright / storybook fetch a browser or phone home.
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 STORYBOOK_DISABLE_TELEMETRY=1

if [ -t 1 ]; then BOLD=$'\033[1m' RED=$'\033[1;31m' PLAIN=$'\033[0m'; else BOLD='' RED='' PLAIN=''; fi
say() { printf '\n%s=== %s%s\n' "$BOLD" "$*" "$PLAIN"; }

# ---------------------------------------------------------------------------------------------------
# 1. Browsers
missing=()
[ -x "$CHROME_PATH" ] || missing+=(chromium)
[ -x "$FIREFOX_PATH" ] || missing+=(firefox-esr)
[ -x "$NGINX_PATH" ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; fi
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; }; then
    say "installing ${missing[*]} (apt-get; about 20 s)"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # RUNLEVEL=1: the package's scripts must not start a system nginx (the tests start their own).
    $SUDO env RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    [ -x "$CHROME_PATH" ] || CHROME_PATH=/usr/bin/chromium
    [ -x "$FIREFOX_PATH" ] || FIREFOX_PATH=/usr/bin/firefox-esr
    [ -x "$NGINX_PATH" ] || NGINX_PATH=/usr/sbin/nginx
  else
    cat >&2 <<EOF

The browser tests need Debian's Chromium and Firefox ESR, the proxy test Debian's nginx, and these are
missing: ${missing[*]} (looked for $CHROME_PATH, $FIREFOX_PATH and $NGINX_PATH).
Install them as root, then run \`npm test\` again:

    sudo apt-get update && sudo RUNLEVEL=1 apt-get install -y --no-install-recommends ${missing[*]}

(Elsewhere, point CHROME_PATH, FIREFOX_PATH and NGINX_PATH at a Chromium, a Firefox >= 147 and an nginx
already installed.)
EOF
    exit 1
  fi
fi
for browser in "$CHROME_PATH" "$FIREFOX_PATH" "$NGINX_PATH"; do
  [ -x "$browser" ] || { echo "still missing after install: $browser" >&2; exit 1; }
done
# Debian's chromium wrapper prints a harmless "[: … unexpected operator" line: keep only the version.
chromium_version="$("$CHROME_PATH" --version 2>/dev/null | grep -i chromium | head -1 || true)"
firefox_version="$("$FIREFOX_PATH" --version 2>/dev/null | head -1 || true)"
echo "browsers: ${chromium_version:-$CHROME_PATH (version unknown)} | ${firefox_version:-$FIREFOX_PATH (version unknown)}"
# Firefox ESR 140 (bookworm without the security repository) lacks CSS module scripts and rejects a
# command puppeteer sends; 153 from the security repository works (toolchain notes §7).
ff_major="$(sed -n 's/[^0-9]*\([0-9][0-9]*\)\..*/\1/p' <<<"$firefox_version")"
if [ -n "$ff_major" ] && [ "$ff_major" -lt 147 ]; then
  echo "warning: Firefox $ff_major is older than the tested 153 ESR; enable Debian's security repository and upgrade firefox-esr." >&2
fi

if [ ! -d node_modules/.bin ]; then
  echo "node_modules is missing: run \`npm ci\` first (README: npm ci && npm test)." >&2
  exit 1
fi

# ---------------------------------------------------------------------------------------------------
# 2. Steps
mkdir -p .cache
SANDBOX_TAP=.cache/sandbox-tests.tap
NODE_TAP=.cache/node-tests.tap
BUILD_TAP=.cache/build-tests.tap
WTR_SUMMARY_FILE="$PWD/.cache/wtr-summary.json"
export WTR_SUMMARY_FILE
rm -f "$SANDBOX_TAP" "$NODE_TAP" "$BUILD_TAP" "$WTR_SUMMARY_FILE"

names=()
times=()
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
pipeline_start=$(now)

step() {
  local name="$1"; shift
  say "$name"
  local start
  start=$(now)
  if ! "$@"; then
    printf '\n%sFAILED: %s (after %s s)%s\n' "$RED" "$name" "$(elapsed "$start" "$(now)")" "$PLAIN" >&2
    exit 1
  fi
  names+=("$name")
  times+=("$(elapsed "$start" "$(now)")")
  printf -- '--- %s: %s s\n' "$name" "${times[-1]}"
}

# Node's test runner with two reporters: spec for people, TAP in a file for the closing total; any further
# arguments go to node --test.
node_tests() {
  local dir="$1" tap="$2"
  shift 2
  if ! find "$dir" -name '*.test.*js' 2>/dev/null | grep -q .; then
    echo "no test files in $dir/ (expected *.test.mjs / *.test.js): a run of nothing is not a pass" >&2
    return 1
  fi
  node --test "$@" --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" "$dir/"
}

step "typecheck (tsc --noEmit)"                  npm run -s typecheck
step "lint (eslint + lit-analyzer)"              npm run -s lint
step "sandbox tests (node --test sandbox/test/)" node_tests sandbox/test "$SANDBOX_TAP"
if [ -d test/node ]; then
  step "node tests (node --test test/node/)"     node_tests test/node "$NODE_TAP"
fi
step "build (rollup, types, manifest, sizes)"    npm run -s build
# Two files at a time: they mostly wait on browsers, npm and nginx (about 35 s instead of 55 s on 2 cores).
step "built package (pack, CDN, proxy, builder)" node_tests test/build "$BUILD_TAP" --test-concurrency=2
step "browser tests (wtr: Chromium + Firefox)"   npm run -s test:browser
step "storybook build"                           npm run -s build-storybook

# ---------------------------------------------------------------------------------------------------
# 3. Summary
say "summary"
for i in "${!names[@]}"; do printf '  %-44s %7s s\n' "${names[$i]}" "${times[$i]}"; done
printf '  %-44s %7s s\n' "total" "$(elapsed "$pipeline_start" "$(now)")"

passed=0; failed=0; skipped=0
# The last "# pass N" / "# fail N" … lines of a TAP file written by node --test (0 when absent).
tap_count() { local n; n="$(sed -n "s/^# $2 \([0-9][0-9]*\)$/\1/p" "$1" 2>/dev/null | tail -1)"; echo "${n:-0}"; }
for tap in "$SANDBOX_TAP" "$NODE_TAP" "$BUILD_TAP"; do
  [ -f "$tap" ] || continue
  passed=$((passed + $(tap_count "$tap" pass)))
  failed=$((failed + $(tap_count "$tap" fail) + $(tap_count "$tap" cancelled)))
  skipped=$((skipped + $(tap_count "$tap" skipped) + $(tap_count "$tap" todo)))
done
if [ -f "$WTR_SUMMARY_FILE" ]; then
  read -r wp wf ws < <(node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(s.passed,s.failed,s.skipped)' "$WTR_SUMMARY_FILE")
  passed=$((passed + wp)); failed=$((failed + wf)); skipped=$((skipped + ws))
fi
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
