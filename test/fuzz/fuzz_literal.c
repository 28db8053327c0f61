/*
 * fuzz_literal.c
 *		libFuzzer target: the literal reader, the four-column reader, the
 *		canonical writer and the on-disk encoding.  Asserts the promises:
 *		an accepted value round-trips through its text and through storage.
 */
#include "postgres.h"

#include <stdlib.h>

#include "literal.h"
#include "storage.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_round_trip(const IndSpec *spec)
{
	char	   *text = malloc(ind_format_length(spec));
	int			len = ind_format(spec, text);
	IndSpec		again;
	IndError	err;
	unsigned char *bytes;
	int			n;
	IndSpec		decoded;
	char	   *text2;

	if (ind_parse_literal(text, len, &again, &err) != IND_OK)
		abort();				/* the canonical text must read */
	text2 = malloc(ind_format_length(&again));
	if (ind_format(&again, text2) != len || memcmp(text, text2, len) != 0)
		abort();				/* and give the same text again */
	bytes = malloc(ind_encoded_size(spec));
	n = ind_encode(spec, bytes);
	if (n != ind_encoded_size(spec) || !ind_decode(bytes, n, &decoded))
		abort();				/* storage must read back */
	free(text2);
	text2 = malloc(ind_format_length(&decoded));
	if (ind_format(&decoded, text2) != len || memcmp(text, text2, len) != 0)
		abort();
	free(text);
	free(text2);
	free(bytes);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	IndSpec		spec;
	IndError	err;
	const char *s = (const char *) data;
	int			len = (int) Min(size, 1 << 20);
	const char *cell[4] = {NULL, NULL, NULL, NULL};
	int			cell_len[4] = {0, 0, 0, 0};
	int			k = 0;
	int			start = 0;
	int			i;
	char	   *textbuf;

	if (ind_parse_literal(s, len, &spec, &err) == IND_OK)
		check_round_trip(&spec);

	/* the same bytes as four tab-separated table cells */
	for (i = 0; i <= len && k < 4; i++)
		if (i == len || s[i] == '\t')
		{
			cell[k] = s + start;
			cell_len[k] = i - start;
			k++;
			start = i + 1;
		}
	textbuf = malloc(IND_TEXTBUF_SIZE);
	if (ind_parse_columns(cell[0], cell_len[0], cell[1], cell_len[1], cell[2], cell_len[2],
						  cell[3], cell_len[3], textbuf, &spec, &err) == IND_OK)
		check_round_trip(&spec);
	free(textbuf);
	return 0;
}
