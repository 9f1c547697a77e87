/* SPDX-License-Identifier: MIT */
/* cmd_inspect.c: inspect and extract, through the device's own bundle
 * reader (firmware/ink_bundle). */
#include "cmd.h"

#include "article.h"
#include "hal/ink_hal.h"
#include "ink_bundle.h"
#include "ink_conf.h"
#include "ink_format.h"
#include "ink_nav.h"
#include "sim_io.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *tag_name(uint32_t tag, char out[5])
{
    for (int i = 0; i < 4; i++) {
        char c = (char)(tag >> (8 * i));
        out[i] = (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    out[4] = '\0';
    return out;
}

/* Opens path as a bundle; on failure says why and returns the exit status. */
static int open_bundle(const char *cmd, const char *path, sim_file_t *f, ink_bundle_t *b)
{
    if (sim_file_open(f, path) != 0) {
        fprintf(stderr, "inkpress %s: %s: %s\n", cmd, path, strerror(errno));
        return 2;
    }
    ink_err_t err = ink_bundle_open(b, f->data, f->len);
    if (err) {
        fprintf(stderr, "inkpress %s: %s: %s\n", cmd, path, ink_err_str(err));
        sim_file_close(f);
        return 3;
    }
    return 0;
}

/* Inflates article i with a host pool big enough for any article. */
static ink_err_t inflate_article(const ink_bundle_t *b, uint32_t i, uint8_t **text, uint32_t *len)
{
    static uint8_t poolmem[64 * 1024];
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_article_info_t a;
    ink_err_t err = ink_bundle_article(b, i, &a);
    if (err)
        return err;
    if (a.text_len > INK_ARTICLE_MAX_BYTES)
        return INK_ERR_TOO_BIG;
    *text = malloc(a.text_len ? a.text_len : 1);
    if (!*text)
        return INK_ERR_NOMEM;
    err = ink_bundle_inflate(b, i, &pool, *text, a.text_len);
    if (err) {
        free(*text);
        *text = NULL;
    }
    *len = a.text_len;
    return err;
}

int cmd_inspect(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
            printf("usage: inkpress inspect EDITION.ink\n"
                   "Prints the header, the sections, the article table with sizes, and checks\n"
                   "every CRC and every article's text. Exit status 3 when anything is damaged.\n"
                   "example: inkpress inspect build/sample.ink\n");
            return 0;
        }
        fprintf(stderr, "usage: inkpress inspect EDITION.ink\n");
        return 2;
    }
    sim_file_t f;
    ink_bundle_t b;
    int rc = open_bundle("inspect", argv[1], &f, &b);
    if (rc)
        return rc;
    int damaged = 0;
    printf("%s: inkpress bundle v%u.%u, %u bytes (file %zu)\n", argv[1], b.major, b.minor, b.size, f.len);
    printf("edition: %s, %s\n", ink_bundle_name(&b), ink_bundle_date(&b) ? ink_bundle_date(&b) : "(no date)");
    uint32_t nsect = ink_rd16(f.data + INK_HDR_OFF_NSECT);
    printf("\nsection  offset      length   crc32     check\n");
    for (uint32_t i = 0; i < nsect; i++) {
        const uint8_t *e = f.data + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
        char t[5];
        uint32_t off = ink_rd32(e + 4), len = ink_rd32(e + 8), crc = ink_rd32(e + 12);
        int ok = ink_crc32(0, f.data + off, len) == crc;
        damaged |= !ok;
        printf("%-6s %8u %11u   %08x  %s\n", tag_name(ink_rd32(e), t), off, len, crc, ok ? "ok" : "BAD CRC");
    }
    printf("\n%u sections, %u articles\n", b.nsections, b.narticles);
    uint64_t raw = 0, comp = 0;
    for (uint32_t s = 0; s < b.nsections; s++) {
        ink_section_info_t sec;
        ink_bundle_section(&b, s, &sec);
        printf("\n[%s]\n", sec.name);
        printf("   #   deflate     text  check  title\n");
        for (uint32_t i = sec.first; i < sec.first + sec.count; i++) {
            ink_article_info_t a;
            ink_bundle_article(&b, i, &a);
            uint8_t *text;
            uint32_t len;
            ink_err_t err = inflate_article(&b, i, &text, &len);
            if (!err)
                free(text);
            damaged |= err != INK_OK;
            raw += a.text_len;
            comp += a.data_len;
            printf("%4u %9u %8u  %-5s  %s%s%s%s%s\n", i + 1, a.data_len, a.text_len, err ? "BAD" : "ok", a.title,
                   a.source ? " | " : "", a.source ? a.source : "", a.date ? " | " : "", a.date ? a.date : "");
            if (err)
                printf("          %s\n", ink_err_str(err));
        }
    }
    printf("\ntext %llu bytes, deflated %llu bytes (%.2f:1); bundle %u bytes\n", (unsigned long long)raw,
           (unsigned long long)comp, comp ? (double)raw / (double)comp : 0.0, b.size);
    printf("%s\n", damaged ? "DAMAGED" : "all checks passed");
    sim_file_close(&f);
    return damaged ? 3 : 0;
}

int cmd_extract(int argc, char **argv)
{
    if (argc < 2 || argc > 3 || argv[1][0] == '-') {
        if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
            printf("usage: inkpress extract EDITION.ink [N]\n"
                   "Prints the cleaned text of article N (1-based), or of every article, in the\n"
                   "form 'inkpress clean' prints (articles separated by a form feed line).\n"
                   "example: inkpress extract build/sample.ink 3\n");
            return 0;
        }
        fprintf(stderr, "usage: inkpress extract EDITION.ink [N]\n");
        return 2;
    }
    sim_file_t f;
    ink_bundle_t b;
    int rc = open_bundle("extract", argv[1], &f, &b);
    if (rc)
        return rc;
    uint32_t first = 0, last = b.narticles;
    if (argc == 3) {
        char *end;
        unsigned long n = strtoul(argv[2], &end, 10);
        if (*end || n < 1 || n > b.narticles) {
            fprintf(stderr, "inkpress extract: no article %s (the edition has 1 to %u)\n", argv[2], b.narticles);
            sim_file_close(&f);
            return 2;
        }
        first = (uint32_t)n - 1;
        last = first + 1;
    }
    for (uint32_t i = first; i < last; i++) {
        ink_article_info_t info;
        ink_section_info_t sec;
        ink_bundle_article(&b, i, &info);
        ink_bundle_section(&b, info.section, &sec);
        uint8_t *text;
        uint32_t len;
        ink_err_t err = inflate_article(&b, i, &text, &len);
        if (err) {
            fprintf(stderr, "inkpress extract: %s: article %u: %s\n", argv[1], i + 1, ink_err_str(err));
            rc = 3;
            continue;
        }
        article_t a = { 0 };
        a.title = art_strndup(info.title, strlen(info.title));
        a.date = info.date ? art_strndup(info.date, strlen(info.date)) : NULL;
        a.section = art_strndup(sec.name, strlen(sec.name));
        a.source = info.source ? art_strndup(info.source, strlen(info.source)) : NULL;
        a.byline = info.byline ? art_strndup(info.byline, strlen(info.byline)) : NULL;
        if (article_decode_body(&a, text, len) == 0) {
            if (i != first)
                fputs("\f\n", stdout);
            article_print(stdout, &a);
        }
        article_free(&a);
        free(text);
    }
    sim_file_close(&f);
    if (fflush(stdout) != 0)
        return 4;
    return rc;
}

