/*
 * fuzz_binary.c
 *		libFuzzer target: the binary readers, exactly as recv uses them (for
 *		a UTF-8 database): the indicator wire format, the scorecard_state wire
 *		format and text form, and the on-disk payload of stored values.
 */
#include "postgres.h"

#include <stdlib.h>

#include "literal.h"
#include "scorecard.h"
#include "storage.h"
#include "wire.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	int			len = (int) Min(size, 1 << 16);
	IndSpec		sent,
				parsed,
				stored;
	IndError	err;
	const char *text;
	int			text_len;
	IndScorecard sc;
	char		detail[256];

	/* indicator_recv */
	if (ind_wire_decode(s, len, &sent, &text, &text_len, &err) == IND_OK)
	{
		char	   *canon;

		if (sent.cmp == IND_CMP_NONE)
		{
			sent.text = text;
			sent.text_len = text_len;
		}
		else
		{
			sent.unit = text_len > 0 ? text : NULL;
			sent.unit_len = text_len;
		}
		canon = malloc(ind_wire_check_buflen(&sent));
		if (ind_wire_check(&sent, &parsed, canon, &err) == IND_OK)
		{
			unsigned char *bytes = malloc(ind_encoded_size(&parsed));
			int			n = ind_encode(&parsed, bytes);

			if (!ind_decode(bytes, n, &stored))
				abort();		/* what recv accepts must store */
			free(bytes);
		}
		free(canon);
	}

	/* scorecard_state_recv and scorecard_state_in */
	if (ind_sc_decode_wire(s, len, &sc, detail, sizeof(detail)) && !ind_sc_valid(&sc))
		abort();
	if (ind_sc_parse(s, len, &sc, detail, sizeof(detail)))
	{
		char		buf[1024];
		IndScorecard again;
		int			n = ind_sc_format(&sc, buf, sizeof(buf));

		if (!ind_sc_parse(buf, n, &again, detail, sizeof(detail)) ||
			memcmp(&sc, &again, sizeof(sc)) != 0)
			abort();			/* the text form is lossless */
	}

	/* stored payloads (as if read from a corrupt page) */
	(void) ind_decode((const unsigned char *) s, len, &stored);
	return 0;
}
