#!/usr/bin/env bash
# Seeds the fuzz corpora from the notices in the repository: every file in
# seeds/ and fixtures/ (when present), whole and in 30-line pieces (small
# inputs fuzz faster), plus GB18030 and UTF-16 copies for parse_bytes.
# Run from anywhere; writes fuzz/corpus/{parse_bytes,roundtrip}/.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/parse_bytes corpus/roundtrip corpus/parse_structured
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shopt -s nullglob globstar
for f in ../seeds/*.txt ../fixtures/**/*.txt; do
    name=$(basename "$f" .txt)
    cp "$f" "$tmp/$name.whole"
    split -l 30 -d "$f" "$tmp/$name.part"
done
for f in "$tmp"/*; do
    name=$(basename "$f")
    cp "$f" corpus/roundtrip/"$name"
    cp "$f" corpus/parse_bytes/"$name"
    # A piece cut mid-character cannot be converted; the UTF-8 copy stays.
    iconv -f UTF-8 -t GB18030 "$f" > corpus/parse_bytes/"$name.gb18030" 2>/dev/null \
        || rm -f corpus/parse_bytes/"$name.gb18030"
    iconv -f UTF-8 -t UTF-16 "$f" > corpus/parse_bytes/"$name.utf16" 2>/dev/null \
        || rm -f corpus/parse_bytes/"$name.utf16"
done
echo "corpus: $(ls corpus/parse_bytes | wc -l) parse_bytes, $(ls corpus/roundtrip | wc -l) roundtrip inputs"
