/* SPDX-License-Identifier: MIT */
/* cliopt.h: the command line of the host programs (inkpress and its
 * subcommands, inkpress-sim), read from tables. A command lists its options
 * in a table (names, the value's name, its kind, where it goes, a help line);
 * cliopt_parse reads argv against the table, storing each value where its
 * row says, and the command then runs on what was stored. The help text's
 * option lines come from the same table (cliopt_help).
 *
 * Host code on the sim port's PC side (libinksim.a), so that inkpress-sim
 * has it without linking tools/; the device never includes it. */
#ifndef INK_CLIOPT_H
#define INK_CLIOPT_H

#include <stdio.h>

typedef enum cliopt_kind {
    CLIOPT_FLAG,   /**< takes no value: int *dest = (int)lo */
    CLIOPT_STR,    /**< const char *dest = the value as given */
    CLIOPT_INT,    /**< int *dest: a whole number (decimal, or hex after 0x) from lo to hi */
    CLIOPT_LONG,   /**< long *dest, as CLIOPT_INT */
    CLIOPT_SIZE,   /**< size_t *dest, as CLIOPT_INT */
    CLIOPT_U32,    /**< uint32_t *dest, as CLIOPT_INT */
    CLIOPT_DOUBLE, /**< double *dest: a number from lo to hi */
    CLIOPT_CHOICE, /**< int *dest: the index of the value in choices ("none|lead|all") */
    CLIOPT_FUNC,   /**< fn(dest, value) stores it, or refuses it; value is NULL when arg is */
    CLIOPT_NOTE,   /**< no option: a line of the help text (an operand, a remark) */
} cliopt_kind_t;

typedef struct cliopt {
    const char *names; /**< "-o", "--name", "-p|--profile"; NULL ends a table */
    const char *arg;   /**< the value's name in the help ("FILE"); NULL: the option takes none */
    cliopt_kind_t kind;
    void *dest;                               /**< where the value goes (its type: see the kind) */
    double lo, hi;                            /**< numbers: the range taken; CLIOPT_FLAG: lo is the value set */
    const char *choices;                      /**< CLIOPT_CHOICE: the values, '|' between */
    int (*fn)(void *dest, const char *value); /**< CLIOPT_FUNC: 0, or -1 to refuse the value */
    const char *bad;                          /**< what to say of a refused value, after "CMD: "; "%s" stands for
                              the value; NULL: said from the kind ("--hosts takes a number
                              from 1 to 64") */
    const char *help;                         /**< the help line; wrapped to the terminal's 80 columns */
} cliopt_t;

/** The return values of cliopt_parse besides the count of operands. */
#define CLIOPT_HELP (-1)  /**< -h or --help came: print the help, exit 0 */
#define CLIOPT_USAGE (-2) /**< a usage error, said on stderr: exit 2 */

/**
 * Reads argv[1..argc) against tables (a NULL-ended list of tables, each
 * ended by a row whose names is NULL). An option's value is the argument
 * after it; "--" ends the options; "-" (standard input) and every argument
 * not starting with '-' is an operand. Each value goes where its row says,
 * in the order given (a later option overrides an earlier one). cmd starts
 * every message ("inkpress pack").
 *
 * Returns the number of operands, moved in their order to argv[1..n];
 * CLIOPT_HELP at -h or --help (what follows it is not read); or CLIOPT_USAGE
 * after saying on stderr "CMD: unknown option X", "CMD: X needs a value" or
 * why a value is refused.
 */
int cliopt_parse(const char *cmd, const cliopt_t *const *tables, int argc, char **argv);

/**
 * As cliopt_parse, but stops at the first operand (options before a
 * subcommand, as in git). Returns the index of that operand in argv (argc
 * when there is none), CLIOPT_HELP or CLIOPT_USAGE.
 */
int cliopt_parse_head(const char *cmd, const cliopt_t *const *tables, int argc, char **argv);

/** Prints the option lines of tables, in their order: "  -p, --profile NAME  help",
 * help wrapped and aligned in one column. */
void cliopt_help(FILE *f, const cliopt_t *const *tables);

/**
 * Reads a whole number for a CLIOPT_FUNC: decimal, or hex after 0x, from lo
 * to hi, nothing after it. Returns 0 with *out set, or -1.
 */
int cliopt_number(const char *s, double lo, double hi, unsigned long long *out);

#endif
