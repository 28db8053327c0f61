/*
 * numeric_io.h
 *		Moving exact decimals and ratios between the core and numeric Datums.
 */
#ifndef INDICATOR_NUMERIC_IO_H
#define INDICATOR_NUMERIC_IO_H

#include "compat.h"

#include "decimal.h"
#include "exact.h"

extern Datum ind_decimal_to_numeric(IndDecimal d, int min_scale);
extern Datum ind_ratio_to_numeric(IndRatio r, int scale);
extern Datum ind_fixed_to_numeric(int128 v, int scale, int min_scale);
extern IndDecimal ind_numeric_to_decimal(Datum n, const char *what);
extern IndDecimal ind_numeric_to_exact(Datum n, const char *what, bool nonnegative);

#endif							/* INDICATOR_NUMERIC_IO_H */
