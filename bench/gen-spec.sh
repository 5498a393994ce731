#!/bin/sh
# gen-spec.sh - writes a large, synthetic but valid ismc spec to stdout.
#
# usage: bench/gen-spec.sh [--risks N] [--measures M] [--assets A]
#                          [--threats T] [--roles R] [--maps K] [--seed S]
#
# The spec uses ISO/IEC 27001:2022 and decides all 93 Annex A controls, so
# `ismc check` on it reports nothing and exits 0. It has one `isms`, R roles,
# the two scales and the scoring of a real spec, A assets, T threats, M
# measures (each covering 1 to 4 controls) and N risks (each with 1 to 3
# threats, 1 to 4 assets, 1 to 6 controls or measures and a residual
# rating no higher than the inherent one). It exercises every token kind:
# comments, multi-line strings with escapes, qualified references,
# bracketed lists, dates, ranges and UTF-8 text.
#
# --maps K (default 0) also uses DORA and ends the spec with K `map` rows
# of its own, each a covering set of two Annex A controls that is a
# superset of one of six DORA requirements: the spec's mapping rows are
# measured, and the gap analysis runs. K is at most 25,668 (every pair of
# controls for each requirement). Without --maps the output is as before.
#
# Output is deterministic: the same options give the same bytes on every
# machine (the generator uses its own random number generator, not awk's).
# About 450 bytes per risk (with its share of assets and threats) and 400
# per measure: the defaults (50000 risks, 20000 measures) give about 31 MB,
# --risks 120000 --measures 40000 about 70 MB.
#
# POSIX sh and awk only.
set -eu

risks=50000
measures=20000
assets=
threats=
roles=40
maps=0
seed=20260630

usage() {
	echo "usage: $0 [--risks N] [--measures M] [--assets A] [--threats T]" \
	    "[--roles R] [--maps K] [--seed S]" >&2
	exit 2
}

number() {
	case $2 in
	'' | *[!0-9]*) echo "$0: $1 needs a whole number, not '$2'" >&2; exit 2 ;;
	esac
}

while [ $# -gt 0 ]; do
	case $1 in
	--risks | --measures | --assets | --threats | --roles | --maps | --seed)
		[ $# -ge 2 ] || usage
		number "$1" "$2"
		case $1 in
		--risks) risks=$2 ;;
		--measures) measures=$2 ;;
		--assets) assets=$2 ;;
		--threats) threats=$2 ;;
		--roles) roles=$2 ;;
		--maps) maps=$2 ;;
		--seed) seed=$2 ;;
		esac
		shift 2
		;;
	--*=*)
		opt=${1%%=*}
		val=${1#*=}
		shift
		set -- "$opt" "$val" "$@"
		;;
	-h | --help) usage ;;
	*) usage ;;
	esac
done
# Defaults that scale with the risks: about one asset per 10 risks.
[ -n "$assets" ] || assets=$((risks / 10 + 1))
[ -n "$threats" ] || threats=$((risks / 25 + 1))
[ "$roles" -ge 1 ] || roles=1
[ "$assets" -ge 1 ] || assets=1
[ "$threats" -ge 1 ] || threats=1

LC_ALL=C
export LC_ALL
exec awk -v NRISKS="$risks" -v NMEASURES="$measures" -v NASSETS="$assets" \
    -v NTHREATS="$threats" -v NROLES="$roles" -v NMAPS="$maps" \
    -v SEED="$seed" '
# Park-Miller "minimal standard" generator: every product stays below
# 2^53, so any awk computes the same sequence exactly in doubles.
function rnd(n) {
	seed = (seed * 16807) % 2147483647
	return seed % n
}

function pick(arr, n) {
	return arr[rnd(n) + 1]
}

# Words for titles and descriptions.
function words(k,    s, i) {
	s = pick(W, NW)
	for (i = 1; i < k; i++)
		s = s " " pick(W, NW)
	return s
}

function role()  { return sprintf("role-%02d", rnd(NROLES) + 1) }
function asset() { return sprintf("AS-%05d", rnd(NASSETS) + 1) }
function threat(){ return sprintf("T-%04d", rnd(NTHREATS) + 1) }

BEGIN {
	seed = SEED % 2147483646 + 1
	nw = split("access account admin alert archive audit backup " \
	    "breach client cloud config contract credential data database " \
	    "device disclosure email encryption endpoint export failure " \
	    "firewall fraud hosting identity incident insider laptop leak " \
	    "log malware network outage partner password patch payment " \
	    "phishing portal privilege ransomware record recovery release " \
	    "remote report server service session staff storage supplier " \
	    "theft token transfer update vendor vulnerability web", W, " ")
	NW = nw

	# The 93 controls of ISO/IEC 27001:2022 Annex A, by theme.
	NC = 0
	split("37 8 14 34", themes, " ")
	for (t = 1; t <= 4; t++)
		for (i = 1; i <= themes[t]; i++)
			C[++NC] = "A." (t + 4) "." i

	split("rare unlikely medium high almost-certain", LIK, " ")
	split("negligible minor medium high critical", IMP, " ")
	split("information software hardware service people site", TYPE, " ")
	split("public internal confidential restricted", CLASS, " ")
	split("legal contractual business", REASON, " ")

	print "# Synthetic ismc spec for the throughput benchmark (bench/gen-spec.sh)."
	printf "# %d risks, %d measures, %d assets, %d threats, %d roles, seed %d.\n",
	    NRISKS, NMEASURES, NASSETS, NTHREATS, NROLES, SEED
	print ""
	print "framework iso27001"
	if (NMAPS > 0)
		print "framework dora"
	print ""
	print "isms \"Benchmark Holdings ISMS\" {"
	print "    organisation \"Benchmark Holdings S.A.\""
	print "    industry     \"Financial services (synthetic data, Société Générale de Tests)\""
	print "    employees    12500"
	print "    version      \"1.0\""
	print "    date         2026-06-30"
	print "    scope \"\"\""
	print "        The information security management system of Benchmark"
	print "        Holdings S.A., generated for the \\\"ismc check\\\" benchmark."
	print "        \"\"\""
	print "    location hq \"Head office\""
	print "    location dr \"Disaster recovery site\""
	print "    in_scope     \"Everything\", \"Everything else\""
	print "    out_of_scope \"Nothing\""
	print "}"
	print ""
	for (i = 1; i <= NROLES; i++) {
		printf "role role-%02d \"Role %d\" {\n", i, i
		printf "    person      \"Person %d\"\n", i
		printf "    description \"Owns %s\"\n", words(4)
		print "}"
	}
	print ""
	print "scale likelihood {"
	for (i = 1; i <= 5; i++)
		printf "    level %d %s \"Likelihood %d\"\n", i, LIK[i], i
	print "}"
	print "scale impact {"
	for (i = 1; i <= 5; i++)
		printf "    level %d %s \"Impact %d\"\n", i, IMP[i], i
	print "}"
	print "scoring {"
	print "    band low      1..4   \"Low\""
	print "    band medium   5..9   \"Medium\""
	print "    band high     10..15 \"High\""
	print "    band critical 16..25 \"Critical\""
	print "    acceptance max 6"
	print "}"
	print ""

	for (i = 1; i <= NASSETS; i++) {
		printf "asset AS-%05d \"Asset %d: %s\" {\n", i, i, words(3)
		printf "    owner          %s\n", role()
		printf "    type           %s\n", pick(TYPE, 6)
		printf "    classification %s\n", pick(CLASS, 4)
		printf "    description    \"%s\"\n", words(8)
		print "}"
	}
	print ""
	for (i = 1; i <= NTHREATS; i++) {
		printf "threat T-%04d \"Threat %d: %s\" {\n", i, i, words(3)
		printf "    description \"%s\"\n", words(10)
		print "}"
	}
	print ""

	# Every control applicable and implemented, so no risk or measure
	# draws a warning; a qualified id now and then.
	print "# Statement of Applicability"
	for (i = 1; i <= NC; i++) {
		printf "control %s%s {\n", i % 10 == 0 ? "iso27001:" : "", C[i]
		print "    applicable"
		printf "    reasons   %s, %s\n", pick(REASON, 3), pick(REASON, 3)
		print "    status    implemented"
		printf "    owner     %s\n", role()
		printf "    policy    \"POL-%02d %s policy v1.%d\"\n", rnd(40) + 1,
		    words(2), rnd(9)
		printf "    evidence  \"%s, 2026-0%d-1%d\"\n", words(5),
		    rnd(6) + 1, rnd(9)
		print "}"
	}
	print ""

	for (i = 1; i <= NMEASURES; i++) {
		printf "measure M-%06d \"Measure %d: %s\" {\n", i, i, words(4)
		k = rnd(4) + 1
		s = pick(C, NC)
		for (j = 2; j <= k; j++)
			s = s ", " pick(C, NC)
		if (i % 7 == 0)
			printf "    covers      [%s]\n", s
		else
			printf "    covers      %s\n", s
		print "    status      implemented"
		printf "    owner       %s\n", role()
		if (i % 3 == 0) {
			print "    description \"\"\""
			printf "        %s\n", words(9)
			printf "        %s\\t(%d)\n", words(7), i
			print "        \"\"\""
		} else {
			printf "    description \"%s\"\n", words(12)
		}
		printf "    procedure   \"PRC-%03d %s procedure v1.%d\"\n",
		    rnd(200) + 1, words(2), rnd(9)
		printf "    evidence    \"%s report, 2026-05-%02d\"\n", words(3),
		    rnd(28) + 1
		print "}"
	}
	print ""

	for (i = 1; i <= NRISKS; i++) {
		if (i % 100 == 1)
			printf "# Risks R-%06d onwards\n", i
		printf "risk R-%06d \"Risk %d: %s\" {\n", i, i, words(5)
		printf "    description \"%s\"\n", words(14)
		k = rnd(3) + 1
		s = threat()
		for (j = 2; j <= k; j++)
			s = s ", " threat()
		printf "    threat      %s\n", s
		k = rnd(4) + 1
		s = asset()
		for (j = 2; j <= k; j++)
			s = s ", " asset()
		printf "    assets      %s\n", s
		l = rnd(5) + 1
		m = rnd(5) + 1
		printf "    likelihood  %s\n", LIK[l]
		printf "    impact      %s\n", i % 5 == 0 ? m : IMP[m]
		printf "    owner       %s\n", role()
		if (l * m <= 6) {
			print "    treatment   accept"
		} else {
			printf "    treatment   %s\n", rnd(4) == 0 ? "transfer" : "mitigate"
			k = rnd(6) + 1
			s = ""
			split("", seen)
			for (j = 1; j <= k; j++) {
				if (NMEASURES > 0 && rnd(3) == 0)
					c = sprintf("M-%06d", rnd(NMEASURES) + 1)
				else
					c = pick(C, NC)
				# ismc warns about a control named twice
				if (c in seen)
					continue
				seen[c] = 1
				s = s (s != "" ? ", " : "") c
			}
			printf "    controls    %s\n", s
			print "    residual {"
			printf "        likelihood %s\n", LIK[rnd(l) + 1]
			printf "        impact     %s\n", IMP[rnd(m) + 1]
			print "    }"
		}
		print "}"
	}

	# Crosswalk rows of the spec itself, after everything else so that the
	# rest of the spec is the same bytes with or without them.
	if (NMAPS > 0) {
		print ""
		print "# Mapping rows of the spec itself"
	}
	split("5.1 5.2.a 9.4.b 9.4.f 10.2 17.1", DORA, " ")
	n = 0
	for (i = 1; i < NC && n < NMAPS; i++)
		for (j = i + 1; j <= NC && n < NMAPS; j++)
			for (t = 1; t <= 6 && n < NMAPS; t++) {
				n++
				printf "map %s, %s superset dora:%s {\n", C[i],
				    C[j], DORA[t]
				printf "    strength  %d\n", rnd(10) + 1
				printf "    rationale \"%s\"\n", words(6)
				print "}"
			}
}'
