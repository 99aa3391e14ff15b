/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-entry.c: one journal entry — a plain data object with notifying properties. */
#include "ally-entry-private.h"

struct _AllyEntry
{
  GObject    parent_instance;

  gint64     id;
  GDateTime *created;
  GDateTime *updated;
  char      *uid;
  char      *title;
  char      *body;
  char      *lesson_id;
  char      *prompt_id;
  GStrv      tags;
};

G_DEFINE_FINAL_TYPE (AllyEntry, ally_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_UID,
  PROP_TITLE,
  PROP_BODY,
  PROP_LESSON_ID,
  PROP_PROMPT_ID,
  PROP_TAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ally_entry_finalize (GObject *object)
{
  AllyEntry *self = ALLY_ENTRY (object);

  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->lesson_id, g_free);
  g_clear_pointer (&self->prompt_id, g_free);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (ally_entry_parent_class)->finalize (object);
}

static void
ally_entry_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AllyEntry *self = ALLY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CREATED: g_value_set_boxed (value, self->created); break;
    case PROP_UPDATED: g_value_set_boxed (value, self->updated); break;
    case PROP_UID: g_value_set_string (value, self->uid); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_BODY: g_value_set_string (value, self->body); break;
    case PROP_LESSON_ID: g_value_set_string (value, self->lesson_id); break;
    case PROP_PROMPT_ID: g_value_set_string (value, self->prompt_id); break;
    case PROP_TAGS: g_value_set_boxed (value, self->tags); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_entry_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AllyEntry *self = ALLY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_TITLE: ally_entry_set_title (self, g_value_get_string (value)); break;
    case PROP_BODY: ally_entry_set_body (self, g_value_get_string (value)); break;
    case PROP_LESSON_ID: ally_entry_set_lesson_id (self, g_value_get_string (value)); break;
    case PROP_PROMPT_ID: ally_entry_set_prompt_id (self, g_value_get_string (value)); break;
    case PROP_TAGS: ally_entry_set_tags (self, g_value_get_boxed (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ally_entry_class_init (AllyEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ally_entry_finalize;
  object_class->get_property = ally_entry_get_property;
  object_class->set_property = ally_entry_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_UPDATED] = g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", rw);
  properties[PROP_LESSON_ID] = g_param_spec_string ("lesson-id", NULL, NULL, NULL, rw);
  properties[PROP_PROMPT_ID] = g_param_spec_string ("prompt-id", NULL, NULL, NULL, rw);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ally_entry_init (AllyEntry *self)
{
  self->title = g_strdup ("");
  self->body = g_strdup ("");
  self->tags = g_new0 (char *, 1);
}

AllyEntry *
ally_entry_new (void)
{
  return g_object_new (ALLY_TYPE_ENTRY, NULL);
}

/* Replaces *field with a copy of value and notifies, unless nothing changes. */
static void
set_string (AllyEntry   *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_date_time (AllyEntry  *self,
               GDateTime **field,
               GDateTime  *value,
               guint       prop)
{
  if (*field == value || (*field && value && g_date_time_equal (*field, value)))
    return;
  g_clear_pointer (field, g_date_time_unref);
  *field = value ? g_date_time_ref (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

gint64
ally_entry_get_id (AllyEntry *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY (self), 0);
  return self->id;
}

void
ally_entry_set_id (AllyEntry *self,
                   gint64     id)
{
  g_return_if_fail (ALLY_IS_ENTRY (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

GDateTime *
ally_entry_get_created (AllyEntry *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY (self), NULL);
  return self->created;
}

void
ally_entry_set_created (AllyEntry *self,
                        GDateTime *created)
{
  g_return_if_fail (ALLY_IS_ENTRY (self));
  set_date_time (self, &self->created, created, PROP_CREATED);
}

GDateTime *
ally_entry_get_updated (AllyEntry *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY (self), NULL);
  return self->updated;
}

void
ally_entry_set_updated (AllyEntry *self,
                        GDateTime *updated)
{
  g_return_if_fail (ALLY_IS_ENTRY (self));
  set_date_time (self, &self->updated, updated, PROP_UPDATED);
}

const char *
ally_entry_get_uid (AllyEntry *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY (self), NULL);
  return self->uid;
}

void
ally_entry_set_uid (AllyEntry  *self,
                    const char *uid)
{
  g_return_if_fail (ALLY_IS_ENTRY (self));
  set_string (self, &self->uid, uid, PROP_UID);
}

const char *
ally_entry_get_title (AllyEntry *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY (self), NULL);
  return self->title;
}

void
ally_entry_set_title (AllyEntry  *self,
                      const char *title)
{
  g_return_if_fail (ALLY_IS_ENTRY (self));
  set_string (self, &self->title, title ? title : "", PROP_TITLE);
}

const char *
ally_entry_get_body (AllyEntry *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY (self), NULL);
  return self->body;
}

void
ally_entry_set_body (AllyEntry  *self,
                     const char *body)
{
  g_return_if_fail (ALLY_IS_ENTRY (self));
  set_string (self, &self->body, body ? body : "", PROP_BODY);
}

const char *
ally_entry_get_lesson_id (AllyEntry *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY (self), NULL);
  return self->lesson_id;
}

void
ally_entry_set_lesson_id (AllyEntry  *self,
                          const char *lesson_id)
{
  g_return_if_fail (ALLY_IS_ENTRY (self));
  set_string (self, &self->lesson_id, lesson_id, PROP_LESSON_ID);
}

const char *
ally_entry_get_prompt_id (AllyEntry *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY (self), NULL);
  return self->prompt_id;
}

void
ally_entry_set_prompt_id (AllyEntry  *self,
                          const char *prompt_id)
{
  g_return_if_fail (ALLY_IS_ENTRY (self));
  set_string (self, &self->prompt_id, prompt_id, PROP_PROMPT_ID);
}

const char * const *
ally_entry_get_tags (AllyEntry *self)
{
  g_return_val_if_fail (ALLY_IS_ENTRY (self), NULL);
  return (const char * const *) self->tags;
}

void
ally_entry_set_tags (AllyEntry          *self,
                     const char * const *tags)
{
  const char *none[] = { NULL };

  g_return_if_fail (ALLY_IS_ENTRY (self));
  if (tags == NULL)
    tags = none;
  if (g_strv_equal ((const char * const *) self->tags, tags))
    return;
  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **) tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}
