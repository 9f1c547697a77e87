/* SPDX-License-Identifier: MIT */
/* packcli.c: packing options and the one path from articles to a bundle
 * file (see packcli.h). */
#include "packcli.h"
#include "par.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dedup.h"
#include "fontsub.h"
#include "picture.h"
#include "ink_bundle.h"
#include "ink_utf8.h"
#include "ink_conf.h"
#include "ink_profile.h"
#include "sim_io.h"
#include "uf2.h"

/* The options that need more than a store: each checks its value and puts
 * it where the bundle writer wants it. */
static int set_fast(void *dest, const char *v)
{
    bundle_opts_t *o = dest;
    (void)v;
    o->zopfli = 0;
    if (o->level > 9)
        o->level = 9;
    return 0;
}

static int set_hints(void *dest, const char *v)
{
    (void)v;
    *(unsigned *)dest |= FS_KEEP_HINTS;
    return 0;
}

static int set_name(void *dest, const char *v)
{
    if (!ink_utf8_valid((const uint8_t *)v, strlen(v)))
        return -1;
    *(const char **)dest = v;
    return 0;
}

static int set_date(void *dest, const char *v)
{
    if (!ink_bundle_date_valid(v, strlen(v)))
        return -1;
    *(const char **)dest = v;
    return 0;
}

/* --zopfli and --threads: any number, more than the cap counts as the cap */
static int set_capped(int *dest, const char *v, unsigned cap)
{
    unsigned long long x;
    if (cliopt_number(v, 0, 0xFFFFFFFFu, &x) != 0)
        return -1;
    *dest = x > cap ? (int)cap : (int)x;
    return 0;
}

static int set_zopfli(void *dest, const char *v)
{
    return set_capped(dest, v, 1000);
}

static int set_threads(void *dest, const char *v)
{
    return set_capped(dest, v, 64);
}

static int set_group_bytes(void *dest, const char *v)
{
    /* a stream's text may not exceed INK_GROUP_MAX_BYTES (docs/FORMAT.md, GRPS) */
    unsigned long long x;
    if (cliopt_number(v, 0, INK_GROUP_MAX_BYTES, &x) != 0)
        return -1;
    *(size_t *)dest = x ? (size_t)x : 1;
    return 0;
}

static int set_align(void *dest, const char *v)
{
    unsigned long long x;
    if (cliopt_number(v, 1, 1u << 20, &x) != 0 || (x & (x - 1)))
        return -1;
    *(size_t *)dest = (size_t)x;
    return 0;
}

#define HEX_NUMBER "takes a number (decimal or 0x hex)"

void pack_cli_init(pack_cli_t *pc)
{
    memset(pc, 0, sizeof *pc);
    bundle_opts_t d = BUNDLE_OPTS_DEFAULT;
    pc->opts = d;
    pc->opts.stats = &pc->stats;
    pc->images = PICS_ALL;
    snprintf(pc->group_bad, sizeof pc->group_bad, "--group-bytes takes 0 to %u (a stream's text is at most %u bytes)",
             (unsigned)INK_GROUP_MAX_BYTES, (unsigned)INK_GROUP_MAX_BYTES);
    bundle_opts_t *o = &pc->opts;
    const cliopt_t t[] = {
        {"-o", "FILE", CLIOPT_STR, &pc->outp, .help = "the bundle to write (- for standard output)"},
        {"--name", "NAME", CLIOPT_FUNC, &o->name, .fn = set_name,
         .bad = "--name must be UTF-8 (strings in a bundle are)",
         .help = "edition name (default: \"inkpress edition\")"},
        {"--date", "DATE", CLIOPT_FUNC, &o->date, .fn = set_date, .bad = "--date takes YYYY-MM-DD, not '%s'",
         .help = "edition date (default: the newest article's date)"},
        {"--level", "N", CLIOPT_INT, &o->level, 0, 12, .bad = "--level takes 0 to 12",
         .help = "deflate level: 10-12 our near-optimal parser, the dictionary searched once for every "
                 "stream (default 12; 10 and 11 search less and parse fewer times), 0-9 zlib's"},
        {"--fast", NULL, CLIOPT_FUNC, o, .fn = set_fast,
         .help = "zlib at level 9 (about 5% larger, a few times faster)"},
        {"--zopfli", "N", CLIOPT_FUNC, &o->zopfli, .fn = set_zopfli, .bad = "--zopfli " HEX_NUMBER,
         .help = "zopfli with N iterations (about as small as level 12, and tens of times slower)"},
        {"--threads", "N", CLIOPT_FUNC, &o->threads, .fn = set_threads, .bad = "--threads " HEX_NUMBER,
         .help = "streams compressed at once (default: one a core)"},
        {"--no-dict", NULL, CLIOPT_FLAG, &o->dict, 0, .help = "no preset dictionary trained on the edition"},
        {"--no-patterns", NULL, CLIOPT_FLAG, &o->hyph, 0,
         .help = "every soft hyphen written out, no hyphenation patterns for the reader to find most of them "
                 "itself (by default the bundle has them when they make it smaller)"},
        {"--patterns", NULL, CLIOPT_FLAG, &o->hyph, 2, .help = "hyphenation patterns even when they do not pay"},
        {"--no-order", NULL, CLIOPT_FLAG, &o->no_order, 1,
         .help = "store the texts in reading order (by default each section's similar texts share a stream, "
                 "which makes the edition smaller; ORDR)"},
        {"--group-bytes", "N", CLIOPT_FUNC, &o->group_bytes, .fn = set_group_bytes, .bad = pc->group_bad,
         .help = "text per stream of grouped short articles (default 32768; at most 262144; 1 = every "
                 "article its own stream)"},
        {"--align", "N", CLIOPT_FUNC, &o->align, .fn = set_align, .bad = "--align takes a power of two up to 1 MiB",
         .help = "start every section on an N-byte boundary (flash erase block)"},
        {"--fonts", "DIR", CLIOPT_STR, &pc->fonts_dir,
         .help = "regular.ttf, bold.ttf, italic.ttf to subset into the bundle (default: $INKPRESS_FONTS, "
                 "else the fonts beside the program)"},
        {"--no-fonts", NULL, CLIOPT_FLAG, &pc->no_fonts, 1,
         .help = "leave the fonts and kerning pairs out (the reader has its own)"},
        {"--script-fonts", "DIRS", CLIOPT_STR, &o->script_fonts,
         .help = "where the Noto faces for other scripts are (':' between folders; default: "
                 "$INKPRESS_SCRIPT_FONTS, else Debian's fonts-noto-core and -cjk)"},
        {"--no-script-fonts", NULL, CLIOPT_FLAG, &o->no_script_fonts, 1,
         .help = "only the three faces: characters they lack are drawn as boxes"},
        {"--font-hints", NULL, CLIOPT_FUNC, &o->font_flags, .fn = set_hints,
         .help = "keep the TrueType hinting instructions in the subset fonts"},
        {"--images", "none|lead|all", CLIOPT_CHOICE, &pc->images, .choices = "none|lead|all",
         .help = "which pictures go in: none, each article's first, or all (default); icons, tracking pixels "
                 "and banners never"},
        {"--image-budget", "BYTES", CLIOPT_SIZE, &pc->image_budget, 0, 4294967295.0,
         .bad = "--image-budget takes a number of bytes",
         .help = "at most this many bytes of pictures in the edition (pictures past it are left out, named "
                 "with -v; default: no limit)"},
        {"--uf2", NULL, CLIOPT_FLAG, &pc->uf2, 1,
         .help = "write a UF2 file for drag-and-drop flashing instead of .ink"},
        {"--uf2-base", "A", CLIOPT_U32, &pc->uf2_base, 0, 4294967295.0, .bad = "--uf2-base " HEX_NUMBER,
         .help = "flash address of the bundle in the UF2 (e.g. 0x10100000)"},
        {"--uf2-family", "F", CLIOPT_U32, &pc->uf2_family, 0, 4294967295.0, .bad = "--uf2-family " HEX_NUMBER,
         .help = "UF2 family ID (e.g. 0xe48bff56 for the RP2040)"},
        {0},
    };
    _Static_assert(sizeof t <= sizeof pc->table, "pack_cli_t.table holds the packing options");
    memcpy(pc->table, t, sizeof t);
}

/* Writes data to path ("-": standard output). Returns 0, or -1 with the
 * reason in *why. */
static int write_file(const char *path, const uint8_t *data, size_t len, const char **why)
{
    FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
    if (!f) {
        *why = strerror(errno);
        return -1;
    }
    errno = 0;
    size_t w = fwrite(data, 1, len, f);
    int rc = (f == stdout) ? fflush(f) : fclose(f);
    if (w != len || rc != 0) {
        *why = errno ? strerror(errno) : "a short write";
        return -1;
    }
    return 0;
}

/* The report of the characters no face of the edition draws (ctx: the
 * command's name for the messages). */
static void pack_missing(void *ctx, size_t article, const char *title, const uint32_t *cps, size_t n)
{
    const char *cmd = ctx;
    if (article == SIZE_MAX)
        fprintf(stderr, "%s: the edition's name or sections:", cmd);
    else {
        size_t tl = strlen(title);
        if (tl > 60) /* cut on a character boundary */
            for (tl = 60; tl && ((unsigned char)title[tl] & 0xC0) == 0x80; tl--)
                ;
        fprintf(stderr, "%s: article %zu \"%.*s%s\":", cmd, article + 1, (int)tl, title,
                tl < strlen(title) ? "..." : "");
    }
    for (size_t i = 0; i < n && i < 24; i++) {
        char u[5] = {0};
        uint32_t c = cps[i];
        if (c < 0x80)
            u[0] = (char)c;
        else if (c < 0x800) {
            u[0] = (char)(0xC0 | c >> 6);
            u[1] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            u[0] = (char)(0xE0 | c >> 12);
            u[1] = (char)(0x80 | (c >> 6 & 0x3F));
            u[2] = (char)(0x80 | (c & 0x3F));
        } else {
            u[0] = (char)(0xF0 | c >> 18);
            u[1] = (char)(0x80 | (c >> 12 & 0x3F));
            u[2] = (char)(0x80 | (c >> 6 & 0x3F));
            u[3] = (char)(0x80 | (c & 0x3F));
        }
        fprintf(stderr, " U+%04X %s", (unsigned)c, (c >= 0xE000 && c < 0xF900) ? "" : u);
    }
    fprintf(stderr, "%s\n", n > 24 ? " ..." : "");
}

int pack_cli_write(pack_cli_t *pc, const char *cmd, article_list_t *arts, size_t in_bytes, progress_t *pr, int rc)
{
    sim_file_t font_files[INK_FACE_COUNT];
    ink_font_data_t fonts[INK_FACE_COUNT];
    bundle_opts_t *opts = &pc->opts;
    if (!pc->no_fonts) {
        if (sim_fonts_load(pc->fonts_dir, font_files, fonts) != 0) { /* it says what is missing */
            fprintf(stderr, "%s: give --fonts DIR, or --no-fonts to pack without them\n", cmd);
            article_list_free(arts);
            return 2;
        }
        opts->fonts = fonts;
    }
    uint8_t *bundle = NULL;
    size_t blen = 0;
    const char *why = "out of memory";
    /* the same article from two inputs (a page and its feed item) is packed once */
    dedup_articles(arts);
    /* an article longer than the reader opens in its pool beside the
     * fonts goes in parts, one after the other */
    for (size_t i = 0; i < arts->n; i++) {
        size_t w = article_body_weight(&arts->v[i]);
        if (w > (size_t)INK_ARTICLE_PART_BYTES * INK_ARTICLE_MAX_PARTS)
            fprintf(stderr,
                    "%s: \"%s\": %.1f MB of text; its first %u parts (%u KB) are packed, the rest is left out\n", cmd,
                    arts->v[i].title, w / 1048576.0, INK_ARTICLE_MAX_PARTS,
                    INK_ARTICLE_PART_BYTES / 1024 * INK_ARTICLE_MAX_PARTS);
    }
    int split = article_split_long(arts, INK_ARTICLE_PART_BYTES, INK_ARTICLE_MAX_PARTS);
    if (split < 0) {
        fprintf(stderr, "%s: out of memory\n", cmd);
        article_list_free(arts);
        return 2;
    }
    if (split && progress_level != PROGRESS_QUIET)
        fprintf(stderr, "%s: %d article%s longer than %u KB packed in parts\n", cmd, split, split == 1 ? "" : "s",
                INK_ARTICLE_PART_BYTES / 1024);
    size_t n = arts->n;
    opts->on_missing = pack_missing;
    opts->missing_ctx = (void *)cmd;
    /* Pictures: loaded, left out or numbered, then coded into PICS. */
    pics_t pics;
    uint8_t *picsec = NULL;
    size_t picslen = 0;
    int wrote = -1;
    if (pics_prepare(arts->v, n, (pics_mode_t)pc->images, pc->image_budget, &pics,
                     progress_level >= PROGRESS_VERBOSE ? stderr : NULL) ||
        (pics.n && pics_section(&pics, &picsec, &picslen))) {
        why = "out of memory";
    } else {
        opts->pics = picsec;
        opts->pics_len = picslen;
        wrote = bundle_write(arts->v, n, opts, &bundle, &blen, &why);
    }
    opts->pics = NULL;
    opts->pics_len = 0;
    free(picsec);
    if (pics.failed && progress_level > PROGRESS_QUIET)
        fprintf(stderr, "%s: %zu picture%s could not be read and %s left out%s\n", cmd, pics.failed,
                pics.failed == 1 ? "" : "s", pics.failed == 1 ? "is" : "are",
                progress_level >= PROGRESS_VERBOSE ? "" : " (-v names them)");
    if (wrote == 0 && pc->stats.missing_chars) {
        /* drawn as boxes on the device: not lost silently, but not right */
        fprintf(stderr,
                "%s: %zu character%s no font of the edition draws, in %zu article%s "
                "(the reader shows a box for each)\n",
                cmd, pc->stats.missing_chars, pc->stats.missing_chars == 1 ? "" : "s", pc->stats.missing_articles,
                pc->stats.missing_articles == 1 ? "" : "s");
        rc = 1;
    }
    if (wrote == 0 && pc->uf2) {
        uint8_t *u;
        size_t ulen;
        wrote = uf2_wrap(bundle, blen, pc->uf2_base, pc->uf2_family, &u, &ulen, &why);
        if (wrote == 0) {
            free(bundle);
            bundle = u;
            blen = ulen;
        }
    }
    const bundle_stats_t *st = &pc->stats;
    if (wrote != 0) {
        fprintf(stderr, "%s: %s: %s\n", cmd, pc->outp, why);
        rc = n ? 4 : 1;
        if (pc->uf2 && bundle && pc->uf2_base)
            rc = 2; /* --uf2-base too high for the bundle: a usage error */
    } else if (write_file(pc->outp, bundle, blen, &why) != 0) {
        fprintf(stderr, "%s: cannot write %s: %s\n", cmd, pc->outp, why);
        rc = 4;
    } else {
        pc->wrote = 1;
    }
    if (pc->wrote && progress_level > PROGRESS_QUIET) {
        char skipped[600];
        progress_skipped_text(pr, skipped, sizeof skipped);
        fprintf(stderr, "%s: %zu article%s packed, %s; %s: %zu bytes (body text %zu bytes, %.2f:1) in %.2f s\n", cmd, n,
                n == 1 ? "" : "s", skipped, pc->outp, blen, in_bytes, blen ? (double)in_bytes / (double)blen : 0.0,
                progress_elapsed(pr));
        if (progress_level >= PROGRESS_VERBOSE)
            fprintf(stderr,
                    "%s: sections: header %zu, META %zu, STRS %zu, SECS %zu, ARTS %zu, GRPS %zu, TITL %zu, "
                    "DICT %zu, TEXT %zu, HYPH %zu, FONT %zu, KERN %zu, PICS %zu; %zu streams, %zu title chunks\n",
                    cmd, st->header, st->meta, st->strs, st->secs, st->arts, st->grps, st->titl, st->dict, st->text,
                    st->hyph, st->font, st->kern, st->pics, st->groups, st->chunks);
        if (progress_level >= PROGRESS_VERBOSE)
            fprintf(stderr,
                    "%s: order: %zu of %zu articles stored apart from their reading place (ORDR %zu bytes) in %.3f s\n",
                    cmd, st->moved, n, st->ordr, st->secs_order);
        if (progress_level >= PROGRESS_VERBOSE && st->hyph)
            fprintf(stderr,
                    "%s: hyphenation: %zu patterns for %zu articles; soft hyphens written %zu of %zu, "
                    "%zu words marked off\n",
                    cmd, st->hyph_patterns, st->hyph_articles, st->shy_after, st->shy_before, st->hyph_marked);
        if (progress_level >= PROGRESS_VERBOSE && opts->fonts)
            fprintf(stderr,
                    "%s: fonts: %zu characters; regular %zu, bold %zu, italic %zu bytes; "
                    "%zu faces for other scripts, %zu bytes; "
                    "kerning pairs: regular %zu, bold %zu, italic %zu\n",
                    cmd, st->chars, st->face[0], st->face[1], st->face[2], st->fallbacks, st->fallback_bytes,
                    st->kern_pairs[0], st->kern_pairs[1], st->kern_pairs[2]);
        if (progress_level >= PROGRESS_VERBOSE && (pics.n || pics.dropped || pics.dups || pics.over_budget)) {
            fprintf(stderr,
                    "%s: pictures: %zu stored, %zu bytes (PICS %zu); %zu left out as icons or banners, "
                    "%zu duplicates, %zu past the budget\n",
                    cmd, pics.n, pics.data_len, st->pics, pics.dropped, pics.dups, pics.over_budget);
            for (size_t i = 0; i < pics.n; i++)
                fprintf(stderr, "%s: picture %zu: %u x %u, %zu bytes: %s\n", cmd, i, ink_rd16(pics.table + 16 * i),
                        ink_rd16(pics.table + 16 * i + 2), pics.bytes[i], pics.src[i]);
        }
        if (progress_level >= PROGRESS_VERBOSE)
            fprintf(stderr,
                    "%s: seconds: inputs %.2f, texts %.2f, patterns %.2f, fonts %.2f, dictionary %.2f, "
                    "streams %.2f (%zu threads)\n",
                    cmd, pc->secs_inputs, st->secs_texts, st->secs_patterns, st->secs_fonts, st->secs_dict,
                    st->secs_streams, par_threads(opts->threads));
        if (progress_level >= PROGRESS_VERBOSE)
            fprintf(stderr,
                    "%s: CPU of the steps: inputs %.2f, texts %.2f, patterns %.2f, fonts %.2f, dictionary %.2f, "
                    "streams %.2f\n",
                    cmd, pc->cpu_inputs, st->cpu_texts, st->cpu_patterns, st->cpu_fonts, st->cpu_dict, st->cpu_streams);
        if (progress_level >= PROGRESS_VERBOSE && st->shaped_runs)
            fprintf(stderr, "%s: shaped: %zu runs of %zu glyphs in the texts, %zu titles\n", cmd, st->shaped_runs,
                    st->shaped_glyphs, st->shaped_titles);
    }
    article_list_free(arts);
    pics_free(&pics);
    free(bundle);
    if (opts->fonts)
        sim_fonts_close(font_files);
    opts->fonts = NULL;
    return rc;
}
