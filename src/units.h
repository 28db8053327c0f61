/*
 * units.h
 *		The built-in catalogue of measurement units used in goal tables.
 *
 * A unit is a dimension plus an exact rational factor to the dimension's
 * base unit (万元 = 10000 元, 小时 = 3600 秒, 亩 = 2000/3 平方米).  Rates
 * such as 次/天 are a numerator unit over a denominator unit.  The catalogue
 * is a static table, so reading and printing an indicator never consults
 * the database and stays IMMUTABLE.
 *
 * Canonical unit names are stored on disk inside indicator values: a name,
 * once released, must never change.  New units and new aliases may be added.
 */
#ifndef INDICATOR_UNITS_H
#define INDICATOR_UNITS_H

#include "postgres.h"

/* Longest unit text an indicator stores, in bytes. */
#define IND_MAX_UNIT_BYTES	64

typedef struct IndUnit
{
	const char *name;			/* canonical spelling */
	const char *dimension;		/* units convert only within one dimension */
	int64		num;			/* factor to the dimension's base unit is */
	int64		den;			/* num / den */
} IndUnit;

typedef struct IndUnitAlias
{
	const char *alias;
	const char *name;
} IndUnitAlias;

/* A resolved unit: a catalogue unit, or a rate of two of them. */
typedef struct IndUnitRef
{
	const IndUnit *num;
	const IndUnit *den;			/* NULL unless a rate */
} IndUnitRef;

typedef enum IndConvStatus
{
	IND_CONV_OK = 0,
	IND_CONV_UNKNOWN_FROM,
	IND_CONV_UNKNOWN_TO,
	IND_CONV_MISMATCH
} IndConvStatus;

extern const IndUnit ind_units[];
extern const int ind_nunits;
extern const IndUnitAlias ind_unit_aliases[];
extern const int ind_nunit_aliases;

extern int	ind_unit_canonical(const char *s, int len, char *buf, bool *known);
extern bool ind_unit_resolve(const char *s, int len, IndUnitRef *ref);
extern IndConvStatus ind_unit_factor(const char *from, int fromlen,
									 const char *to, int tolen,
									 int128 *num, int128 *den);
extern int	ind_unit_dimension(const IndUnitRef *ref, char *buf);
extern const char *ind_unit_misspelling(const char *s, int len);

#endif							/* INDICATOR_UNITS_H */
