/*
 * fuzz_zip.c
 *		libFuzzer target: the workbook's ZIP container.  Any bytes must open or
 *		fail with a status, every entry must stream to its end or fail, and
 *		nothing may read outside the input (AddressSanitizer watches).
 */
#include "postgres.h"

#include <stdlib.h>

#include "zip.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	IndZip		zip;
	IndError	err;
	char		buf[4096];
	int			i;

	if (ind_zip_open(data, (int64) size, &zip, &err) != IND_OK)
	{
		if (err.status == IND_OK || err.detail[0] == '\0')
			abort();
		ind_zip_close(&zip);
		return 0;
	}
	for (i = 0; i < zip.nentries; i++)
	{
		IndZipStream st;
		int			n;
		int64		total = 0;

		if (ind_zip_find(&zip, "xl/workbook.xml") == NULL && i > 8)
			break;
		if (ind_zip_stream_open(&zip, &zip.entries[i], &st, &err) != IND_OK)
			continue;
		/* a bounded read: a fuzzed bomb need not be inflated to its limit here */
		while ((n = ind_zip_read(&st, buf, sizeof(buf), &err)) > 0 && total < (1 << 22))
			total += n;
		if (n < 0 && err.detail[0] == '\0')
			abort();
		ind_zip_stream_close(&st);
	}
	ind_zip_close(&zip);
	return 0;
}
