/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-xml-compat.h: what differs between the libxml2 releases the content engine builds
 * against (2.9 on Debian 12 through the current release). Not for views. */
#pragma once

#include <libxml/xmlversion.h>
#include <libxml/xmlerror.h>

/* libxml2 2.12 passes structured error handlers a const error
 * (xmlStructuredErrorFunc takes `const xmlError *`); before, a mutable xmlErrorPtr.
 * Handlers take an AllyXmlError so they match the libxml2 they are built against:
 * tests/content/check-libxml2-api compiles them against the 2.12 prototype. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *AllyXmlError;
#else
typedef xmlErrorPtr AllyXmlError;
#endif
