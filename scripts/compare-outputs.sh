#!/usr/bin/env bash
# Writes what a battery of kyodo commands print (stdout, stderr and exit status, one file each) into
# a directory, so that a refactor can be checked byte for byte: run it before and after, then
# `diff -r before after`.
#
# Usage: scripts/compare-outputs.sh OUT-DIR [KYODO-BINARY] [LARGE-A-EXPORT]
#   KYODO-BINARY defaults to .build/release/kyodo; LARGE-A-EXPORT (a synthetic Ａ調査票 from
#   scripts/generate-synthetic.py) adds the commands that read a streamed export.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/compare-outputs.sh OUT-DIR [KYODO-BINARY] [LARGE-A-EXPORT]}
kyodo=${2:-.build/release/kyodo}
large=${3:-}
mkdir -p "$out"
count=0

run() { # run NAME ARGS...: stdout to NAME.out, stderr to NAME.err, status to NAME.status
  local name=$1
  shift
  "$kyodo" "$@" > "$out/$name.out" 2> "$out/$name.err"
  echo $? > "$out/$name.status"
  count=$((count + 1))
}

items=$(awk -F'\t' '$1 == "item" { print $2 }' data/codebook.tsv)
run report tabulate
for format in tsv csv json markdown; do run "report-$format" tabulate --format "$format"; done
run report-excel tabulate --excel
run report-warnings tabulate --show-warnings
for item in $items; do
  run "item-$item" tabulate "$item" --format tsv
  run "item-$item-text" tabulate "$item"
  run "item-$item-by-dept" tabulate "$item" --by 部 --format tsv
done
run join-1 tabulate 形態 --by 設問２
run join-2 tabulate 設問１ --by 設問２
run join-3 tabulate 形態 --by 設問２ --where 部=市民部,環境部
run join-4 tabulate 設問２ --by 形態 --format json
run stats-1 tabulate 類型 --by 関わり --stats
run stats-2 tabulate 類型 --by 部 --stats --format tsv
run layer tabulate 設問２ --by 設問１ --layer 部 --decimals 0
run where tabulate 類型 --by 部 --where 部=市民部,環境部 --where 形態!=委託 --boxed
run derived tabulate 始期:decade --by 市の予算:class --format tsv
run amount-by tabulate 市の予算 --by 形態
run answered tabulate 形態 --base answered --mentions --chart
run labels tabulate 形態 --by 設問２ --labels full
for format in text tsv json; do run "check-$format" check --format "$format"; done
run check-mini check --data Tests/KyodoTests/Fixtures/mini
run sps sps 類型 --by 関わり
run sps-where sps 形態 --by 部 --where 部=市民部
for form in overall a b c; do run "items-$form" items "$form"; done
for format in text markdown html; do run "summary-all-$format" summary --all --format "$format"; done
run summary-section summary 環境政策課
run summary-unknown summary 児童青尐年課
for dir in Tests/KyodoTests/Fixtures/broken/*/; do
  name=$(basename "$dir")
  run "broken-$name" check --data Tests/KyodoTests/Fixtures/mini --file "a=$dir/a.tsv"
  run "broken-$name-tabulate" tabulate --data Tests/KyodoTests/Fixtures/mini --file "a=$dir/a.tsv"
done
if [ -n "$large" ]; then
  run large-report tabulate --file "a=$large"
  run large-report-json tabulate --file "a=$large" --format json
  run large-crosstab tabulate 形態 --by 部 --file "a=$large" --format tsv
  run large-join tabulate 形態 --by 設問２ --file "a=$large"
  run large-stats tabulate 類型 --by 関わり --stats --file "a=$large"
  run large-derived tabulate 始期:decade --by 市の予算:class --file "a=$large"
  run large-check check --file "a=$large" --format json
  run large-summary summary 環境部 --file "a=$large"
  run large-warnings tabulate 類型 --file "a=$large" --show-warnings
fi
echo "$count commands written to $out"
