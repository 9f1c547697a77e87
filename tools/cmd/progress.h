/* SPDX-License-Identifier: MIT */
/* progress.h: what the host tool tells a person while it works. A bar on
 * one line (count, rate, the item it is on) only when the stream is a
 * terminal; messages about skipped inputs that do not tear the bar; a tally
 * of the reasons for the summary line. Host code. */
#ifndef INK_PROGRESS_H
#define INK_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

/** How much the tool says: set by -q/--quiet and -v/--verbose. */
typedef enum progress_level {
    PROGRESS_QUIET = 0,   /**< errors only: no bar, no summary */
    PROGRESS_NORMAL = 1,  /**< bar on a terminal, summary line */
    PROGRESS_VERBOSE = 2, /**< and one line per input */
} progress_level_t;

/** The level for the whole command; PROGRESS_NORMAL unless an option says. */
extern int progress_level;

#define PROGRESS_REASONS 8

typedef struct progress {
    FILE *out;
    int on;               /**< a bar is drawn (out is a terminal, not quiet) */
    const char *what;     /**< e.g. "pack" */
    size_t total, done;   /**< items; done counts finished ones */
    const char *item;     /**< what it is on now; not owned */
    double t0, last_draw; /**< seconds, monotonic */
    double interval;      /**< at least this long between two bars (0.1 s) */
    int cols;             /**< width of the terminal */
    int drawn;            /**< a bar stands on the line now */
    size_t skipped;
    struct {
        char why[64];     /**< the reason, copied (cut at 63 bytes) */
        size_t n;
    } reasons[PROGRESS_REASONS];
    size_t nreasons;
} progress_t;

/** Starts a task of total items. show: 1 draws the bar, 0 never does, -1
 * draws it when out is a terminal (and TERM is not "dumb") and the level is
 * not quiet. */
void progress_start(progress_t *p, FILE *out, int show, const char *what, size_t total);

/** Work on item (a name, kept by pointer until the next call) begins;
 * the items before it are done. Redraws at most every p->interval. */
void progress_item(progress_t *p, const char *item);

/** Prints a line of text (a newline is added) above the bar. */
void progress_say(progress_t *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/** An input was skipped: says "PREFIX: PATH: WHY (skipped)" above the bar
 * (nothing when path is NULL: already said) and counts the reason (the
 * first PROGRESS_REASONS distinct ones). */
void progress_skip(progress_t *p, const char *prefix, const char *path, const char *why);

/** Writes "N skipped" or "N skipped (why: n, why: n)" into buf (size bytes,
 * always NUL-terminated). */
void progress_skipped_text(const progress_t *p, char *buf, size_t size);

/** Seconds since progress_start. */
double progress_elapsed(const progress_t *p);

/** All items done: clears the bar from the line. */
void progress_end(progress_t *p);

#endif
