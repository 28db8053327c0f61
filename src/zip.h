/*
 * zip.h
 *		The ZIP container of an xlsx workbook: its directory, and each entry
 *		inflated as a stream (zlib), within limits a zip bomb cannot pass.
 */
#ifndef INDICATOR_ZIP_H
#define INDICATOR_ZIP_H

#include "postgres.h"

#include <zlib.h>

#include "error.h"

/* A workbook up to 64 MB; what one entry may inflate to, and by what ratio. */
#define IND_ZIP_MAX_BYTES		(64 * 1024 * 1024)
#define IND_ZIP_MAX_INFLATED	((int64) 1024 * 1024 * 1024)
#define IND_ZIP_MAX_RATIO		200

typedef struct IndZipEntry
{
	const char *name;			/* not NUL-terminated */
	int			name_len;
	int			method;			/* 0 stored, 8 deflate */
	int			flags;
	int64		compressed;
	int64		size;
	int64		local_offset;
} IndZipEntry;

typedef struct IndZip
{
	const unsigned char *data;
	int64		len;
	IndZipEntry *entries;
	int			nentries;
} IndZip;

/* One entry being inflated: call ind_zip_read() until it returns 0. */
typedef struct IndZipStream
{
	const IndZip *zip;
	const IndZipEntry *entry;
	z_stream	z;
	bool		started;
	bool		done;
	int64		out_total;
	const unsigned char *in;	/* the entry's data */
	int64		in_len;
} IndZipStream;

extern IndStatus ind_zip_open(const unsigned char *data, int64 len, IndZip *zip, IndError *err);
extern void ind_zip_close(IndZip *zip);
extern const IndZipEntry *ind_zip_find(const IndZip *zip, const char *name);
extern IndStatus ind_zip_stream_open(const IndZip *zip, const IndZipEntry *entry,
									 IndZipStream *st, IndError *err);
extern int	ind_zip_read(IndZipStream *st, char *buf, int len, IndError *err);
extern void ind_zip_stream_close(IndZipStream *st);

#endif							/* INDICATOR_ZIP_H */
