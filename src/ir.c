/*
 * ir.c - names of IR enumerations, small queries, and the IR dump.
 */
#include <config.h>

#include "ir.h"

#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "catalog.h"

const char *
ismc_status_name(enum ismc_status st)
{
	switch (st) {			/* ORDER ISMC_STATUS */
	case ISMC_STATUS_UNSET:
		return "unset";
	case ISMC_STATUS_NOT_IMPLEMENTED:
		return "not-implemented";
	case ISMC_STATUS_PLANNED:
		return "planned";
	case ISMC_STATUS_PARTIAL:
		return "partial";
	case ISMC_STATUS_IMPLEMENTED:
		return "implemented";
	}
	return "unset";
}

const char *
ismc_treatment_name(enum ismc_treatment t)
{
	switch (t) {			/* ORDER ISMC_TREATMENT */
	case ISMC_TREAT_NONE:
		return "none";
	case ISMC_TREAT_MITIGATE:
		return "mitigate";
	case ISMC_TREAT_ACCEPT:
		return "accept";
	case ISMC_TREAT_AVOID:
		return "avoid";
	case ISMC_TREAT_TRANSFER:
		return "transfer";
	}
	return "none";
}

const char *
ismc_reason_name(enum ismc_reason r)
{
	switch (r) {			/* ORDER ISMC_REASON */
	case ISMC_REASON_RISK:
		return "risk";
	case ISMC_REASON_LEGAL:
		return "legal";
	case ISMC_REASON_CONTRACTUAL:
		return "contractual";
	case ISMC_REASON_BUSINESS:
		return "business";
	}
	return "?";
}

const char *
ismc_ref_kind_name(enum ismc_ref_kind k)
{
	switch (k) {			/* ORDER ISMC_REF */
	case ISMC_REF_POLICY:
		return "policy";
	case ISMC_REF_PROCEDURE:
		return "procedure";
	case ISMC_REF_EVIDENCE:
		return "evidence";
	case ISMC_REF_RECORD:
		return "record";
	case ISMC_REF_DOCUMENTED:
		return "documented";
	}
	return "?";
}

const char *
ismc_applicability_name(enum ismc_applicability a)
{
	switch (a) {
	case ISMC_UNDECIDED:
		return "undecided";
	case ISMC_APPLICABLE:
		return "applicable";
	case ISMC_EXCLUDED:
		return "excluded";
	}
	return "undecided";
}

struct ismc_ir_framework *
ismc_ir_framework_find(const struct ismc_ir *ir, const char *name)
{
	size_t lo = 0, hi = ir->nfwnames, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(name, ir->fwnames[mid].name)) == 0)
			return ir->fwnames[mid].fw;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct ismc_ir_band *
ismc_ir_band_for(const struct ismc_ir *ir, int score)
{
	size_t i;

	for (i = 0; i < ir->nbands; i++)
		if (score >= ir->bands[i].lo && score <= ir->bands[i].hi)
			return &ir->bands[i];
	return NULL;
}

/*
 * Compares digit runs by value and everything else bytewise, so that
 * identifiers sort the way people number them. Ties (leading zeros) fall
 * back to plain strcmp to keep the order total.
 */
int
ismc_natcmp(const char *a, const char *b)
{
	const char *pa = a, *pb = b;

	while (*pa != '\0' && *pb != '\0') {
		if (isdigit((unsigned char)*pa) && isdigit((unsigned char)*pb)) {
			const char *sa, *sb;
			size_t la, lb;

			while (*pa == '0')
				pa++;
			while (*pb == '0')
				pb++;
			for (sa = pa; isdigit((unsigned char)*pa); pa++)
				continue;
			for (sb = pb; isdigit((unsigned char)*pb); pb++)
				continue;
			la = (size_t)(pa - sa);
			lb = (size_t)(pb - sb);
			if (la != lb)
				return la < lb ? -1 : 1;
			if (la > 0 && memcmp(sa, sb, la) != 0)
				return memcmp(sa, sb, la) < 0 ? -1 : 1;
			continue;
		}
		if (*pa != *pb)
			return (unsigned char)*pa < (unsigned char)*pb ? -1 : 1;
		pa++;
		pb++;
	}
	if (*pa != *pb)
		return *pa == '\0' ? -1 : 1;
	return strcmp(a, b);
}

static void
dump_str(FILE *f, const char *key, const char *v)
{
	if (v != NULL)
		fprintf(f, "  %s: %s\n", key, v);
}

static void
dump_risk(FILE *f, const struct ismc_ir_risk *r)
{
	size_t i;

	fprintf(f, "risk %s score=%d band=%s treatment=%s residual=%d "
	    "res_band=%s%s\n", r->id, r->score, r->band ? r->band->id : "-",
	    ismc_treatment_name(r->treatment), r->res_score,
	    r->res_band ? r->res_band->id : "-",
	    r->above_acceptance ? " above-acceptance" : "");
	for (i = 0; i < r->ntreated_by; i++)
		fprintf(f, "  treated-by %s\n", r->treated_by[i].control ?
		    r->treated_by[i].control->req->id :
		    r->treated_by[i].measure->id);
}

static void
dump_control(FILE *f, const struct ismc_ir_control *c)
{
	size_t i;

	fprintf(f, "control %s %s status=%s%s reasons=%u", c->req->id,
	    ismc_applicability_name(c->applicability),
	    ismc_status_name(c->status), c->status_derived ? "(derived)" : "",
	    c->reasons);
	for (i = 0; i < c->nrisks; i++)
		fprintf(f, "%s%s", i ? "," : " risks=", c->risks[i]->id);
	fputc('\n', f);
}

void
ismc_ir_dump(FILE *f, const struct ismc_ir *ir)
{
	size_t i, j;

	fprintf(f, "isms %s\n", ir->isms.title ? ir->isms.title : "-");
	dump_str(f, "organisation", ir->isms.organisation);
	for (i = 0; i < ir->nroles; i++)
		fprintf(f, "role %s\n", ir->roles[i]->id);
	for (i = 0; i < ir->nassets; i++)
		fprintf(f, "asset %s owner=%s\n", ir->assets[i]->id,
		    ir->assets[i]->owner ? ir->assets[i]->owner->id : "-");
	for (i = 0; i < ir->likelihood.nlevels; i++)
		fprintf(f, "likelihood %d %s\n", ir->likelihood.levels[i].value,
		    ir->likelihood.levels[i].id);
	for (i = 0; i < ir->impact.nlevels; i++)
		fprintf(f, "impact %d %s\n", ir->impact.levels[i].value,
		    ir->impact.levels[i].id);
	for (i = 0; i < ir->nbands; i++)
		fprintf(f, "band %s %d..%d\n", ir->bands[i].id, ir->bands[i].lo,
		    ir->bands[i].hi);
	if (ir->has_acceptance)
		fprintf(f, "acceptance max %d\n", ir->acceptance_max);
	for (i = 0; i < ir->nframeworks; i++) {
		fprintf(f, "framework %s\n", ir->frameworks[i].catalog->id);
		for (j = 0; j < ir->frameworks[i].ncontrols; j++)
			dump_control(f, &ir->frameworks[i].controls[j]);
	}
	for (i = 0; i < ir->nmeasures; i++)
		fprintf(f, "measure %s status=%s\n", ir->measures[i]->id,
		    ismc_status_name(ir->measures[i]->status));
	for (i = 0; i < ir->nrisks; i++)
		dump_risk(f, ir->risks[i]);
	fprintf(f, "totals inherent=%" PRId64 " residual=%" PRId64
	    " reduction=%.1f%%\n", ir->totals.inherent, ir->totals.residual,
	    ir->totals.reduction_pct);
}

const char *
ismc_cmp_name(enum ismc_cmp c)
{
	switch (c) {			/* ORDER ISMC_CMP */
	case ISMC_CMP_LT:
		return "<";
	case ISMC_CMP_LE:
		return "<=";
	case ISMC_CMP_GT:
		return ">";
	case ISMC_CMP_GE:
		return ">=";
	case ISMC_CMP_EQ:
		return "=";
	}
	return "?";
}

const char *
ismc_finding_kind_name(enum ismc_finding_kind k)
{
	switch (k) {			/* ORDER ISMC_FINDING */
	case ISMC_FINDING_MAJOR:
		return "major nonconformity";
	case ISMC_FINDING_MINOR:
		return "minor nonconformity";
	case ISMC_FINDING_OFI:
		return "opportunity for improvement";
	case ISMC_FINDING_OBSERVATION:
		return "observation";
	}
	return "?";
}

const char *
ismc_action_status_name(enum ismc_action_status s)
{
	switch (s) {			/* ORDER ISMC_ACTION */
	case ISMC_ACTION_OPEN:
		return "open";
	case ISMC_ACTION_IN_PROGRESS:
		return "in-progress";
	case ISMC_ACTION_DONE:
		return "done";
	}
	return "?";
}

const char *
ismc_road_kind_name(enum ismc_road_kind k)
{
	switch (k) {			/* ORDER ISMC_ROAD */
	case ISMC_ROAD_PHASE:
		return "phase";
	case ISMC_ROAD_MILESTONE:
		return "milestone";
	case ISMC_ROAD_CONTROL:
		return "control";
	case ISMC_ROAD_MEASURE:
		return "measure";
	case ISMC_ROAD_ACTION:
		return "action";
	}
	return "?";
}

const char *
ismc_combine_name(enum ismc_combine c)
{
	switch (c) {			/* ORDER ISMC_COMBINE */
	case ISMC_COMBINE_HIGHEST:
		return "highest";
	case ISMC_COMBINE_AVERAGE:
		return "average";
	}
	return "?";
}

struct ismc_date
ismc_period_end(struct ismc_date from, struct ismc_ir_period p)
{
	return ismc_date_add_days(ismc_date_add_months(from, p.months),
	    p.days);
}
