/* SPDX-License-Identifier: MIT */
/* decbench.c: a board program (mps2-an500, rv32-virt; the ports' start-up
 * code and port.c, not the firmware) that decodes every article group of
 * an edition four ways and counts what each costs: instructions (the
 * port's counter under QEMU -icount), stack depth (painted and scanned
 * around each way) and working memory. The groups come from
 * tests/decbench.py's file (its header says the layout), read through
 * semihosting into the XIP region as the bundle is on the device.
 *
 *   inflate-dictstream  zlib's inflate as firmware/ink_bundle.c runs it:
 *                       DICT's deflate stream first, then the group's
 *   inflate-setdict     inflate with inflateSetDictionary of the raw
 *                       dictionary (32 KiB in flash)
 *   zstd-ddict          zstd with a DDict made once, referencing the
 *                       dictionary in place (its entropy tables in RAM)
 *   zstd-dict           zstd loading the dictionary's tables every group
 *                       (ZSTD_decompress_usingDict: no DDict)
 *
 * zstd decodes a group in one call into a buffer the size of its text.
 * inflate fills the same buffer an article at a time and the count is
 * noted at each article's end: what opening that article costs, as the
 * device stops there. Each group is then checked against its CRC-32
 * (outside the count).
 *
 * Command line (QEMU's -append): BENCH-FILE. Prints `key value` lines for
 * tests/bench-decoders.sh; exit status 0, or 70 (board_fault) when a
 * group does not decode to its text. */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "board.h"
#include "zlib.h"
#define ZSTD_STATIC_LINKING_ONLY
#include "zstd.h"

/* A group's text is at most 256 KiB (docs/FORMAT.md). */
#define OUT_BYTES (256u * 1024u)
#define ARENA_BYTES (192u * 1024u)

static uint8_t out[OUT_BYTES] __attribute__((aligned(8)));
static uint8_t arena[ARENA_BYTES] __attribute__((aligned(8)));
static size_t arena_used, arena_peak;

static void say(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        board_print(buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

void board_fault(const char *what)
{
    say("decbench: %s\n", what);
    _exit(70);
}

/* newlib-nano's printf has no %llu. */
static const char *u64(uint64_t v, char buf[24])
{
    char *p = buf + 23;
    *p = '\0';
    do {
        *--p = (char)('0' + v % 10u);
        v /= 10u;
    } while (v);
    return p;
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* --- the bench file, in XIP -------------------------------------------- */

static const uint8_t *bench;
static size_t bench_len;

static const uint8_t *load(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    off_t size = lseek(fd, 0, SEEK_END);
    lseek(fd, 0, SEEK_SET);
    if (size < 0 || (size_t)size > (size_t)(__xip_end__ - __xip_start__)) {
        close(fd);
        return NULL;
    }
    size_t got = 0;
    while (got < (size_t)size) {
        ssize_t r = read(fd, __xip_start__ + got, (size_t)size - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    *len = got;
    return got == (size_t)size ? __xip_start__ : NULL;
}

/* A blob of the file: its offset and length at header byte `at`, checked. */
static const uint8_t *blob(uint32_t at, uint32_t *len)
{
    uint32_t off = rd32(bench + at), n = rd32(bench + at + 4);
    if (off > bench_len || n > bench_len - off)
        board_fault("the bench file points outside itself");
    *len = n;
    return bench + off;
}

/* --- zlib's memory: a bump arena with a high-water mark ------------------ */

static voidpf z_alloc(voidpf opaque, uInt items, uInt size)
{
    (void)opaque;
    size_t n = ((size_t)items * size + 7u) & ~(size_t)7u;
    if (n > ARENA_BYTES - arena_used)
        return NULL;
    void *p = arena + arena_used;
    arena_used += n;
    if (arena_used > arena_peak)
        arena_peak = arena_used;
    return p;
}

static void z_free(voidpf opaque, voidpf p)
{
    (void)opaque;
    (void)p;
}

/* --- the four ways ------------------------------------------------------- */

enum { INFLATE_DICTSTREAM, INFLATE_SETDICT, ZSTD_DDICT, ZSTD_DICT, NWAYS };
static const char *const way_name[NWAYS] = {"inflate-dictstream", "inflate-setdict", "zstd-ddict", "zstd-dict"};

static ZSTD_DCtx *dctx;
static const ZSTD_DDict *ddict;

/* Decodes src into out[0..raw_len), the texts of the group's n articles
 * (lens[0..n)). *dict_insns gets the instructions spent before the
 * group's own stream (the dictionary); *open_insns the sum, over the
 * articles, of what opening each cost: inflate stops at the article's end
 * (firmware/ink_bundle.c decodes no further), a one-call zstd decode
 * always gives the whole group. */
__attribute__((noinline)) static int decode(int way, const uint8_t *src, uint32_t src_len, uint32_t raw_len,
                                            const uint8_t *lens, uint32_t n, uint64_t *dict_insns, uint64_t *open_insns)
{
    uint32_t dlen;
    uint64_t t0 = board_instructions();
    *dict_insns = 0;
    *open_insns = 0;
    if (way == ZSTD_DDICT || way == ZSTD_DICT) {
        size_t r;
        if (way == ZSTD_DDICT) {
            r = ZSTD_decompress_usingDDict(dctx, out, raw_len, src, src_len, ddict);
        } else {
            const uint8_t *zd = blob(28, &dlen);
            r = ZSTD_decompress_usingDict(dctx, out, raw_len, src, src_len, zd, dlen);
        }
        *open_insns = (board_instructions() - t0) * n;
        return !ZSTD_isError(r) && r == raw_len;
    }
    z_stream z;
    memset(&z, 0, sizeof z);
    z.zalloc = z_alloc;
    z.zfree = z_free;
    arena_used = 0;
    if (inflateInit2(&z, -15) != Z_OK)
        return 0;
    int ok = 1, zr = Z_OK;
    if (way == INFLATE_DICTSTREAM) {
        /* As firmware/ink_bundle.c: DICT's stream through a small buffer,
         * a block at a time, to its end between two blocks. */
        uint8_t scratch[256];
        z.next_in = (Bytef *)(uintptr_t)blob(12, &dlen);
        z.avail_in = dlen;
        do {
            z.next_out = scratch;
            z.avail_out = sizeof scratch;
            zr = inflate(&z, Z_BLOCK);
            if (zr != Z_OK && !(zr == Z_BUF_ERROR && !z.avail_in))
                ok = 0;
        } while (ok && (z.avail_in || !z.avail_out));
        if (ok && z.data_type != 128) {
            z.next_out = scratch;
            z.avail_out = sizeof scratch;
            zr = inflate(&z, Z_BLOCK);
            ok = (zr == Z_OK || zr == Z_BUF_ERROR) && z.data_type == 128;
        }
    } else {
        const uint8_t *d = blob(20, &dlen);
        ok = inflateSetDictionary(&z, d, dlen) == Z_OK;
    }
    *dict_insns = board_instructions() - t0;
    z.next_in = (Bytef *)(uintptr_t)src;
    z.avail_in = src_len;
    z.next_out = out;
    uint32_t done = 0;
    for (uint32_t k = 0; ok && k < n; k++) {
        uint32_t len = rd32(lens + 4u * k);
        if (len > raw_len - done) {
            ok = 0;
            break;
        }
        z.avail_out = len;
        while (ok && z.avail_out) {
            zr = inflate(&z, Z_NO_FLUSH);
            ok = zr == Z_OK || (zr == Z_STREAM_END && !z.avail_out);
        }
        done += len;
        *open_insns += board_instructions() - t0;
    }
    if (ok && zr != Z_STREAM_END) {
        /* The group's end: a sound stream ends here with room to spare. */
        uint8_t extra;
        z.next_out = &extra;
        z.avail_out = 1;
        zr = inflate(&z, Z_FINISH);
        ok = zr == Z_STREAM_END && z.avail_out == 1;
    }
    ok = ok && done == raw_len && z.avail_in == 0;
    inflateEnd(&z);
    return ok;
}

/* --- the stack: painted below this frame, scanned after ------------------- */

__attribute__((noinline)) static void paint(void)
{
    uint32_t *here = (uint32_t *)__builtin_frame_address(0) - 64;
    for (uint32_t *p = __stack_limit__; p < here; p++)
        *p = BOARD_STACK_PAINT;
}

static size_t deepest(void)
{
    const uint32_t *p = __stack_limit__;
    while (p < __stack_top__ && *p == BOARD_STACK_PAINT)
        p++;
    return (size_t)((const uint8_t *)__stack_top__ - (const uint8_t *)p);
}

/* Every group one way: instructions in all, before the groups' own
 * streams (the dictionary), for the most costly group and summed over the
 * articles opened; and the stack below the caller's frame. */
__attribute__((noinline)) static void run(int way, uint32_t ngroups, size_t base_depth)
{
    uint64_t total = 0, dict = 0, most = 0, opens = 0;
    uint64_t raw = 0, narts = 0;
    paint();
    for (uint32_t g = 0; g < ngroups; g++) {
        const uint32_t at = 40 + 32u * g;
        const uint8_t *e = bench + at;
        uint32_t raw_len = rd32(e), crc = rd32(e + 4), len, lens_len;
        const uint8_t *src = blob(way < ZSTD_DDICT ? at + 8 : at + 16, &len);
        const uint8_t *lens = blob(at + 24, &lens_len);
        if (lens_len / 4u == 0)
            board_fault("a group with no articles");
        if (raw_len > OUT_BYTES)
            board_fault("a group larger than 256 KiB");
        memset(out, 0, raw_len);
        uint64_t d, o, t0 = board_instructions();
        int ok = decode(way, src, len, raw_len, lens, lens_len / 4u, &d, &o);
        uint64_t spent = board_instructions() - t0;
        if (!ok || crc32(0, out, raw_len) != crc) {
            say("decbench: %s: group %lu does not decode to its text\n", way_name[way], (unsigned long)g);
            _exit(70);
        }
        total += spent;
        dict += d;
        opens += o;
        narts += lens_len / 4u;
        raw += raw_len;
        if (spent > most)
            most = spent;
    }
    size_t depth = deepest();
    char num[24];
    say("%s.instructions %s\n", way_name[way], u64(total, num));
    say("%s.dict_instructions %s\n", way_name[way], u64(dict, num));
    say("%s.most_instructions %s\n", way_name[way], u64(most, num));
    say("%s.raw %s\n", way_name[way], u64(raw, num));
    say("%s.open_instructions %s\n", way_name[way], u64(opens, num));
    say("%s.articles %s\n", way_name[way], u64(narts, num));
    say("%s.stack %lu\n", way_name[way], (unsigned long)(depth > base_depth ? depth - base_depth : 0));
}

int main(void)
{
    board_init();
    char cmd[256];
    if (board_cmdline(cmd, (int)sizeof cmd) < 0)
        board_fault("no command line");
    /* QEMU gives the -kernel file first: the bench file is the second word. */
    char *save = NULL, *path = strtok_r(cmd, " ", &save);
    path = path ? strtok_r(NULL, " ", &save) : NULL;
    if (!path || !(bench = load(path, &bench_len)))
        board_fault("usage: decbench BENCH-FILE (a file tests/decbench.py wrote)");
    if (bench_len < 40 || memcmp(bench, "INKDECB\n", 8) != 0)
        board_fault("not a bench file");
    uint32_t ngroups = rd32(bench + 8);
    if (ngroups == 0 || ngroups > (bench_len - 40) / 32)
        board_fault("the bench file has no groups, or fewer than it says");
    say("board " INK_BOARD_NAME "\n");
    say("counter %s\n", board_counter_note());
    if (!board_instructions())
        board_fault("this board cannot count instructions here (QEMU without -icount?)");

    /* The depth main's own frame reaches, to subtract. */
    paint();
    size_t base_depth = deepest();

    run(INFLATE_DICTSTREAM, ngroups, base_depth);
    say("inflate.arena %lu\n", (unsigned long)arena_peak);
    arena_peak = 0;
    run(INFLATE_SETDICT, ngroups, base_depth);
    say("inflate-setdict.arena %lu\n", (unsigned long)arena_peak);

    /* zstd on the arena: the DCtx, then the DDict by reference. */
    size_t dsize = ZSTD_estimateDCtxSize();
    uint32_t zlen;
    const uint8_t *zd = blob(28, &zlen);
    size_t ddsize = ZSTD_estimateDDictSize(zlen, ZSTD_dlm_byRef);
    if (dsize + ddsize + 8 > ARENA_BYTES)
        board_fault("zstd's context and DDict do not fit the arena");
    dctx = ZSTD_initStaticDCtx(arena, dsize);
    uint64_t t0 = board_instructions();
    ddict = ZSTD_initStaticDDict(arena + ((dsize + 7u) & ~(size_t)7u), ddsize, zd, zlen, ZSTD_dlm_byRef, ZSTD_dct_auto);
    uint64_t ddict_insns = board_instructions() - t0;
    char num[24];
    if (!dctx || !ddict)
        board_fault("zstd's static context or DDict could not be made");
    say("zstd.dctx %lu\n", (unsigned long)ZSTD_sizeof_DCtx(dctx));
    say("zstd.dctx_estimate %lu\n", (unsigned long)dsize);
    say("zstd.ddict %lu\n", (unsigned long)ZSTD_sizeof_DDict(ddict));
    say("zstd.ddict_instructions %s\n", u64(ddict_insns, num));
    run(ZSTD_DDICT, ngroups, base_depth);
    run(ZSTD_DICT, ngroups, base_depth);
    say("done\n");
    return 0;
}
