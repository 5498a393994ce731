/*
 * escape.c - text from input made safe to show on a terminal.
 */
#include <config.h>

#include "escape.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

bool
ismc_escape_is_safe(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return false;		/* C0, DEL, C1 */
	if (cp < 0x200B)
		return !ismc_utf8_is_bidi(cp);
	if (cp <= 0x200F ||		/* zero-width space .. RLM */
	    (cp >= 0x2028 && cp <= 0x202E) ||	/* line, paragraph separator,
						 * embeddings, overrides */
	    (cp >= 0x2060 && cp <= 0x2069) ||	/* word joiner .. isolates */
	    cp == 0xFEFF ||		/* zero-width no-break space */
	    (cp >= 0xFFF9 && cp <= 0xFFFB) ||	/* interlinear annotation */
	    ismc_utf8_is_noncharacter(cp))
		return false;
	return true;
}

size_t
ismc_escape_char(struct ismc_buf *b, const char *s, size_t n,
    unsigned flags, size_t *width)
{
	const unsigned char *u = (const unsigned char *)s;
	char tmp[16];
	uint32_t cp;
	size_t len;
	int w;

	if (n == 0) {
		*width = 0;
		return 0;
	}
	if ((len = ismc_utf8_decode(u, n, &cp)) == 0) {
		w = snprintf(tmp, sizeof tmp, "<%02X>", u[0]);
		len = 1;
	} else if (ismc_escape_is_safe(cp) ||
	    (cp == '\t' && (flags & ISMC_ESCAPE_KEEP_TAB))) {
		if (b != NULL)
			ismc_buf_add(b, s, len);
		*width = 1;
		return len;
	} else {
		w = snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)cp);
	}
	if (b != NULL)
		ismc_buf_add(b, tmp, (size_t)w);
	*width = (size_t)w;
	return len;
}

void
ismc_escape_buf(struct ismc_buf *b, const char *s, size_t len, unsigned flags)
{
	size_t i = 0, start, w;

	while (i < len) {
		/* Printable ASCII, nearly all of it, is copied in runs. */
		start = i;
		while (i < len && (unsigned char)s[i] >= 0x20 &&
		    (unsigned char)s[i] < 0x7F)
			i++;
		if (i > start)
			ismc_buf_add(b, s + start, i - start);
		if (i < len)
			i += ismc_escape_char(b, s + i, len - i, flags, &w);
	}
}

void
ismc_escape_fputs(const char *s, FILE *fp)
{
	struct ismc_buf b;

	ismc_buf_init(&b);
	ismc_escape_buf(&b, s, strlen(s), 0);
	fwrite(b.data != NULL ? b.data : "", 1, b.len, fp);
	ismc_buf_free(&b);
}

/*
 * The format of each fprintf below is one conversion cut from a format
 * the caller's compiler checked (the attribute in escape.h).
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/*
 * One conversion of ismc_escape_vfprintf: spec[0..n) is "%...c" with its
 * flags, width, precision and length; the argument comes from *ap.
 */
static void
convert(FILE *fp, const char *spec, size_t n, va_list *ap)
{
	char f[32], conv = spec[n - 1];
	bool z = memchr(spec, 'z', n) != NULL;
	bool l = memchr(spec, 'l', n) != NULL;
	const char *s;
	struct ismc_buf b;

	if (n >= sizeof f)
		abort();
	memcpy(f, spec, n);
	f[n] = '\0';
	switch (conv) {
	case 's':
		s = va_arg(*ap, const char *);
		ismc_buf_init(&b);
		ismc_escape_buf(&b, s != NULL ? s : "(null)",
		    s != NULL ? strlen(s) : 6, 0);
		fprintf(fp, f, ismc_buf_cstr(&b));
		ismc_buf_free(&b);
		break;
	case 'd':
	case 'i':
		if (z || l)
			fprintf(fp, f, va_arg(*ap, long));
		else
			fprintf(fp, f, va_arg(*ap, int));
		break;
	case 'u':
	case 'x':
		if (z)
			fprintf(fp, f, va_arg(*ap, size_t));
		else if (l)
			fprintf(fp, f, va_arg(*ap, unsigned long));
		else
			fprintf(fp, f, va_arg(*ap, unsigned));
		break;
	case 'f':
	case 'g':
		fprintf(fp, f, va_arg(*ap, double));
		break;
	default:
		abort();	/* a conversion this printer was not given */
	}
}

#pragma GCC diagnostic pop

void
ismc_escape_vfprintf(FILE *fp, const char *fmt, va_list ap)
{
	const char *p = fmt, *q;
	va_list aq;

	va_copy(aq, ap);
	while (*p != '\0') {
		if ((q = strchr(p, '%')) == NULL) {
			fputs(p, fp);
			break;
		}
		fwrite(p, 1, (size_t)(q - p), fp);
		if (q[1] == '%') {
			fputc('%', fp);
			p = q + 2;
			continue;
		}
		/* Flags, width, precision, length, conversion. */
		p = q + 1 + strspn(q + 1, "-+ #0123456789.zl");
		if (*p == '\0')
			abort();
		convert(fp, q, (size_t)(p - q) + 1, &aq);
		p++;
	}
	va_end(aq);
}

void
ismc_escape_fprintf(FILE *fp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ismc_escape_vfprintf(fp, fmt, ap);
	va_end(ap);
}
