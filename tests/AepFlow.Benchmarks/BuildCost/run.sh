#!/usr/bin/env bash
# Build cost of AepFlow in a consumer's command-line build (docs/benchmarks.md, "Build cost").
#
# Packs AepFlow.Generator and AepFlow.Client into a temporary feed (a unique prerelease version, so nothing cached earlier
# stands in for it), lays out five console apps that differ only in what they reference and use, and builds them in turn,
# RUNS rounds, after touching Program.cs: one MSBuild process, no node reuse, no compiler server (one csc per build), so
# every build pays what a CI build pays. Prints the CPU time (user+sys of the whole build) medians, their ratio to the
# client-only app and the median of the per-round ratios, AepFlow's generator/analyzer time from csc's ReportAnalyzer rows, the generated source size, and how many
# distinct methods the csc process JIT-compiles (one extra csc run per consumer with the runtime's JIT summary; a count, which
# load barely moves).
#
#   tests/AepFlow.Benchmarks/BuildCost/run.sh [RUNS]        (default 5; RUNS=3 while iterating)
#   KEEP=1 keeps the temporary folder; AEPFLOW_BUILDCOST_DIR=/path reuses one (skips packing when its feed exists).
set -euo pipefail

RUNS="${1:-5}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
ROOT="${AEPFLOW_BUILDCOST_DIR:-$(mktemp -d /tmp/aepflow-buildcost.XXXXXX)}"
FEED="$ROOT/feed"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER=1
unset MSBuildExtensionsPath MSBuildSDKsPath MSBUILD_EXE_PATH || true

cleanup() { if [[ "${KEEP:-}" != 1 && -z "${AEPFLOW_BUILDCOST_DIR:-}" ]]; then rm -rf "$ROOT"; fi; }
trap cleanup EXIT

# ---- 1. pack -------------------------------------------------------------------------------------------------------
if ! ls "$FEED"/AepFlow.Generator.*.nupkg >/dev/null 2>&1; then
  SUFFIX="buildcost.$(date +%s)"
  mkdir -p "$FEED"
  for project in src/AepFlow.Generator/AepFlow.Generator.csproj src/AepFlow.Client/AepFlow.Client.csproj; do
    echo "packing $project" >&2
    dotnet pack "$REPO/$project" -c Release -o "$FEED" -p:VersionSuffix="$SUFFIX" -p:UseSharedCompilation=false \
      -nodeReuse:false -v:q -nologo >"$ROOT/pack.log" 2>&1 || { cat "$ROOT/pack.log"; exit 1; }
  done
fi
GENERATOR_PACKAGE="$(ls "$FEED"/AepFlow.Generator.*.nupkg | head -1)"
VERSION="$(basename "$GENERATOR_PACKAGE" .nupkg)"; VERSION="${VERSION#AepFlow.Generator.}"

# ---- 2. consumers ----------------------------------------------------------------------------------------------------
CONSUMERS=(client-only no-bundled bundled-unused bundled-used bundled-used-generated)

write_consumer() { # name, package items, properties, program
  local dir="$ROOT/$1"
  mkdir -p "$dir"
  cat >"$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$FEED" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
  cat >"$dir/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <UseSharedCompilation>false</UseSharedCompilation>
    $3
  </PropertyGroup>
  <ItemGroup>
    $2
  </ItemGroup>
</Project>
XML
  printf '%s\n' "$4" >"$dir/Program.cs"
}

CLIENT="<PackageReference Include=\"AepFlow.Client\" Version=\"$VERSION\" />"
BOTH="$CLIENT
    <PackageReference Include=\"AepFlow.Generator\" Version=\"$VERSION\" />"
PRINT_OK='Console.WriteLine("ok");'
USES='using AepFlow.ConnectionSpecs;
using AepFlow.FlowSpecs;

var schedule = new CrmToAep.ScheduleParams { StartTime = 1700000000, Frequency = CrmToAep.Frequency.Minute, Interval = 15 };
var auth = new Salesforce.BasicAuthentication { Username = "user", Password = "secret", SecurityToken = "token" };
Console.WriteLine(schedule.Validate().IsValid && auth.Validate().IsValid ? "ok" : "invalid");'

write_consumer client-only "$CLIENT" "" "$PRINT_OK"
write_consumer no-bundled "$BOTH" "<AepFlowIncludeBundledSpecs>false</AepFlowIncludeBundledSpecs>" "$PRINT_OK"
write_consumer bundled-unused "$BOTH" "" "$PRINT_OK"
write_consumer bundled-used "$BOTH" "" "$USES"
# The same app generating the two specs instead of referencing them precompiled: what a library (or a project with its own
# spec files, a custom namespace or accessibility) pays for them.
write_consumer bundled-used-generated "$BOTH" "<AepFlowPrecompiledSpecs>false</AepFlowPrecompiledSpecs>" "$USES"

# A binary log (cheap, the same for every consumer) carries csc's ReportAnalyzer table; it is replayed to text afterwards,
# outside the measured time.
BUILD_ARGS=(build --no-restore -nodeReuse:false -p:UseSharedCompilation=false -p:ReportAnalyzer=true -v:q -nologo -clp:NoSummary)

# One build; prints "cpu_seconds" and leaves the log in $ROOT/<name>.log.
build_once() {
  local name="$1"; shift
  touch "$ROOT/$name/Program.cs"
  local start end
  /usr/bin/time -f '%U %S' -o "$ROOT/$name.time" dotnet "${BUILD_ARGS[@]}" -bl:"$ROOT/$name.binlog" "$@" "$ROOT/$name/$name.csproj" >"$ROOT/$name.log" 2>&1 \
    || { cat "$ROOT/$name.log" >&2; echo "build of $name failed" >&2; exit 1; }
  awk '{ printf "%.2f\n", $1 + $2 }' "$ROOT/$name.time"
}

# AepFlow's rows of csc's ReportAnalyzer tables ("Total analyzer execution time" and "Total generator execution time"
# sections of the replayed log), one "<section>\t<name>\t<seconds>" line each: the AepFlow.Generator assembly's total per
# section ("analyzers"/"generators") and each AepFlow analyzer/generator type ("analyzer"/"generator"). "<0.001" counts as 0.
aepflow_rows() { # binlog, text log to write
  dotnet msbuild "$1" -noconlog -nodeReuse:false "-flp:v=d;logfile=$2" >/dev/null 2>&1 || true
  awk '
    /Total analyzer execution time/ { section = "analyzer" }
    /Total generator execution time/ { section = "generator" }
    /Done executing task "Csc"/ { section = "" }
    section != "" && $1 ~ /^<?[0-9.]+$/ && $3 ~ /^AepFlow\.(Generator|CodeFixes)/ {
      time = $1; if (time ~ /^</) time = 0
      name = $3
      if ($0 ~ /, Version=/) { sub(",.*", "", name); printf "%ss\t%s\t%s\n", section, name, time }
      else printf "%s\t%s\t%s\n", section, name, time
    }' "$2"
}

# AepFlow's total (seconds): its assembly's analyzer and generator totals.
aepflow_total() { awk -F'\t' '$1 == "analyzers" || $1 == "generators" { s += $3 } END { printf "%.3f\n", s }' "$1"; }

echo "restoring and warming up (not measured)" >&2
for name in "${CONSUMERS[@]}"; do
  dotnet restore "$ROOT/$name/$name.csproj" -nodeReuse:false -v:q -nologo >"$ROOT/$name.restore.log" 2>&1 \
    || { cat "$ROOT/$name.restore.log"; exit 1; }
  # The warm-up build also writes the generated files, to count them.
  # (outside the project folder, or the next build would compile them a second time)
  build_once "$name" -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$ROOT/generated/$name" >/dev/null
  (cd "$ROOT/$name" && dotnet bin/Debug/net10.0/$name.dll) | grep -qx ok || { echo "$name did not print ok" >&2; exit 1; }
done

rm -f "$ROOT"/*.rows.*
declare -A CPU AEP
# Each round starts at the next consumer, so none always builds right after the same neighbour (or first in a round).
for ((run = 1; run <= RUNS; run++)); do
  for ((i = 0; i < ${#CONSUMERS[@]}; i++)); do
    name="${CONSUMERS[$(((i + run - 1) % ${#CONSUMERS[@]}))]}"
    cpu="$(build_once "$name")"
    aepflow_rows "$ROOT/$name.binlog" "$ROOT/$name.detailed.log" >"$ROOT/$name.rows.$run"
    aep="$(aepflow_total "$ROOT/$name.rows.$run")"
    CPU[$name]+="$cpu "
    AEP[$name]+="$aep "
    echo "run $run/$RUNS $name: CPU $cpu s, AepFlow $aep s" >&2
  done
done

# Methods the csc process JIT-compiles (a count, not a time: load barely moves it). The build's own
# csc command line (from the last run's replayed log) is run once more by hand with the runtime's JIT summary on.
declare -A JIT
for name in "${CONSUMERS[@]}"; do
  line="$(grep -m1 -E '/Roslyn/bincore/csc(\.dll)? ' "$ROOT/$name.detailed.log" || true)"
  if [[ -n "$line" ]]; then
    csc="$(echo "$line" | awk '{ print $1 }')"
    echo "${line#*$csc }" | sed -E "s#/out:[^ ]*#/out:$ROOT/jit.$name.dll#; s#/refout:[^ ]*#/refout:$ROOT/jit.$name.ref.dll#" >"$ROOT/$name.jit.rsp"
    rm -f "$ROOT/$name.jit.txt"
    (cd "$ROOT/$name" && DOTNET_JitStdOutFile="$ROOT/$name.jit.txt" DOTNET_JitDisasmSummary=1 dotnet "$csc.dll" @"$ROOT/$name.jit.rsp" >/dev/null 2>&1) || true
    # Distinct methods: a method compiled again at a higher tier counts once (when tier-up happens depends on timing).
    JIT[$name]="$(sed -E 's/^ *[0-9]+: JIT compiled //; s/ \[(Instrumented )?Tier.*//' "$ROOT/$name.jit.txt" 2>/dev/null | sort -u | wc -l)"
  else
    JIT[$name]="?"
  fi
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

BASE="$(echo "${CPU[client-only]}" | median)"
echo
echo "AepFlow $VERSION, $RUNS runs, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
# Besides the ratio of medians, the median of the per-round ratios: each round's builds ran within the same minute or so,
# so a slow stretch of the machine moves both sides of a round's ratio together.
round_ratio() { # consumer
  paste -d' ' <(echo "${CPU[$1]}" | tr ' ' '\n' | grep -v '^$') <(echo "${CPU[client-only]}" | tr ' ' '\n' | grep -v '^$') \
    | awk '{ printf "%.4f ", $1 / $2 }' | median
}
printf '| %-15s | %12s | %8s | %s | %s | %16s | %12s | %s | %s |\n' consumer "CPU s median" "vs client" "per-round ratio, median" "CPU s (all runs)" "AepFlow s median" "generated KB" "generated lines" "csc JIT'd methods"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "-----------------" "-------------:" "---------:" "---:" "---" "-----------------:" "-------------:" "---:" "---:"
for name in "${CONSUMERS[@]}"; do
  med="$(echo "${CPU[$name]}" | median)"
  aep="$(echo "${AEP[$name]}" | median)"
  gen="$ROOT/generated/$name"
  bytes=0; lines=0
  if [[ -d "$gen" ]]; then
    bytes="$(find "$gen" -path '*AepFlow.Generator*' -name '*.cs' -exec cat {} + 2>/dev/null | wc -c)"
    lines="$(find "$gen" -path '*AepFlow.Generator*' -name '*.cs' -exec cat {} + 2>/dev/null | wc -l)"
  fi
  printf '| %-15s | %12s | %8s | %s | %s | %16s | %12s | %s | %s |\n' "$name" "$med" "$(awk -v a="$med" -v b="$BASE" 'BEGIN { printf "%.2f", a / b }')" \
    "$(awk -v r="$(round_ratio "$name")" 'BEGIN { printf "%.2f", r }')" "${CPU[$name]% }" "$aep" "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1024 }')" "$lines" "${JIT[$name]}"
done
echo
echo "AepFlow's ReportAnalyzer rows, median over the runs (s; csc -p:ReportAnalyzer=true, elapsed time inside csc):"
printf '| %-66s |' "analyzer / generator"; for name in "${CONSUMERS[@]}"; do printf ' %14s |' "$name"; done; echo
printf '|%s|' "--------------------------------------------------------------------"; for name in "${CONSUMERS[@]}"; do printf '%s|' "---------------:"; done; echo
ROW_NAMES="$(cat "$ROOT"/*.rows.* 2>/dev/null | awk -F'\t' '{ print $1 "\t" $2 }' | sort -u)"
while IFS=$'\t' read -r section row; do
  [[ -z "$row" ]] && continue
  printf '| %-66s |' "$section $row"
  for name in "${CONSUMERS[@]}"; do
    values="$(cat "$ROOT/$name".rows.* 2>/dev/null | awk -F'\t' -v s="$section" -v r="$row" '$1 == s && $2 == r { print $3 }' | tr '\n' ' ')"
    if [[ -z "${values// }" ]]; then printf ' %14s |' "—"; else printf ' %14s |' "$(echo "$values" | median)"; fi
  done
  echo
done <<<"$ROW_NAMES"

echo
echo "Generated source per consumer (EmitCompilerGeneratedFiles, AepFlow's files):"
for name in "${CONSUMERS[@]}"; do
  gen="$ROOT/generated/$name"
  [[ -d "$gen" ]] || continue
  find "$gen" -path '*AepFlow.Generator*' -name '*.cs' | sort | while read -r file; do
    printf '  %-15s %-50s %8s bytes %6s lines\n' "$name" "$(basename "$file")" "$(wc -c <"$file")" "$(wc -l <"$file")"
  done
done
