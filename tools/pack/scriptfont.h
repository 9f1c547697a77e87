/* SPDX-License-Identifier: MIT */
/* scriptfont.h: the faces an edition needs beyond its own three, chosen
 * per script from Debian's Noto packages (fonts-noto-core, fonts-noto-cjk),
 * and the characters no face has. Host only: allocates with malloc.
 *
 * For every character the edition draws that its regular face lacks, the
 * first face of a fixed list (Noto Serif for stray Latin, Greek and
 * Cyrillic, then one face per script: Devanagari, Bengali, Tamil, Arabic
 * (Naskh, which has Persian and Urdu too), Hebrew, Thai, the other Indic
 * and South-East Asian scripts, Armenian, Georgian, Ethiopic, then Noto
 * Serif CJK, then the symbol faces) that has it draws it. Each chosen face
 * is subset to exactly its own characters, so the device, which tries the
 * fallback faces in order, finds each character in the face chosen here.
 * A Latin-only edition chooses none. */
#ifndef INK_SCRIPTFONT_H
#define INK_SCRIPTFONT_H

#include <stddef.h>
#include <stdint.h>

#include "fontsub.h"

/** Most fallback faces an edition carries (INK_FONT_MAX_FACES - 3). */
#define SCRIPTFONT_MAX 13

/** Where the fallback faces are found when the caller gives no folders:
 * the folders of fonts-noto-core and fonts-noto-cjk. */
#define SCRIPTFONT_DIRS_DEFAULT "/usr/share/fonts/truetype/noto:/usr/share/fonts/opentype/noto"

typedef struct scriptfont_face {
    const char *file;      /**< its file name in the list (static) */
    unsigned index;        /**< face in a collection (.ttc) */
    uint8_t *data;         /**< the whole file, malloc'd */
    size_t len;
    fontsub_use_t *use;    /**< the characters it draws */
    int complex;           /**< its script is shaped (shape.h) */
    int cjk;               /**< a face of Noto Serif CJK (index: which) */
    int borrowed;          /**< data is another face's (the same collection): not freed */
} scriptfont_face_t;

typedef struct scriptfont {
    scriptfont_face_t face[SCRIPTFONT_MAX];
    size_t n;
    fontsub_use_t *missing; /**< characters no face has (ignorable ones left out) */
    hb_set_t *taken;        /**< characters the regular face has but a fallback draws (below) */
} scriptfont_t;

/** Which face of Noto Serif CJK (a collection: 0 Japanese, 1 Korean, 2
 * Simplified Chinese, 3 Traditional, 4 Hong Kong) suits the BCP 47
 * language lang (NULL: none); -1 when lang is no CJK language. */
int scriptfont_cjk_index(const char *lang);

/** Chooses the fallback faces for the characters of u that regular lacks,
 * looking for the files in dirs (folders separated by ':'; NULL:
 * $INKPRESS_SCRIPT_FONTS, else SCRIPTFONT_DIRS_DEFAULT). cjk is the face of
 * Noto Serif CJK to use (scriptfont_cjk_index; -1: by the characters, kana
 * Japanese, hangul Korean, else Simplified Chinese). A listed file that is
 * not there is passed over (its characters may then be missing). Returns
 * 0, or -1 with a reason in *why (out of memory, a file that cannot be
 * read). Deterministic. */
/* A script the regular face has only some letters of (Charis: 23 Greek
 * letters, for phonetics) is drawn whole from the fallback face when the
 * edition uses a letter of it the regular lacks: a Greek word never mixes
 * two designs. Those letters are in sf->taken; the caller leaves them out
 * of the regular's subsets, so that the reader finds them in the fallback. */
int scriptfont_choose(scriptfont_t *sf, const ink_font_data_t *regular, const fontsub_use_t *u, const char *dirs,
                      int cjk, const char **why);

/** The position in sf of its face of Noto Serif CJK that
 * scriptfont_choose took (the first CJK face), or -1 when it took none. */
int scriptfont_cjk_face(const scriptfont_t *sf);

/** Appends face index (scriptfont_cjk_index) of the CJK collection that
 * sf's CJK face comes from (sharing its bytes), drawing the characters of
 * cps it has (the others are added to left): a second CJK face for the
 * articles of another CJK language, so each is drawn in its own glyph
 * forms (Han unification: one code point, a Japanese and a Chinese form).
 * Returns its position in sf, or -1 when sf has no CJK face, is full, the
 * face has none of cps, or memory runs out. */
int scriptfont_add_cjk(scriptfont_t *sf, int index, const hb_set_t *cps, hb_set_t *left);

/** Frees what scriptfont_choose took; sf is then empty. */
void scriptfont_free(scriptfont_t *sf);

#endif
