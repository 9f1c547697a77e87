/* SPDX-License-Identifier: MIT */
/* ink_state.h: reading position and settings, kept through the storage HAL
 * so that a power cut during a save leaves the old state or the new one.
 *
 * Two slots of INK_STATE_SLOT bytes; each save goes to the slot not holding
 * the newest record, with a sequence number one higher and a CRC over the
 * whole slot written last in the slot. Loading takes the valid slot with
 * the higher sequence number. A save cut at any byte damages only the slot
 * being written, whose CRC then fails: the other slot, the previous
 * record, is loaded.
 *
 * Positions are text offsets into an article's body, not page numbers, so
 * they survive a change of text size or panel. The record keeps one for
 * each of the INK_STATE_POSITIONS articles read most recently. */
#ifndef INK_STATE_H
#define INK_STATE_H

#include <stdint.h>

#include "hal/ink_hal.h"
#include "ink_err.h"

#define INK_STATE_SLOT 1024u
#define INK_STATE_POSITIONS 32u                      /**< reading positions kept */
#define INK_STATE_MARK_BYTES 704u                    /**< read marks: one bit an article (5,632) */

typedef struct ink_state_pos {
    uint32_t article;       /**< article index; UINT32_MAX = unused */
    uint32_t offset;        /**< body text offset of the page read last */
} ink_state_pos_t;

typedef struct ink_state {
    uint32_t seq;           /**< sequence of the record last loaded or saved */
    uint32_t edition;       /**< header CRC of the bundle it belongs to */
    uint32_t article;       /**< current article */
    uint32_t offset;        /**< body text offset of the current page (of `article`) */
    uint8_t screen;         /**< 0 library, 1 article */
    uint8_t size;           /**< font size index */
    uint8_t refresh_every;  /**< full refresh interval */
    ink_state_pos_t pos[INK_STATE_POSITIONS]; /**< most recent first */
    uint8_t marks[INK_STATE_MARK_BYTES];
} ink_state_t;

/** A fresh state: no article read, no positions, the given settings. */
void ink_state_init(ink_state_t *st, uint8_t size, uint8_t refresh_every);

/** Loads the newest valid record; INK_ERR_NOT_FOUND when there is none
 * (a fresh device, or both slots damaged). */
ink_err_t ink_state_load(const ink_storage_ops_t *ops, void *ctx, ink_state_t *out);

/** Saves st as a new record (st->seq is advanced). */
ink_err_t ink_state_save(const ink_storage_ops_t *ops, void *ctx, ink_state_t *st);

/** Read marks. Articles past the bitmap are never marked. */
void ink_state_mark(ink_state_t *st, uint32_t article);
int ink_state_is_marked(const ink_state_t *st, uint32_t article);

/** Records off as where article was left; it becomes the most recent
 * position (the oldest one is dropped when the table is full). */
void ink_state_set_offset(ink_state_t *st, uint32_t article, uint32_t off);

/** Where article was left, or 0 when it has no position. */
uint32_t ink_state_offset(const ink_state_t *st, uint32_t article);

#endif
