#!/usr/bin/env bash
# Builds the libFuzzer target in Fuzz/ from the sources of SurveyCore and runs it on the seed corpus.
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer options…]
#
# SECONDS defaults to 600. New inputs libFuzzer finds go to .build/fuzz/corpus (not committed);
# crashes, hangs (timeouts) and out-of-memory inputs go to .build/fuzz/artifacts. One process, so one
# core (libFuzzer's -jobs would fork a child logging to ./fuzz-N.log instead).
# Reproduce a finding: .build/fuzz/kyodo-fuzz .build/fuzz/artifacts/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
out=.build/fuzz
mkdir -p "$out/corpus" "$out/artifacts"
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name SurveyCore \
  $(find Sources/SurveyCore -name '*.swift' | sort) Fuzz/*.swift \
  -o "$out/kyodo-fuzz"
# Swift's backtracer, run on a trap under ASan, trips ASan itself and may hang instead of exiting:
# libFuzzer's own report names the input.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE-enable=no}"
exec "$out/kyodo-fuzz" "$out/corpus" Fuzz/corpus \
  -dict=Fuzz/kyodo.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -max_len=8192 \
  -artifact_prefix="$out/artifacts/" -print_final_stats=1 "$@"
