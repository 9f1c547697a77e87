/* SPDX-License-Identifier: MIT */
/* cmd.h: the subcommands in files of their own (cmd_inspect.c, cmd_preview.c,
 * cmd_fetch.c). Each takes the
 * arguments after "inkpress" (argv[0] is the command) and returns the exit
 * status. */
#ifndef INK_CMD_H
#define INK_CMD_H

#ifndef INKPRESS_VERSION
#define INKPRESS_VERSION "0.1.0"
#endif

int cmd_inspect(int argc, char **argv);
int cmd_fetch(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_preview(int argc, char **argv);

#endif
