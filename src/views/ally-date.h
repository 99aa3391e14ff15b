/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-date.h: dates written in the language the app shows. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ally_date_format     (GDateTime  *datetime,
                            const char *format);
/* A day as in "3 March 2026", in local time. */
char *ally_date_format_day (GDateTime  *datetime);

G_END_DECLS
