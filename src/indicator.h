/*
 * indicator.h
 *		The PostgreSQL side of the indicator type: the varlena value, argument
 *		macros and the helpers that turn values into IndSpecs and back.
 */
#ifndef INDICATOR_H
#define INDICATOR_H

#include "compat.h"

#include "fmgr.h"

#include "literal.h"
#include "storage.h"

/* An indicator value: a varlena whose payload is described in storage.h. */
typedef struct varlena Indicator;

/*
 * Values are read through the packed-detoast macro: short (1-byte header)
 * values are used in place, and only toasted or compressed ones are copied.
 */
#define DatumGetIndicatorP(X)		((Indicator *) PG_DETOAST_DATUM_PACKED(X))
#define PG_GETARG_INDICATOR_P(n)	DatumGetIndicatorP(PG_GETARG_DATUM(n))
#define PG_RETURN_INDICATOR_P(x)	PG_RETURN_POINTER(x)

extern Indicator *ind_make(const IndSpec *spec);
extern void ind_unpack(const Indicator *v, IndSpec *spec);
extern char *ind_to_cstring(const IndSpec *spec);
extern void ind_report(const IndError *err, const char *typname,
					   const char *input, struct Node *escontext);

#endif							/* INDICATOR_H */
