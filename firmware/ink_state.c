/* SPDX-License-Identifier: MIT */
/* ink_state.c: two-slot, CRC-checked state records. */
#include "ink_state.h"

#include "ink_bundle.h"
#include "ink_format.h"

#include <string.h>

#define STATE_MAGIC INK_TAG('I', 'N', 'K', 'S')

/* Slot layout: magic, seq, edition, article, offset (u32 each), screen,
 * size, refresh (u8 each), 1 pad byte, marks, then the CRC in the last 4
 * bytes over everything before it. */
#define OFF_MARKS 24u
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
    memcpy(out->marks, s + OFF_MARKS, INK_STATE_MARK_BYTES);
    return 1;
}

ink_err_t ink_state_load(const ink_storage_ops_t *ops, void *ctx, ink_state_t *out)
{
    if (!ops || ops->size < 2 * INK_STATE_SLOT)
        return INK_ERR_NOT_FOUND;
    uint8_t buf[INK_STATE_SLOT];
    ink_state_t a, b;
    int ha = 0, hb = 0;
    if (ops->read(ctx, 0, buf, INK_STATE_SLOT) == INK_OK)
        ha = decode(buf, &a);
    if (ops->read(ctx, INK_STATE_SLOT, buf, INK_STATE_SLOT) == INK_OK)
        hb = decode(buf, &b);
    if (!ha && !hb)
        return INK_ERR_NOT_FOUND;
    /* Serial number arithmetic, so the counter may wrap. */
    if (ha && (!hb || (int32_t)(a.seq - b.seq) > 0))
        *out = a;
    else
        *out = b;
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
