/* SPDX-License-Identifier: MIT */
/* packcli.h: the packing half of the command line, shared by `inkpress pack`
 * and `inkpress fetch`: the table of the options that shape the bundle (-o,
 * --name, --fast, --fonts, --script-fonts...) and the one path from cleaned
 * articles to a written bundle (duplicates dropped, bundle_write, UF2, the
 * summary line). Host code. */
#ifndef INK_PACKCLI_H
#define INK_PACKCLI_H

#include <stdint.h>
#include <stdio.h>

#include "article.h"
#include "bundle_write.h"
#include "cliopt.h"
#include "progress.h"

typedef struct pack_cli {
    const char *outp; /**< -o: the bundle to write ("-": stdout), or NULL */
    bundle_opts_t opts;
    bundle_stats_t stats;
    int uf2, no_fonts;
    uint32_t uf2_base, uf2_family;
    const char *fonts_dir; /**< --fonts, or NULL */
    int wrote;             /**< set by pack_cli_write: 1 when the bundle was written */
    int images;            /**< --images: pics_mode_t (default all) */
    size_t image_budget;   /**< --image-budget: bytes of pictures an edition may hold; 0: no limit */
    double secs_inputs;    /**< wall seconds reading and cleaning the inputs (pack -v says) */
    double cpu_inputs;     /**< and their CPU seconds, every thread's */
    /** The packing options (-o, --name, --fast...) for cliopt_parse and
     * cliopt_help, storing into this pack_cli_t (which must not move). */
    cliopt_t table[24];
    char group_bad[96];
} pack_cli_t;

/** Sets the defaults (BUNDLE_OPTS_DEFAULT, no output) and the table. */
void pack_cli_init(pack_cli_t *pc);

/**
 * Packs arts (consumed: freed on return) into pc->outp: drops duplicates,
 * loads the fonts unless --no-fonts, writes the bundle (or UF2), names on
 * stderr every character no face of the edition draws with its articles,
 * and, unless quiet, says "N articles packed, SKIPPED; FILE: BYTES ..." with
 * pr's tally of skipped inputs. in_bytes is the body text's size for the
 * ratio. rc is the status so far (0, or 1 when inputs were skipped). Returns
 * the command's exit status: rc, 2 (fonts missing), 4 (cannot write), or 1
 * when there was nothing to pack or some character has no glyph in any face
 * (the bundle is written; the reader draws a box for it).
 */
int pack_cli_write(pack_cli_t *pc, const char *cmd, article_list_t *arts, size_t in_bytes, progress_t *pr, int rc);

#endif
