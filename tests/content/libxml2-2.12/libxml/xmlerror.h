/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stand-in for libxml2 2.12's xmlerror.h when the machine has an older libxml2: the real
 * header, but xmlStructuredErrorFunc takes `const xmlError *` as it does from 2.12 on, so
 * every prototype and struct field that uses it (xmlSAXHandler.serror,
 * xmlRelaxNGSet*StructuredErrors, …) has the 2.12 signature. */
#include <libxml/parser.h>  /* first, as the real header does: they include each other */

#ifndef ALLY_LIBXML_2_12_XMLERROR_H
#define ALLY_LIBXML_2_12_XMLERROR_H

#include <libxml/xmlversion.h>

#ifdef ALLY_LIBXML_2_12_STAND_IN
/* The older declarations go in under other names... */
#define xmlStructuredErrorFunc ally_libxml_2_9_xmlStructuredErrorFunc
#define xmlSetStructuredErrorFunc ally_libxml_2_9_xmlSetStructuredErrorFunc
#include_next <libxml/xmlerror.h>
#undef xmlStructuredErrorFunc
#undef xmlSetStructuredErrorFunc

/* ... and the names get the 2.12 ones. */
typedef void (XMLCALL *xmlStructuredErrorFunc) (void *userData, const xmlError *error);
XMLPUBFUN void XMLCALL xmlSetStructuredErrorFunc (void *ctx, xmlStructuredErrorFunc handler);
#else
#include_next <libxml/xmlerror.h>
#endif

#endif
