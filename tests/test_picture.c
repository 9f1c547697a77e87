/* SPDX-License-Identifier: MIT */
/* test_picture.c: the host's pictures (tools/pack/picture.c): decoding
 * JPEG, PNG, WebP and GIF, scaling, the 4-bit coding read back as the
 * device reads it, and which pictures an edition keeps. The photos are
 * Debian's (mate-backgrounds, gnome-backgrounds); the PNG and GIF are made
 * from one of them in memory. */
#include "testutil.h"

#include <gif_lib.h>
#include <png.h>
#include <zlib.h>

#include "ink_bundle.h"
#include "ink_format.h"
#include "picture.h"

#define LADYBIRD "/usr/share/backgrounds/mate/nature/LadyBird.jpg"
#define STORM "/usr/share/backgrounds/mate/nature/Storm.jpg"
#define WOOD "/usr/share/backgrounds/gnome/wood-l.webp"

static uint8_t *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("%s is missing: make deps installs it", path);
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc(*n);
    assert_int_equal(fread(b, 1, *n, f), *n);
    fclose(f);
    return b;
}

static long mean(const picture_t *p)
{
    long s = 0;
    for (size_t i = 0; i < (size_t)p->w * p->h; i++)
        s += p->px[i];
    return s / ((long)p->w * p->h);
}

typedef struct {
    uint8_t *p;
    size_t n, cap;
} mem_t;

static int gif_put(GifFileType *g, const GifByteType *b, int n)
{
    mem_t *m = g->UserData;
    if (m->n + (size_t)n > m->cap) {
        m->cap = (m->n + (size_t)n) * 2;
        m->p = realloc(m->p, m->cap);
    }
    memcpy(m->p + m->n, b, (size_t)n);
    m->n += (size_t)n;
    return n;
}

/* p as a GIF of 256 grays (so every level survives), in memory. */
static mem_t gif_of(const picture_t *p)
{
    mem_t m = { NULL, 0, 0 };
    int e;
    GifFileType *g = EGifOpen(&m, gif_put, &e);
    assert_non_null(g);
    ColorMapObject *cm = GifMakeMapObject(256, NULL);
    for (int i = 0; i < 256; i++)
        cm->Colors[i].Red = cm->Colors[i].Green = cm->Colors[i].Blue = (GifByteType)i;
    assert_int_equal(EGifPutScreenDesc(g, p->w, p->h, 8, 0, cm), GIF_OK);
    assert_int_equal(EGifPutImageDesc(g, 0, 0, p->w, p->h, false, NULL), GIF_OK);
    for (int y = 0; y < p->h; y++)
        assert_int_equal(EGifPutLine(g, p->px + (size_t)y * p->w, p->w), GIF_OK);
    EGifCloseFile(g, &e);
    GifFreeMapObject(cm);
    return m;
}

static void test_picture_decodes_every_format(void **st)
{
    (void)st;
    const char *why;
    picture_t jpg, png, gif, webp;
    assert_int_equal(picture_load(LADYBIRD, &jpg, &why), 0);
    assert_true(jpg.w >= 800 && jpg.h >= 500);
    long m = mean(&jpg);
    assert_true(m > 40 && m < 220); /* a photo, not black or white */
    assert_int_equal(picture_fit(&jpg, 640, 2400), 0);
    assert_int_equal(jpg.w, 640);
    /* PNG, in memory, back to the same pixels */
    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    im.width = (png_uint_32)jpg.w;
    im.height = (png_uint_32)jpg.h;
    im.format = PNG_FORMAT_GRAY;
    png_alloc_size_t plen = 0;
    assert_true(png_image_write_to_memory(&im, NULL, &plen, 0, jpg.px, jpg.w, NULL));
    uint8_t *pbuf = malloc(plen);
    assert_true(png_image_write_to_memory(&im, pbuf, &plen, 0, jpg.px, jpg.w, NULL));
    assert_int_equal(picture_decode(pbuf, plen, &png, &why), 0);
    assert_int_equal(png.w, jpg.w);
    assert_int_equal(png.h, jpg.h);
    assert_memory_equal(png.px, jpg.px, (size_t)jpg.w * jpg.h);
    /* GIF: the first frame, 256 grays, the same pixels */
    mem_t g = gif_of(&jpg);
    assert_int_equal(picture_decode(g.p, g.n, &gif, &why), 0);
    assert_int_equal(gif.w, jpg.w);
    assert_memory_equal(gif.px, jpg.px, (size_t)jpg.w * jpg.h);
    /* WebP: gnome-backgrounds' wood, 4096 x 4096 */
    size_t wn;
    uint8_t *wb = slurp(WOOD, &wn);
    assert_int_equal(picture_decode(wb, wn, &webp, &why), 0);
    assert_int_equal(webp.w, 4096);
    assert_int_equal(webp.h, 4096);
    /* Cut or damaged, each is refused with a reason, never a crash */
    size_t jn;
    uint8_t *jb = slurp(LADYBIRD, &jn);
    const struct {
        const uint8_t *b;
        size_t n;
    } cut[] = { { jb, 200 }, { pbuf, plen / 3 }, { g.p, 40 }, { wb, 100 }, { (const uint8_t *)"GIF89a", 6 },
                { (const uint8_t *)"<html>", 6 } };
    for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
        picture_t x;
        why = NULL;
        int rc = picture_decode(cut[i].b, cut[i].n, &x, &why);
        if (rc == 0) /* libjpeg fills a cut JPEG with gray and says so: a picture all the same */
            picture_free(&x);
        else
            assert_non_null(why);
        assert_true(rc == -1 || i == 0);
    }
    free(jb);
    free(wb);
    free(pbuf);
    free(g.p);
    picture_free(&jpg);
    picture_free(&png);
    picture_free(&gif);
    picture_free(&webp);
}

/* The coding read back the way the device reads it: the bundle reader's
 * row source, each row Up-filtered on the host and restored there. */
static void test_picture_coding_reads_back(void **st)
{
    (void)st;
    const char *why;
    picture_t p;
    assert_int_equal(picture_load(STORM, &p, &why), 0);
    assert_int_equal(picture_fit(&p, 301, 2400), 0); /* an odd width: the last nibble alone */
    article_t a = { 0 };
    a.title = strdup("Storm");
    char path[] = "picture-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(picture_write_png(path, &p), 0);
    assert_int_equal(article_add_pic(&a, path, "A storm", NULL, 0), 0);
    pics_t ps;
    assert_int_equal(pics_prepare(&a, 1, PICS_ALL, 0, &ps, NULL), 0);
    unlink(path);
    assert_int_equal(ps.n, 1);
    uint8_t *sec;
    size_t len;
    assert_int_equal(pics_section(&ps, &sec, &len), 0);
    /* a bundle around it would be longer to build than to fake: the reader
     * needs only its PICS span here */
    ink_bundle_t b;
    memset(&b, 0, sizeof b);
    b.data = sec;
    b.pics.off = 0;
    b.pics.len = (uint32_t)len;
    b.npics = 1;
    static uint8_t mem[64 * 1024];
    ink_pool_t pool;
    ink_pool_init(&pool, mem, sizeof mem);
    ink_pic_src_t src;
    ink_bundle_pic_src(&b, &src);
    int w, h;
    assert_int_equal(src.size(src.ctx, 0, &w, &h), INK_OK);
    assert_int_equal(w, 301);
    assert_int_equal(h, p.h);
    void *rd;
    uint8_t row[151];
    assert_int_equal(src.open(src.ctx, 0, &pool, &rd), INK_OK);
    for (int y = 0; y < h; y++) {
        assert_int_equal(src.row(src.ctx, rd, row), INK_OK);
        for (int x = 0; x < w; x++) {
            int v = x & 1 ? row[x / 2] & 15 : row[x / 2] >> 4;
            assert_int_equal(v, (p.px[(size_t)y * w + x] * 15 + 127) / 255);
        }
        assert_int_equal(row[150] & 15, 0);
    }
    src.close(src.ctx, rd, &pool);
    assert_int_equal(ink_pool_used(&pool), 0);
    free(sec);
    pics_free(&ps);
    picture_free(&p);
    article_free(&a);
}

/* What an edition keeps: no icon or banner, a picture once per article and
 * once in the edition, nothing past the budget, lead = one an article. */
static void test_picture_edition_keeps(void **st)
{
    (void)st;
    const char *why;
    picture_t p;
    assert_int_equal(picture_load(LADYBIRD, &p, &why), 0);
    char icon[] = "picture-icon-XXXXXX", banner[] = "picture-banner-XXXXXX";
    close(mkstemp(icon));
    close(mkstemp(banner));
    picture_t ic = p, bn = p;
    ic.w = 64, ic.h = 64;   /* the top-left corner as an icon (rows of p's width: take them apart) */
    ic.px = malloc(64 * 64);
    for (int y = 0; y < 64; y++)
        memcpy(ic.px + y * 64, p.px + (size_t)y * p.w, 64);
    bn.w = p.w, bn.h = p.w / 6; /* a strip: a banner's shape */
    assert_int_equal(picture_write_png(icon, &ic), 0);
    assert_int_equal(picture_write_png(banner, &bn), 0);
    free(ic.px);
    article_t a[2];
    memset(a, 0, sizeof a);
    a[0].title = strdup("One");
    a[1].title = strdup("Two");
    assert_int_equal(article_add_pic(&a[0], LADYBIRD, "first", NULL, 1), 0);
    assert_int_equal(article_add_pic(&a[0], icon, "icon", NULL, 0), 0);
    assert_int_equal(article_add_pic(&a[0], banner, "banner", NULL, 0), 0);
    assert_int_equal(article_add_pic(&a[0], LADYBIRD, "again", NULL, 0), 0);
    assert_int_equal(article_add_pic(&a[0], STORM, "storm", NULL, 0), 0);
    assert_int_equal(article_add_pic(&a[1], LADYBIRD, "shared", NULL, 0), 0);
    assert_int_equal(article_add_pic(&a[1], "missing/nothing.jpg", "gone", NULL, 0), 0);
    pics_t ps;
    assert_int_equal(pics_prepare(a, 2, PICS_ALL, 0, &ps, NULL), 0);
    assert_int_equal(ps.n, 2);           /* ladybird and storm, each once */
    assert_int_equal(ps.dropped, 2);     /* icon, banner */
    assert_int_equal(ps.failed, 1);      /* the missing file */
    int want0[] = { 0, -1, -1, -1, 1 };
    for (int i = 0; i < 5; i++)
        assert_int_equal(a[0].blocks[i].pic, want0[i]);
    assert_int_equal(a[1].blocks[0].pic, 0); /* stored once, shown twice */
    size_t first = ps.bytes[0];
    pics_free(&ps);
    assert_int_equal(pics_prepare(a, 2, PICS_LEAD, 0, &ps, NULL), 0);
    assert_int_equal(a[0].blocks[4].pic, -1);
    assert_int_equal(ps.n, 1);
    pics_free(&ps);
    assert_int_equal(pics_prepare(a, 2, PICS_ALL, first + 10, &ps, NULL), 0);
    assert_int_equal(ps.n, 1);
    assert_int_equal(ps.over_budget, 1);
    assert_int_equal(a[0].blocks[4].pic, -1);
    pics_free(&ps);
    assert_int_equal(pics_prepare(a, 2, PICS_NONE, 0, &ps, NULL), 0);
    assert_int_equal(ps.n, 0);
    assert_int_equal(a[0].blocks[0].pic, -1);
    pics_free(&ps);
    unlink(icon);
    unlink(banner);
    article_free(&a[0]);
    article_free(&a[1]);
    picture_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_picture_decodes_every_format),
        cmocka_unit_test(test_picture_coding_reads_back),
        cmocka_unit_test(test_picture_edition_keeps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
