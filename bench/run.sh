#!/usr/bin/env bash
# Runs ddbsim's side-by-side benchmarks (README.md says what they measure)
# and writes the results to results/ (or $RESULTS). Needs Go, node and npm;
# installs dynalite with npm into a temporary folder. Slow (about 20
# minutes on 2 cores); CI does not run it.
#
# Settings (environment): COUNT (go test -count, 5), WIRE_ROUNDS (3),
# WIRE_SECONDS (10), WIRE_WORKERS (4), CASE_SECONDS (5), STARTS (21), MEMORY_ITEMS
# (1000000), DYNALITE_VERSION (4.0.0), PROFILE (1: CPU profiles of the
# native cases and of the wire handler; 0: none).
set -euo pipefail
cd "$(dirname "$0")"

out=${RESULTS:-results}
count=${COUNT:-5}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== build"
(cd .. && go build -o "$work/ddbsim" ./cmd/ddbsim)
go build -o "$work/ddbbench" ./cmd/ddbbench

echo "== dynalite"
(cd "$work" && npm install --no-audit --no-fund --loglevel=error "dynalite@${DYNALITE_VERSION:-4.0.0}" >/dev/null)
dynalite="$work/node_modules/dynalite/cli.js"
bench=("$work/ddbbench" -ddbsim "$work/ddbsim" -dynalite "$dynalite")

{
	echo "- nproc: $(nproc)"
	echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
	echo "- $(go version)"
	echo "- node $(node --version), npm $(npm --version)"
	echo "- dynalite $(node -p "require('$work/node_modules/dynalite/package.json').version")"
	echo "- minidyn $(go list -m -f '{{.Version}}' github.com/truora/minidyn)"
	echo "- aws-sdk-go-v2/service/dynamodb $(go list -m -f '{{.Version}}' github.com/aws/aws-sdk-go-v2/service/dynamodb)"
	echo "- ddbsim $(git -C .. rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C .. diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- started: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$out/machine.md"
cat "$out/machine.md"

echo "== in-process benchmarks (go test -bench, -count $count)"
go test -run '^$' -bench . -count "$count" -timeout 3h . | tee "$out/inprocess.txt"
echo "== heap per item (the root package's BenchmarkMemoryPerItem)"
(cd .. && go test -run '^$' -bench '^BenchmarkMemoryPerItem$' -benchtime 1x -count 3 .) | tee "$out/heap.txt" ||
	echo "the root package's BenchmarkMemoryPerItem failed: no heap figure"
"$work/ddbbench" report "$out/inprocess.txt" "$out/heap.txt" >"$out/inprocess.md"

echo "== HTTP load, interleaved"
"${bench[@]}" wire -rounds "${WIRE_ROUNDS:-3}" -duration "${WIRE_SECONDS:-10}s" \
	-workers "${WIRE_WORKERS:-4}" -per-case "${CASE_SECONDS:-5}s" | tee "$out/wire.md"

echo "== startup"
"${bench[@]}" startup -runs "${STARTS:-21}" | tee "$out/startup.md"

echo "== memory"
{
	"${bench[@]}" -servers ddbsim memory -items "${MEMORY_ITEMS:-1000000}"
	"${bench[@]}" -servers ddbsim,dynalite memory -items 100000 | tail -n 2
} | tee "$out/memory.md"

if [ "${PROFILE:-1}" = 1 ]; then
	echo "== profiles"
	profile() { # name, bench pattern
		go test -run '^$' -bench "$2" -benchtime 3s -cpuprofile "$out/cpu-$1.pprof" -o "$work/bench.test" . >"$work/profile.log"
		{
			grep '^Benchmark' "$work/profile.log"
			echo "-- whole run (loading the tables, the loop and the GC), by own time:"
			go tool pprof -top -nodecount 25 "$out/cpu-$1.pprof" 2>/dev/null | sed 1,4d
			echo "-- the benchmark loop alone, by cumulative time, percent of the loop:"
			go tool pprof -top -cum -focus 'bench\.(loop|BenchmarkHandler)' -relative_percentages \
				-nodecount 45 "$out/cpu-$1.pprof" 2>/dev/null | sed 1,5d
		} >"$out/profile-$1.txt"
		echo "profile-$1.txt (cpu-$1.pprof)"
	}
	for size in 1k 1M; do
		for c in GetItem PutItemIfNotExists UpdateItemAdd Query10 BatchGet100; do
			profile "native-$size-$c" "^BenchmarkPeers\$/^$size\$/^$c\$/^native\$"
		done
	done
	profile handler '^BenchmarkHandler$'
fi
echo "- finished: $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.md"
echo "results in $out"
