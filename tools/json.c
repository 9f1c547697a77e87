/* SPDX-License-Identifier: MIT */
/* json.c: minimal JSON output for cleaned articles. */
#include "json.h"

void json_str(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    putc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        case '\b': fputs("\\b", f); break;
        case '\f': fputs("\\f", f); break;
        default:
            /* DEL is legal JSON but escaping it keeps output printable. */
            if (c < 0x20 || c == 0x7f)
                fprintf(f, "\\u%04x", c);
            else
                putc((int)c, f);
        }
    }
    putc('"', f);
}

void json_article(FILE *f, const article_t *a)
{
    fputs("{\"title\": ", f);
    json_str(f, a->title);
    fputs(", \"date\": ", f);
    json_str(f, a->date);
    fputs(", \"section\": ", f);
    json_str(f, a->section);
    fputs(", \"source\": ", f);
    json_str(f, a->source);
    fputs(", \"byline\": ", f);
    json_str(f, a->byline);
    fputs(", \"body\": [", f);
    for (size_t i = 0; i < a->nblocks; i++) {
        if (i)
            fputs(", ", f);
        json_str(f, a->blocks[i].text);
    }
    fputs("]}\n", f);
}
