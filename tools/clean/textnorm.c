/* SPDX-License-Identifier: MIT */
/* textnorm.c: text normalisation for cleaned articles (see textnorm.h).
 * One pass over the code points with a little state: the last code point
 * written (for quote direction and composition) and a pending space. */
#include "textnorm.h"
#include "charset.h"

#include <stdlib.h>
#include <string.h>

static const uint32_t comp_tab[][3] = {
/* Generated from UnicodeData (version 14.0.0): canonical pairs (base, mark) -> precomposed
 * for Latin, Greek and Cyrillic, composition exclusions left out; sorted. */
    {0x0041, 0x0300, 0x00C0}, {0x0041, 0x0301, 0x00C1}, {0x0041, 0x0302, 0x00C2}, {0x0041, 0x0303, 0x00C3},
    {0x0041, 0x0304, 0x0100}, {0x0041, 0x0306, 0x0102}, {0x0041, 0x0307, 0x0226}, {0x0041, 0x0308, 0x00C4},
    {0x0041, 0x0309, 0x1EA2}, {0x0041, 0x030A, 0x00C5}, {0x0041, 0x030C, 0x01CD}, {0x0041, 0x030F, 0x0200},
    {0x0041, 0x0311, 0x0202}, {0x0041, 0x0323, 0x1EA0}, {0x0041, 0x0325, 0x1E00}, {0x0041, 0x0328, 0x0104},
    {0x0042, 0x0307, 0x1E02}, {0x0042, 0x0323, 0x1E04}, {0x0042, 0x0331, 0x1E06}, {0x0043, 0x0301, 0x0106},
    {0x0043, 0x0302, 0x0108}, {0x0043, 0x0307, 0x010A}, {0x0043, 0x030C, 0x010C}, {0x0043, 0x0327, 0x00C7},
    {0x0044, 0x0307, 0x1E0A}, {0x0044, 0x030C, 0x010E}, {0x0044, 0x0323, 0x1E0C}, {0x0044, 0x0327, 0x1E10},
    {0x0044, 0x032D, 0x1E12}, {0x0044, 0x0331, 0x1E0E}, {0x0045, 0x0300, 0x00C8}, {0x0045, 0x0301, 0x00C9},
    {0x0045, 0x0302, 0x00CA}, {0x0045, 0x0303, 0x1EBC}, {0x0045, 0x0304, 0x0112}, {0x0045, 0x0306, 0x0114},
    {0x0045, 0x0307, 0x0116}, {0x0045, 0x0308, 0x00CB}, {0x0045, 0x0309, 0x1EBA}, {0x0045, 0x030C, 0x011A},
    {0x0045, 0x030F, 0x0204}, {0x0045, 0x0311, 0x0206}, {0x0045, 0x0323, 0x1EB8}, {0x0045, 0x0327, 0x0228},
    {0x0045, 0x0328, 0x0118}, {0x0045, 0x032D, 0x1E18}, {0x0045, 0x0330, 0x1E1A}, {0x0046, 0x0307, 0x1E1E},
    {0x0047, 0x0301, 0x01F4}, {0x0047, 0x0302, 0x011C}, {0x0047, 0x0304, 0x1E20}, {0x0047, 0x0306, 0x011E},
    {0x0047, 0x0307, 0x0120}, {0x0047, 0x030C, 0x01E6}, {0x0047, 0x0327, 0x0122}, {0x0048, 0x0302, 0x0124},
    {0x0048, 0x0307, 0x1E22}, {0x0048, 0x0308, 0x1E26}, {0x0048, 0x030C, 0x021E}, {0x0048, 0x0323, 0x1E24},
    {0x0048, 0x0327, 0x1E28}, {0x0048, 0x032E, 0x1E2A}, {0x0049, 0x0300, 0x00CC}, {0x0049, 0x0301, 0x00CD},
    {0x0049, 0x0302, 0x00CE}, {0x0049, 0x0303, 0x0128}, {0x0049, 0x0304, 0x012A}, {0x0049, 0x0306, 0x012C},
    {0x0049, 0x0307, 0x0130}, {0x0049, 0x0308, 0x00CF}, {0x0049, 0x0309, 0x1EC8}, {0x0049, 0x030C, 0x01CF},
    {0x0049, 0x030F, 0x0208}, {0x0049, 0x0311, 0x020A}, {0x0049, 0x0323, 0x1ECA}, {0x0049, 0x0328, 0x012E},
    {0x0049, 0x0330, 0x1E2C}, {0x004A, 0x0302, 0x0134}, {0x004B, 0x0301, 0x1E30}, {0x004B, 0x030C, 0x01E8},
    {0x004B, 0x0323, 0x1E32}, {0x004B, 0x0327, 0x0136}, {0x004B, 0x0331, 0x1E34}, {0x004C, 0x0301, 0x0139},
    {0x004C, 0x030C, 0x013D}, {0x004C, 0x0323, 0x1E36}, {0x004C, 0x0327, 0x013B}, {0x004C, 0x032D, 0x1E3C},
    {0x004C, 0x0331, 0x1E3A}, {0x004D, 0x0301, 0x1E3E}, {0x004D, 0x0307, 0x1E40}, {0x004D, 0x0323, 0x1E42},
    {0x004E, 0x0300, 0x01F8}, {0x004E, 0x0301, 0x0143}, {0x004E, 0x0303, 0x00D1}, {0x004E, 0x0307, 0x1E44},
    {0x004E, 0x030C, 0x0147}, {0x004E, 0x0323, 0x1E46}, {0x004E, 0x0327, 0x0145}, {0x004E, 0x032D, 0x1E4A},
    {0x004E, 0x0331, 0x1E48}, {0x004F, 0x0300, 0x00D2}, {0x004F, 0x0301, 0x00D3}, {0x004F, 0x0302, 0x00D4},
    {0x004F, 0x0303, 0x00D5}, {0x004F, 0x0304, 0x014C}, {0x004F, 0x0306, 0x014E}, {0x004F, 0x0307, 0x022E},
    {0x004F, 0x0308, 0x00D6}, {0x004F, 0x0309, 0x1ECE}, {0x004F, 0x030B, 0x0150}, {0x004F, 0x030C, 0x01D1},
    {0x004F, 0x030F, 0x020C}, {0x004F, 0x0311, 0x020E}, {0x004F, 0x031B, 0x01A0}, {0x004F, 0x0323, 0x1ECC},
    {0x004F, 0x0328, 0x01EA}, {0x0050, 0x0301, 0x1E54}, {0x0050, 0x0307, 0x1E56}, {0x0052, 0x0301, 0x0154},
    {0x0052, 0x0307, 0x1E58}, {0x0052, 0x030C, 0x0158}, {0x0052, 0x030F, 0x0210}, {0x0052, 0x0311, 0x0212},
    {0x0052, 0x0323, 0x1E5A}, {0x0052, 0x0327, 0x0156}, {0x0052, 0x0331, 0x1E5E}, {0x0053, 0x0301, 0x015A},
    {0x0053, 0x0302, 0x015C}, {0x0053, 0x0307, 0x1E60}, {0x0053, 0x030C, 0x0160}, {0x0053, 0x0323, 0x1E62},
    {0x0053, 0x0326, 0x0218}, {0x0053, 0x0327, 0x015E}, {0x0054, 0x0307, 0x1E6A}, {0x0054, 0x030C, 0x0164},
    {0x0054, 0x0323, 0x1E6C}, {0x0054, 0x0326, 0x021A}, {0x0054, 0x0327, 0x0162}, {0x0054, 0x032D, 0x1E70},
    {0x0054, 0x0331, 0x1E6E}, {0x0055, 0x0300, 0x00D9}, {0x0055, 0x0301, 0x00DA}, {0x0055, 0x0302, 0x00DB},
    {0x0055, 0x0303, 0x0168}, {0x0055, 0x0304, 0x016A}, {0x0055, 0x0306, 0x016C}, {0x0055, 0x0308, 0x00DC},
    {0x0055, 0x0309, 0x1EE6}, {0x0055, 0x030A, 0x016E}, {0x0055, 0x030B, 0x0170}, {0x0055, 0x030C, 0x01D3},
    {0x0055, 0x030F, 0x0214}, {0x0055, 0x0311, 0x0216}, {0x0055, 0x031B, 0x01AF}, {0x0055, 0x0323, 0x1EE4},
    {0x0055, 0x0324, 0x1E72}, {0x0055, 0x0328, 0x0172}, {0x0055, 0x032D, 0x1E76}, {0x0055, 0x0330, 0x1E74},
    {0x0056, 0x0303, 0x1E7C}, {0x0056, 0x0323, 0x1E7E}, {0x0057, 0x0300, 0x1E80}, {0x0057, 0x0301, 0x1E82},
    {0x0057, 0x0302, 0x0174}, {0x0057, 0x0307, 0x1E86}, {0x0057, 0x0308, 0x1E84}, {0x0057, 0x0323, 0x1E88},
    {0x0058, 0x0307, 0x1E8A}, {0x0058, 0x0308, 0x1E8C}, {0x0059, 0x0300, 0x1EF2}, {0x0059, 0x0301, 0x00DD},
    {0x0059, 0x0302, 0x0176}, {0x0059, 0x0303, 0x1EF8}, {0x0059, 0x0304, 0x0232}, {0x0059, 0x0307, 0x1E8E},
    {0x0059, 0x0308, 0x0178}, {0x0059, 0x0309, 0x1EF6}, {0x0059, 0x0323, 0x1EF4}, {0x005A, 0x0301, 0x0179},
    {0x005A, 0x0302, 0x1E90}, {0x005A, 0x0307, 0x017B}, {0x005A, 0x030C, 0x017D}, {0x005A, 0x0323, 0x1E92},
    {0x005A, 0x0331, 0x1E94}, {0x0061, 0x0300, 0x00E0}, {0x0061, 0x0301, 0x00E1}, {0x0061, 0x0302, 0x00E2},
    {0x0061, 0x0303, 0x00E3}, {0x0061, 0x0304, 0x0101}, {0x0061, 0x0306, 0x0103}, {0x0061, 0x0307, 0x0227},
    {0x0061, 0x0308, 0x00E4}, {0x0061, 0x0309, 0x1EA3}, {0x0061, 0x030A, 0x00E5}, {0x0061, 0x030C, 0x01CE},
    {0x0061, 0x030F, 0x0201}, {0x0061, 0x0311, 0x0203}, {0x0061, 0x0323, 0x1EA1}, {0x0061, 0x0325, 0x1E01},
    {0x0061, 0x0328, 0x0105}, {0x0062, 0x0307, 0x1E03}, {0x0062, 0x0323, 0x1E05}, {0x0062, 0x0331, 0x1E07},
    {0x0063, 0x0301, 0x0107}, {0x0063, 0x0302, 0x0109}, {0x0063, 0x0307, 0x010B}, {0x0063, 0x030C, 0x010D},
    {0x0063, 0x0327, 0x00E7}, {0x0064, 0x0307, 0x1E0B}, {0x0064, 0x030C, 0x010F}, {0x0064, 0x0323, 0x1E0D},
    {0x0064, 0x0327, 0x1E11}, {0x0064, 0x032D, 0x1E13}, {0x0064, 0x0331, 0x1E0F}, {0x0065, 0x0300, 0x00E8},
    {0x0065, 0x0301, 0x00E9}, {0x0065, 0x0302, 0x00EA}, {0x0065, 0x0303, 0x1EBD}, {0x0065, 0x0304, 0x0113},
    {0x0065, 0x0306, 0x0115}, {0x0065, 0x0307, 0x0117}, {0x0065, 0x0308, 0x00EB}, {0x0065, 0x0309, 0x1EBB},
    {0x0065, 0x030C, 0x011B}, {0x0065, 0x030F, 0x0205}, {0x0065, 0x0311, 0x0207}, {0x0065, 0x0323, 0x1EB9},
    {0x0065, 0x0327, 0x0229}, {0x0065, 0x0328, 0x0119}, {0x0065, 0x032D, 0x1E19}, {0x0065, 0x0330, 0x1E1B},
    {0x0066, 0x0307, 0x1E1F}, {0x0067, 0x0301, 0x01F5}, {0x0067, 0x0302, 0x011D}, {0x0067, 0x0304, 0x1E21},
    {0x0067, 0x0306, 0x011F}, {0x0067, 0x0307, 0x0121}, {0x0067, 0x030C, 0x01E7}, {0x0067, 0x0327, 0x0123},
    {0x0068, 0x0302, 0x0125}, {0x0068, 0x0307, 0x1E23}, {0x0068, 0x0308, 0x1E27}, {0x0068, 0x030C, 0x021F},
    {0x0068, 0x0323, 0x1E25}, {0x0068, 0x0327, 0x1E29}, {0x0068, 0x032E, 0x1E2B}, {0x0068, 0x0331, 0x1E96},
    {0x0069, 0x0300, 0x00EC}, {0x0069, 0x0301, 0x00ED}, {0x0069, 0x0302, 0x00EE}, {0x0069, 0x0303, 0x0129},
    {0x0069, 0x0304, 0x012B}, {0x0069, 0x0306, 0x012D}, {0x0069, 0x0308, 0x00EF}, {0x0069, 0x0309, 0x1EC9},
    {0x0069, 0x030C, 0x01D0}, {0x0069, 0x030F, 0x0209}, {0x0069, 0x0311, 0x020B}, {0x0069, 0x0323, 0x1ECB},
    {0x0069, 0x0328, 0x012F}, {0x0069, 0x0330, 0x1E2D}, {0x006A, 0x0302, 0x0135}, {0x006A, 0x030C, 0x01F0},
    {0x006B, 0x0301, 0x1E31}, {0x006B, 0x030C, 0x01E9}, {0x006B, 0x0323, 0x1E33}, {0x006B, 0x0327, 0x0137},
    {0x006B, 0x0331, 0x1E35}, {0x006C, 0x0301, 0x013A}, {0x006C, 0x030C, 0x013E}, {0x006C, 0x0323, 0x1E37},
    {0x006C, 0x0327, 0x013C}, {0x006C, 0x032D, 0x1E3D}, {0x006C, 0x0331, 0x1E3B}, {0x006D, 0x0301, 0x1E3F},
    {0x006D, 0x0307, 0x1E41}, {0x006D, 0x0323, 0x1E43}, {0x006E, 0x0300, 0x01F9}, {0x006E, 0x0301, 0x0144},
    {0x006E, 0x0303, 0x00F1}, {0x006E, 0x0307, 0x1E45}, {0x006E, 0x030C, 0x0148}, {0x006E, 0x0323, 0x1E47},
    {0x006E, 0x0327, 0x0146}, {0x006E, 0x032D, 0x1E4B}, {0x006E, 0x0331, 0x1E49}, {0x006F, 0x0300, 0x00F2},
    {0x006F, 0x0301, 0x00F3}, {0x006F, 0x0302, 0x00F4}, {0x006F, 0x0303, 0x00F5}, {0x006F, 0x0304, 0x014D},
    {0x006F, 0x0306, 0x014F}, {0x006F, 0x0307, 0x022F}, {0x006F, 0x0308, 0x00F6}, {0x006F, 0x0309, 0x1ECF},
    {0x006F, 0x030B, 0x0151}, {0x006F, 0x030C, 0x01D2}, {0x006F, 0x030F, 0x020D}, {0x006F, 0x0311, 0x020F},
    {0x006F, 0x031B, 0x01A1}, {0x006F, 0x0323, 0x1ECD}, {0x006F, 0x0328, 0x01EB}, {0x0070, 0x0301, 0x1E55},
    {0x0070, 0x0307, 0x1E57}, {0x0072, 0x0301, 0x0155}, {0x0072, 0x0307, 0x1E59}, {0x0072, 0x030C, 0x0159},
    {0x0072, 0x030F, 0x0211}, {0x0072, 0x0311, 0x0213}, {0x0072, 0x0323, 0x1E5B}, {0x0072, 0x0327, 0x0157},
    {0x0072, 0x0331, 0x1E5F}, {0x0073, 0x0301, 0x015B}, {0x0073, 0x0302, 0x015D}, {0x0073, 0x0307, 0x1E61},
    {0x0073, 0x030C, 0x0161}, {0x0073, 0x0323, 0x1E63}, {0x0073, 0x0326, 0x0219}, {0x0073, 0x0327, 0x015F},
    {0x0074, 0x0307, 0x1E6B}, {0x0074, 0x0308, 0x1E97}, {0x0074, 0x030C, 0x0165}, {0x0074, 0x0323, 0x1E6D},
    {0x0074, 0x0326, 0x021B}, {0x0074, 0x0327, 0x0163}, {0x0074, 0x032D, 0x1E71}, {0x0074, 0x0331, 0x1E6F},
    {0x0075, 0x0300, 0x00F9}, {0x0075, 0x0301, 0x00FA}, {0x0075, 0x0302, 0x00FB}, {0x0075, 0x0303, 0x0169},
    {0x0075, 0x0304, 0x016B}, {0x0075, 0x0306, 0x016D}, {0x0075, 0x0308, 0x00FC}, {0x0075, 0x0309, 0x1EE7},
    {0x0075, 0x030A, 0x016F}, {0x0075, 0x030B, 0x0171}, {0x0075, 0x030C, 0x01D4}, {0x0075, 0x030F, 0x0215},
    {0x0075, 0x0311, 0x0217}, {0x0075, 0x031B, 0x01B0}, {0x0075, 0x0323, 0x1EE5}, {0x0075, 0x0324, 0x1E73},
    {0x0075, 0x0328, 0x0173}, {0x0075, 0x032D, 0x1E77}, {0x0075, 0x0330, 0x1E75}, {0x0076, 0x0303, 0x1E7D},
    {0x0076, 0x0323, 0x1E7F}, {0x0077, 0x0300, 0x1E81}, {0x0077, 0x0301, 0x1E83}, {0x0077, 0x0302, 0x0175},
    {0x0077, 0x0307, 0x1E87}, {0x0077, 0x0308, 0x1E85}, {0x0077, 0x030A, 0x1E98}, {0x0077, 0x0323, 0x1E89},
    {0x0078, 0x0307, 0x1E8B}, {0x0078, 0x0308, 0x1E8D}, {0x0079, 0x0300, 0x1EF3}, {0x0079, 0x0301, 0x00FD},
    {0x0079, 0x0302, 0x0177}, {0x0079, 0x0303, 0x1EF9}, {0x0079, 0x0304, 0x0233}, {0x0079, 0x0307, 0x1E8F},
    {0x0079, 0x0308, 0x00FF}, {0x0079, 0x0309, 0x1EF7}, {0x0079, 0x030A, 0x1E99}, {0x0079, 0x0323, 0x1EF5},
    {0x007A, 0x0301, 0x017A}, {0x007A, 0x0302, 0x1E91}, {0x007A, 0x0307, 0x017C}, {0x007A, 0x030C, 0x017E},
    {0x007A, 0x0323, 0x1E93}, {0x007A, 0x0331, 0x1E95}, {0x00A8, 0x0300, 0x1FED}, {0x00A8, 0x0301, 0x0385},
    {0x00A8, 0x0342, 0x1FC1}, {0x00C2, 0x0300, 0x1EA6}, {0x00C2, 0x0301, 0x1EA4}, {0x00C2, 0x0303, 0x1EAA},
    {0x00C2, 0x0309, 0x1EA8}, {0x00C4, 0x0304, 0x01DE}, {0x00C5, 0x0301, 0x01FA}, {0x00C6, 0x0301, 0x01FC},
    {0x00C6, 0x0304, 0x01E2}, {0x00C7, 0x0301, 0x1E08}, {0x00CA, 0x0300, 0x1EC0}, {0x00CA, 0x0301, 0x1EBE},
    {0x00CA, 0x0303, 0x1EC4}, {0x00CA, 0x0309, 0x1EC2}, {0x00CF, 0x0301, 0x1E2E}, {0x00D4, 0x0300, 0x1ED2},
    {0x00D4, 0x0301, 0x1ED0}, {0x00D4, 0x0303, 0x1ED6}, {0x00D4, 0x0309, 0x1ED4}, {0x00D5, 0x0301, 0x1E4C},
    {0x00D5, 0x0304, 0x022C}, {0x00D5, 0x0308, 0x1E4E}, {0x00D6, 0x0304, 0x022A}, {0x00D8, 0x0301, 0x01FE},
    {0x00DC, 0x0300, 0x01DB}, {0x00DC, 0x0301, 0x01D7}, {0x00DC, 0x0304, 0x01D5}, {0x00DC, 0x030C, 0x01D9},
    {0x00E2, 0x0300, 0x1EA7}, {0x00E2, 0x0301, 0x1EA5}, {0x00E2, 0x0303, 0x1EAB}, {0x00E2, 0x0309, 0x1EA9},
    {0x00E4, 0x0304, 0x01DF}, {0x00E5, 0x0301, 0x01FB}, {0x00E6, 0x0301, 0x01FD}, {0x00E6, 0x0304, 0x01E3},
    {0x00E7, 0x0301, 0x1E09}, {0x00EA, 0x0300, 0x1EC1}, {0x00EA, 0x0301, 0x1EBF}, {0x00EA, 0x0303, 0x1EC5},
    {0x00EA, 0x0309, 0x1EC3}, {0x00EF, 0x0301, 0x1E2F}, {0x00F4, 0x0300, 0x1ED3}, {0x00F4, 0x0301, 0x1ED1},
    {0x00F4, 0x0303, 0x1ED7}, {0x00F4, 0x0309, 0x1ED5}, {0x00F5, 0x0301, 0x1E4D}, {0x00F5, 0x0304, 0x022D},
    {0x00F5, 0x0308, 0x1E4F}, {0x00F6, 0x0304, 0x022B}, {0x00F8, 0x0301, 0x01FF}, {0x00FC, 0x0300, 0x01DC},
    {0x00FC, 0x0301, 0x01D8}, {0x00FC, 0x0304, 0x01D6}, {0x00FC, 0x030C, 0x01DA}, {0x0102, 0x0300, 0x1EB0},
    {0x0102, 0x0301, 0x1EAE}, {0x0102, 0x0303, 0x1EB4}, {0x0102, 0x0309, 0x1EB2}, {0x0103, 0x0300, 0x1EB1},
    {0x0103, 0x0301, 0x1EAF}, {0x0103, 0x0303, 0x1EB5}, {0x0103, 0x0309, 0x1EB3}, {0x0112, 0x0300, 0x1E14},
    {0x0112, 0x0301, 0x1E16}, {0x0113, 0x0300, 0x1E15}, {0x0113, 0x0301, 0x1E17}, {0x014C, 0x0300, 0x1E50},
    {0x014C, 0x0301, 0x1E52}, {0x014D, 0x0300, 0x1E51}, {0x014D, 0x0301, 0x1E53}, {0x015A, 0x0307, 0x1E64},
    {0x015B, 0x0307, 0x1E65}, {0x0160, 0x0307, 0x1E66}, {0x0161, 0x0307, 0x1E67}, {0x0168, 0x0301, 0x1E78},
    {0x0169, 0x0301, 0x1E79}, {0x016A, 0x0308, 0x1E7A}, {0x016B, 0x0308, 0x1E7B}, {0x017F, 0x0307, 0x1E9B},
    {0x01A0, 0x0300, 0x1EDC}, {0x01A0, 0x0301, 0x1EDA}, {0x01A0, 0x0303, 0x1EE0}, {0x01A0, 0x0309, 0x1EDE},
    {0x01A0, 0x0323, 0x1EE2}, {0x01A1, 0x0300, 0x1EDD}, {0x01A1, 0x0301, 0x1EDB}, {0x01A1, 0x0303, 0x1EE1},
    {0x01A1, 0x0309, 0x1EDF}, {0x01A1, 0x0323, 0x1EE3}, {0x01AF, 0x0300, 0x1EEA}, {0x01AF, 0x0301, 0x1EE8},
    {0x01AF, 0x0303, 0x1EEE}, {0x01AF, 0x0309, 0x1EEC}, {0x01AF, 0x0323, 0x1EF0}, {0x01B0, 0x0300, 0x1EEB},
    {0x01B0, 0x0301, 0x1EE9}, {0x01B0, 0x0303, 0x1EEF}, {0x01B0, 0x0309, 0x1EED}, {0x01B0, 0x0323, 0x1EF1},
    {0x01B7, 0x030C, 0x01EE}, {0x01EA, 0x0304, 0x01EC}, {0x01EB, 0x0304, 0x01ED}, {0x0226, 0x0304, 0x01E0},
    {0x0227, 0x0304, 0x01E1}, {0x0228, 0x0306, 0x1E1C}, {0x0229, 0x0306, 0x1E1D}, {0x022E, 0x0304, 0x0230},
    {0x022F, 0x0304, 0x0231}, {0x0292, 0x030C, 0x01EF}, {0x0391, 0x0300, 0x1FBA}, {0x0391, 0x0301, 0x0386},
    {0x0391, 0x0304, 0x1FB9}, {0x0391, 0x0306, 0x1FB8}, {0x0391, 0x0313, 0x1F08}, {0x0391, 0x0314, 0x1F09},
    {0x0391, 0x0345, 0x1FBC}, {0x0395, 0x0300, 0x1FC8}, {0x0395, 0x0301, 0x0388}, {0x0395, 0x0313, 0x1F18},
    {0x0395, 0x0314, 0x1F19}, {0x0397, 0x0300, 0x1FCA}, {0x0397, 0x0301, 0x0389}, {0x0397, 0x0313, 0x1F28},
    {0x0397, 0x0314, 0x1F29}, {0x0397, 0x0345, 0x1FCC}, {0x0399, 0x0300, 0x1FDA}, {0x0399, 0x0301, 0x038A},
    {0x0399, 0x0304, 0x1FD9}, {0x0399, 0x0306, 0x1FD8}, {0x0399, 0x0308, 0x03AA}, {0x0399, 0x0313, 0x1F38},
    {0x0399, 0x0314, 0x1F39}, {0x039F, 0x0300, 0x1FF8}, {0x039F, 0x0301, 0x038C}, {0x039F, 0x0313, 0x1F48},
    {0x039F, 0x0314, 0x1F49}, {0x03A1, 0x0314, 0x1FEC}, {0x03A5, 0x0300, 0x1FEA}, {0x03A5, 0x0301, 0x038E},
    {0x03A5, 0x0304, 0x1FE9}, {0x03A5, 0x0306, 0x1FE8}, {0x03A5, 0x0308, 0x03AB}, {0x03A5, 0x0314, 0x1F59},
    {0x03A9, 0x0300, 0x1FFA}, {0x03A9, 0x0301, 0x038F}, {0x03A9, 0x0313, 0x1F68}, {0x03A9, 0x0314, 0x1F69},
    {0x03A9, 0x0345, 0x1FFC}, {0x03AC, 0x0345, 0x1FB4}, {0x03AE, 0x0345, 0x1FC4}, {0x03B1, 0x0300, 0x1F70},
    {0x03B1, 0x0301, 0x03AC}, {0x03B1, 0x0304, 0x1FB1}, {0x03B1, 0x0306, 0x1FB0}, {0x03B1, 0x0313, 0x1F00},
    {0x03B1, 0x0314, 0x1F01}, {0x03B1, 0x0342, 0x1FB6}, {0x03B1, 0x0345, 0x1FB3}, {0x03B5, 0x0300, 0x1F72},
    {0x03B5, 0x0301, 0x03AD}, {0x03B5, 0x0313, 0x1F10}, {0x03B5, 0x0314, 0x1F11}, {0x03B7, 0x0300, 0x1F74},
    {0x03B7, 0x0301, 0x03AE}, {0x03B7, 0x0313, 0x1F20}, {0x03B7, 0x0314, 0x1F21}, {0x03B7, 0x0342, 0x1FC6},
    {0x03B7, 0x0345, 0x1FC3}, {0x03B9, 0x0300, 0x1F76}, {0x03B9, 0x0301, 0x03AF}, {0x03B9, 0x0304, 0x1FD1},
    {0x03B9, 0x0306, 0x1FD0}, {0x03B9, 0x0308, 0x03CA}, {0x03B9, 0x0313, 0x1F30}, {0x03B9, 0x0314, 0x1F31},
    {0x03B9, 0x0342, 0x1FD6}, {0x03BF, 0x0300, 0x1F78}, {0x03BF, 0x0301, 0x03CC}, {0x03BF, 0x0313, 0x1F40},
    {0x03BF, 0x0314, 0x1F41}, {0x03C1, 0x0313, 0x1FE4}, {0x03C1, 0x0314, 0x1FE5}, {0x03C5, 0x0300, 0x1F7A},
    {0x03C5, 0x0301, 0x03CD}, {0x03C5, 0x0304, 0x1FE1}, {0x03C5, 0x0306, 0x1FE0}, {0x03C5, 0x0308, 0x03CB},
    {0x03C5, 0x0313, 0x1F50}, {0x03C5, 0x0314, 0x1F51}, {0x03C5, 0x0342, 0x1FE6}, {0x03C9, 0x0300, 0x1F7C},
    {0x03C9, 0x0301, 0x03CE}, {0x03C9, 0x0313, 0x1F60}, {0x03C9, 0x0314, 0x1F61}, {0x03C9, 0x0342, 0x1FF6},
    {0x03C9, 0x0345, 0x1FF3}, {0x03CA, 0x0300, 0x1FD2}, {0x03CA, 0x0301, 0x0390}, {0x03CA, 0x0342, 0x1FD7},
    {0x03CB, 0x0300, 0x1FE2}, {0x03CB, 0x0301, 0x03B0}, {0x03CB, 0x0342, 0x1FE7}, {0x03CE, 0x0345, 0x1FF4},
    {0x03D2, 0x0301, 0x03D3}, {0x03D2, 0x0308, 0x03D4}, {0x0406, 0x0308, 0x0407}, {0x0410, 0x0306, 0x04D0},
    {0x0410, 0x0308, 0x04D2}, {0x0413, 0x0301, 0x0403}, {0x0415, 0x0300, 0x0400}, {0x0415, 0x0306, 0x04D6},
    {0x0415, 0x0308, 0x0401}, {0x0416, 0x0306, 0x04C1}, {0x0416, 0x0308, 0x04DC}, {0x0417, 0x0308, 0x04DE},
    {0x0418, 0x0300, 0x040D}, {0x0418, 0x0304, 0x04E2}, {0x0418, 0x0306, 0x0419}, {0x0418, 0x0308, 0x04E4},
    {0x041A, 0x0301, 0x040C}, {0x041E, 0x0308, 0x04E6}, {0x0423, 0x0304, 0x04EE}, {0x0423, 0x0306, 0x040E},
    {0x0423, 0x0308, 0x04F0}, {0x0423, 0x030B, 0x04F2}, {0x0427, 0x0308, 0x04F4}, {0x042B, 0x0308, 0x04F8},
    {0x042D, 0x0308, 0x04EC}, {0x0430, 0x0306, 0x04D1}, {0x0430, 0x0308, 0x04D3}, {0x0433, 0x0301, 0x0453},
    {0x0435, 0x0300, 0x0450}, {0x0435, 0x0306, 0x04D7}, {0x0435, 0x0308, 0x0451}, {0x0436, 0x0306, 0x04C2},
    {0x0436, 0x0308, 0x04DD}, {0x0437, 0x0308, 0x04DF}, {0x0438, 0x0300, 0x045D}, {0x0438, 0x0304, 0x04E3},
    {0x0438, 0x0306, 0x0439}, {0x0438, 0x0308, 0x04E5}, {0x043A, 0x0301, 0x045C}, {0x043E, 0x0308, 0x04E7},
    {0x0443, 0x0304, 0x04EF}, {0x0443, 0x0306, 0x045E}, {0x0443, 0x0308, 0x04F1}, {0x0443, 0x030B, 0x04F3},
    {0x0447, 0x0308, 0x04F5}, {0x044B, 0x0308, 0x04F9}, {0x044D, 0x0308, 0x04ED}, {0x0456, 0x0308, 0x0457},
    {0x0474, 0x030F, 0x0476}, {0x0475, 0x030F, 0x0477}, {0x04D8, 0x0308, 0x04DA}, {0x04D9, 0x0308, 0x04DB},
    {0x04E8, 0x0308, 0x04EA}, {0x04E9, 0x0308, 0x04EB}, {0x1E36, 0x0304, 0x1E38}, {0x1E37, 0x0304, 0x1E39},
    {0x1E5A, 0x0304, 0x1E5C}, {0x1E5B, 0x0304, 0x1E5D}, {0x1E62, 0x0307, 0x1E68}, {0x1E63, 0x0307, 0x1E69},
    {0x1EA0, 0x0302, 0x1EAC}, {0x1EA0, 0x0306, 0x1EB6}, {0x1EA1, 0x0302, 0x1EAD}, {0x1EA1, 0x0306, 0x1EB7},
    {0x1EB8, 0x0302, 0x1EC6}, {0x1EB9, 0x0302, 0x1EC7}, {0x1ECC, 0x0302, 0x1ED8}, {0x1ECD, 0x0302, 0x1ED9},
    {0x1F00, 0x0300, 0x1F02}, {0x1F00, 0x0301, 0x1F04}, {0x1F00, 0x0342, 0x1F06}, {0x1F00, 0x0345, 0x1F80},
    {0x1F01, 0x0300, 0x1F03}, {0x1F01, 0x0301, 0x1F05}, {0x1F01, 0x0342, 0x1F07}, {0x1F01, 0x0345, 0x1F81},
    {0x1F02, 0x0345, 0x1F82}, {0x1F03, 0x0345, 0x1F83}, {0x1F04, 0x0345, 0x1F84}, {0x1F05, 0x0345, 0x1F85},
    {0x1F06, 0x0345, 0x1F86}, {0x1F07, 0x0345, 0x1F87}, {0x1F08, 0x0300, 0x1F0A}, {0x1F08, 0x0301, 0x1F0C},
    {0x1F08, 0x0342, 0x1F0E}, {0x1F08, 0x0345, 0x1F88}, {0x1F09, 0x0300, 0x1F0B}, {0x1F09, 0x0301, 0x1F0D},
    {0x1F09, 0x0342, 0x1F0F}, {0x1F09, 0x0345, 0x1F89}, {0x1F0A, 0x0345, 0x1F8A}, {0x1F0B, 0x0345, 0x1F8B},
    {0x1F0C, 0x0345, 0x1F8C}, {0x1F0D, 0x0345, 0x1F8D}, {0x1F0E, 0x0345, 0x1F8E}, {0x1F0F, 0x0345, 0x1F8F},
    {0x1F10, 0x0300, 0x1F12}, {0x1F10, 0x0301, 0x1F14}, {0x1F11, 0x0300, 0x1F13}, {0x1F11, 0x0301, 0x1F15},
    {0x1F18, 0x0300, 0x1F1A}, {0x1F18, 0x0301, 0x1F1C}, {0x1F19, 0x0300, 0x1F1B}, {0x1F19, 0x0301, 0x1F1D},
    {0x1F20, 0x0300, 0x1F22}, {0x1F20, 0x0301, 0x1F24}, {0x1F20, 0x0342, 0x1F26}, {0x1F20, 0x0345, 0x1F90},
    {0x1F21, 0x0300, 0x1F23}, {0x1F21, 0x0301, 0x1F25}, {0x1F21, 0x0342, 0x1F27}, {0x1F21, 0x0345, 0x1F91},
    {0x1F22, 0x0345, 0x1F92}, {0x1F23, 0x0345, 0x1F93}, {0x1F24, 0x0345, 0x1F94}, {0x1F25, 0x0345, 0x1F95},
    {0x1F26, 0x0345, 0x1F96}, {0x1F27, 0x0345, 0x1F97}, {0x1F28, 0x0300, 0x1F2A}, {0x1F28, 0x0301, 0x1F2C},
    {0x1F28, 0x0342, 0x1F2E}, {0x1F28, 0x0345, 0x1F98}, {0x1F29, 0x0300, 0x1F2B}, {0x1F29, 0x0301, 0x1F2D},
    {0x1F29, 0x0342, 0x1F2F}, {0x1F29, 0x0345, 0x1F99}, {0x1F2A, 0x0345, 0x1F9A}, {0x1F2B, 0x0345, 0x1F9B},
    {0x1F2C, 0x0345, 0x1F9C}, {0x1F2D, 0x0345, 0x1F9D}, {0x1F2E, 0x0345, 0x1F9E}, {0x1F2F, 0x0345, 0x1F9F},
    {0x1F30, 0x0300, 0x1F32}, {0x1F30, 0x0301, 0x1F34}, {0x1F30, 0x0342, 0x1F36}, {0x1F31, 0x0300, 0x1F33},
    {0x1F31, 0x0301, 0x1F35}, {0x1F31, 0x0342, 0x1F37}, {0x1F38, 0x0300, 0x1F3A}, {0x1F38, 0x0301, 0x1F3C},
    {0x1F38, 0x0342, 0x1F3E}, {0x1F39, 0x0300, 0x1F3B}, {0x1F39, 0x0301, 0x1F3D}, {0x1F39, 0x0342, 0x1F3F},
    {0x1F40, 0x0300, 0x1F42}, {0x1F40, 0x0301, 0x1F44}, {0x1F41, 0x0300, 0x1F43}, {0x1F41, 0x0301, 0x1F45},
    {0x1F48, 0x0300, 0x1F4A}, {0x1F48, 0x0301, 0x1F4C}, {0x1F49, 0x0300, 0x1F4B}, {0x1F49, 0x0301, 0x1F4D},
    {0x1F50, 0x0300, 0x1F52}, {0x1F50, 0x0301, 0x1F54}, {0x1F50, 0x0342, 0x1F56}, {0x1F51, 0x0300, 0x1F53},
    {0x1F51, 0x0301, 0x1F55}, {0x1F51, 0x0342, 0x1F57}, {0x1F59, 0x0300, 0x1F5B}, {0x1F59, 0x0301, 0x1F5D},
    {0x1F59, 0x0342, 0x1F5F}, {0x1F60, 0x0300, 0x1F62}, {0x1F60, 0x0301, 0x1F64}, {0x1F60, 0x0342, 0x1F66},
    {0x1F60, 0x0345, 0x1FA0}, {0x1F61, 0x0300, 0x1F63}, {0x1F61, 0x0301, 0x1F65}, {0x1F61, 0x0342, 0x1F67},
    {0x1F61, 0x0345, 0x1FA1}, {0x1F62, 0x0345, 0x1FA2}, {0x1F63, 0x0345, 0x1FA3}, {0x1F64, 0x0345, 0x1FA4},
    {0x1F65, 0x0345, 0x1FA5}, {0x1F66, 0x0345, 0x1FA6}, {0x1F67, 0x0345, 0x1FA7}, {0x1F68, 0x0300, 0x1F6A},
    {0x1F68, 0x0301, 0x1F6C}, {0x1F68, 0x0342, 0x1F6E}, {0x1F68, 0x0345, 0x1FA8}, {0x1F69, 0x0300, 0x1F6B},
    {0x1F69, 0x0301, 0x1F6D}, {0x1F69, 0x0342, 0x1F6F}, {0x1F69, 0x0345, 0x1FA9}, {0x1F6A, 0x0345, 0x1FAA},
    {0x1F6B, 0x0345, 0x1FAB}, {0x1F6C, 0x0345, 0x1FAC}, {0x1F6D, 0x0345, 0x1FAD}, {0x1F6E, 0x0345, 0x1FAE},
    {0x1F6F, 0x0345, 0x1FAF}, {0x1F70, 0x0345, 0x1FB2}, {0x1F74, 0x0345, 0x1FC2}, {0x1F7C, 0x0345, 0x1FF2},
    {0x1FB6, 0x0345, 0x1FB7}, {0x1FBF, 0x0300, 0x1FCD}, {0x1FBF, 0x0301, 0x1FCE}, {0x1FBF, 0x0342, 0x1FCF},
    {0x1FC6, 0x0345, 0x1FC7}, {0x1FF6, 0x0345, 0x1FF7}, {0x1FFE, 0x0300, 0x1FDD}, {0x1FFE, 0x0301, 0x1FDE},
    {0x1FFE, 0x0342, 0x1FDF},
};

uint32_t textnorm_compose(uint32_t base, uint32_t mark)
{
    size_t lo = 0, hi = sizeof comp_tab / sizeof comp_tab[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const uint32_t *r = comp_tab[mid];
        if (r[0] < base || (r[0] == base && r[1] < mark))
            lo = mid + 1;
        else if (r[0] == base && r[1] == mark)
            return r[2];
        else
            hi = mid;
    }
    return 0;
}

/* One code point at s[*i]: a well-formed UTF-8 sequence, else the byte
 * read as Windows-1252 (charset.h). */
static inline uint32_t get_cp(const unsigned char *s, size_t n, size_t *i)
{
    if (s[*i] < 0x80) /* most text: no call */
        return s[(*i)++];
    return charset_next(s, n, i, CHARSET_HOLES_FFFD);
}

static inline int is_space(uint32_t c)
{
    if (c > ' ' && c < 0x85) /* most text */
        return 0;
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x205F || c == 0x3000 || c == 0x85;
}

/* Not U+200C and U+200D (non-joiner, joiner): Persian and the Indic
 * scripts spell with them. */
static inline int is_dropped(uint32_t c)
{
    if (c >= 0x20 && c < 0x7F) /* most text */
        return 0;
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD || c == 0x200B || (c >= 0x200E && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF ||
           (c >= 0xD800 && c < 0xE000);
}

static int is_combining(uint32_t c)
{
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x489);
}

static int is_style(uint32_t c)
{
    return c >= 0x10 && c <= 0x13;
}

/* ---- typography ---------------------------------------------------------
 * Runs over text that is already normalised (well-formed UTF-8, single
 * spaces), as code points. Style codes 0x10..0x13 are zero-width: the
 * context of a quote looks through them. */

#define NBSP 0x00A0u
#define NNBSP 0x202Fu   /* narrow no-break space: French guillemets and ; : ! ? */

static int is_digit_cp(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Letters of the scripts textnorm composes, and of the CJK blocks. */
static int is_letter_cp(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (c < 0xC0)
        return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c <= 0x2AF)
        return c != 0xD7 && c != 0xF7;
    if (c >= 0x370 && c <= 0x52F)
        return c != 0x37E && c != 0x387 && !(c >= 0x482 && c <= 0x489);
    return (c >= 0x1E00 && c <= 0x1FFF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7AF);
}

static int is_alnum_cp(uint32_t c)
{
    return is_digit_cp(c) || is_letter_cp(c);
}

static int is_gap_cp(uint32_t c)
{
    return c == ' ' || c == NBSP || c == NNBSP;
}

static int is_open_quote(uint32_t c)
{
    return c == 0x201C || c == 0x2018 || c == 0x201E || c == 0x201A || c == 0xAB || c == 0x2039 ||
           c == 0x300C || c == 0x300E;
}

/* A quote after prev opens: at the start, after a space, an opening bracket,
 * a dash, a slash or another opening quote. */
static int opens_after(uint32_t prev)
{
    return prev == 0 || is_gap_cp(prev) || prev == '(' || prev == '[' || prev == '{' || prev == 0x2014 ||
           prev == 0x2013 || prev == '-' || prev == '/' || is_open_quote(prev);
}

typedef struct {
    uint32_t open[2], close[2]; /* primary and secondary quotes */
    int french;                 /* narrow no-break spaces inside guillemets, before ; : ! ? */
    int alternate;              /* no spaces around words: quotes open and close in turn */
} quotes_t;

static quotes_t quotes_for(const char *lang)
{
    quotes_t q = { { 0x201C, 0x2018 }, { 0x201D, 0x2019 }, 0, 0 };
    char ll[4] = "", rr[4] = "";
    size_t k = 0;
    const char *p = lang ? lang : "";
    while (*p && *p != '-' && *p != '_' && k < 3)
        ll[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p), p++;
    ll[k] = '\0';
    if (*p == '-' || *p == '_') {
        p++;
        for (k = 0; p[k] && p[k] != '-' && p[k] != '_' && k < 3; k++)
            rr[k] = (char)(p[k] >= 'a' && p[k] <= 'z' ? p[k] - 32 : p[k]);
        rr[k] = '\0';
    }
    if (!strcmp(ll, "de") && !strcmp(rr, "CH")) {
        q = (quotes_t){ { 0xAB, 0x2039 }, { 0xBB, 0x203A }, 0, 0 };
    } else if (!strcmp(ll, "de") || !strcmp(ll, "cs") || !strcmp(ll, "sk")) {
        q = (quotes_t){ { 0x201E, 0x201A }, { 0x201C, 0x2018 }, 0, 0 };
    } else if (!strcmp(ll, "fr")) {
        q = (quotes_t){ { 0xAB, 0x201C }, { 0xBB, 0x201D }, 1, 0 };
    } else if (!strcmp(ll, "ru") || !strcmp(ll, "uk") || !strcmp(ll, "be")) {
        q = (quotes_t){ { 0xAB, 0x201E }, { 0xBB, 0x201C }, 0, 0 };
    } else if (!strcmp(ll, "he")) {
        /* right to left: „…” as Hebrew print sets them */
        q = (quotes_t){ { 0x201E, 0x201A }, { 0x201D, 0x2019 }, 0, 0 };
    } else if (!strcmp(ll, "ar") || !strcmp(ll, "fa") || !strcmp(ll, "ur")) {
        /* guillemets, which the device mirrors in right-to-left text */
        q = (quotes_t){ { 0xAB, 0x201C }, { 0xBB, 0x201D }, 0, 0 };
    } else if (!strcmp(ll, "ja")) {
        q = (quotes_t){ { 0x300C, 0x300E }, { 0x300D, 0x300F }, 0, 1 };
    } else if (!strcmp(ll, "zh")) {
        q.alternate = 1;
    }
    return q;
}

/* Elisions that start with an apostrophe: 'em, rock 'n' roll, 'til... */
static int elision_at(const uint32_t *c, size_t n, size_t i)
{
    static const char *const words[] = { "em", "n", "til", "tis", "twas", "cause", "cos", "bout", "nuff",
                                         "ere", "ello", "ow", "appen", "un", "s" };
    size_t e = i;
    while (e < n && is_letter_cp(c[e]) && c[e] < 0x80)
        e++;
    if (e == i || (e < n && is_alnum_cp(c[e])))
        return 0;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        size_t len = strlen(words[w]);
        if (len != e - i)
            continue;
        size_t k = 0;
        while (k < len && (c[i + k] | 0x20) == (uint32_t)words[w][k])
            k++;
        if (k == len) {
            /* "s" only as 's before a space after a word ending in s: no;
             * 'n' only when an apostrophe follows */
            if (!strcmp(words[w], "n"))
                return e < n && (c[e] == '\'' || c[e] == 0x2019);
            if (!strcmp(words[w], "s"))
                return 0;
            return 1;
        }
    }
    return 0;
}

static int is_straight(uint32_t c)
{
    return c == '"' || c == '\'';
}

/* The signs protect_code's tests look at in a token. */
static inline int code_sign(uint32_t x)
{
    switch (x) {
    case ':': case '@': case '.': case '{': case '}': case '`': case '=': case '\\': case '[': case '"':
    case '\'': case '(':
        return 1;
    default:
        return 0;
    }
}

/* Marks prot[i] for code points that belong to an address or to code: a
 * token (run between spaces) with "://", a leading "www.", an e-mail address,
 * backticks (but for one opening a word, a typed quote), a quote after '='
 * or a backslash, a subscript ['k'],
 * a call such as f("x"), or braces. A quote such a token opens keeps the
 * text up to its partner. Returns the number of code points marked. */
static size_t protect_code(const uint32_t *c, size_t n, char *prot)
{
    size_t marked = 0;
    for (size_t t = 0; t < n;) {
        if (is_gap_cp(c[t]) || c[t] < 0x20) {
            t++;
            continue;
        }
        size_t e = t;
        int signs = 0;
        while (e < n && !is_gap_cp(c[e]) && !(c[e] < 0x20 && !(c[e] >= 0x10 && c[e] <= 0x13)))
            signs |= code_sign(c[e++]);
        if (!signs) {
            /* no test below can pass without one of those signs ("www."
             * has its dot): nothing of the token is marked */
            t = e;
            continue;
        }
        int url = 0, code = 0, at = 0, dot_after_at = 0, sub_open = 0, ticks = 0;
        size_t a0 = t;
        while (a0 < e && !is_alnum_cp(c[a0]))
            a0++;
        if (e - a0 > 4 && (c[a0] | 0x20) == 'w' && (c[a0 + 1] | 0x20) == 'w' && (c[a0 + 2] | 0x20) == 'w' &&
            c[a0 + 3] == '.')
            url = 1;
        for (size_t i = t; i < e; i++) {
            if (!code_sign(c[i]))
                continue; /* a letter or a digit, most of a token: no test below takes it */
            uint32_t x = c[i], nx = i + 1 < e ? c[i + 1] : 0;
            if (x == ':' && nx == '/' && i + 2 < e && c[i + 2] == '/')
                url = 1;
            if (x == '@' && i > a0 && is_alnum_cp(c[i - 1]) && is_alnum_cp(nx))
                at = 1;
            if (x == '.' && at && is_alnum_cp(nx))
                dot_after_at = 1;
            if (x == '{' || x == '}')
                code = 1;
            /* `x` is code; a lone ` before a word is a typed opening quote */
            if (x == '`')
                ticks++, code |= !(i == a0 - 1 || i == t) || !is_letter_cp(nx);
            if ((x == '=' || x == '\\') && is_straight(nx))
                code = 1;
            if (x == '[' && is_straight(nx))
                sub_open = 1;
            if (is_straight(x) && nx == ']' && sub_open)
                code = 1; /* a['k'] */
            if (x == '(' && i > t && (is_alnum_cp(c[i - 1]) || c[i - 1] == '_') && is_straight(nx))
                code = 1;
        }
        if (at && dot_after_at)
            url = 1;
        if (ticks > 1)
            code = 1;
        if (ticks & 1) {
            /* `make 'x'`: the partner further on makes it code */
            size_t j = e;
            while (j < n && c[j] != '`' && !(c[j] >= 0x01 && c[j] <= 0x09))
                j++;
            if (j < n && c[j] == '`')
                code = 1;
        }
        if (url && !code) {
            /* the address only: the brackets and quotes around it stay prose */
            size_t z = e;
            while (z > a0 && (c[z - 1] == '.' || c[z - 1] == ',' || c[z - 1] == ';' || c[z - 1] == ':' ||
                              c[z - 1] == '!' || c[z - 1] == '?' || c[z - 1] == ')' || c[z - 1] == ']' ||
                              is_straight(c[z - 1]) || c[z - 1] == 0x201D || c[z - 1] == 0x2019))
                z--;
            for (size_t i = a0; i < z; i++)
                prot[i] = 1, marked++;
        } else if (code) {
            for (size_t i = t; i < e; i++)
                prot[i] = 1, marked++;
            /* a string the token opens runs to its partner */
            for (int qi = 0; qi < 3; qi++) {
                uint32_t q = qi == 2 ? '`' : qi ? '\'' : '"';
                size_t cnt = 0;
                for (size_t i = t; i < e; i++)
                    cnt += c[i] == q;
                if (!(cnt & 1))
                    continue;
                size_t j = e;
                while (j < n && c[j] != q && !(c[j] >= 0x01 && c[j] <= 0x09))
                    j++;
                if (j < n && c[j] == q) {
                    while (j < n && !is_gap_cp(c[j]))
                        j++;
                    for (size_t i = e; i < j; i++)
                        marked += !prot[i], prot[i] = 1;
                    e = j;
                }
            }
        }
        t = e;
    }
    return marked;
}

size_t textnorm_straight_quotes(const char *str, size_t n, size_t *in_code)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t *c = calloc(n + 1, sizeof *c);
    char *prot = calloc(n + 1, 1);
    size_t m = 0, total = 0, code = 0;
    if (!c || !prot) {
        free(c);
        free(prot);
        if (in_code)
            *in_code = 0;
        return 0;
    }
    for (size_t i = 0; i < n;) {
        uint32_t x = get_cp(s, n, &i);
        if (x == 0x14)
            x = ' '; /* the packer's no-break space */
        else if (x >= 0x15 && x <= 0x17)
            continue;
        c[m++] = x;
    }
    protect_code(c, m, prot);
    for (size_t i = 0; i < m; i++)
        if (is_straight(c[i])) {
            total++;
            code += prot[i] != 0;
        }
    free(c);
    free(prot);
    if (in_code)
        *in_code = code;
    return total;
}

typedef struct {
    uint32_t *v;
    size_t n;
} cpbuf_t;

static void put(cpbuf_t *o, uint32_t c)
{
    o->v[o->n++] = c;
}

/* The last code point written that is not a style code, or 0. */
static uint32_t last_vis(const cpbuf_t *o)
{
    for (size_t k = o->n; k > 0; k--)
        if (!(o->v[k - 1] >= 0x10 && o->v[k - 1] <= 0x13))
            return o->v[k - 1];
    return 0;
}

/* Index of the last code point written that is not a style code, or n. */
static size_t last_vis_at(const cpbuf_t *o)
{
    for (size_t k = o->n; k > 0; k--)
        if (!(o->v[k - 1] >= 0x10 && o->v[k - 1] <= 0x13))
            return k - 1;
    return o->n;
}

static uint32_t next_vis(const uint32_t *c, size_t n, size_t i)
{
    while (i < n && c[i] >= 0x10 && c[i] <= 0x13)
        i++;
    return i < n ? c[i] : 0;
}

/* French: a narrow no-break space before the mark about to be written, in
 * place of a space there or added after a word. */
static void thin_before(cpbuf_t *o)
{
    size_t k = last_vis_at(o);
    if (k == o->n)
        return;
    uint32_t p = o->v[k];
    if (p == ' ' || p == NBSP) {
        o->v[k] = NNBSP;
    } else if (p != NNBSP) {
        put(o, NNBSP);
    }
}

/* A number range such as 2004-05 or 10-15: 1 to 4 digits either side of
 * the hyphen at i, standing alone. */
static int number_range(const uint32_t *c, size_t n, size_t i)
{
    size_t a = i, b = i + 1;
    while (a > 0 && is_digit_cp(c[a - 1]))
        a--;
    while (b < n && is_digit_cp(c[b]))
        b++;
    if (a == i || b == i + 1 || i - a > 4 || b - i - 1 > 4)
        return 0;
    if (a > 0 && !(is_gap_cp(c[a - 1]) || c[a - 1] == '(' || c[a - 1] == '[' || is_open_quote(c[a - 1]) ||
                   (c[a - 1] >= 0x10 && c[a - 1] <= 0x13)))
        return 0;
    if (b < n) {
        uint32_t x = c[b];
        if (x == '.' || x == ',' || x == ':')
            return b + 1 >= n || !is_digit_cp(c[b + 1]);
        return is_gap_cp(x) || x == ')' || x == ']' || x == ';' || x == '!' || x == '?' || x == 0x201D ||
               x == 0x2019 || x == '"' || x == '\'' || (x >= 0x10 && x <= 0x13);
    }
    return 1;
}

#define QSTACK 16

static char *typo_pass(const char *str, size_t len, unsigned flags, const char *lang, size_t *outlen)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t *c = calloc(len + 1, sizeof *c); /* zeroed: gcc cannot see the loop below fill it */
    char *prot = calloc(len + 1, 1);
    cpbuf_t o = { malloc((2 * len + 1) * sizeof(uint32_t)), 0 };
    char *out = NULL;
    if (!c || !prot || !o.v)
        goto done;
    size_t n = 0;
    for (size_t i = 0; i < len;)
        c[n++] = get_cp(s, len, &i);
    protect_code(c, n, prot);
    quotes_t q = quotes_for(lang);
    int french = (flags & TN_TYPO) && q.french;
    struct {
        uint32_t ch;
        int level;
    } st[QSTACK];
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t x = c[i];
        if (prot[i]) {
            put(&o, x);
            continue;
        }
        if (!(x == '"' || x == '`' || x == '\'' || x == '.' || x == '-' ||
              (french && (x == 0xAB || x == 0xBB || x == ';' || x == '!' || x == '?' || x == ':')))) {
            put(&o, x); /* no branch below takes it: most text */
            continue;
        }
        uint32_t p = last_vis(&o), nx = next_vis(c, n, i + 1);
        if ((flags & TN_TYPO) && x == '"') {
            int open_here = -1;
            for (int d = depth - 1; d >= 0; d--)
                if (st[d].ch == '"') {
                    open_here = d;
                    break;
                }
            /* 5'11" and 12" (no quote open): an inch mark */
            size_t r = o.n;
            while (r > 0 && is_digit_cp(o.v[r - 1]))
                r--;
            if (is_digit_cp(p) && (open_here < 0 || (r > 0 && r < o.n && o.v[r - 1] == 0x2032))) {
                put(&o, 0x2033);
                continue;
            }
            int opening;
            if (q.alternate)
                opening = open_here < 0;
            else if (opens_after(p))
                opening = !(nx == 0 || is_gap_cp(nx)) || open_here < 0;
            else
                opening = 0;
            if (opening) {
                int level = depth > 0 && st[depth - 1].ch == '"' ? 1 : 0;
                if (depth < QSTACK) {
                    st[depth].ch = '"';
                    st[depth].level = level;
                    depth++;
                }
                put(&o, q.open[level]);
                if (q.french && level == 0) {
                    put(&o, NNBSP);
                    if (i + 1 < n && is_gap_cp(c[i + 1]))
                        i++;
                }
            } else {
                int level = 0;
                if (open_here >= 0) {
                    level = st[open_here].level;
                    depth = open_here;
                }
                if (q.french && level == 0)
                    thin_before(&o);
                put(&o, q.close[level]);
            }
            continue;
        }
        if ((flags & TN_TYPO) && x == '`' && is_letter_cp(nx) && opens_after(p)) {
            /* `word': a typewriter's opening quote */
            int level = depth > 0 && st[depth - 1].ch == '\'' ? 0 : 1;
            if (depth < QSTACK) {
                st[depth].ch = '\'';
                st[depth].level = level;
                depth++;
            }
            put(&o, q.open[level]);
            if (q.french && level == 0)
                put(&o, NNBSP);
            continue;
        }
        if ((flags & TN_TYPO) && x == '\'') {
            int open_here = -1;
            for (int d = depth - 1; d >= 0; d--)
                if (st[d].ch == '\'') {
                    open_here = d;
                    break;
                }
            uint32_t out_cp = 0x2019; /* an apostrophe unless it quotes */
            if (is_alnum_cp(p) && is_letter_cp(nx)) {
                out_cp = 0x2019;                    /* it's, O'Brien, rock'n'roll */
            } else if (is_digit_cp(p) && (is_digit_cp(nx) || open_here < 0)) {
                out_cp = 0x2032;                    /* 5'11", a 6' wall: feet */
            } else if (q.alternate ? open_here < 0 && !is_alnum_cp(p) : opens_after(p)) {
                size_t j = i + 1;
                while (j < n && c[j] >= 0x10 && c[j] <= 0x13)
                    j++;
                size_t d = j;
                while (d < n && is_digit_cp(c[d]))
                    d++;
                if (d - j == 2 && (d == n || !is_digit_cp(c[d]))) {
                    out_cp = 0x2019;                /* '90s, '05 */
                } else if (elision_at(c, n, j)) {
                    out_cp = 0x2019;                /* 'em, 'n', 'til */
                } else if (nx == 0 || is_gap_cp(nx)) {
                    out_cp = 0x2019;                /* alone: an apostrophe */
                } else {
                    int level = depth > 0 && st[depth - 1].ch == '\'' ? 0 : 1;
                    if (depth < QSTACK) {
                        st[depth].ch = '\'';
                        st[depth].level = level;
                        depth++;
                    }
                    out_cp = q.open[level];
                    put(&o, out_cp);
                    if (q.french && level == 0) {
                        put(&o, NNBSP);
                        if (i + 1 < n && is_gap_cp(c[i + 1]))
                            i++;
                    }
                    continue;
                }
            } else if (open_here >= 0) {
                int level = st[open_here].level;
                depth = open_here;
                if (q.french && level == 0)
                    thin_before(&o);
                out_cp = q.close[level];
            }
            put(&o, out_cp);
            continue;
        }
        if ((flags & TN_TYPO) && x == '.' && i + 2 < n && c[i + 1] == '.' && c[i + 2] == '.' && !prot[i + 2]) {
            put(&o, 0x2026);
            i += 2;
            continue;
        }
        if ((flags & TN_TYPO) && x == '.' && i + 4 < n && c[i + 1] == ' ' && c[i + 2] == '.' &&
            c[i + 3] == ' ' && c[i + 4] == '.' && !prot[i + 4]) {
            put(&o, 0x2026);
            i += 4;
            continue;
        }
        if ((flags & TN_DASH) && x == '-') {
            if (i + 1 < n && c[i + 1] == '-' && !prot[i + 1]) {
                while (i + 1 < n && c[i + 1] == '-')
                    i++;
                put(&o, 0x2014);
                continue;
            }
            if (p == ' ' && (i + 1 == n || c[i + 1] == ' ')) {
                put(&o, 0x2013);
                continue;
            }
            if (is_digit_cp(p) && is_digit_cp(nx) && i > 0 && is_digit_cp(c[i - 1]) && number_range(c, n, i)) {
                put(&o, 0x2013);
                continue;
            }
        }
        if ((flags & TN_TYPO) && q.french) {
            if (x == 0xAB) {
                put(&o, x);
                put(&o, NNBSP);
                if (i + 1 < n && (is_gap_cp(c[i + 1])))
                    i++;
                continue;
            }
            if (x == 0xBB) {
                thin_before(&o);
                put(&o, x);
                continue;
            }
            if (x == ';' || x == '!' || x == '?' || x == ':') {
                int after_word = is_letter_cp(p) || p == 0xBB || p == 0x201D || p == 0x2019 || p == ')';
                int ends = nx == 0 || is_gap_cp(nx) || nx == 0xBB || nx == '!' || nx == '?' || nx == ')' ||
                           nx == '"';
                if ((p == ' ' || p == NBSP) || (after_word && ends)) {
                    thin_before(&o);
                    put(&o, x);
                    continue;
                }
            }
        }
        put(&o, x);
    }
    out = malloc(4 * o.n + 1);
    if (!out)
        goto done;
    size_t k = 0;
    for (size_t i = 0; i < o.n; i++)
        k += textnorm_put_utf8(out + k, o.v[i]);
    out[k] = '\0';
    *outlen = k;
    /* sized for four bytes a character: give back what the text did not take
     * (the article keeps this buffer, a block of a 50 MB page too) */
    char *fit = realloc(out, k + 1);
    if (fit)
        out = fit;
done:
    free(c);
    free(prot);
    free(o.v);
    return out;
}

/* Whether typo_pass can change s[0..n) (well-formed UTF-8): only at a
 * quote, a backtick, a hyphen or two dots (an ellipsis), or, in French,
 * wherever a narrow no-break space may go; most lines have none of these
 * but for the French ones, and pass as they are. */
static int typo_may_change(const char *s, size_t n, unsigned flags, const char *lang)
{
    if ((flags & TN_TYPO) && quotes_for(lang).french)
        return 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if ((flags & TN_DASH) && c == '-')
            return 1;
        if ((flags & TN_TYPO) &&
            (c == '"' || c == '\'' || c == '`' ||
             (c == '.' && i + 1 < n && (s[i + 1] == '.' || (s[i + 1] == ' ' && i + 2 < n && s[i + 2] == '.')))))
            return 1;
    }
    return 0;
}

typedef struct {
    char *o;
    size_t k;
    size_t last_at;    /* where the last code point written starts */
    uint32_t last;     /* last code point written (0 at the start) */
} outbuf_t;

static void emit(outbuf_t *b, uint32_t cp)
{
    b->last_at = b->k;
    b->k += textnorm_put_utf8(b->o + b->k, cp);
    b->last = cp;
}

/* No-break spaces: U+00A0, the figure space U+2007 and the narrow U+202F. */
static int is_nbsp(uint32_t c)
{
    return c == 0xA0 || c == 0x2007 || c == 0x202F;
}

/* Takes off no-break spaces (and a space before them) after the last word,
 * before the style codes that close the text ("Crime?&nbsp;", a line of
 * &nbsp; alone becomes empty and its block goes). */
static void trim_nbsp_end(outbuf_t *b)
{
    const unsigned char *o = (const unsigned char *)b->o;
    for (;;) {
        size_t e = b->k;
        while (e && (o[e - 1] == 0x11 || o[e - 1] == 0x13))
            e--;
        size_t r = e;
        for (;;) {
            if (r >= 2 && o[r - 2] == 0xC2 && o[r - 1] == 0xA0)
                r -= 2;
            else if (r >= 3 && o[r - 3] == 0xE2 && o[r - 2] == 0x80 && (o[r - 1] == 0x87 || o[r - 1] == 0xAF))
                r -= 3;
            else if (r >= 1 && o[r - 1] == ' ')
                r--;
            else
                break;
        }
        if (r == e)
            return;
        memmove(b->o + r, b->o + e, b->k - e);
        b->k -= e - r;
        /* a style that held only those spaces goes with them, and a space
         * before it is then at the end */
        while (b->k >= 2 && (o[b->k - 1] == 0x11 || o[b->k - 1] == 0x13) && o[b->k - 2] == o[b->k - 1] - 1)
            b->k -= 2;
    }
}

/* The letters with a nukta that NFC writes as the letter and the sign
 * (composition exclusions of Devanagari, Bengali, Gurmukhi and Oriya:
 * U+09DF is U+09AF U+09BC), each with its base. */
static const uint16_t nukta_tab[][2] = {
    {0x0958, 0x0915}, {0x0959, 0x0916}, {0x095A, 0x0917}, {0x095B, 0x091C}, {0x095C, 0x0921}, {0x095D, 0x0922},
    {0x095E, 0x092B}, {0x095F, 0x092F}, {0x09DC, 0x09A1}, {0x09DD, 0x09A2}, {0x09DF, 0x09AF}, {0x0A33, 0x0A32},
    {0x0A36, 0x0A38}, {0x0A59, 0x0A16}, {0x0A5A, 0x0A17}, {0x0A5B, 0x0A1C}, {0x0A5E, 0x0A2B}, {0x0B5C, 0x0B21},
    {0x0B5D, 0x0B22},
};

/* The letter of cp when cp is a letter with a nukta that NFC excludes
 * (nukta_tab), else 0. */
static uint32_t nukta_base(uint32_t cp)
{
    if (cp >= 0x0958 && cp <= 0x0B5D)
        for (size_t i = 0; i < sizeof nukta_tab / sizeof nukta_tab[0]; i++)
            if (nukta_tab[i][0] == cp)
                return nukta_tab[i][1];
    return 0;
}

/* emit, in NFC: a letter with a nukta as its letter and the sign (the
 * sign is U+093C, U+09BC, U+0A3C or U+0B3C: its block's 0x3C). */
static void emit_nfc(outbuf_t *b, uint32_t cp)
{
    uint32_t base = nukta_base(cp);
    if (base) {
        emit(b, base);
        emit(b, (cp & ~0x7Fu) | 0x3C);
        return;
    }
    emit(b, cp);
}

char *textnorm_lang(const char *str, size_t n, unsigned flags, const char *lang, size_t *outlen)
{
    const unsigned char *s = (const unsigned char *)str;
    /* Worst case growth: a one-byte quote becomes three bytes. */
    char *o = malloc(3 * n + 1);
    if (!o)
        return NULL;
    outbuf_t b = { o, 0, 0, 0 };
    int space = 0;
    uint32_t prev_vis = 0;    /* last visible code point, style codes aside */
    size_t i = 0;
    while (i < n) {
        if (s[i] > ' ' && s[i] < 0x7F && !space) {
            /* most text: a run of printable ASCII with no space pending,
             * each character written as emit_nfc below would */
            size_t j = i;
            do
                b.o[b.k++] = (char)s[j++];
            while (j < n && s[j] > ' ' && s[j] < 0x7F);
            b.last_at = b.k - 1;
            b.last = prev_vis = s[j - 1];
            i = j;
            continue;
        }
        uint32_t c = get_cp(s, n, &i);
        if (is_space(c)) {
            space = 1;
            continue;
        }
        if ((flags & TN_STYLE) && is_style(c)) {
            /* an "off" right after its "on" cancels both */
            if (b.k && (c == 0x11 || c == 0x13) && b.last == c - 1) {
                b.k = b.last_at;
                b.last = 0; /* nothing composes across the cancelled pair */
                if (b.k && b.o[b.k - 1] == ' ') {
                    /* the space written for the "on" code is pending again */
                    b.k--;
                    space = 1;
                }
                continue;
            }
            if (space && prev_vis && (c == 0x10 || c == 0x12)) {
                /* a space before an "on" code goes outside the style */
                emit(&b, ' ');
                space = 0;
            }
            emit(&b, c);
            continue;
        }
        if (is_dropped(c))
            continue;
        /* a no-break space holds two words together; before the first it
         * holds nothing (a "<p>&nbsp;</p>" spacer, an indent) */
        if (is_nbsp(c) && !prev_vis)
            continue;
        if (is_combining(c) && !space && b.last) {
            uint32_t pc = textnorm_compose(b.last, c);
            if (pc) {
                b.k = b.last_at;
                emit(&b, pc);
                prev_vis = pc;
                continue;
            }
        }
        if (space && prev_vis) {
            /* a space after "on" codes goes before them, outside the style */
            size_t r = b.k;
            while (r > 0 && (b.o[r - 1] == 0x10 || b.o[r - 1] == 0x12))
                r--;
            if (r < b.k) {
                memmove(b.o + r + 1, b.o + r, b.k - r);
                b.o[r] = ' ';
                b.k++;
                b.last_at = b.k - 1;
            } else {
                emit(&b, ' ');
            }
            prev_vis = ' ';
        }
        space = 0;
        emit_nfc(&b, c);
        prev_vis = b.last;
    }
    trim_nbsp_end(&b);
    /* trailing style codes close at the end: drop a trailing space before them */
    if (flags & TN_STYLE) {
        /* remove "on" codes left dangling at the end */
        while (b.k && (b.o[b.k - 1] == 0x10 || b.o[b.k - 1] == 0x12))
            b.k--;
    }
    b.o[b.k] = '\0';
    if ((flags & (TN_TYPO | TN_DASH)) && typo_may_change(b.o, b.k, flags, lang)) {
        char *t = typo_pass(b.o, b.k, flags, lang, &b.k);
        free(b.o);
        if (!t)
            return NULL;
        b.o = t;
    } else if (flags & (TN_TYPO | TN_DASH)) {
        /* as typo_pass would: the buffer fits the text */
        char *fit = realloc(b.o, b.k + 1);
        if (fit)
            b.o = fit;
    }
    if (outlen)
        *outlen = b.k;
    return b.o;
}

char *textnorm(const char *s, size_t n, unsigned flags, size_t *outlen)
{
    return textnorm_lang(s, n, flags, NULL, outlen);
}

/* ---- the article's language, when its page does not say ---------------- */

/* Function words; a language whose tag starts with '-' only competes, so
 * that Italian, Portuguese, Dutch or Latin text is not taken for one of the
 * languages the typography knows (the guess is then NULL). */
static const char *const lang_words[][16] = {
    { "en", "the", "and", "of", "to", "is", "that", "was", "for", "with", "said", "have", "are", "this", "from", "by" },
    { "de", "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "sich", "auch", "ein", "eine", "dem", "wird" },
    { "fr", "le", "les", "et", "des", "est", "une", "dans", "pour", "qui", "du", "pas", "sur", "au", "sont", "avec" },
    { "es", "el", "los", "las", "y", "del", "por", "una", "con", "para", "se", "es", "como", "pero", "fue", "sus" },
    { "-it", "il", "di", "che", "non", "della", "per", "sono", "gli", "nel", "alla", "anche", "questo", "delle", "dei", "lo" },
    { "-pt", "um", "uma", "com", "os", "do", "da", "em", "mais", "pelo", "pela", "ao", "foi", "seu", "sua", "nos" },
    { "-nl", "het", "een", "van", "niet", "zijn", "ook", "voor", "dat", "op", "aan", "wordt", "bij", "naar", "heeft", "deze" },
    { "-la", "ut", "enim", "sed", "quis", "nisi", "ad", "dolor", "ipsum", "amet", "aut", "atque", "quod", "sunt", "esse", "non" },
};
#define NLANG_WORDS (sizeof lang_words / sizeof lang_words[0])

int textnorm_cyrillic_letter(uint32_t c)
{
    if (c >= 0x400 && c <= 0x40F)
        c += 0x50; /* Ѐ..Џ -> ѐ..џ */
    else if (c >= 0x410 && c <= 0x42F)
        c += 0x20;
    else if (c == 0x490)
        c = 0x491;
    if (c == 0x456 || c == 0x457 || c == 0x454 || c == 0x491)
        return 1;
    if (c == 0x45E)
        return 2;
    if (c == 0x44B || c == 0x44D || c == 0x451)
        return 3;
    if (c == 0x438 || c == 0x449 || c == 0x44A)
        return 4;
    return 0;
}

const char *textnorm_cyrillic_lang(const size_t n[5])
{
    if (n[2] && n[2] + n[1] > n[4])
        return "be";
    if (n[1] > n[3])
        return "uk";
    return "ru";
}

const char *textnorm_guess_lang(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t hits[NLANG_WORDS] = { 0 }, latin = 0, cyr = 0, kana = 0, han = 0, hebr = 0, arab = 0, farsi = 0;
    size_t cyrl[5] = { 0 };
    char w[16];
    size_t wl = 0;
    /* the lengths of the function words by their first letter (bit l:
     * one of l letters): most words of a text are not looked up at all */
    uint16_t lens_by_first[256] = { 0 };
    for (size_t l = 0; l < NLANG_WORDS; l++)
        for (size_t k = 1; k < 16; k++) {
            const char *fw = lang_words[l][k];
            size_t fl = strlen(fw);
            if (fl < 16)
                lens_by_first[(unsigned char)fw[0]] |= (uint16_t)(1u << fl);
        }
    for (size_t i = 0; i <= n;) {
        uint32_t c = i < n ? get_cp(s, n, &i) : (i++, 0);
        if (c >= 0x400 && c <= 0x4FF) {
            cyr++;
            cyrl[textnorm_cyrillic_letter(c)]++;
        } else if (c >= 0x3040 && c <= 0x30FF)
            kana++;
        else if (c >= 0x4E00 && c <= 0x9FFF)
            han++;
        else if (c >= 0x5D0 && c <= 0x5EA)
            hebr++;
        else if (c >= 0x620 && c <= 0x6FF) {
            arab++;
            /* letters Persian has and Arabic lacks: pe, che, zhe, gaf, keheh, farsi yeh */
            farsi += c == 0x67E || c == 0x686 || c == 0x698 || c == 0x6AF || c == 0x6A9 || c == 0x6CC;
        }
        if (c < 0x80 && is_letter_cp(c)) {
            latin++;
            if (wl < sizeof w - 1)
                w[wl++] = (char)(c | 0x20);
            else
                wl = sizeof w; /* too long for a function word */
            continue;
        }
        if (is_letter_cp(c) && c < 0x250) { /* accented Latin: part of a word, never a function word */
            latin++;
            wl = sizeof w;
            continue;
        }
        if (wl && wl < sizeof w && (lens_by_first[(unsigned char)w[0]] >> wl & 1)) {
            w[wl] = '\0';
            for (size_t l = 0; l < NLANG_WORDS; l++)
                for (size_t k = 1; k < 16; k++)
                    if (lang_words[l][k][0] == w[0] && !strcmp(w, lang_words[l][k]))
                        hits[l]++;
        }
        wl = 0;
    }
    size_t letters = latin + cyr + kana + han + hebr + arab;
    if (letters < 20)
        return NULL;
    if (hebr * 2 > letters)
        return "he";
    if (arab * 2 > letters)
        return farsi * 50 > arab ? "fa" : "ar";
    if (kana * 20 > letters)
        return "ja";
    if (han * 2 > letters)
        return "zh";
    if (cyr * 2 > letters)
        return textnorm_cyrillic_lang(cyrl);
    size_t best = 0, second = 0, bi = 0;
    for (size_t l = 0; l < NLANG_WORDS; l++) {
        if (hits[l] > best) {
            second = best;
            best = hits[l];
            bi = l;
        } else if (hits[l] > second) {
            second = hits[l];
        }
    }
    if (best < 3 || best < 2 * second || lang_words[bi][0][0] == '-')
        return NULL;
    return lang_words[bi][0];
}

static int norm_field(char **f, unsigned flags, const char *lang)
{
    if (!*f)
        return 0;
    size_t k;
    char *t = textnorm_lang(*f, strlen(*f), flags, lang, &k);
    if (!t)
        return -1;
    free(*f);
    *f = t;
    return 0;
}

int textnorm_article(article_t *a)
{
    if (!a->lang) {
        /* the body's first few thousand bytes say which language it is */
        char buf[4096];
        size_t k = 0;
        for (size_t i = 0; i < a->nblocks && k + 1 < sizeof buf; i++) {
            size_t l = strlen(a->blocks[i].text);
            if (l > sizeof buf - 1 - k)
                l = sizeof buf - 1 - k;
            memcpy(buf + k, a->blocks[i].text, l);
            k += l;
            buf[k++] = ' ';
        }
        const char *g = textnorm_guess_lang(buf, k);
        if (g && !(a->lang = strdup(g)))
            return -1;
    }
    const char *lang = a->lang;
    if (norm_field(&a->title, TN_TYPO | TN_DASH, lang) || norm_field(&a->byline, TN_TYPO | TN_DASH, lang) ||
        norm_field(&a->source, TN_TYPO | TN_DASH, lang))
        return -1;
    size_t keep = 0;
    for (size_t i = 0; i < a->nblocks; i++) {
        if (norm_field(&a->blocks[i].text, TN_TYPO | TN_DASH | TN_STYLE, lang))
            return -1;
        if (a->blocks[i].credit && norm_field(&a->blocks[i].credit, TN_TYPO | TN_DASH, lang))
            return -1;
        if (a->blocks[i].text[0] || a->blocks[i].kind == ARTICLE_BLOCK_PIC) /* a picture without a caption stays */
            a->blocks[keep++] = a->blocks[i];
        else
            article_block_clear(&a->blocks[i]);
    }
    a->nblocks = keep;
    return 0;
}

/* ---- spaces that must not break ----------------------------------------- */

/* Does the token c[a..b) equal one of the words (UTF-8), after a trailing
 * full stop, comma or closing bracket is taken off? */
static int token_is(const uint32_t *c, size_t a, size_t b, const char *const *words, size_t nw, int fold)
{
    while (b > a && (c[b - 1] == ',' || c[b - 1] == ';' || c[b - 1] == ')' || c[b - 1] == 0x201D ||
                     c[b - 1] == 0x2019 || c[b - 1] == '"'))
        b--;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            if (b > a && c[b - 1] == '.')
                b--;
            else
                break;
        }
        for (size_t w = 0; w < nw; w++) {
            const unsigned char *p = (const unsigned char *)words[w];
            /* most words differ in their first letter: a cheap no (ASCII
             * both, compared as the loop below would) */
            if (a < b && c[a] < 0x80 && p[0] < 0x80 && p[0] &&
                (fold ? (c[a] | 0x20) != (p[0] | 0x20u) : c[a] != p[0]))
                continue;
            size_t k = a, plen = strlen(words[w]), i = 0;
            int ok = 1;
            while (ok && i < plen && k < b) {
                uint32_t wc = get_cp(p, plen, &i);
                uint32_t tc = c[k++];
                if (fold && tc < 0x80 && wc < 0x80)
                    ok = (tc | 0x20) == (wc | 0x20);
                else if (fold && tc >= 0xC0 && tc <= 0xDE && tc != 0xD7)
                    ok = tc + 0x20 == wc;
                else
                    ok = tc == wc;
            }
            if (ok && i == plen && k == b)
                return 1;
        }
    }
    return 0;
}

static const char *const units[] = {
    "%", "\xe2\x80\xb0", "m", "bn", "tn", "k", "km", "kg", "g", "mg", "cm", "mm", "m\xc2\xb2", "km\xc2\xb2",
    "ha", "l", "ml", "cl", "kW", "kWh", "MW", "MWh", "GW", "GWh", "TWh", "mph", "km/h", "kph", "ft", "yd",
    "mi", "lb", "lbs", "oz", "st", "t", "\xc2\xb0", "\xc2\xb0" "C", "\xc2\xb0" "F", "p", "pc", "KB", "kB",
    "MB", "GB", "TB", "Mbps", "Gbps", "dB", "Hz", "kHz", "MHz", "GHz", "V", "W", "mAh", "bp", "m/s", "s",
    "min", "h", "hrs", "\xe2\x82\xac", "$", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xb9", "\xe2\x82\xbd", "CHF",
    "EUR", "USD", "GBP", "Fr",
};

static const char *const currencies[] = {
    "\xe2\x82\xac", "$", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xb9", "\xe2\x82\xbd", "CHF", "EUR", "USD", "GBP",
};

static const char *const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Januar", "Februar", "M\xc3\xa4rz", "Mai", "Juni", "Juli", "Oktober", "Dezember", "janvier",
    "f\xc3\xa9vrier", "mars", "avril", "juin", "juillet", "ao\xc3\xbb" "t", "septembre", "octobre",
    "novembre", "d\xc3\xa9" "cembre", "janv", "f\xc3\xa9v", "avr", "juil", "d\xc3\xa9" "c",
};

/* A number: digits with , or . between them, a sign or a currency sign
 * before them. */
static int number_token(const uint32_t *c, size_t a, size_t b)
{
    while (a < b && (c[a] == '+' || c[a] == '-' || c[a] == 0x2212 || c[a] == '$' || c[a] == 0xA3 ||
                     c[a] == 0x20AC || c[a] == 0xA5 || c[a] == 0x20B9 || c[a] == 0x20BD || c[a] == '~'))
        a++;
    if (a == b || !is_digit_cp(c[a]) || !is_digit_cp(c[b - 1]))
        return 0;
    for (size_t i = a; i < b; i++)
        if (!is_digit_cp(c[i]) && !((c[i] == ',' || c[i] == '.') && is_digit_cp(c[i + 1])))
            return 0;
    return 1;
}

/* A day of the month: 1 to 31, perhaps 1st, 26th or 26. (German). */
static int day_token(const uint32_t *c, size_t a, size_t b)
{
    while (b > a && (c[b - 1] == ',' || c[b - 1] == '.'))
        b--;
    if (b - a >= 4 && (c[b - 2] | 0x20) >= 'a' && (c[b - 1] | 0x20) >= 'a' && !is_digit_cp(c[b - 1]) &&
        !is_digit_cp(c[b - 2]))
        b -= 2; /* st, nd, rd, th */
    else if (b - a == 3 && !is_digit_cp(c[b - 1]) && !is_digit_cp(c[b - 2]))
        b -= 2;
    if (b - a < 1 || b - a > 2)
        return 0;
    unsigned v = 0;
    for (size_t i = a; i < b; i++) {
        if (!is_digit_cp(c[i]))
            return 0;
        v = v * 10 + (c[i] - '0');
    }
    return v >= 1 && v <= 31;
}

static int year_token(const uint32_t *c, size_t a, size_t b)
{
    while (b > a && (c[b - 1] == ',' || c[b - 1] == '.' || c[b - 1] == ';' || c[b - 1] == ')'))
        b--;
    if (b - a != 4)
        return 0;
    for (size_t i = a; i < b; i++)
        if (!is_digit_cp(c[i]))
            return 0;
    return c[a] == '1' || c[a] == '2';
}

int textnorm_glued(const uint32_t *c, size_t n, size_t i)
{
    if (i == 0 || i + 1 >= n || c[i] != ' ')
        return 0;
    size_t a = i, b = i + 1;
    while (a > 0 && !is_gap_cp(c[a - 1]))
        a--;
    while (b < n && !is_gap_cp(c[b]))
        b++;
    size_t l0 = a, l1 = i, r0 = i + 1, r1 = b;
    /* brackets and quotes around the pair belong to neither side's test */
    while (l0 < l1 && (c[l0] == '(' || c[l0] == '[' || is_open_quote(c[l0]) || is_straight(c[l0])))
        l0++;
    size_t m = sizeof months / sizeof *months;
    /* the cheap test of each pair first: this runs at every space of
     * every text the packer typesets, and the word lists are long */
    if (number_token(c, l0, l1) && token_is(c, r0, r1, units, sizeof units / sizeof *units, 0))
        return 1; /* £5 m, 10 %, 5 km */
    if (r0 < r1 && is_digit_cp(c[r0]) &&
        token_is(c, l0, l1, currencies, sizeof currencies / sizeof *currencies, 0))
        return 1; /* € 5 */
    if (day_token(c, l0, l1) && token_is(c, r0, r1, months, m, 1))
        return 1; /* 26 Aug */
    if ((day_token(c, r0, r1) || year_token(c, r0, r1)) && token_is(c, l0, l1, months, m, 1))
        return 1; /* Aug 26, August 2004 */
    return 0;
}
