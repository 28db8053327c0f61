/*
 * policy_sql.c
 *		Scoring policies on the SQL side: the policy argument of every
 *		scoring function and aggregate, and the policy listings.
 *
 * Policies arrive as text and are parsed once per call site: the parsed
 * IndPolicy is cached in fn_extra (or a slot the caller owns) together
 * with the text it came from, so a column of equal policies costs one
 * comparison a row.
 */
#include "compat.h"

#include "fmgr.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "encoding.h"
#include "policy_sql.h"

typedef struct PolicyCache
{
	int			len;
	char	   *text;
	IndPolicy	policy;
} PolicyCache;

/* One limit, one SQLSTATE, whether the text is refused before or after conversion. */
static void
policy_too_long(int len)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("scoring policy too long"),
			 errdetail("The policy is %d bytes; the limit is %d.", len, IND_MAX_POLICY_BYTES)));
}

/* The policy named by argument n (central when absent), parsed once per call site. */
const IndPolicy *
ind_policy_arg(FunctionCallInfo fcinfo, int n)
{
	return ind_policy_arg_in(fcinfo, n, &fcinfo->flinfo->fn_extra);
}

/* The same, keeping the parsed policy in *slot (for callers that own fn_extra). */
const IndPolicy *
ind_policy_arg_in(FunctionCallInfo fcinfo, int n, void **slot)
{
	PolicyCache *cache = (PolicyCache *) *slot;
	const char *s = "";
	int			len = 0;
	IndPolicyError err;

	/* no policy argument: the central policy, parsed on the first call */
	if (cache != NULL && cache->len == 0 && PG_NARGS() <= n)
		return &cache->policy;
	if (PG_NARGS() > n && !PG_ARGISNULL(n))
	{
		text	   *t = PG_GETARG_TEXT_PP(n);

		/* like the other readers: a huge text fails before it is converted */
		if (VARSIZE_ANY_EXHDR(t) > IND_MAX_POLICY_BYTES)
			policy_too_long((int) VARSIZE_ANY_EXHDR(t));
		s = ind_text_to_utf8(t, &len);
	}
	if (cache != NULL && cache->len == len && memcmp(cache->text, s, len) == 0)
		return &cache->policy;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(PolicyCache));
		*slot = cache;
	}
	if (!ind_policy_parse(s, len, &cache->policy, &err))
	{
		cache->len = -1;
		if (err.too_long)
			policy_too_long(len);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid scoring policy \"%s\"", ind_quote(ind_from_utf8(s, len))),
				 errdetail_internal("%s", ind_from_utf8(err.detail, (int) strlen(err.detail))),
				 err.hint ? errhint("%s", ind_from_utf8(err.hint, (int) strlen(err.hint))) : 0));
	}
	if (cache->text != NULL)
		pfree(cache->text);
	cache->text = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, len + 1);
	memcpy(cache->text, s, len);
	cache->len = len;
	return &cache->policy;
}

/* Every knob of a policy with its value and meaning. */
PG_FUNCTION_INFO_V1(indicator_scoring_policy_knobs);
Datum
indicator_scoring_policy_knobs(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const IndPolicy *p = ind_policy_arg(fcinfo, 0);
	IndPolicy	central;
	int			i;

	ind_policy_preset(IND_PRESET_CENTRAL, &central);
	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < ind_policy_nknobs(); i++)
	{
		char		val[512],
					def[512];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		ind_policy_knob_format(i, p, val, sizeof(val));
		ind_policy_knob_format(i, &central, def, sizeof(def));
		values[0] = PointerGetDatum(UTF8_TEXT(ind_policy_knob_name(i)));
		values[1] = PointerGetDatum(UTF8_TEXT(val));
		values[2] = BoolGetDatum(strcmp(val, def) != 0);
		values[3] = PointerGetDatum(UTF8_TEXT(ind_policy_knob_doc(i)));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* The presets, each with what it changes from central. */
PG_FUNCTION_INFO_V1(indicator_scoring_policies);
Datum
indicator_scoring_policies(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	IndPolicy	central;
	int			i;

	ind_policy_preset(IND_PRESET_CENTRAL, &central);
	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < ind_policy_npresets(); i++)
	{
		IndPolicy	p;
		IndPolicyError err;
		const char *name = ind_policy_preset_name(i);
		StringInfoData changes;
		Datum		values[3];
		bool		nulls[3] = {false, false, false};
		int			k;

		ind_policy_parse(name, (int) strlen(name), &p, &err);
		initStringInfo(&changes);
		for (k = 0; k < ind_policy_nknobs(); k++)
		{
			char		val[512],
						def[512];

			ind_policy_knob_format(k, &p, val, sizeof(val));
			ind_policy_knob_format(k, &central, def, sizeof(def));
			if (strcmp(val, def) != 0)
				appendStringInfo(&changes, "%s%s=%s", changes.len > 0 ? " " : "",
								 ind_policy_knob_name(k), val);
		}
		values[0] = PointerGetDatum(UTF8_TEXT(name));
		values[1] = PointerGetDatum(UTF8_TEXT(ind_policy_preset_doc(i)));
		values[2] = PointerGetDatum(UTF8_TEXT(changes.data));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
