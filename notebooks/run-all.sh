#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless with Deno's Jupyter kernel and fails on
# the first cell error. Installs what it needs when it is missing: Debian's Jupyter
# client (python3-nbclient; needs root and apt-get), orgsim's npm dependencies and build
# (dist/), and the Deno kernel (the npm package `deno`, pinned by
# notebooks/tools/package-lock.json and kept out of orgsim's own dependencies). The
# kernelspec goes into a temporary folder; nothing is installed in your home folder.
#
# Usage: bash notebooks/run-all.sh [--full] [--save] [--no-build] [notebook.ipynb ...]
#   (default)   reduced sizes (ORGSIM_NOTEBOOK_SMALL=1); executed copies go to
#               notebooks/executed/ (git-ignored); the committed notebooks are untouched
#   --full      the sizes the committed outputs were made with
#   --save      write the outputs into the notebooks themselves (to commit them)
#   --no-build  use dist/ as it is (no npm ci / npm run build)
# The notebooks write their results under notebooks/results/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

small=1
save=0
build=1
notebooks=()
for arg in "$@"; do
  case "$arg" in
    --full) small=0 ;;
    --save) save=1 ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-all.sh: unknown option $arg (--full, --save, --no-build)" >&2; exit 2 ;;
    *) notebooks+=("$arg") ;;
  esac
done
[ ${#notebooks[@]} -gt 0 ] || notebooks=(notebooks/[0-9]*.ipynb)

step() { printf '== %s\n' "$*" >&2; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }
started=$(ms)

# --- Jupyter's client, from Debian (a pyenv or venv python3 earlier on PATH may lack it)
PY=/usr/bin/python3
if ! { [ -x "$PY" ] && "$PY" -c 'import nbclient' 2>/dev/null; }; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "run-all.sh needs Jupyter's nbclient for /usr/bin/python3: install the Debian package python3-nbclient" >&2
    exit 1
  fi
  step "installing python3-nbclient"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends python3-nbclient >&2
fi
bash .ci/system-deps fonts

# --- orgsim, compiled: notebooks import it as "orgsim" (package.json "exports" -> dist/)
if [ "$build" = 0 ]; then
  [ -f dist/index.js ] || { echo "run-all.sh --no-build: dist/index.js is missing; run npm ci or npm run build" >&2; exit 1; }
elif [ ! -d node_modules ]; then
  step "npm ci (builds dist/)"
  npm ci --no-audit --no-fund >&2
else
  step "npm run build"
  npm run --silent build >&2
fi

# --- the Deno kernel
tools=notebooks/tools
if [ ! -f "$tools/node_modules/deno/package.json" ]; then
  step "installing the deno npm package into $tools"
  npm ci --prefix "$tools" --no-audit --no-fund >&2
fi
# npm 11 does not run the package's install script (not approved); the package's own
# helper puts the platform's binary in place and returns its path.
deno=$(node -p "require('./$tools/node_modules/deno/install_api.cjs').runInstall()")
export DENO_NO_UPDATE_CHECK=1 DENO_NO_PROMPT=1
step "$("$deno" --version | head -1)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/kernels/deno"
node -e '
  const [deno, file] = process.argv.slice(1);
  const spec = {
    argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno",
    language: "typescript",
    env: { DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1" },
  };
  require("node:fs").writeFileSync(file, JSON.stringify(spec, null, 2));
' "$deno" "$work/kernels/deno/kernel.json"
export JUPYTER_PATH="$work" JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config" JUPYTER_PLATFORM_DIRS=1

if [ "$small" = 1 ]; then export ORGSIM_NOTEBOOK_SMALL=1; else unset ORGSIM_NOTEBOOK_SMALL; fi
where=(--output-dir notebooks/executed)
[ "$save" = 1 ] && where=(--inplace)

step "executing ${#notebooks[@]} notebooks ($([ "$small" = 1 ] && echo reduced || echo full) sizes)"
"$PY" "$tools/execute.py" --kernel deno "${where[@]}" "${notebooks[@]}" 2> >(grep -v '"deno jupyter" is unstable' >&2)
awk -v ms=$(( $(ms) - started )) 'BEGIN { printf "notebooks: all done in %.1f s\n", ms / 1000 }' >&2
