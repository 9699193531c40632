#!/usr/bin/env bash
# Lockstep beside the tools people use today, and beside the floors, on one machine in one run.
#
#   bench/run.sh                 corpora of 1,000 and 10,000 generated notebooks (about 30 minutes)
#   bench/run.sh 200             one corpus of 200 (a few minutes)
#   BENCH_RUNS=5 bench/run.sh    repeats of each whole-process figure (default 3; 1 on 10,000)
#
# Installs what it needs when missing (Debian packages: jupyter-nbconvert, pyflakes3, hyperfine,
# nodejs, npm; the npm package @astral-sh/ruff-wasm-nodejs into bench/ruff/node_modules), builds
# the CLI jar through ./lockstep, writes corpora under bench/corpus/ (git-ignored), and prints
# one markdown table per corpus plus the start-up, warm and extraction figures. Whole-process
# times are medians of BENCH_RUNS runs under /usr/bin/time; "cpu" is user + system seconds.
# The machine should be otherwise idle: on a shared machine, compare the ratios, not the times.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes=("$@")
[ "${#sizes[@]}" -eq 0 ] && sizes=(1000 10000)
runs="${BENCH_RUNS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ------------------------------------------------------------------ tools
missing=()
command -v jupyter-nbconvert >/dev/null || missing+=(jupyter-nbconvert python3-nbconvert)
command -v pyflakes3 >/dev/null || missing+=(pyflakes3)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ -x /usr/bin/python3 ] || missing+=(python3)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "bench: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -d bench/ruff/node_modules/@astral-sh/ruff-wasm-nodejs ]; then
  echo "bench: installing @astral-sh/ruff-wasm-nodejs" >&2
  (cd bench/ruff && npm install --no-audit --no-fund --no-package-lock --silent)
fi
./lockstep --version >/dev/null # builds cli/target/lockstep.jar when stale, and its class-data archive
jar="cli/target/lockstep.jar"

# ------------------------------------------------------------------ helpers
# timed NAME RUNS CMD...: runs CMD RUNS times; sets NAME_wall, NAME_cpu (medians), NAME_rss (max, MB).
timed() {
  local name="$1" n="$2" i
  shift 2
  : >"$work/$name.times"
  for ((i = 0; i < n; i++)); do
    /usr/bin/time -f '%e %U %S %M' -o "$work/$name.one" "$@" >/dev/null 2>"$work/$name.err" || true
    tail -n 1 "$work/$name.one" >>"$work/$name.times"
  done
  printf -v "${name}_wall" '%s' "$(awk '{print $1}' "$work/$name.times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  printf -v "${name}_cpu" '%s' "$(awk '{print $2+$3}' "$work/$name.times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
  printf -v "${name}_rss" '%s' "$(awk '{print $4}' "$work/$name.times" | sort -n | tail -n 1 | awk '{printf "%.0f", $1/1024}')"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN {printf "%.1f", n / s}'; }
value() { grep "^$1 " "$2" | awk '{print $2}'; }

nbconvert_pyflakes() { # DIR
  rm -rf "$work/scripts" && mkdir -p "$work/scripts"
  find "$1" -name '*.ipynb' -print0 | xargs -0 jupyter-nbconvert --to script --output-dir "$work/scripts" >/dev/null 2>&1
  pyflakes3 "$work/scripts" >/dev/null 2>&1 || true
}
export -f nbconvert_pyflakes
export work

echo "# Lockstep benchmark"
echo
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "- date: $(date -u +%Y-%m-%d); $(java -version 2>&1 | head -n 1); $(node --version 2>/dev/null | sed 's/^/node /'); $(/usr/bin/python3 --version)"
echo "- $(java -jar "$jar" --version 2>/dev/null | head -n 1), ruff-wasm $(node -p "require('./bench/ruff/node_modules/@astral-sh/ruff-wasm-nodejs/package.json').version"), nbconvert $(/usr/bin/python3 -m nbconvert --version 2>/dev/null), pyflakes $(pyflakes3 --version 2>/dev/null)"
echo "- whole-process medians of ${runs} runs (1 on 10,000 notebooks); cpu = user + system seconds"

for n in "${sizes[@]}"; do
  corpus="bench/corpus/$n"
  if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    /usr/bin/python3 bench/generate_notebooks.py --count "$n" --out "$corpus" >/dev/null
    touch "$corpus/.complete"
  fi
  mb="$(find "$corpus" -name '*.ipynb' -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')"
  r="$runs"
  [ "$n" -ge 10000 ] && r=1

  timed lockstep "$r" ./lockstep scan "$corpus" --format json
  timed ruff "$r" node bench/ruff/lint_notebooks.mjs "$corpus"
  timed peer 1 bash -c 'nbconvert_pyflakes "$1"' _ "$corpus"
  timed cpython "$r" /usr/bin/python3 bench/cpython_floor.py "$corpus"

  echo
  echo "## $n notebooks ($mb MB)"
  echo
  echo "| command | wall s | cpu s | notebooks/s | MB/s | peak RSS MB | lockstep is faster by (wall) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "| \`./lockstep scan DIR --format json\` | $lockstep_wall | $lockstep_cpu | $(rate "$n" "$lockstep_wall") | $(rate "$mb" "$lockstep_wall") | $lockstep_rss | 1.0 |"
  echo "| \`jupyter nbconvert --to script\` + \`pyflakes3\` | $peer_wall | $peer_cpu | $(rate "$n" "$peer_wall") | $(rate "$mb" "$peer_wall") | $peer_rss | $(ratio "$peer_wall" "$lockstep_wall") |"
  echo "| ruff wasm (\`node bench/ruff/lint_notebooks.mjs\`, rules F) | $ruff_wall | $ruff_cpu | $(rate "$n" "$ruff_wall") | $(rate "$mb" "$ruff_wall") | $ruff_rss | $(ratio "$ruff_wall" "$lockstep_wall") |"
  echo "| floor: CPython \`json.load\` + \`ast.parse\` (\`bench/cpython_floor.py\`) | $cpython_wall | $cpython_cpu | $(rate "$n" "$cpython_wall") | $(rate "$mb" "$cpython_wall") | $cpython_rss | $(ratio "$cpython_wall" "$lockstep_wall") |"
done

# ------------------------------------------------------------------ warm, one thread
warm_corpus="bench/corpus/${sizes[0]}"
java -cp "$jar" bench/WarmScan.java "$warm_corpus" 2 >"$work/warm.txt"
java -cp "$jar" bench/JacksonFloor.java "$warm_corpus" 3 >"$work/jackson.txt"
/usr/bin/python3 bench/cpython_floor.py "$warm_corpus" >"$work/cpython.txt"
echo
echo "## Warm, one thread ($(value notebooks "$work/warm.txt") notebooks, $(value megabytes "$work/warm.txt") MB)"
echo
echo "| in-process pass | notebooks/s | MB/s | lockstep is slower by |"
echo "|---|---:|---:|---:|"
echo "| lockstep scan (\`bench/WarmScan.java\`): p50 $(value per_notebook_p50_ms "$work/warm.txt") ms, p99 $(value per_notebook_p99_ms "$work/warm.txt") ms a notebook | $(value warm_notebooks_per_s "$work/warm.txt") | $(value warm_mb_per_s "$work/warm.txt") | 1.0 |"
echo "| floor: Jackson streaming, every token (\`bench/JacksonFloor.java\`) | $(value jackson_notebooks_per_s "$work/jackson.txt") | $(value jackson_mb_per_s "$work/jackson.txt") | $(ratio "$(value jackson_mb_per_s "$work/jackson.txt")" "$(value warm_mb_per_s "$work/warm.txt")") |"
echo "| floor: CPython \`json.load\` + \`ast.parse\` (\`bench/cpython_floor.py\`) | $(value cpython_notebooks_per_s "$work/cpython.txt") | $(value cpython_mb_per_s "$work/cpython.txt") | $(ratio "$(value cpython_mb_per_s "$work/cpython.txt")" "$(value warm_mb_per_s "$work/warm.txt")") |"
echo
echo "Lockstep's warm time, by phase (CPU s): read $(value phase_read_cpu_s "$work/warm.txt"), analyse $(value phase_analyse_cpu_s "$work/warm.txt") (IPython, tree-sitter, copy, scopes), rules $(value phase_rules_cpu_s "$work/warm.txt")."

# ------------------------------------------------------------------ cold start of one small notebook
small="test-notebooks/examples/legacy-v3.ipynb"
hyperfine -N --warmup 3 --runs 20 -i --export-json "$work/cold.json" \
  "./lockstep scan $small" "java -jar $jar scan $small" \
  "node bench/ruff/lint_notebooks.mjs $small" >/dev/null 2>&1
echo
echo "## Cold start: one small notebook ($small, $(stat -c %s "$small") bytes)"
echo
echo "| command | median wall s | mean ± sd |"
echo "|---|---:|---:|"
node -e '
const r = require(process.argv[1]).results;
for (const x of r) console.log(`| \`${x.command}\` | ${x.median.toFixed(3)} | ${x.mean.toFixed(3)} ± ${x.stddev.toFixed(3)} |`);
' "$work/cold.json"
timed coldpeer "$runs" bash -c 'nbconvert_pyflakes "$1"' _ "$small"
echo "| \`jupyter nbconvert --to script\` + \`pyflakes3\` | $coldpeer_wall | |"

# ------------------------------------------------------------------ extraction
echo
echo "## Extraction (\`./lockstep extract NB -o DIR --force\`, whole process)"
echo
echo "| notebook | bytes | median wall s | cpu s |"
echo "|---|---:|---:|---:|"
for nb in test-notebooks/examples/*.ipynb; do
  timed extract "$runs" ./lockstep extract "$nb" -o "$work/job" --force
  echo "| $(basename "$nb") | $(stat -c %s "$nb") | $extract_wall | $extract_cpu |"
done
