/* SPDX-License-Identifier: MIT */
/* ftoption.h: FreeType's build options for the board (mps2-an500 and any
 * Cortex-M port that reuses it). Selected with
 *   -DFT_CONFIG_OPTIONS_H='<ftoption.h>' -DFT_CONFIG_MODULES_H='<ftmodule.h>'
 * and this folder first on the include path.
 *
 * Only what the device needs: TrueType outlines from memory, no
 * compression (WOFF), no PostScript names, no variations, no SVG or colour
 * glyphs. What affects the pixels is set as in Debian's build, which the
 * simulator links, so that both give the same frames: the subpixel
 * rendering patch, the inline MulFix, the bytecode interpreter (v40) for a
 * hinted monochrome profile, embedded bitmaps. */
#ifndef FTOPTION_H_
#define FTOPTION_H_

#include <ft2build.h>

FT_BEGIN_HEADER

#define FT_CONFIG_OPTION_SUBPIXEL_RENDERING
#define FT_CONFIG_OPTION_INLINE_MULFIX

/* Room FreeType keeps for its module table; four are used. */
#define FT_MAX_MODULES 6

/* The rasterisers' cell pool, which both keep on the stack (a 16 KiB
 * array in gray_convert_glyph and in ft_black_render with the default of
 * 16384: most of the firmware's stack depth). A glyph whose cells do not
 * fit is rendered in more, smaller bands, with the same pixels; 2048 is
 * the smallest the code accepts. */
#define FT_RENDER_POOL_SIZE 2048L

#define TT_CONFIG_OPTION_EMBEDDED_BITMAPS
#define TT_CONFIG_CMAP_FORMAT_0
#define TT_CONFIG_CMAP_FORMAT_4
#define TT_CONFIG_CMAP_FORMAT_6
#define TT_CONFIG_CMAP_FORMAT_12
#define TT_CONFIG_CMAP_FORMAT_13
#define TT_CONFIG_CMAP_FORMAT_14

#define TT_CONFIG_OPTION_BYTECODE_INTERPRETER
#define TT_CONFIG_OPTION_SUBPIXEL_HINTING 2
#define TT_CONFIG_OPTION_MAX_RUNNABLE_OPCODES 1000000L

/* Sizes that FreeType's shared headers and its base module use even with
 * no PostScript driver compiled in (FreeType's defaults). */
#define T1_MAX_DICT_DEPTH 5
#define T1_MAX_SUBRS_CALLS 16
#define T1_MAX_CHARSTRINGS_OPERANDS 256
#define CFF_CONFIG_OPTION_DARKENING_PARAMETER_X1 500
#define CFF_CONFIG_OPTION_DARKENING_PARAMETER_Y1 400
#define CFF_CONFIG_OPTION_DARKENING_PARAMETER_X2 1000
#define CFF_CONFIG_OPTION_DARKENING_PARAMETER_Y2 275
#define CFF_CONFIG_OPTION_DARKENING_PARAMETER_X3 1667
#define CFF_CONFIG_OPTION_DARKENING_PARAMETER_Y3 275
#define CFF_CONFIG_OPTION_DARKENING_PARAMETER_X4 2333
#define CFF_CONFIG_OPTION_DARKENING_PARAMETER_Y4 0

/* Values derived from the choices above, as FreeType's own file does. */
#define TT_USE_BYTECODE_INTERPRETER
#define TT_SUPPORT_SUBPIXEL_HINTING_MINIMAL

FT_END_HEADER

#endif
