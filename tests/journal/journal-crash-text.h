/* SPDX-License-Identifier: GPL-3.0-or-later */
/* journal-crash-text.h: the body the crash helper writes for a title, so the test can
 * check every acknowledged entry is intact. */
#pragma once

#include <glib.h>

/* A body of 20–4000 bytes derived from @title alone. */
static inline char *
jc_body_for_title (const char *title)
{
  guint hash = g_str_hash (title);
  gsize length = 20 + hash % 3980;
  GString *body = g_string_sized_new (length + 64);

  while (body->len < length)
    g_string_append_printf (body, "%s says: listen, learn, repeat %u. ", title, hash++ % 97);
  g_string_truncate (body, length);
  return g_string_free (body, FALSE);
}
