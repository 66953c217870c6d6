#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless with Deno's Jupyter kernel, failing on
# the first cell error. Installs what it needs when it is missing: Debian's Jupyter
# runner (jupyter-nbconvert, python3-nbclient, python3-ipykernel; needs root and
# apt-get), orgsim's npm dependencies and build (dist/), and the Deno kernel (the npm
# package `deno`, pinned in notebooks/tools/package-lock.json, kept out of orgsim's own
# dependencies). The kernelspec goes into a temporary folder; nothing is installed in
# your home folder.
#
# Usage: bash notebooks/run-all.sh [--full] [--save] [--no-build] [notebook.ipynb ...]
#   (default)  reduced sizes (ORGSIM_NOTEBOOK_SMALL=1); executed copies go to
#              notebooks/executed/ (git-ignored), the committed notebooks are untouched
#   --full     the sizes the committed outputs were made with (unset ORGSIM_NOTEBOOK_SMALL)
#   --save     write the outputs into the notebooks themselves (to commit them)
#   --no-build use dist/ as it is (no npm ci / npm run build)
# Each notebook writes its results under notebooks/results/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

small=1
save=0
build=1
notebooks=()
for arg in "$@"; do
  case "$arg" in
    --full) small=0 ;;
    --save) save=1 ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-all.sh: unknown option $arg (--full, --save, --no-build)" >&2; exit 2 ;;
    *) notebooks+=("$arg") ;;
  esac
done
[ ${#notebooks[@]} -gt 0 ] || notebooks=(notebooks/[0-9]*.ipynb)

step() { printf '\n== %s\n' "$*" >&2; }

# --- Jupyter (Debian's: a pyenv or venv python3 earlier on PATH may lack it)
PY=/usr/bin/python3
if ! { [ -x "$PY" ] && "$PY" -c 'import nbclient, nbconvert, ipykernel' 2>/dev/null; }; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "run-all.sh needs Jupyter's runner for /usr/bin/python3: install the Debian packages" \
      "jupyter-nbconvert python3-nbclient python3-ipykernel (or run as root with apt-get)" >&2
    exit 1
  fi
  step "installing jupyter-nbconvert python3-nbclient python3-ipykernel"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends jupyter-nbconvert python3-nbclient python3-ipykernel >&2
fi
bash .ci/system-deps fonts

# --- orgsim, compiled: the notebooks import it as "orgsim" (package.json "exports" -> dist/)
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
if [ ! -x "$tools/node_modules/.bin/deno" ]; then
  step "installing the deno npm package into $tools"
  npm ci --prefix "$tools" --no-audit --no-fund >&2
fi
# The package's install script is not run by npm 11 (not approved); its own helper
# puts the platform binary in place and says where it is.
deno=$(node -p "require('./$tools/node_modules/deno/install_api.cjs').runInstall()")
export DENO_NO_UPDATE_CHECK=1 DENO_NO_PROMPT=1
"$deno" --version | head -1 >&2

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
export JUPYTER_PATH="$work" JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config"
export JUPYTER_PLATFORM_DIRS=1 PYDEVD_DISABLE_FILE_VALIDATION=1

if [ "$small" = 1 ]; then export ORGSIM_NOTEBOOK_SMALL=1; else unset ORGSIM_NOTEBOOK_SMALL; fi
out=(--output-dir notebooks/executed)
[ "$save" = 1 ] && out=(--inplace)
mkdir -p notebooks/executed

step "executing ${#notebooks[@]} notebooks ($([ "$small" = 1 ] && echo reduced || echo full) sizes)"
ms() { echo $(( $(date +%s%N) / 1000000 )); }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }
total_start=$(ms)
for nb in "${notebooks[@]}"; do
  start=$(ms)
  "$PY" -m jupyter nbconvert --to notebook --execute "${out[@]}" \
    --ExecutePreprocessor.kernel_name=deno \
    --ExecutePreprocessor.timeout=1800 \
    --ExecutePreprocessor.record_timing=False \
    --log-level=WARN \
    "$nb"
  printf '%-40s %6s s\n' "$(basename "$nb")" "$(seconds $(( $(ms) - start )))" >&2
done
printf '%-40s %6s s\n' "all ${#notebooks[@]} notebooks" "$(seconds $(( $(ms) - total_start )))" >&2
