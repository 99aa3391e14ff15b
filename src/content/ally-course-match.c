/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-course-match.c: a search match in the course (immutable). */
#include "ally-course-match.h"

#include <string.h>

/* How much of the text a snippet keeps around the match, in characters. */
#define CONTEXT_BEFORE 40
#define CONTEXT_AFTER 90

struct _AllyCourseMatch
{
  GObject     parent_instance;

  AllyLesson *lesson;
  char       *text;
  char       *snippet;
  gsize       snippet_start;
  gsize       snippet_end;
};

G_DEFINE_FINAL_TYPE (AllyCourseMatch, ally_course_match, G_TYPE_OBJECT)

/* Moves back (or on) from @p by up to @n characters, stopping at a word's start (or end). */
static const char *
back_to_word (const char *text,
              const char *p,
              int         n)
{
  for (int i = 0; i < n && p > text; i++)
    p = g_utf8_prev_char (p);
  if (p > text)
    {
      /* Start after a space, so no word is cut. */
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }
  return p;
}

static const char *
on_to_word (const char *p,
            int         n)
{
  for (int i = 0; i < n && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

static void
make_snippet (AllyCourseMatch *self,
              gsize            match_start,
              gsize            match_end)
{
  const char *text = self->text;
  const char *from = back_to_word (text, text + match_start, CONTEXT_BEFORE);
  const char *to = on_to_word (text + match_end, CONTEXT_AFTER);
  g_autoptr(GString) snippet = g_string_new (NULL);

  /* A match inside the first word the cut would drop: keep the text from the start. */
  if (from > text + match_start)
    from = text;
  if (from > text)
    g_string_append (snippet, "…");
  self->snippet_start = snippet->len + (text + match_start - from);
  self->snippet_end = snippet->len + (text + match_end - from);
  g_string_append_len (snippet, from, to - from);
  if (*to != '\0')
    g_string_append (snippet, "…");
  self->snippet = g_string_free (g_steal_pointer (&snippet), FALSE);
}

static void
ally_course_match_finalize (GObject *object)
{
  AllyCourseMatch *self = ALLY_COURSE_MATCH (object);

  g_clear_object (&self->lesson);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (ally_course_match_parent_class)->finalize (object);
}

static void
ally_course_match_class_init (AllyCourseMatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ally_course_match_finalize;
}

static void
ally_course_match_init (AllyCourseMatch *self)
{
}

/**
 * ally_course_match_new:
 * @match_start: where the match starts in @text, in bytes
 * @match_end: where it ends
 */
AllyCourseMatch *
ally_course_match_new (AllyLesson *lesson,
                       const char *text,
                       gsize       match_start,
                       gsize       match_end)
{
  AllyCourseMatch *self;

  g_return_val_if_fail (ALLY_IS_LESSON (lesson), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (match_start <= match_end && match_end <= strlen (text), NULL);

  self = g_object_new (ALLY_TYPE_COURSE_MATCH, NULL);
  self->lesson = g_object_ref (lesson);
  self->text = g_strdup (text);
  make_snippet (self, match_start, match_end);
  return self;
}

AllyLesson *
ally_course_match_get_lesson (AllyCourseMatch *self)
{
  g_return_val_if_fail (ALLY_IS_COURSE_MATCH (self), NULL);
  return self->lesson;
}

const char *
ally_course_match_get_text (AllyCourseMatch *self)
{
  g_return_val_if_fail (ALLY_IS_COURSE_MATCH (self), NULL);
  return self->text;
}

const char *
ally_course_match_get_snippet (AllyCourseMatch *self)
{
  g_return_val_if_fail (ALLY_IS_COURSE_MATCH (self), NULL);
  return self->snippet;
}

gsize
ally_course_match_get_snippet_start (AllyCourseMatch *self)
{
  g_return_val_if_fail (ALLY_IS_COURSE_MATCH (self), 0);
  return self->snippet_start;
}

gsize
ally_course_match_get_snippet_end (AllyCourseMatch *self)
{
  g_return_val_if_fail (ALLY_IS_COURSE_MATCH (self), 0);
  return self->snippet_end;
}
