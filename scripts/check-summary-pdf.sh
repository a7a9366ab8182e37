#!/usr/bin/env bash
# Prints kyodo summary's HTML to PDF in headless Chromium, as a committee member's browser would,
# and checks the PDF with poppler's pdfinfo and pdftotext:
#   - every target starts a new page: the marker line "ヒアリング資料 k/N" that opens target k is
#     found once for each k = 1..N, in order, each on its own page and among the first three lines
#     of that page (a target that started mid-page would have the previous target's text above it);
#     so the pages that begin a target number exactly N, and the PDF has at least N pages;
#   - a known project is present (環境市民会議補助金, project 17);
#   - nothing is cut off: the name of every project and entry of the targets, and every answer
#     line of every table, is found in the PDF's text (compared without white space, since the
#     PDF wraps lines where the page does).
# Cases: the whole binder (kyodo summary --all) and one hearing day of three sections.
# Needs: a built kyodo (KYODO, default .build/debug/kyodo), chromium, pdfinfo and pdftotext.
# Usage: scripts/check-summary-pdf.sh [OUTPUT-DIR]   (the PDFs are kept there; default a temp dir)
set -euo pipefail
export LC_ALL=C.UTF-8
cd "$(dirname "$0")/.."
kyodo=${KYODO:-.build/debug/kyodo}
out=${1:-$(mktemp -d)}
mkdir -p "$out"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
for tool in "$browser" "$(command -v pdfinfo || true)" "$(command -v pdftotext || true)"; do
  if [ -z "$tool" ]; then
    echo "check-summary-pdf: needs chromium, pdfinfo and pdftotext (apt-get install chromium poppler-utils)" >&2
    exit 2
  fi
done
[ -x "$kyodo" ] || { echo "check-summary-pdf: no kyodo at $kyodo (swift build first)" >&2; exit 2; }

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Text without white space, full-width space included (sed, not tr: tr works on bytes).
squeeze() { sed -e 's/[[:space:]　]//g'; }

check() {
  local name=$1; shift
  local html="$out/$name.html" pdf="$out/$name.pdf"
  "$kyodo" summary "$@" --format html > "$html" 2> "$out/$name.stderr"
  local targets
  targets=$(grep -c '<section class="target">' "$html")
  local started=$SECONDS
  "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf-no-header \
    --print-to-pdf="$pdf" "file://$(realpath "$html")" > "$out/$name.chromium.log" 2>&1 \
    || { fail "$name: chromium could not print (see $out/$name.chromium.log)"; return; }
  local pages
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  echo "$name: $targets targets, $pages pages, printed in $((SECONDS - started))s ($pdf)"
  [ "$pages" -ge "$targets" ] || fail "$name: $pages pages for $targets targets"

  # Target starts: the marker of each target, once, in order, at the top of its own page.
  local expected=1 page text marker k
  for ((page = 1; page <= pages; page++)); do
    text=$(pdftotext -f "$page" -l "$page" "$pdf" - | grep -v '^[[:space:]]*$' || true)
    marker=$(grep -o "ヒアリング資料 [0-9]*/$targets" <<< "$text" || true)
    [ -z "$marker" ] && continue
    if [ "$(wc -l <<< "$marker")" -gt 1 ]; then fail "$name: page $page holds two target starts"; continue; fi
    k=${marker#ヒアリング資料 }; k=${k%/*}
    [ "$k" -eq "$expected" ] || fail "$name: page $page starts target $k, expected target $expected"
    head -n 3 <<< "$text" | grep -q "ヒアリング資料 $k/$targets" \
      || fail "$name: target $k does not start at the top of page $page"
    expected=$((k + 1))
  done
  [ "$expected" -eq $((targets + 1)) ] || fail "$name: found $((expected - 1)) target starts of $targets"
  echo "$name: $((expected - 1)) target starts found, each at the top of its own page"

  # Nothing cut off: every entry name and every answer line is in the PDF's text.
  pdftotext "$pdf" - | tr -d '\n' | squeeze > "$out/$name.pdf.txt"
  {
    grep -o 'class="name">[^<]*' "$html" | sed 's/^class="name">//'
    grep -o '<t[dh][^>]*>.*</t[dh]>' "$html" \
      | sed -e 's#</t[dh]>#\n#g' -e 's#<br>#\n#g' -e 's#</span> *<span#</span>\n<span#g'
  } | sed -e 's/<[^>]*>//g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&amp;/\&/g' \
    | sed -e 's/[[:space:]　][[:space:]　]*/\t/g' -e 's/^\t//' -e 's/\t$//' | grep -v '^$' | sort -u \
    > "$out/$name.expected.txt"
  # pdftotext reads side-by-side cells line by line, so a wrapped label can land inside a long
  # answer, and it may move a part set off by spaces (`…小金井　　　71頁`) elsewhere on the line:
  # each part of a text between white space counts as present when its characters appear in
  # order from where its first characters are, with at most 80 other characters between two, but
  # for one jump of up to 2000 (the rest of a wrapped line that pdftotext read after other cells).
  # A glyph the fonts lack (tofu) has no text, so it is caught here too.
  local missing
  missing=$(perl -CSD -e '
    open(my $f, "<:encoding(UTF-8)", $ARGV[0]) or die; local $/; my $all = <$f>; close $f;
    open(my $e, "<:encoding(UTF-8)", $ARGV[1]) or die; my @expected = split /\n/, <$e>; close $e;
    my $missing = 0;
    my @parts = map { split /\t/ } @expected;
    TEXT: for my $text (@parts) {
      next if $text eq "";
      my @chars = split //, $text;
      my $head = substr($text, 0, 3);
      my $start = -1;
      while (($start = index($all, $head, $start + 1)) >= 0) {
        my $at = $start + length($head) - 1;
        my ($ok, $jumps) = (1, 0);
        for my $c (@chars[length($head) .. $#chars]) {
          my $next = index($all, $c, $at + 1);
          $jumps++ if $next >= 0 && $next - $at > 81;
          if ($next < 0 || $next - $at > 2000 || $jumps > 1) { $ok = 0; last }
          $at = $next;
        }
        next TEXT if $ok;
      }
      $missing++;
      print STDERR "FAIL: not in the PDF: $text\n" if $missing <= 5;
    }
    print "$missing\n";
  ' "$out/$name.pdf.txt" "$out/$name.expected.txt")
  local checked
  checked=$(wc -l < "$out/$name.expected.txt")
  if [ "$missing" -eq 0 ]; then
    echo "$name: all $checked entry names, labels and answer lines found in the PDF text"
  else
    fail "$name: $missing parts of $checked texts missing (listed above)"
  fi
}

check binder --all
grep -q '17環境市民会議補助金' "$out/binder.pdf.txt" \
  || fail "binder: project 17 環境市民会議補助金 is not in the PDF"
check hearing-day-4 子育て支援課 児童青少年課 まちづくり推進課

if [ "$failures" -gt 0 ]; then
  echo "check-summary-pdf: $failures failures" >&2
  exit 1
fi
echo "check-summary-pdf: OK"
