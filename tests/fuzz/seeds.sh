#!/bin/sh
# seeds.sh OUTDIR - builds the seed corpora of the fuzz harnesses:
# OUTDIR/front, OUTDIR/spec, OUTDIR/build, OUTDIR/catalog, OUTDIR/import
# and OUTDIR/texts (doc/fuzzing.md).
#
# Seeds are the example specs, each file alone and all of them as one
# input (the harnesses do not follow `include`), the bad-input corpus, the
# shipped catalogs and mappings that fit the harnesses' size caps, and every
# regression input kept in tests/fuzz/regress. Running it again refreshes
# the seeds and leaves what the fuzzers added to OUTDIR alone.
set -eu
LC_ALL=C
export LC_ALL

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
out=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
# The harnesses' -max_len in scripts/fuzz.sh.
front_max=4096
spec_max=4096
build_max=4096
catalog_max=8192
import_max=8192
texts_max=8192

mkdir -p "$out/front" "$out/spec" "$out/build" "$out/catalog" "$out/import" \
    "$out/texts"

# seed DIR MAX FILE [NAME]: copies FILE into corpus DIR, trimmed to its
# first MAX bytes' whole lines when larger: the head of a catalog or a
# mapping set is still one, and small inputs keep the fuzzers fast.
seed() {
	[ -f "$3" ] || return 0
	if [ "$(wc -c <"$3")" -le "$2" ]; then
		cp "$3" "$1/seed-${4:-$(basename "$3")}"
	else
		head -c "$2" "$3" | sed '$d' >"$1/seed-${4:-$(basename "$3")}"
	fi
}

# The examples as one spec: comment lines and includes dropped, so that
# it is small enough and needs no other file. The build seed leaves out
# the SoA (by far the largest part) to fit its harness' cap.
whole() {
	for f in "$@"; do
		grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*include[[:space:]]' \
		    "$f" || true
	done
}

for d in "$top"/examples/*/; do
	[ -d "$d" ] || continue
	# Only the example directories that hold specs (not examples/ci).
	set -- "$d"*.isms
	[ -f "$1" ] || continue
	name=$(basename "$d")
	for f in "$d"*.isms; do
		[ -f "$f" ] || continue
		seed "$out/front" $front_max "$f" "$name-$(basename "$f")"
		seed "$out/spec" $spec_max "$f" "$name-$(basename "$f")"
		seed "$out/build" $build_max "$f" "$name-$(basename "$f")"
	done
	whole "$d"*.isms >"$out/spec/seed-$name-whole.isms"
	for f in "$d"*.isms; do
		[ "$(basename "$f")" = soa.isms ] || whole "$f"
	done >"$out/build/seed-$name-no-soa.isms"
	# Two frameworks and a few SoA rows: the gap analysis and every
	# report, in a seed the build harness runs quickly.
	{
		whole "$d"scales.isms "$d"assets.isms
		whole "$d"soa.isms | awk '/^control /{n++} n<=8'
		whole "$d"safetrust.isms | grep -v '^framework \(nis2\|soc2\)'
	} >"$out/build/seed-$name-small.isms" 2>/dev/null || true
done
# A spec naming a shipped mapping set itself: the harnesses' spec lives in
# frameworks/mappings, so the relative name finds it.
cat >"$out/spec/seed-mappings.isms" <<'EOF'
framework iso27001
framework dora
mappings "iso27001-2022--dora.yaml"
control A.5.24 { applicable; status implemented }
map A.8.13 superset dora:12.1.a { strength 7; rationale "backups" }
EOF
cp "$out/spec/seed-mappings.isms" "$out/build/seed-mappings.isms"
for f in "$top"/tests/bad/*.isms; do
	seed "$out/front" $front_max "$f" "bad-$(basename "$f")"
	seed "$out/spec" $spec_max "$f" "bad-$(basename "$f")"
	seed "$out/build" $build_max "$f" "bad-$(basename "$f")"
done
for f in "$top"/tests/bad/catalogs/*.yaml; do
	seed "$out/catalog" $catalog_max "$f" "bad-$(basename "$f")"
done
for f in "$top"/frameworks/*.yaml "$top"/frameworks/mappings/*.yaml; do
	seed "$out/catalog" $catalog_max "$f"
done
for f in "$top"/tests/fuzz/regress/*; do
	[ -f "$f" ] || continue
	case $(basename "$f") in
	front-*)	seed "$out/front" $front_max "$f" ;;
	spec-*)		seed "$out/spec" $spec_max "$f"
			seed "$out/front" $front_max "$f" ;;
	build-*)	seed "$out/build" $build_max "$f" ;;
	catalog-*|mapping-*) seed "$out/catalog" $catalog_max "$f" ;;
	texts-*)	seed "$out/texts" $texts_max "$f" ;;
	esac
done
# The importers: our fixtures, the bad cases, and the published files
# small enough, where a reference folder is at hand (never committed).
for f in $(find "$top/tests/import" -name '*.json' -o -name '*.yaml' |
    sort) "$top"/tests/bad/catalogs/ciso-* "$top"/tests/bad/catalogs/oscal-*; do
	seed "$out/import" $import_max "$f"
done
ref=${ISMC_REFERENCE:-$top/../shared/reference}
if [ -d "$ref" ]; then
	for f in $(find "$ref" -name '*.json' -o -name '*.yaml' | sort); do
		seed "$out/import" $import_max "$f"
	done
fi
for f in "$top"/tests/fuzz/regress/import-*; do
	seed "$out/import" $import_max "$f"
done
# The examples written whole above may pass a cap: cut them as seed() cuts.
for d in front:$front_max spec:$spec_max build:$build_max; do
	for f in "$out/${d%%:*}"/seed-*; do
		[ -f "$f" ] && [ "$(wc -c <"$f")" -gt "${d#*:}" ] || continue
		head -c "${d#*:}" "$f" | sed '$d' >"$f.tmp"
		mv "$f.tmp" "$f"
	done
done
# Licensed texts (--texts): well-formed for a controls catalog and for a
# requirements one, by id and by alias, and the refusals (an id the
# catalog lacks, a catalog the spec does not use, a text not a string).
texts() {
	printf 'format: ismc-texts/1\ncatalog: %s\ntexts:\n' "$2" \
	    >"$out/texts/seed-$1.yaml"
	cat >>"$out/texts/seed-$1.yaml"
}
texts iso iso27001 <<'EOF'
  A.5.1: |
    Licensed wording of A.5.1,
    over two lines.
  A.8.13: "Backups \u00e9 \"quoted\""
  A.5.2: >
    folded
    text
EOF
texts soc2 soc2 <<'EOF'
  CC1.1: plain text
  CC6.1: ''
EOF
texts unknown iso27001-2022 <<'EOF'
  A.5.99: x
  A.5.1: [a, list]
EOF
texts unused nist-csf <<'EOF'
  ID.AM-1: x
EOF
printf 'format: ismc-texts/2\ncatalog: iso27001\ntexts: {}\n' \
    >"$out/texts/seed-format.yaml"
count() {
	find "$1" -type f | wc -l | tr -d ' '
}
echo "seeds: $(count "$out/front") front, $(count "$out/spec") spec, $(count "$out/build") build," \
    "$(count "$out/catalog") catalog, $(count "$out/import") import," \
    "$(count "$out/texts") texts in $out"
