/*
 * fuzz_sanitize.c -- libFuzzer harness for the sanitiser of untrusted
 * text: text_sanitize() with the exact length (no NUL), into buffers of
 * several sizes; its output must be valid UTF-8 without a control
 * character, and text_width() / text_fit() must take it.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "forms/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	static const size_t sizes[] = { 1, 2, 4, 17, 256, 4096 };
	char *in = malloc(size ? size : 1), out[4096], fit[4096];

	if (!ready) {
		setlocale(LC_CTYPE, "C.UTF-8");
		ready = 1;
	}
	if (in == NULL)
		return 0;
	memcpy(in, data, size);
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		size_t n = text_sanitize(out, sizes[k], in, size);

		if (n >= sizes[k] || out[n] != '\0')
			abort();
		for (size_t i = 0; i < n;) {
			long cp;

			i += text_decode(out + i, n - i, &cp);
			if (cp < 0 || text_is_control(cp))
				abort();   /* the sanitiser let one through */
		}
		text_width(out);
		text_fit(fit, sizeof fit, out, (int)(size % 100));
	}
	free(in);
	return 0;
}
