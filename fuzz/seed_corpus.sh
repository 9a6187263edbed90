#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with the project's own test files and the seeds kept in
# fuzz/seeds/ (the corpora grow as libFuzzer runs and are not committed). Idempotent:
# each file is named by its hash, as libFuzzer names the inputs it finds.
set -euo pipefail
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz")

seed() {
    local target=$1
    shift
    mkdir -p "$fuzz/corpus/$target"
    local f
    for f in "$@"; do
        # Small files only: libFuzzer sizes its inputs after the largest seed.
        if [ -f "$f" ] && [ "$(wc -c <"$f")" -le 65536 ]; then
            cp "$f" "$fuzz/corpus/$target/$(sha1sum "$f" | cut -c1-40)"
        fi
    done
}

shopt -s nullglob globstar
seed parse_results "$root"/tests/fixtures/**/*.json
seed import_csv "$root"/tests/fixtures/import/*.csv "$root"/tests/fixtures/import/*.tsv
seed import_iof "$root"/tests/fixtures/import/*.xml
seed url_state "$fuzz"/seeds/url_state/*
seed search "$fuzz"/seeds/search/*
