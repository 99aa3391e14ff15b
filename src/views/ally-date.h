/* ally-date.h: dates written in the language the app shows. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ally_date_format (GDateTime  *datetime,
                        const char *format);

G_END_DECLS
