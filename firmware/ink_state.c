/* SPDX-License-Identifier: MIT */
/* ink_state.c: two-slot, CRC-checked state records. */
#include "ink_state.h"

#include "ink_bundle.h"
#include "ink_crc32.h"
#include "ink_format.h"

#include <string.h>

/* A new magic for the record with positions: an older record reads as no
 * state at all, never as a wrong one. */
#define STATE_MAGIC INK_TAG('I', 'N', 'S', '2')

/* Slot layout: magic, seq, edition, article, offset (u32 each), screen,
 * size, refresh (u8 each), 9 bytes reserved (zero); the positions (article,
 * offset: u32 each); the marks; zero padding; the CRC in the last 4 bytes
 * over everything before it. */
#define OFF_POS 32u
#define OFF_MARKS (OFF_POS + 8u * INK_STATE_POSITIONS)
#define OFF_CRC (INK_STATE_SLOT - 4u)
_Static_assert(OFF_MARKS + INK_STATE_MARK_BYTES <= OFF_CRC, "state slot layout");

static int decode(const uint8_t *s, ink_state_t *out)
{
    if (ink_rd32(s) != STATE_MAGIC || ink_crc32(0, s, OFF_CRC) != ink_rd32(s + OFF_CRC))
        return 0;
    out->seq = ink_rd32(s + 4);
    out->edition = ink_rd32(s + 8);
    out->article = ink_rd32(s + 12);
    out->offset = ink_rd32(s + 16);
    out->screen = s[20];
    out->size = s[21];
    out->refresh_every = s[22];
    for (uint32_t i = 0; i < INK_STATE_POSITIONS; i++) {
        out->pos[i].article = ink_rd32(s + OFF_POS + 8u * i);
        out->pos[i].offset = ink_rd32(s + OFF_POS + 8u * i + 4u);
    }
    memcpy(out->marks, s + OFF_MARKS, INK_STATE_MARK_BYTES);
    return 1;
}

ink_err_t ink_state_load(const ink_storage_ops_t *ops, void *ctx, ink_state_t *out)
{
    if (!ops || ops->size < 2 * INK_STATE_SLOT)
        return INK_ERR_NOT_FOUND;
    /* One slot's buffer on the stack at a time: validate both, then read
     * the newer again and decode it. */
    uint8_t buf[INK_STATE_SLOT];
    int ok[2] = {0, 0};
    uint32_t seq[2] = {0, 0};
    for (uint32_t k = 0; k < 2; k++) {
        if (ops->read(ctx, k * INK_STATE_SLOT, buf, INK_STATE_SLOT) != INK_OK)
            continue;
        ok[k] = ink_rd32(buf) == STATE_MAGIC && ink_crc32(0, buf, OFF_CRC) == ink_rd32(buf + OFF_CRC);
        seq[k] = ink_rd32(buf + 4);
    }
    if (!ok[0] && !ok[1])
        return INK_ERR_NOT_FOUND;
    /* Serial number arithmetic, so the counter may wrap. */
    uint32_t pick = ok[0] && (!ok[1] || (int32_t)(seq[0] - seq[1]) > 0) ? 0 : 1;
    if (ops->read(ctx, pick * INK_STATE_SLOT, buf, INK_STATE_SLOT) != INK_OK || !decode(buf, out))
        return INK_ERR_NOT_FOUND; /* changed under us: treat as none */
    return INK_OK;
}

ink_err_t ink_state_save(const ink_storage_ops_t *ops, void *ctx, ink_state_t *st)
{
    if (!ops || ops->size < 2 * INK_STATE_SLOT)
        return INK_ERR_IO;
    uint8_t buf[INK_STATE_SLOT];
    memset(buf, 0, sizeof buf);
    uint32_t seq = st->seq + 1;
    ink_wr32(buf, STATE_MAGIC);
    ink_wr32(buf + 4, seq);
    ink_wr32(buf + 8, st->edition);
    ink_wr32(buf + 12, st->article);
    ink_wr32(buf + 16, st->offset);
    buf[20] = st->screen;
    buf[21] = st->size;
    buf[22] = st->refresh_every;
    for (uint32_t i = 0; i < INK_STATE_POSITIONS; i++) {
        ink_wr32(buf + OFF_POS + 8u * i, st->pos[i].article);
        ink_wr32(buf + OFF_POS + 8u * i + 4u, st->pos[i].offset);
    }
    memcpy(buf + OFF_MARKS, st->marks, INK_STATE_MARK_BYTES);
    ink_wr32(buf + OFF_CRC, ink_crc32(0, buf, OFF_CRC));
    /* The slot the newest record is not in: odd sequence numbers go to slot 1. */
    uint32_t off = (seq & 1u) ? INK_STATE_SLOT : 0;
    ink_err_t err = ops->write(ctx, off, buf, INK_STATE_SLOT);
    if (err == INK_OK)
        st->seq = seq;
    return err;
}

void ink_state_mark(ink_state_t *st, uint32_t article)
{
    if (article < INK_STATE_MARK_BYTES * 8u)
        st->marks[article >> 3] |= (uint8_t)(1u << (article & 7));
}

int ink_state_is_marked(const ink_state_t *st, uint32_t article)
{
    return article < INK_STATE_MARK_BYTES * 8u && (st->marks[article >> 3] >> (article & 7)) & 1;
}

void ink_state_init(ink_state_t *st, uint8_t size, uint8_t refresh_every)
{
    memset(st, 0, sizeof *st);
    st->size = size;
    st->refresh_every = refresh_every;
    for (uint32_t i = 0; i < INK_STATE_POSITIONS; i++)
        st->pos[i].article = UINT32_MAX;
}

void ink_state_set_offset(ink_state_t *st, uint32_t article, uint32_t off)
{
    uint32_t i = 0;
    while (i + 1 < INK_STATE_POSITIONS && st->pos[i].article != article)
        i++;
    /* i is the article's entry, or the last (oldest) one, which goes. */
    memmove(&st->pos[1], &st->pos[0], i * sizeof st->pos[0]);
    st->pos[0].article = article;
    st->pos[0].offset = off;
}

uint32_t ink_state_offset(const ink_state_t *st, uint32_t article)
{
    for (uint32_t i = 0; i < INK_STATE_POSITIONS; i++)
        if (st->pos[i].article == article)
            return st->pos[i].offset;
    return 0;
}
