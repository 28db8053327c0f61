/*
 * indicator_io.c
 *		Text and binary I/O of the indicator type, the four-column
 *		constructor and the accessors.
 *
 * This is the fmgr skin over literal.c and storage.c: it converts between
 * the server encoding and the UTF-8 the core reads, allocates results and
 * turns core errors into ereport/errsave with the right SQLSTATE.
 */
#include "compat.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "encoding.h"
#include "hierarchy.h"
#include "infer.h"
#include "indicator.h"
#include "numeric_io.h"
#include "indicator_wire.h"

PG_MODULE_MAGIC;

static const char *const accepted_forms_hint =
"Write [nature] comparator target [unit], for example "
"\"正向 >= 10 次\", \"≤60万元\", \"=100%\", \"95%～100%\", \"[95,100] %\" "
"or \"定性 有效提高\".";

/* A palloc'd varlena holding spec. */
Indicator *
ind_make(const IndSpec *spec)
{
	int			size = ind_encoded_size(spec);
	Indicator  *v = (Indicator *) palloc(VARHDRSZ + size);

	SET_VARSIZE(v, VARHDRSZ + ind_encode(spec, (unsigned char *) VARDATA(v)));
	return v;
}

/* Decode a stored value; text and unit point into v. */
void
ind_unpack(const Indicator *v, IndSpec *spec)
{
	if (!ind_decode((const unsigned char *) VARDATA_ANY(v),
					VARSIZE_ANY_EXHDR(v), spec))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupted indicator value"),
				 errdetail("The stored bytes are not indicator format version %d.",
						   IND_FORMAT_VERSION)));
}

/* The canonical text of spec, in the server encoding. */
char *
ind_to_cstring(const IndSpec *spec)
{
	char	   *buf = palloc(ind_format_length(spec));
	int			len = ind_format(spec, buf);

	return ind_from_utf8(buf, len);
}

/*
 * Report a core error about input text.  With an escontext (PostgreSQL 16+,
 * e.g. pg_input_is_valid) the error is saved instead of thrown.
 */
void
ind_report(const IndError *err, const char *typname, const char *input,
		   struct Node *escontext)
{
	char	   *detail = ind_from_utf8(err->detail, (int) strlen(err->detail));
	const char *quoted = ind_quote(input);

	switch (err->status)
	{
		case IND_ERR_RANGE:
			errsave(escontext,
					errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("target out of range for type %s: \"%s\"", typname, quoted),
					errdetail_internal("%s", detail),
					errhint("Targets have at most 18 significant digits."));
			break;
		case IND_ERR_TOO_LONG:
			errsave(escontext,
					errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					errmsg("input too long for type %s: \"%s\"", typname, quoted),
					errdetail_internal("%s", detail),
					errhint("Units take at most %d bytes and target texts at most %d.",
							IND_MAX_UNIT_BYTES, IND_MAX_TEXT_BYTES));
			break;
		default:
			errsave(escontext,
					errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"", typname, quoted),
					errdetail_internal("%s", detail),
					errhint("%s", ind_from_utf8(accepted_forms_hint,
												(int) strlen(accepted_forms_hint))));
			break;
	}
}

PG_FUNCTION_INFO_V1(indicator_in);
Datum
indicator_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	Node	   *escontext = fcinfo->context;
	int			len;
	char	   *utf8 = ind_to_utf8(str, (int) strlen(str), &len);
	IndSpec		spec;
	IndError	err;

	if (ind_parse_literal(utf8, len, &spec, &err) != IND_OK)
	{
		ind_report(&err, "indicator", str, escontext);
		PG_RETURN_NULL();
	}
	PG_RETURN_INDICATOR_P(ind_make(&spec));
}

PG_FUNCTION_INFO_V1(indicator_out);
Datum
indicator_out(PG_FUNCTION_ARGS)
{
	Indicator  *v = PG_GETARG_INDICATOR_P(0);
	IndSpec		spec;

	ind_unpack(v, &spec);
	PG_RETURN_CSTRING(ind_to_cstring(&spec));
}

/* Is the text a valid indicator literal?  Never raises for bad syntax. */
PG_FUNCTION_INFO_V1(indicator_is_valid);
Datum
indicator_is_valid(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int			len;
	char	   *utf8 = ind_text_to_utf8(t, &len);
	IndSpec		spec;
	IndError	err;

	PG_RETURN_BOOL(ind_parse_literal(utf8, len, &spec, &err) == IND_OK);
}

/* A text argument as UTF-8, or NULL/0 when the SQL value is NULL. */
static const char *
arg_utf8(FunctionCallInfo fcinfo, int n, int *len)
{
	text	   *t;

	*len = 0;
	if (PG_ARGISNULL(n))
		return NULL;
	t = PG_GETARG_TEXT_PP(n);
	return ind_text_to_utf8(t, len);
}

/*
 * A goal-table row's columns as an indicator: nature, comparator, target,
 * unit, and (when with_level) the level 2, whose bare targets (63人, 100%)
 * then read by the rules of infer.c instead of failing.  NULL cells count
 * as empty.
 */
static Datum
from_columns(FunctionCallInfo fcinfo, bool with_level)
{
	int			len[5] = {0};
	const char *cell[5];
	char	   *textbuf = palloc(IND_TEXTBUF_SIZE);
	IndSpec		spec;
	IndError	err;
	IndStatus	st;
	int			inferred;
	int			i;
	const IndLevel *level2 = NULL;

	for (i = 0; i < (with_level ? 5 : 4); i++)
		cell[i] = arg_utf8(fcinfo, i, &len[i]);
	if (with_level && cell[4] != NULL)
	{
		level2 = ind_level_lookup_loose(cell[4], len[4]);
		/* a level 1 where the level 2 belongs says nothing about the comparator */
		if (level2 != NULL && level2->depth != 2 && strcmp(level2->name, "成本指标") != 0)
			level2 = NULL;
	}
	if (with_level)
		st = ind_parse_columns_level(cell[0], len[0], cell[1], len[1], cell[2], len[2],
									 cell[3], len[3], level2, textbuf, &spec, &err, &inferred);
	else
		st = ind_parse_columns(cell[0], len[0], cell[1], len[1], cell[2], len[2],
							   cell[3], len[3], textbuf, &spec, &err);
	if (st != IND_OK)
	{
		StringInfoData shown;

		initStringInfo(&shown);
		for (i = 0; i < (with_level ? 5 : 4); i++)
			appendStringInfo(&shown, "%s%s", i > 0 ? " | " : "",
							 cell[i] ? ind_from_utf8(cell[i], len[i]) : "");
		ind_report(&err, "indicator", shown.data, NULL);
	}
	PG_RETURN_INDICATOR_P(ind_make(&spec));
}

/* indicator(nature, comparator, target, unit): one goal-table row's four columns. */
PG_FUNCTION_INFO_V1(indicator_from_columns);
Datum
indicator_from_columns(PG_FUNCTION_ARGS)
{
	return from_columns(fcinfo, false);
}

/* indicator(nature, comparator, target, unit, level2) */
PG_FUNCTION_INFO_V1(indicator_from_columns_level);
Datum
indicator_from_columns_level(PG_FUNCTION_ARGS)
{
	return from_columns(fcinfo, true);
}

/*
 * Binary output (the format is in indicator_wire.c): the text field goes
 * out in the client encoding.
 */
PG_FUNCTION_INFO_V1(indicator_send);
Datum
indicator_send(PG_FUNCTION_ARGS)
{
	Indicator  *v = PG_GETARG_INDICATOR_P(0);
	IndSpec		spec;
	const char *utf8;
	int			len;
	char	   *server;
	char	   *client;
	int			clen;
	bytea	   *result;

	ind_unpack(v, &spec);
	utf8 = (spec.op == IND_OP_NONE) ? spec.text : (spec.unit ? spec.unit : "");
	len = (spec.op == IND_OP_NONE) ? spec.text_len : spec.unit_len;
	server = ind_from_utf8(utf8, len);
	client = pg_server_to_client(server, (int) strlen(server));
	clen = (int) strlen(client);
	result = (bytea *) palloc(VARHDRSZ + ind_wire_encoded_size(&spec, clen));
	SET_VARSIZE(result, VARHDRSZ + ind_wire_encoded_size(&spec, clen));
	ind_wire_encode(&spec, client, clen, (unsigned char *) VARDATA(result));
	PG_RETURN_BYTEA_P(result);
}

static void
bad_binary(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary representation of type indicator"),
			 errdetail_internal("%s", ind_from_utf8(detail, (int) strlen(detail)))));
}

/*
 * Binary input: the fields are read and checked by ind_wire_decode(), the
 * text field is converted from the client encoding, and ind_wire_check()
 * requires that the value is one the text reader would produce from its own
 * canonical text, so in(out(x)) = x holds for values that arrived in binary
 * too.  Unit aliases are canonicalised on the way, as text input does.
 */
PG_FUNCTION_INFO_V1(indicator_recv);
Datum
indicator_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *bytes = buf->data + buf->cursor;
	int			nbytes = buf->len - buf->cursor;
	IndSpec		sent;
	IndSpec		parsed;
	IndError	err;
	const char *raw;
	int			rawlen;
	char	   *utf8;
	int			len;

	buf->cursor = buf->len;
	if (ind_wire_decode(bytes, nbytes, &sent, &raw, &rawlen, &err) != IND_OK)
		bad_binary(err.detail);
	/*
	 * The text field, client encoding -> server (verified, NUL bytes
	 * refused) -> UTF-8.  Unconverted, it is the message's own bytes, whose
	 * end is rawlen, not a NUL.
	 */
	{
		char	   *server = pg_client_to_server(raw, rawlen);

		utf8 = ind_to_utf8(server, server == raw ? rawlen : (int) strlen(server), &len);
	}
	ind_wire_set_text(&sent, utf8, len);
	if (ind_wire_check(&sent, &parsed, palloc(ind_wire_check_buflen(&sent)), &err) != IND_OK)
		bad_binary(err.detail);
	PG_RETURN_INDICATOR_P(ind_make(&parsed));
}

/* ---- accessors ---- */

PG_FUNCTION_INFO_V1(indicator_nature);
Datum
indicator_nature(PG_FUNCTION_ARGS)
{
	IndSpec		spec;
	const char *name;

	ind_unpack(PG_GETARG_INDICATOR_P(0), &spec);
	name = ind_nature_name(spec.nature);
	PG_RETURN_TEXT_P(ind_text_from_utf8(name, (int) strlen(name)));
}

PG_FUNCTION_INFO_V1(indicator_comparator);
Datum
indicator_comparator(PG_FUNCTION_ARGS)
{
	IndSpec		spec;
	const char *sym;

	ind_unpack(PG_GETARG_INDICATOR_P(0), &spec);
	sym = ind_comparator_symbol(spec.op);
	if (sym == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(ind_text_from_utf8(sym, (int) strlen(sym)));
}

/* The single target; NULL for ranges and qualitative targets. */
PG_FUNCTION_INFO_V1(indicator_target);
Datum
indicator_target(PG_FUNCTION_ARGS)
{
	IndSpec		spec;

	ind_unpack(PG_GETARG_INDICATOR_P(0), &spec);
	if (spec.op == IND_OP_NONE || spec.op == IND_OP_RANGE)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(ind_decimal_to_numeric(spec.lo, 0));
}

/* Lower end of the accepted values: the target of >=, >, = and ranges. */
PG_FUNCTION_INFO_V1(indicator_target_lower);
Datum
indicator_target_lower(PG_FUNCTION_ARGS)
{
	IndSpec		spec;

	ind_unpack(PG_GETARG_INDICATOR_P(0), &spec);
	switch (spec.op)
	{
		case IND_OP_GE:
		case IND_OP_GT:
		case IND_OP_EQ:
		case IND_OP_RANGE:
			PG_RETURN_DATUM(ind_decimal_to_numeric(spec.lo, 0));
		default:
			PG_RETURN_NULL();
	}
}

/* Upper end of the accepted values: the target of <=, <, = and ranges. */
PG_FUNCTION_INFO_V1(indicator_target_upper);
Datum
indicator_target_upper(PG_FUNCTION_ARGS)
{
	IndSpec		spec;

	ind_unpack(PG_GETARG_INDICATOR_P(0), &spec);
	switch (spec.op)
	{
		case IND_OP_LE:
		case IND_OP_LT:
		case IND_OP_EQ:
			PG_RETURN_DATUM(ind_decimal_to_numeric(spec.lo, 0));
		case IND_OP_RANGE:
			PG_RETURN_DATUM(ind_decimal_to_numeric(spec.hi, 0));
		default:
			PG_RETURN_NULL();
	}
}

PG_FUNCTION_INFO_V1(indicator_target_text);
Datum
indicator_target_text(PG_FUNCTION_ARGS)
{
	IndSpec		spec;
	char	   *buf;
	int			len;

	ind_unpack(PG_GETARG_INDICATOR_P(0), &spec);
	buf = palloc(ind_format_length(&spec));
	len = ind_format_target(&spec, buf);
	PG_RETURN_TEXT_P(ind_text_from_utf8(buf, len));
}

PG_FUNCTION_INFO_V1(indicator_unit);
Datum
indicator_unit(PG_FUNCTION_ARGS)
{
	IndSpec		spec;

	ind_unpack(PG_GETARG_INDICATOR_P(0), &spec);
	if (spec.unit_len == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(ind_text_from_utf8(spec.unit, spec.unit_len));
}

/* The accepted values as a numrange: [10,) for ">= 10", (,5) for "< 5". */
PG_FUNCTION_INFO_V1(indicator_target_range);
Datum
indicator_target_range(PG_FUNCTION_ARGS)
{
	IndSpec		spec;
	TypeCacheEntry *typcache;
	RangeBound	lower;
	RangeBound	upper;

	ind_unpack(PG_GETARG_INDICATOR_P(0), &spec);
	if (spec.op == IND_OP_NONE)
		PG_RETURN_NULL();

	typcache = lookup_type_cache(NUMRANGEOID, TYPECACHE_RANGE_INFO);
	lower.lower = true;
	upper.lower = false;
	lower.infinite = upper.infinite = false;
	lower.inclusive = upper.inclusive = true;
	lower.val = upper.val = (Datum) 0;
	switch (spec.op)
	{
		case IND_OP_GT:
			lower.inclusive = false;
			/* FALLTHROUGH */
		case IND_OP_GE:
			lower.val = ind_decimal_to_numeric(spec.lo, 0);
			upper.infinite = true;
			break;
		case IND_OP_LT:
			upper.inclusive = false;
			/* FALLTHROUGH */
		case IND_OP_LE:
			upper.val = ind_decimal_to_numeric(spec.lo, 0);
			lower.infinite = true;
			break;
		case IND_OP_EQ:
			lower.val = upper.val = ind_decimal_to_numeric(spec.lo, 0);
			break;
		default:
			lower.val = ind_decimal_to_numeric(spec.lo, 0);
			upper.val = ind_decimal_to_numeric(spec.hi, 0);
			break;
	}
	if (lower.infinite)
		lower.inclusive = false;
	if (upper.infinite)
		upper.inclusive = false;
#if PG_VERSION_NUM >= 160000
	PG_RETURN_RANGE_P(make_range(typcache, &lower, &upper, false, NULL));
#else
	PG_RETURN_RANGE_P(make_range(typcache, &lower, &upper, false));
#endif
}
