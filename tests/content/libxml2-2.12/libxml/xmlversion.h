/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stand-in for libxml2 2.12's xmlversion.h when the machine has an older libxml2: the real
 * header, with LIBXML_VERSION raised to 2.12.0 (see check-libxml2-api). */
#include_next <libxml/xmlversion.h>

#if LIBXML_VERSION < 21200 && !defined (ALLY_LIBXML_2_12_STAND_IN)
#define ALLY_LIBXML_2_12_STAND_IN 1
#undef LIBXML_VERSION
#define LIBXML_VERSION 21200
#endif
