/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-text.c: translatable text (an English original and its xml:lang copies) and the
 * choice among them for the wanted languages. */
#include "ally-content-private.h"

#include <string.h>

static void
variant_clear (gpointer data)
{
  AllyTextVariant *v = data;

  g_free (v->lang);
  g_free (v->norm);
  g_free (v->text);
  g_free (v->markup);
}

AllyText *
ally_text_new (char *text,
               char *markup)
{
  AllyText *self = g_new0 (AllyText, 1);
  AllyTextVariant v = { NULL, NULL, text, markup };

  self->variants = g_array_sized_new (FALSE, TRUE, sizeof (AllyTextVariant), 1);
  g_array_set_clear_func (self->variants, variant_clear);
  g_array_append_val (self->variants, v);

  return self;
}

void
ally_text_free (AllyText *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->variants);
  g_free (self);
}

void
ally_text_add_variant (AllyText   *self,
                       const char *lang,
                       char       *plain,
                       char       *markup)
{
  AllyTextVariant v = { g_strdup (lang), ally_language_normalize (lang), plain, markup };

  g_array_append_val (self->variants, v);
}

gboolean
ally_text_has_lang (AllyText   *self,
                    const char *lang)
{
  g_autofree char *norm = ally_language_normalize (lang);

  for (guint i = 1; i < self->variants->len; i++)
    if (g_strcmp0 (g_array_index (self->variants, AllyTextVariant, i).norm, norm) == 0)
      return TRUE;

  return FALSE;
}

gboolean
ally_text_same_original (AllyText *self,
                         AllyText *other)
{
  return g_strcmp0 (g_array_index (self->variants, AllyTextVariant, 0).markup,
                    g_array_index (other->variants, AllyTextVariant, 0).markup) == 0;
}

void
ally_text_take_translations (AllyText *self,
                             AllyText *from)
{
  g_array_set_size (self->variants, 1);
  for (guint i = 1; i < from->variants->len; i++)
    {
      AllyTextVariant *v = &g_array_index (from->variants, AllyTextVariant, i);

      g_array_append_val (self->variants, *v);
      memset (v, 0, sizeof *v);   /* moved: nothing left for FROM to free */
    }
  g_array_set_size (from->variants, 1);

  /* the English shown stays as it is; a translation shown is gone: notify whatever comes */
  self->stale = self->current != 0;
  self->current = 0;
}

gboolean
ally_text_resolve (AllyText  *self,
                   char     **wanted)
{
  guint pick = 0;

  for (guint w = 0; wanted != NULL && wanted[w] != NULL && pick == 0; w++)
    for (guint i = 1; i < self->variants->len; i++)
      if (strcmp (g_array_index (self->variants, AllyTextVariant, i).norm, wanted[w]) == 0)
        {
          pick = i;
          break;
        }

  if (pick == self->current && !self->stale)
    return FALSE;

  self->current = pick;
  self->stale = FALSE;
  return TRUE;
}

const char *
ally_text_get (AllyText *self)
{
  if (self == NULL)
    return NULL;

  return g_array_index (self->variants, AllyTextVariant, self->current).text;
}

const char *
ally_text_get_markup (AllyText *self)
{
  if (self == NULL)
    return NULL;

  return g_array_index (self->variants, AllyTextVariant, self->current).markup;
}

/* A BCP 47 script subtag as the gettext modifier it stands for (content/meson.build writes
 * sr@latin as sr-Latn); other scripts keep their code. */
static const char *
script_modifier (const char *script)
{
  if (g_ascii_strcasecmp (script, "latn") == 0)
    return "latin";
  if (g_ascii_strcasecmp (script, "cyrl") == 0)
    return "cyrillic";
  return script;
}

char *
ally_language_normalize (const char *name)
{
  g_autofree char *locale = NULL;
  g_auto(GStrv) parts = NULL;
  const char *modifier, *script = NULL, *private_use = NULL;
  GString *s;

  if (name == NULL)
    return NULL;

  /* language[_territory][.codeset][@modifier], or BCP 47 language[-Script][-REGION][-x-…] */
  locale = g_strndup (name, strcspn (name, ".@"));
  parts = g_strsplit_set (locale, "-_", -1);
  s = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0 && g_ascii_strcasecmp (parts[i], "x") == 0)
        {
          private_use = parts[i + 1];
          break;
        }
      if (i > 0 && strlen (parts[i]) == 4 && g_ascii_isalpha (parts[i][0]))
        {
          script = parts[i];
          continue;
        }
      if (i > 0)
        g_string_append_c (s, '_');
      for (const char *p = parts[i]; *p != '\0'; p++)
        g_string_append_c (s, g_ascii_tolower (*p));
    }

  /* The modifier names another language, as gettext takes it: sr@latin is Serbian in the
   * Latin script, not sr (Cyrillic). The codeset does not count. */
  modifier = strchr (name, '@');
  if (modifier != NULL && modifier[1] != '\0')
    modifier++;
  else
    modifier = private_use != NULL && *private_use != '\0' ? private_use
               : script != NULL ? script_modifier (script) : NULL;
  if (modifier != NULL)
    {
      g_string_append_c (s, '@');
      for (const char *p = modifier; *p != '\0'; p++)
        g_string_append_c (s, g_ascii_tolower (*p));
    }

  return g_string_free (s, FALSE);
}

static gboolean
is_english (const char *norm)
{
  return strcmp (norm, "c") == 0 || strcmp (norm, "posix") == 0 ||
         strcmp (norm, "en") == 0 || g_str_has_prefix (norm, "en_") ||
         g_str_has_prefix (norm, "en@") || g_str_has_prefix (norm, "c@");
}

char **
ally_languages_normalize (const char * const *languages)
{
  GPtrArray *out = g_ptr_array_new ();

  if (languages == NULL)
    languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_auto(GStrv) variants = g_get_locale_variants (languages[i]);

      for (guint j = 0; variants[j] != NULL; j++)
        {
          char *norm = ally_language_normalize (variants[j]);
          gboolean seen = FALSE;

          if (*norm == '\0' || is_english (norm))
            {
              g_free (norm);
              if (*variants[j] != '\0')
                goto done;   /* English is the untagged original: stop looking */
              continue;
            }

          for (guint k = 0; k < out->len && !seen; k++)
            seen = strcmp (out->pdata[k], norm) == 0;

          if (seen)
            g_free (norm);
          else
            g_ptr_array_add (out, norm);
        }
    }

done:
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}
