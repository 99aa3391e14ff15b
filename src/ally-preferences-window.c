/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-preferences-window.c: the choices a person can make about the app. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ally-lock-preferences.h"
#include "ally-preferences-window.h"

struct _AllyPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AllyJournal          *journal;
  AllyCatalog          *catalog;
  GPtrArray            *course_languages;   /* codes of language_row's rows; "" follows the system */

  AdwComboRow          *style_row;
  AdwComboRow          *language_row;
  AllyLockPreferences  *lock_group;
  GtkSpinButton        *new_cards_spin;
  GtkSwitch            *reminders_switch;
};

G_DEFINE_FINAL_TYPE (AllyPreferencesWindow, ally_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_JOURNAL,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows of the style combo, in order; the values are the "style-variant" key's choices. */
static const char * const style_variants[] = { "default", "light", "dark" };

AllyPreferencesWindow *
ally_preferences_window_new (GSettings   *settings,
                             AllyJournal *journal,
                             AllyCatalog *catalog)
{
  return g_object_new (ALLY_TYPE_PREFERENCES_WINDOW,
                       "settings", settings, "journal", journal, "catalog", catalog, NULL);
}

static const char english[] = "English";

/* Not shown by the app: the build reads each translation of this string from its po file
 * (tools/translation-status) to name the language in itself in the course language list. */
static const char * const own_language_name G_GNUC_UNUSED =
  /* Translators: the name of your language in your language, as a speaker would write it in
     a list of languages ("Español", "Français"). */
  NC_("the translation's own language", "English");

/* "español" and "Español" are the same name. */
static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return g_utf8_collate (folded_a, folded_b) == 0;
}

/* A course language as a person picks it: its name in itself ("Español"), then in the
 * interface's language (the iso-codes translations) where that differs, and how much of the
 * course is translated into it. */
static char *
course_language_label (AllyCatalog *catalog,
                       const char  *code)
{
  gboolean is_english = strcmp (code, "en") == 0;
  g_autofree char *english_name = is_english ? g_strdup (english)
                                             : ally_catalog_get_translation_name (catalog, code);
  g_autofree char *own_name = is_english ? g_strdup (english)
                                         : ally_catalog_get_translation_own_name (catalog, code);
  const char *shown_name = english_name != NULL ? g_dgettext ("iso_639-3", english_name) : code;
  int percent = is_english ? -1 : ally_catalog_get_translation_percent (catalog, code);

  if (own_name == NULL || same_name (own_name, shown_name))
    {
      if (percent < 0)
        return g_strdup (shown_name);
      /* Translators: a language's name, then how much of the course is translated into it. */
      return g_strdup_printf (_("%s (%d %% translated)"), shown_name, percent);
    }
  if (percent < 0)
    /* Translators: a language's name in itself, then in the interface's language, as in
       “English (anglais)”. */
    return g_strdup_printf (_("%s (%s)"), own_name, shown_name);
  /* Translators: a language's name in itself, then in the interface's language and how much
     of the course is translated into it, as in “Español (espagnol, traduit à 95 %)”. */
  return g_strdup_printf (_("%s (%s, %d %% translated)"), own_name, shown_name, percent);
}

/* Follow System, English, then each translation the course has. */
static void
fill_course_languages (AllyPreferencesWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *locales = self->catalog ? ally_catalog_get_locales (self->catalog) : NULL;
  g_autofree char *english_label = course_language_label (self->catalog, "en");

  g_ptr_array_add (self->course_languages, g_strdup (""));
  gtk_string_list_append (labels, _("Follow System"));
  g_ptr_array_add (self->course_languages, g_strdup ("en"));
  gtk_string_list_append (labels, english_label);   /* the course's original */

  for (guint i = 0; locales != NULL && locales[i] != NULL; i++)
    {
      g_autofree char *label = NULL;

      if (strcmp (locales[i], "en") == 0)
        continue;
      label = course_language_label (self->catalog, locales[i]);
      g_ptr_array_add (self->course_languages, g_strdup (locales[i]));
      gtk_string_list_append (labels, label);
    }

  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (labels));
}

static gboolean
course_language_to_row (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  AllyPreferencesWindow *self = user_data;
  const char *code = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, 0);   /* a language the course no longer has: the system's */
  for (guint i = 0; i < self->course_languages->len; i++)
    if (strcmp (code, self->course_languages->pdata[i]) == 0)
      g_value_set_uint (value, i);

  return TRUE;
}

static GVariant *
row_to_course_language (const GValue       *value,
                        const GVariantType *expected_type,
                        gpointer            user_data)
{
  AllyPreferencesWindow *self = user_data;
  guint row = g_value_get_uint (value);

  if (row >= self->course_languages->len)
    row = 0;

  return g_variant_new_string (self->course_languages->pdata[row]);
}

static gboolean
style_variant_to_row (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_variants); i++)
    if (g_strcmp0 (style, style_variants[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
row_to_style_variant (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint row = g_value_get_uint (value);

  if (row >= G_N_ELEMENTS (style_variants))
    row = 0;

  return g_variant_new_string (style_variants[row]);
}

static void
on_reminders_switched (GtkSwitch             *reminders_switch,
                       GParamSpec            *pspec,
                       AllyPreferencesWindow *self)
{
  g_settings_set_boolean (self->settings, "reminders-asked", TRUE);
}

static void
ally_preferences_window_constructed (GObject *object)
{
  AllyPreferencesWindow *self = ALLY_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (ally_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "style-variant",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_variant_to_row, row_to_style_variant, NULL, NULL);

  fill_course_languages (self);
  g_settings_bind_with_mapping (self->settings, "course-language",
                                self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                course_language_to_row, row_to_course_language, self, NULL);
  ally_lock_preferences_set_settings (self->lock_group, self->settings);
  ally_lock_preferences_set_journal (self->lock_group, self->journal);
  g_settings_bind (self->settings, "new-cards-per-day",
                   gtk_spin_button_get_adjustment (self->new_cards_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  /* Turning reminders on or off here also answers the overview's question. */
  g_settings_bind (self->settings, "reminders-enabled", self->reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->reminders_switch, "notify::active",
                           G_CALLBACK (on_reminders_switched), self, 0);
}

static void
ally_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AllyPreferencesWindow *self = ALLY_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_JOURNAL:
      self->journal = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_preferences_window_dispose (GObject *object)
{
  AllyPreferencesWindow *self = ALLY_PREFERENCES_WINDOW (object);

  /* the binding's mapping reads course_languages, freed below */
  if (self->language_row != NULL)
    g_settings_unbind (self->language_row, "selected");
  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->journal);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->course_languages, g_ptr_array_unref);

  G_OBJECT_CLASS (ally_preferences_window_parent_class)->dispose (object);
}

static void
ally_preferences_window_class_init (AllyPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ally_preferences_window_constructed;
  object_class->set_property = ally_preferences_window_set_property;
  object_class->dispose = ally_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The journal lock's section needs the journal; without one (it could not be opened) the
   * section cannot be used. */
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         ALLY_TYPE_JOURNAL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         ALLY_TYPE_CATALOG,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ALLY_TYPE_LOCK_PREFERENCES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, AllyPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, AllyPreferencesWindow, lock_group);
  gtk_widget_class_bind_template_child (widget_class, AllyPreferencesWindow, new_cards_spin);
  gtk_widget_class_bind_template_child (widget_class, AllyPreferencesWindow, reminders_switch);
}

static void
ally_preferences_window_init (AllyPreferencesWindow *self)
{
  self->course_languages = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
