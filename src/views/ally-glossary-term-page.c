/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-glossary-term-page.c: the Glossary's reading side: one term in full, and “Add to
 * Reviews”, which makes it a flashcard in the journal. */
#include "config.h"

#include <glib/gi18n.h>

#include "ally-accessible.h"
#include "ally-glossary-link-row.h"
#include "ally-glossary-term-page.h"
#include "ally-journal-cards.h"

struct _AllyGlossaryTermPage
{
  GtkWidget          parent_instance;

  AllyCatalog       *catalog;
  AllyJournal       *journal;
  AllyTerm          *term;
  GListStore        *see_also;    /* of AllyTerm, for the term shown */

  GtkScrolledWindow *scroller;    /* the root child: dispose_template unparents it */
  GtkButton         *history_button;
  GtkLabel          *name_label;
  GtkLabel          *aliases_label;
  GtkButton         *add_review_button;
  GtkLabel          *definition_label;
  GtkWidget         *see_also_box;
  GtkListBox        *see_also_list;
  GtkWidget         *used_in_box;
  GtkListBox        *used_in_list;
  GtkWidget         *sources_box;
  GtkLabel          *sources_label;
};

G_DEFINE_FINAL_TYPE (AllyGlossaryTermPage, ally_glossary_term_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_JOURNAL,
  PROP_TERM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CARD_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- What the page shows ---------------------------------------------------------------- */

static char *
aliases_text (AllyTerm *term)
{
  const char * const *aliases = ally_term_get_aliases (term);
  g_autofree char *joined = NULL;

  if (aliases == NULL || aliases[0] == NULL)
    return NULL;

  /* Translators: the separator between a term's other forms, as in “allies, allyship” */
  joined = g_strjoinv (_(", "), (char **) aliases);
  /* Translators: %s is a list of other forms of a glossary term */
  return g_strdup_printf (_("Also: %s"), joined);
}

/* One citation a line, plain text: the label shows it as is, so nothing needs escaping. */
static char *
sources_text (AllyTerm *term)
{
  GListModel *cites = ally_term_get_cites (term);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (cites); i++)
    {
      g_autoptr(AllyCite) cite = g_list_model_get_item (cites, i);
      AllySource *source = ally_cite_get_source (cite);
      g_autofree char *citation = source ? ally_source_format_citation (source)
                                         : g_strdup (ally_cite_get_source_id (cite));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, citation);
      if (ally_cite_get_locator (cite) != NULL)
        /* Translators: a citation, then the part of the source it points to */
        g_string_append_printf (text, _(" (%s)"), ally_cite_get_locator (cite));
    }

  return g_string_free (g_steal_pointer (&text), text->len == 0);
}

static void
fill_see_also (AllyGlossaryTermPage *self)
{
  const char * const *see_also = ally_term_get_see_also (self->term);

  g_list_store_remove_all (self->see_also);
  for (guint i = 0; self->catalog != NULL && see_also != NULL && see_also[i] != NULL; i++)
    {
      AllyTerm *other = ally_catalog_lookup_term (self->catalog, see_also[i]);

      if (other != NULL)
        g_list_store_append (self->see_also, other);
    }

  gtk_widget_set_visible (self->see_also_box,
                          g_list_model_get_n_items (G_LIST_MODEL (self->see_also)) > 0);
}

static GtkWidget *
create_see_also_row (gpointer item,
                     gpointer user_data)
{
  return ally_glossary_link_row_new_for_term (item);
}

static GtkWidget *
create_lesson_row (gpointer item,
                   gpointer user_data)
{
  return ally_glossary_link_row_new_for_lesson (item);
}

static void
fill_used_in (AllyGlossaryTermPage *self)
{
  g_autoptr(GListModel) lessons = NULL;

  if (self->catalog != NULL)
    lessons = ally_catalog_list_lessons_for_term (self->catalog, ally_term_get_id (self->term));
  gtk_list_box_bind_model (self->used_in_list, lessons, create_lesson_row, NULL, NULL);
  gtk_widget_set_visible (self->used_in_box, lessons != NULL && g_list_model_get_n_items (lessons) > 0);
}

static void
scroll_to_top (AllyGlossaryTermPage *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

/* ---- Callbacks and actions ----------------------------------------------------------------- */

static gboolean
on_definition_activate_link (GtkLabel             *label,
                             const char           *uri,
                             AllyGlossaryTermPage *self)
{
  if (!g_str_has_prefix (uri, "term:"))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "glossary.show-term", "s", uri);
  return TRUE;
}

static void
add_to_reviews_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ally_glossary_term_page_add_to_reviews (ALLY_GLOSSARY_TERM_PAGE (widget));
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
ally_glossary_term_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AllyGlossaryTermPage *self = ALLY_GLOSSARY_TERM_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_JOURNAL:
      g_value_set_object (value, self->journal);
      break;

    case PROP_TERM:
      g_value_set_object (value, self->term);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_glossary_term_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AllyGlossaryTermPage *self = ALLY_GLOSSARY_TERM_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      ally_glossary_term_page_set_catalog (self, g_value_get_object (value));
      break;

    case PROP_JOURNAL:
      ally_glossary_term_page_set_journal (self, g_value_get_object (value));
      break;

    case PROP_TERM:
      ally_glossary_term_page_set_term (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_glossary_term_page_dispose (GObject *object)
{
  AllyGlossaryTermPage *self = ALLY_GLOSSARY_TERM_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ALLY_TYPE_GLOSSARY_TERM_PAGE);
  g_clear_object (&self->see_also);
  g_clear_object (&self->term);
  g_clear_object (&self->catalog);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (ally_glossary_term_page_parent_class)->dispose (object);
}

static void
ally_glossary_term_page_class_init (AllyGlossaryTermPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ally_glossary_term_page_get_property;
  object_class->set_property = ally_glossary_term_page_set_property;
  object_class->dispose = ally_glossary_term_page_dispose;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         ALLY_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNAL] =
    g_param_spec_object ("journal", NULL, NULL,
                         ALLY_TYPE_JOURNAL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TERM] =
    g_param_spec_object ("term", NULL, NULL,
                         ALLY_TYPE_TERM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AllyGlossaryTermPage::card-added:
   *
   * “Add to Reviews” made the term shown a card: the count of cards due has changed.
   */
  signals[CARD_ADDED] =
    g_signal_new ("card-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/allyship/Allyship/ally-glossary-term-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermPage, history_button);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermPage, aliases_label);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermPage, add_review_button);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermPage, definition_label);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermPage, see_also_box);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermPage, see_also_list);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermPage, used_in_box);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermPage, used_in_list);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermPage, sources_box);
  gtk_widget_class_bind_template_child (widget_class, AllyGlossaryTermPage, sources_label);
  gtk_widget_class_bind_template_callback (widget_class, on_definition_activate_link);

  gtk_widget_class_install_action (widget_class, "term-page.add-to-reviews", NULL, add_to_reviews_action);
}

/* Definitions are reading text: a little larger and airier than interface text. */
static void
set_reading_size (GtkLabel *label)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (1.1));
  pango_attr_list_insert (attrs, pango_attr_line_height_new (1.4));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

static void
ally_glossary_term_page_init (AllyGlossaryTermPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ally_accessible_name_controls (GTK_WIDGET (self));

  self->see_also = g_list_store_new (ALLY_TYPE_TERM);
  gtk_list_box_bind_model (self->see_also_list, G_LIST_MODEL (self->see_also),
                           create_see_also_row, NULL, NULL);
  set_reading_size (self->definition_label);
}

/* ---- Public API ------------------------------------------------------------------------------ */

AllyGlossaryTermPage *
ally_glossary_term_page_new (void)
{
  return g_object_new (ALLY_TYPE_GLOSSARY_TERM_PAGE, NULL);
}

void
ally_glossary_term_page_set_catalog (AllyGlossaryTermPage *self,
                                     AllyCatalog          *catalog)
{
  g_return_if_fail (ALLY_IS_GLOSSARY_TERM_PAGE (self));
  g_return_if_fail (catalog == NULL || ALLY_IS_CATALOG (catalog));

  if (g_set_object (&self->catalog, catalog))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

void
ally_glossary_term_page_set_journal (AllyGlossaryTermPage *self,
                                     AllyJournal          *journal)
{
  g_return_if_fail (ALLY_IS_GLOSSARY_TERM_PAGE (self));
  g_return_if_fail (journal == NULL || ALLY_IS_JOURNAL (journal));

  if (!g_set_object (&self->journal, journal))
    return;

  ally_glossary_term_page_update_card (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNAL]);
}

AllyTerm *
ally_glossary_term_page_get_term (AllyGlossaryTermPage *self)
{
  g_return_val_if_fail (ALLY_IS_GLOSSARY_TERM_PAGE (self), NULL);

  return self->term;
}

void
ally_glossary_term_page_set_term (AllyGlossaryTermPage *self,
                                  AllyTerm             *term)
{
  g_autofree char *aliases = NULL;
  g_autofree char *sources = NULL;
  gboolean changed;

  g_return_if_fail (ALLY_IS_GLOSSARY_TERM_PAGE (self));
  g_return_if_fail (ALLY_IS_TERM (term));

  changed = g_set_object (&self->term, term);
  aliases = aliases_text (term);
  sources = sources_text (term);

  gtk_label_set_label (self->name_label, ally_term_get_name (term));
  gtk_label_set_label (self->aliases_label, aliases);
  gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), aliases != NULL);
  gtk_label_set_markup (self->definition_label, ally_term_get_definition_markup (term));
  fill_see_also (self);
  fill_used_in (self);
  gtk_label_set_label (self->sources_label, sources);
  gtk_widget_set_visible (self->sources_box, sources != NULL);
  ally_glossary_term_page_update_card (self);
  scroll_to_top (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM]);
}

void
ally_glossary_term_page_set_back_term (AllyGlossaryTermPage *self,
                                       AllyTerm             *previous)
{
  g_return_if_fail (ALLY_IS_GLOSSARY_TERM_PAGE (self));
  g_return_if_fail (previous == NULL || ALLY_IS_TERM (previous));

  if (previous != NULL)
    {
      /* Translators: a button that goes back to the term read before; %s is its name */
      g_autofree char *label = g_strdup_printf (_("Back to “%s”"), ally_term_get_name (previous));

      gtk_button_set_label (self->history_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_button), previous != NULL);
}

/* "Add to Reviews" says when the term shown is a card already. */
void
ally_glossary_term_page_update_card (AllyGlossaryTermPage *self)
{
  g_autofree char *card_id = NULL;
  AllySm2State state;
  gboolean is_card;

  g_return_if_fail (ALLY_IS_GLOSSARY_TERM_PAGE (self));

  if (self->journal == NULL || self->term == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->add_review_button), FALSE);
      return;
    }
  card_id = ally_card_id_for_term (ally_term_get_id (self->term));
  is_card = ally_journal_get_card (self->journal, card_id, &state, NULL, NULL);
  gtk_button_set_label (self->add_review_button, is_card ? _("In Your Reviews") : _("Add to Reviews"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_review_button), !is_card);
  gtk_widget_set_visible (GTK_WIDGET (self->add_review_button), TRUE);
}

void
ally_glossary_term_page_add_to_reviews (AllyGlossaryTermPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *card_id = NULL;

  g_return_if_fail (ALLY_IS_GLOSSARY_TERM_PAGE (self));

  if (self->journal == NULL || self->term == NULL)
    return;
  card_id = ally_card_id_for_term (ally_term_get_id (self->term));
  if (!ally_journal_add_card (self->journal, card_id, now, NULL, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the technical reason */
      message = g_strdup_printf (_("The term was not added to your reviews. Check that there "
                                   "is free disk space, then try again. (%s)"), error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
      return;
    }
  ally_glossary_term_page_update_card (self);
  g_signal_emit (self, signals[CARD_ADDED], 0);
}
