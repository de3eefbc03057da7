#!/usr/bin/env bash
# Orchestration overhead per step for process DAGs: pipelinestudio run vs GNU make -j2 vs snakemake -j2,
# on the same layered DAG of /bin/true steps (generate.py). Per-step overhead =
# (wall time of the 1,000-step run - wall time of a 1-step run) / 999, for each tool alike, so start-up
# (the .NET runtime, snakemake's Python import) is not counted. Median of REPS runs each.
# Needs: make, /usr/bin/python3; snakemake (apt-get install snakemake) is measured when present.
# usage: bench/process-dag/run.sh [STEPS] [REPS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
steps=${1:-1000}
reps=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$here/generate.py" "$steps" 20 "$work/big"
python3 "$here/generate.py" 1 1 "$work/one"
dotnet build "$root/src/PipelineStudio.Cli" -c Release -v q --nologo >/dev/null
cli="$root/src/PipelineStudio.Cli/bin/Release/net10.0/pipelinestudio"

# Prints the wall time in seconds of one run of "$@".
timed() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || echo "failed: $*" >&2; e=$(date +%s.%N); python3 -c "print($e - $s)"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # tool dir -> median seconds
  local tool=$1 dir=$2 i
  for ((i = 0; i < reps; i++)); do
    case $tool in
      make) timed make -s -j2 -C "$dir" ;;
      snakemake) rm -rf "$dir/done" "$dir/.snakemake"; timed snakemake -j2 -q --snakefile "$dir/Snakefile" -d "$dir" ;;
      pipelinestudio)
        rm -rf "$dir/data"
        Studio__DataDirectory="$dir/data" Engine__MaxParallelSteps=2 timed "$cli" run "$dir/pipeline.json" --wait ;;
    esac
  done | median
}

printf '%-15s %12s %12s %16s\n' tool "1 step (s)" "$steps steps (s)" "per step (ms)"
for tool in make snakemake pipelinestudio; do
  if [[ $tool == snakemake ]] && ! command -v snakemake >/dev/null; then
    echo "snakemake      not installed (apt-get install snakemake)"; continue
  fi
  one=$(measure "$tool" "$work/one")
  big=$(measure "$tool" "$work/big")
  per=$(python3 -c "print(($big - $one) * 1000 / ($steps - 1))")
  printf '%-15s %12.3f %12.3f %16.3f\n' "$tool" "$one" "$big" "$per"
done
