/*
 * storage.h
 *		The on-disk form of an indicator value (the payload of its varlena).
 *
 * Format version 1, byte by byte:
 *
 *		[0]  format version (1)
 *		[1]  bits 0-1 nature, bits 2-4 comparator, bit 5 "has unit",
 *			 bits 6-7 zero
 *		quantitative (comparator != none):
 *		[2]  scale shared by the bounds (0..18)
 *			 lower bound (or target) mantissa, zigzag LEB128 varint
 *			 upper bound mantissa, same encoding, ranges only
 *			 unit text (UTF-8) to the end, when "has unit"
 *		qualitative text (comparator none):
 *		[2..] target text (UTF-8) to the end
 *
 * Varints keep a typical value such as ">= 10 次" at 8 bytes on disk
 * (including the 1-byte short varlena header), and byte-wise fields mean no
 * alignment is needed, so values are read in place from the packed tuple.
 */
#ifndef INDICATOR_STORAGE_H
#define INDICATOR_STORAGE_H

#include "postgres.h"

#include "literal.h"

#define IND_FORMAT_VERSION	1

extern int	ind_encoded_size(const IndSpec *spec);
extern int	ind_encode(const IndSpec *spec, unsigned char *out);
extern bool ind_decode(const unsigned char *p, int len, IndSpec *spec);

#endif							/* INDICATOR_STORAGE_H */
