/*
 * indicator_cmp.h
 *		The order and the hash of indicator specifications: what the btree
 *		and hash operator classes compute, as pure code.
 *
 * Kept apart from the fmgr wrappers (indicator_ops.c) so that the fuzz
 * targets, which link only the pure core, can check the promises of the
 * operator classes directly.
 */
#ifndef INDICATOR_CMP_H
#define INDICATOR_CMP_H

#include "postgres.h"

#include "literal.h"

extern int	ind_spec_cmp(const IndSpec *a, const IndSpec *b);
extern uint64 ind_spec_hash(const IndSpec *spec, uint64 seed);

#endif							/* INDICATOR_CMP_H */
