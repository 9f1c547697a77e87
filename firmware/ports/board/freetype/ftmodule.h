/* SPDX-License-Identifier: MIT */
/* ftmodule.h: the FreeType modules the board build compiles in, and so the
 * set FT_Add_Default_Modules installs. The device opens TrueType faces from
 * memory, and CFF-flavoured OpenType ones (Noto CJK, a fallback face for
 * Chinese, Japanese and Korean: cff with psaux, pshinter and psnames, which
 * it needs), and rasterises unhinted outlines (smooth, thresholded to 1 bit)
 * or, for a monochrome profile, hinted ones (raster). Nothing else. */
FT_USE_MODULE( FT_Driver_ClassRec, tt_driver_class )
FT_USE_MODULE( FT_Driver_ClassRec, cff_driver_class )
FT_USE_MODULE( FT_Module_Class, psaux_module_class )
FT_USE_MODULE( FT_Module_Class, sfnt_module_class )
FT_USE_MODULE( FT_Renderer_Class, ft_smooth_renderer_class )
FT_USE_MODULE( FT_Renderer_Class, ft_raster1_renderer_class )
