/* ally-preferences-window.c: the choices a person can make about the app. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-lock-preferences.h"
#include "ally-preferences-window.h"

struct _AllyPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AllyJournal          *journal;

  AdwComboRow          *style_row;
  AllyLockPreferences  *lock_group;
};

G_DEFINE_FINAL_TYPE (AllyPreferencesWindow, ally_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_JOURNAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows of the style combo, in order; the values are the "style-variant" key's choices. */
static const char * const style_variants[] = { "default", "light", "dark" };

AllyPreferencesWindow *
ally_preferences_window_new (GSettings   *settings,
                             AllyJournal *journal)
{
  return g_object_new (ALLY_TYPE_PREFERENCES_WINDOW, "settings", settings, "journal", journal, NULL);
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
ally_preferences_window_constructed (GObject *object)
{
  AllyPreferencesWindow *self = ALLY_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (ally_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "style-variant",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_variant_to_row, row_to_style_variant, NULL, NULL);
  ally_lock_preferences_set_settings (self->lock_group, self->settings);
  ally_lock_preferences_set_journal (self->lock_group, self->journal);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_preferences_window_dispose (GObject *object)
{
  AllyPreferencesWindow *self = ALLY_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->journal);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ALLY_TYPE_LOCK_PREFERENCES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, AllyPreferencesWindow, lock_group);
}

static void
ally_preferences_window_init (AllyPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
