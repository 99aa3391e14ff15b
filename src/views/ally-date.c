/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-date.c: dates written in the language the app shows.
 *
 * g_date_time_format() takes month and weekday names from LC_TIME, which need not be the
 * language of the interface: with LANGUAGE=es and an English or C LC_TIME, a translated
 * "%e de %B de %Y" gave "5 de January de 2025". The locale for the shown language is often
 * not even installed (LANGUAGE needs only our .mo files), so setting LC_TIME from it cannot
 * be relied on. The names come from our own translations instead, like every other word. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-date.h"

static const char *
month_name (int month)
{
  /* The same names as in a source's date (ally-source.c), so they are translated once. */
  static const char *names[] = {
    NC_("month name", "January"), NC_("month name", "February"),
    NC_("month name", "March"), NC_("month name", "April"),
    NC_("month name", "May"), NC_("month name", "June"),
    NC_("month name", "July"), NC_("month name", "August"),
    NC_("month name", "September"), NC_("month name", "October"),
    NC_("month name", "November"), NC_("month name", "December"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month name", names[CLAMP (month, 1, 12) - 1]);
}

static const char *
weekday_name (int weekday)
{
  /* Translators: a day's name as it stands inside a date, as in “Monday 3 March” */
  static const char *names[] = {
    NC_("weekday in a date", "Monday"), NC_("weekday in a date", "Tuesday"),
    NC_("weekday in a date", "Wednesday"), NC_("weekday in a date", "Thursday"),
    NC_("weekday in a date", "Friday"), NC_("weekday in a date", "Saturday"),
    NC_("weekday in a date", "Sunday"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday in a date", names[CLAMP (weekday, 1, 7) - 1]);
}

/* Appends @name to a g_date_time_format() format, where % must be doubled. */
static void
append_literal (GString    *format,
                const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '%')
        g_string_append_c (format, '%');
      g_string_append_c (format, *p);
    }
}

/**
 * ally_date_format:
 * @datetime: the date to write
 * @format: a g_date_time_format() format
 *
 * Like g_date_time_format(), but %B (the month) and %A (the weekday) are written in the
 * language of the interface rather than LC_TIME's.
 *
 * Returns: (transfer full): the date, or %NULL if @format is invalid
 */
char *
ally_date_format (GDateTime  *datetime,
                  const char *format)
{
  g_autoptr(GString) own = g_string_new (NULL);

  g_return_val_if_fail (datetime != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 'B')
        append_literal (own, month_name (g_date_time_get_month (datetime)));
      else if (p[0] == '%' && p[1] == 'A')
        append_literal (own, weekday_name (g_date_time_get_day_of_week (datetime)));
      else if (p[0] == '%' && p[1] != '\0')
        {
          /* Any other conversion (and %%) is GLib's, copied whole. */
          g_string_append_len (own, p, 2);
          p++;
          continue;
        }
      else
        {
          g_string_append_c (own, *p);
          continue;
        }
      p++;
    }

  return g_date_time_format (datetime, own->str);
}

char *
ally_date_format_day (GDateTime *datetime)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (datetime);

  /* Translators: a date as in "Due 3 March 2026"; see the strftime manual for the codes */
  return ally_date_format (local, _("%-d %B %Y"));
}
