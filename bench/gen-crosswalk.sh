#!/bin/sh
# gen-crosswalk.sh DIR FRAMEWORKS REQUIREMENTS ROWS
#
# Writes a synthetic crosswalk world into DIR: FRAMEWORKS catalogs
# (f0 is the hub, a control catalog) of REQUIREMENTS requirements each,
# ROWS mapping rows from the hub to the other frameworks spread over one
# mapping set per framework, and spec.isms, which uses every framework and
# decides every hub control. Deterministic: the same arguments give the
# same bytes.
set -eu
dir=$1 nfw=$2 nreq=$3 nrows=$4
mkdir -p "$dir/mappings"
awk -v dir="$dir" -v nfw="$nfw" -v nreq="$nreq" -v nrows="$nrows" '
# Park-Miller: exact in the doubles awk computes with.
function rnd(n) { seed = (seed * 16807) % 2147483647; return seed % n }
BEGIN {
	seed = 42
	split("equal subset superset intersects intersects intersects not-related", REL, " ")
	split("implemented implemented implemented partial planned", ST, " ")
	for (f = 0; f < nfw; f++) {
		out = sprintf("%s/f%d.yaml", dir, f)
		printf "format: ismc-catalog/1\ncatalog:\n  id: f%d\n  title: Framework %d\n", f, f > out
		printf "  kind: %s\n  levels: [group, requirement]\nnodes:\n", f == 0 ? "controls" : "requirements" > out
		for (i = 0; i < nreq; i++) {
			if (i % 50 == 0)
				printf "  - {id: G%d, title: Group %d, level: group, kind: group}\n", i / 50, i / 50 > out
			printf "  - {id: R%d, title: Requirement %d, level: requirement, parent: G%d}\n", i, i, int(i / 50) > out
		}
		close(out)
	}
	per = int(nrows / (nfw - 1))
	for (f = 1; f < nfw; f++) {
		out = sprintf("%s/mappings/f0--f%d.yaml", dir, f)
		printf "format: ismc-mapping/1\nmapping:\n  id: f0--f%d\n  source: f0\n  target: f%d\n  provenance: synthetic\nrows:\n", f, f > out
		for (k = 0; k < per; k++) {
			a = rnd(nreq); b = rnd(nreq)
			key = a " " b
			if (key in seen) continue
			seen[key] = 1
			printf "  - {source: R%d, rel: %s, target: R%d, strength: %d}\n", a, REL[rnd(7) + 1], b, rnd(10) + 1 > out
		}
		delete seen
		close(out)
	}
	out = dir "/spec.isms"
	for (f = 0; f < nfw; f++)
		printf "framework f%d\n", f > out
	for (i = 0; i < nreq; i++)
		printf "control f0:R%d { applicable; status %s }\n", i, ST[rnd(5) + 1] > out
	close(out)
}'
