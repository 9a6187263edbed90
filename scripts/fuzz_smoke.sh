#!/usr/bin/env bash
# A short coverage-guided fuzzing run of every target (FUZZ_SECONDS each, default 20):
# catches a crash the property tests missed. Fails on the first crash, timeout or
# broken check and names the input that did it. The long runs are in docs/fuzzing.md.
#
# Needs only stable Rust: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its nightly flags.
# Installs cargo-fuzz once if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-20}
export RUSTC_BOOTSTRAP=1
# cargo-fuzz finds its binaries under fuzz/target; a caller's target dir would hide them.
unset CARGO_TARGET_DIR

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz_smoke: installing cargo-fuzz (once)"
    cargo install cargo-fuzz --locked
fi

fuzz/seed_corpus.sh

# No sanitizer: the fuzzed code has no unsafe, and without one each run does ~2x more.
# Debug assertions on, so an integer overflow is a crash too.
flags=(-O -a -s none)
cargo fuzz build "${flags[@]}"

# target:dictionary
targets=(parse_results:results import_csv:csv import_iof:xml url_state: search:)
for entry in "${targets[@]}"; do
    target=${entry%%:*}
    dict=${entry#*:}
    args=("-max_total_time=$seconds" -timeout=10 -print_final_stats=1)
    [ -n "$dict" ] && args+=("-dict=fuzz/dicts/$dict.dict")
    log=$(mktemp)
    echo "fuzz_smoke: $target for ${seconds}s"
    if ! cargo fuzz run "${flags[@]}" "$target" "fuzz/corpus/$target" -- "${args[@]}" >"$log" 2>&1; then
        tail -n 40 "$log"
        echo "fuzz_smoke: $target FAILED; the input is in fuzz/artifacts/$target/" >&2
        echo "  reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run ${flags[*]} $target fuzz/artifacts/$target/<file>" >&2
        rm -f "$log"
        exit 1
    fi
    grep -E "stat::number_of_executed_units|stat::average_exec_per_sec" "$log" | tr '\n' ' '
    echo
    rm -f "$log"
done
echo "fuzz_smoke: all targets ran ${seconds}s without a crash"
