/* SPDX-License-Identifier: MIT */
/* cmd.h: the subcommands that read a bundle (cmd_inspect.c, cmd_preview.c). Each takes the
 * arguments after "inkpress" (argv[0] is the command) and returns the exit
 * status. */
#ifndef INK_CMD_H
#define INK_CMD_H

int cmd_inspect(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_preview(int argc, char **argv);

#endif
