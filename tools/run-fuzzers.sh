#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets (tests/fuzz) with Clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in a build folder of their own, then runs each for the given time
# over a scratch copy of its seed corpus and of its regressions. An input that crashes, leaks,
# trips UBSan or times out is saved into tests/data/fuzz-regressions/<target>/, where the
# normal suite's fuzz_<target>_replay test runs it from then on.
#
#   tools/run-fuzzers.sh [SECONDS_PER_TARGET] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 600; TARGET names (spiffe_id, x509, ...) default to all.
# Environment: CXX (default clang++-14), TA_FUZZ_BUILD_DIR (default build-fuzz),
# TA_FUZZ_PARALLEL (targets run at once, default 1), TA_FUZZ_BUILD_JOBS (default nproc).
# Exit 0 when every target ran clean, 1 when one found something, 2 on a build failure.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
seconds="${1:-600}"
shift || true
build="${TA_FUZZ_BUILD_DIR:-$top/build-fuzz}"
parallel="${TA_FUZZ_PARALLEL:-1}"
jobs="${TA_FUZZ_BUILD_JOBS:-$(nproc)}"
all_targets=(spiffe_id x509 jwt bundle evidence tpm anchors entries policy cel workspace bundle_response)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi

for t in "${targets[@]}"; do
    if [ ! -d "$top/tests/fuzz/corpus/$t" ]; then
        echo "run-fuzzers: unknown target '$t' (known: ${all_targets[*]})" >&2
        exit 2
    fi
done

echo "== build ($build)"
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="${CXX:-clang++-14}" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DTA_FUZZ=ON -DTA_BUILD_BENCHMARKS=OFF >/dev/null || exit 2
build_targets=()
for t in "${targets[@]}"; do build_targets+=("fuzz_$t"); done
cmake --build "$build" -j"$jobs" --target "${build_targets[@]}" || exit 2

scratch=$(mktemp -d "${TMPDIR:-/tmp}/ta-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

# run_one TARGET: fuzzes one target; writes $scratch/TARGET.result ("clean" or "FOUND n").
run_one() {
    local t=$1 work="$scratch/$1"
    mkdir -p "$work/corpus" "$work/artifacts"
    cp -r "$top/tests/fuzz/corpus/$t/." "$work/corpus/"
    if [ -d "$top/tests/data/fuzz-regressions/$t" ]; then
        cp -r "$top/tests/data/fuzz-regressions/$t/." "$work/corpus/"
    fi
    # -timeout: one input running 25 s is a hang; -rss_limit_mb: 2 GB is a memory blow-up.
    "$build/tests/fuzz/fuzz_$t" "$work/corpus" -max_total_time="$seconds" \
        -artifact_prefix="$work/artifacts/" -timeout=25 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$work/log" 2>&1
    local status=$? found=0
    for a in "$work/artifacts"/*; do
        [ -e "$a" ] || continue
        mkdir -p "$top/tests/data/fuzz-regressions/$t"
        cp "$a" "$top/tests/data/fuzz-regressions/$t/$(basename "$a")"
        found=$((found + 1))
    done
    local execs
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
    if [ "$found" -gt 0 ] || [ "$status" -ne 0 ]; then
        echo "FOUND $found status=$status execs=${execs:-?}" >"$scratch/$t.result"
        cp "$work/log" "$build/fuzz_$t.log"
    else
        echo "clean execs=${execs:-?}" >"$scratch/$t.result"
        cp "$work/log" "$build/fuzz_$t.log"
    fi
}

echo "== fuzzing ${#targets[@]} target(s), ${seconds}s each, $parallel at a time"
running=0
for t in "${targets[@]}"; do
    echo "-- fuzz_$t ($(date -u +%H:%M:%S))"
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$parallel" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

echo "== results (logs: $build/fuzz_<target>.log)"
failed=0
for t in "${targets[@]}"; do
    result=$(cat "$scratch/$t.result" 2>/dev/null || echo "FOUND ? (no result)")
    printf '%-12s %s\n' "$t" "$result"
    case "$result" in
    clean*) ;;
    *)
        failed=1
        echo "   inputs saved in tests/data/fuzz-regressions/$t/; reproduce with:"
        echo "   $build/tests/fuzz/fuzz_$t tests/data/fuzz-regressions/$t/<file>"
        ;;
    esac
done
exit "$failed"
