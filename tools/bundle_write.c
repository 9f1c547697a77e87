/* SPDX-License-Identifier: MIT */
/* bundle_write.c: the packer's back end: string pool, index, deflate. */
#include "bundle_write.h"

#include "ink_conf.h"
#include "ink_format.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct buf {
    uint8_t *p;
    size_t n, cap;
    int oom;
} buf_t;

static void put(buf_t *b, const void *data, size_t n)
{
    if (b->oom || n == 0)
        return;
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n)
            cap *= 2;
        uint8_t *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, data, n);
    b->n += n;
}

static void put32(buf_t *b, uint32_t v)
{
    uint8_t t[4];
    ink_wr32(t, v);
    put(b, t, 4);
}

static void put16(buf_t *b, uint16_t v)
{
    uint8_t t[2];
    ink_wr16(t, v);
    put(b, t, 2);
}

static void pad4(buf_t *b)
{
    static const uint8_t z[4] = { 0, 0, 0, 0 };
    put(b, z, (4 - b->n % 4) % 4);
}

/* String pool with de-duplication by linear probing over offsets. */
typedef struct strpool {
    buf_t data;
    uint32_t *slots;
    size_t nslots, used;
} strpool_t;

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s)
        h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static uint32_t intern(strpool_t *sp, const char *s)
{
    if (!s)
        return INK_STR_NONE;
    if (sp->used * 2 >= sp->nslots) {
        size_t n = sp->nslots ? sp->nslots * 2 : 256;
        uint32_t *slots = malloc(n * sizeof *slots);
        if (!slots) {
            sp->data.oom = 1;
            return INK_STR_NONE;
        }
        memset(slots, 0xFF, n * sizeof *slots);
        for (size_t i = 0; i < sp->nslots; i++) {
            uint32_t off = sp->slots[i];
            if (off == INK_STR_NONE)
                continue;
            size_t j = hash_str((char *)sp->data.p + off) & (n - 1);
            while (slots[j] != INK_STR_NONE)
                j = (j + 1) & (n - 1);
            slots[j] = off;
        }
        free(sp->slots);
        sp->slots = slots;
        sp->nslots = n;
    }
    size_t j = hash_str(s) & (sp->nslots - 1);
    while (sp->slots[j] != INK_STR_NONE) {
        if (strcmp((char *)sp->data.p + sp->slots[j], s) == 0)
            return sp->slots[j];
        j = (j + 1) & (sp->nslots - 1);
    }
    uint32_t off = (uint32_t)sp->data.n;
    put(&sp->data, s, strlen(s) + 1);
    if (sp->data.oom)
        return INK_STR_NONE;
    sp->slots[j] = off;
    sp->used++;
    return off;
}

static int deflate_raw(const uint8_t *in, size_t n, int level, buf_t *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    uLong bound = deflateBound(&z, (uLong)n);
    size_t at = out->n;
    /* Grow the buffer by the bound, then deflate in one go. */
    if (out->cap - out->n < bound) {
        size_t cap = out->cap ? out->cap : 4096;
        while (cap - out->n < bound)
            cap *= 2;
        uint8_t *p = realloc(out->p, cap);
        if (!p)
            goto fail;
        out->p = p;
        out->cap = cap;
    }
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    z.next_out = out->p + at;
    z.avail_out = (uInt)bound;
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        goto fail;
    out->n = at + z.total_out;
    deflateEnd(&z);
    return 0;
fail:
    deflateEnd(&z);
    return -1;
}

static int cmp_date(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

int bundle_write(const article_t *arts, size_t n, const bundle_opts_t *opts, uint8_t **out, size_t *len,
                 const char **why)
{
    int rc = -1;
    strpool_t sp = { 0 };
    buf_t meta = { 0 }, secs = { 0 }, index = { 0 }, text = { 0 }, file = { 0 };
    const char **sec_names = NULL;
    size_t nsec = 0, *order = NULL, k = 0;
    *why = "out of memory";
    if (n == 0) {
        *why = "no articles to pack";
        return -1;
    }
    if (n > 0xFFFFFFu) {
        *why = "too many articles";
        return -1;
    }
    sec_names = calloc(n, sizeof *sec_names);
    order = calloc(n, sizeof *order);
    if (!sec_names || !order)
        goto out;
    /* Sections in order of first appearance; articles grouped under them. */
    for (size_t i = 0; i < n; i++) {
        const char *s = arts[i].section ? arts[i].section : "News";
        size_t j = 0;
        while (j < nsec && strcmp(sec_names[j], s) != 0)
            j++;
        if (j == nsec)
            sec_names[nsec++] = s;
    }
    const char *date = opts->date;
    for (size_t j = 0; j < nsec; j++) {
        size_t first = k;
        for (size_t i = 0; i < n; i++) {
            const char *s = arts[i].section ? arts[i].section : "News";
            if (strcmp(s, sec_names[j]) == 0)
                order[k++] = i;
        }
        put32(&secs, intern(&sp, sec_names[j]));
        put32(&secs, (uint32_t)first);
        put32(&secs, (uint32_t)(k - first));
    }
    for (size_t m = 0; m < n; m++) {
        const article_t *a = &arts[order[m]];
        uint8_t *body;
        size_t blen;
        if (article_encode_body(a, &body, &blen))
            goto out;
        if (blen > INK_ARTICLE_MAX_BYTES) {
            /* Cut at a block boundary; a reader refuses longer text. */
            size_t cut = 0, at = 0;
            for (size_t b = 0; b < a->nblocks; b++) {
                at += 1 + strlen(a->blocks[b].text);
                if (at > INK_ARTICLE_MAX_BYTES)
                    break;
                cut = at;
            }
            blen = cut;
        }
        size_t sec = 0;
        const char *s = a->section ? a->section : "News";
        while (strcmp(sec_names[sec], s) != 0)
            sec++;
        uint32_t data_off = (uint32_t)text.n;
        if (deflate_raw(body, blen, opts->level, &text)) {
            free(body);
            goto out;
        }
        put32(&index, intern(&sp, a->title ? a->title : ""));
        put32(&index, intern(&sp, a->source));
        put32(&index, intern(&sp, a->date));
        put32(&index, intern(&sp, a->byline));
        put32(&index, (uint32_t)sec);
        put32(&index, 0);
        put32(&index, data_off);
        put32(&index, (uint32_t)(text.n - data_off));
        put32(&index, (uint32_t)blen);
        put32(&index, (uint32_t)crc32(0, body, (uInt)blen));
        free(body);
        if (!opts->date && a->date && cmp_date(a->date, date) > 0)
            date = a->date;
    }
    put32(&meta, intern(&sp, opts->name ? opts->name : "inkpress edition"));
    put32(&meta, intern(&sp, date));
    put32(&meta, (uint32_t)n);
    put32(&meta, (uint32_t)nsec);
    put16(&meta, INK_SECS_ENTRY_SIZE);
    put16(&meta, INK_ARTS_ENTRY_SIZE);
    if (sp.data.oom || meta.oom || secs.oom || index.oom || text.oom)
        goto out;

    /* File: header, section table, then each section on a 4-byte boundary. */
    const struct { uint32_t tag; buf_t *b; } parts[] = {
        { INK_TAG_META, &meta }, { INK_TAG_STRS, &sp.data }, { INK_TAG_SECS, &secs },
        { INK_TAG_ARTS, &index }, { INK_TAG_TEXT, &text },
    };
    const size_t np = sizeof parts / sizeof parts[0];
    uint8_t hdr[INK_HDR_SIZE + 5 * INK_SECT_ENTRY_SIZE];
    memset(hdr, 0, sizeof hdr);
    put(&file, hdr, sizeof hdr);
    uint32_t offs[5];
    for (size_t i = 0; i < np; i++) {
        pad4(&file);
        offs[i] = (uint32_t)file.n;
        put(&file, parts[i].b->p, parts[i].b->n);
    }
    if (file.oom)
        goto out;
    if (file.n > 0xFFFFFFFFu) {
        *why = "edition larger than 4 GiB";
        goto out;
    }
    uint8_t *h = file.p;
    memcpy(h, INK_MAGIC, INK_MAGIC_LEN);
    ink_wr16(h + INK_HDR_OFF_MAJOR, INK_VERSION_MAJOR);
    ink_wr16(h + INK_HDR_OFF_MINOR, INK_VERSION_MINOR);
    ink_wr32(h + INK_HDR_OFF_SIZE, (uint32_t)file.n);
    ink_wr16(h + INK_HDR_OFF_NSECT, (uint16_t)np);
    ink_wr16(h + INK_HDR_OFF_FLAGS, 0);
    for (size_t i = 0; i < np; i++) {
        uint8_t *e = h + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
        ink_wr32(e, parts[i].tag);
        ink_wr32(e + 4, offs[i]);
        ink_wr32(e + 8, (uint32_t)parts[i].b->n);
        ink_wr32(e + 12, (uint32_t)crc32(0, parts[i].b->p, (uInt)parts[i].b->n));
    }
    ink_wr32(h + INK_HDR_OFF_CRC, (uint32_t)crc32(0, h, INK_HDR_SIZE + (uInt)np * INK_SECT_ENTRY_SIZE));
    *out = file.p;
    *len = file.n;
    file.p = NULL;
    rc = 0;
out:
    free(sp.data.p);
    free(sp.slots);
    free(meta.p);
    free(secs.p);
    free(index.p);
    free(text.p);
    free(file.p);
    free(sec_names);
    free(order);
    return rc;
}
