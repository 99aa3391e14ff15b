/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-private.h: internals shared by the content engine's files. Not for views. */
#pragma once

#include <gio/gio.h>

#include "ally-content.h"

G_BEGIN_DECLS

/* ---- Translatable text ---------------------------------------------------------- */

typedef struct
{
  char *lang;    /* as in xml:lang ("fr", "pt-BR"); NULL for the English original */
  char *norm;    /* for matching: "fr", "pt_br" */
  char *text;    /* plain, whitespace collapsed */
  char *markup;  /* Pango markup */
} AllyTextVariant;

typedef struct
{
  GArray   *variants;  /* of AllyTextVariant; [0] is English */
  guint     current;
  gboolean  stale;     /* the translations were replaced: resolve again and notify */
} AllyText;

AllyText   *ally_text_new            (char       *text,
                                      char       *markup);
void        ally_text_free           (AllyText   *text);
void        ally_text_add_variant    (AllyText   *text,
                                      const char *lang,
                                      char       *plain,
                                      char       *markup);
gboolean    ally_text_has_lang       (AllyText   *text,
                                      const char *lang);
/* Same English text in both? */
gboolean    ally_text_same_original  (AllyText   *text,
                                      AllyText   *other);
/* Drops TEXT's translations and moves FROM's into it (FROM keeps only its English). */
void        ally_text_take_translations (AllyText *text,
                                         AllyText *from);
/* Picks the variant for WANTED (normalized, see ally_languages_normalize). TRUE if it changed. */
gboolean    ally_text_resolve        (AllyText   *text,
                                      char      **wanted);
const char *ally_text_get            (AllyText   *text);
const char *ally_text_get_markup     (AllyText   *text);

/* The form languages are compared in: "fr_FR.UTF-8" -> "fr_fr", "sr_RS.UTF-8@latin" ->
 * "sr_rs@latin"; BCP 47 as the build writes xml:lang: "pt-BR" -> "pt_br", "sr-Latn" ->
 * "sr@latin", "ca-x-valencia" -> "ca@valencia". */
char       *ally_language_normalize  (const char *name);
/* The normalized search list for LANGUAGES (NULL: g_get_language_names ()), each name
 * followed by its less specific variants, cut at the first English or C entry. */
char      **ally_languages_normalize (const char * const *languages);

/* Notifies PSPEC on OBJECT when TEXT resolves to another variant. */
#define ALLY_TEXT_RESOLVE(text, wanted, object, pspec) \
  G_STMT_START { \
    if ((text) != NULL && ally_text_resolve ((text), (wanted))) \
      g_object_notify_by_pspec (G_OBJECT (object), (pspec)); \
  } G_STMT_END

/* ---- Model objects (filled in by the parser) ------------------------------------------ */

struct _AllyBlock
{
  GObject        parent_instance;
  AllyBlockKind  kind;
  GPtrArray     *items;   /* of AllyText */
  char          *text;    /* cache for lists (items joined) */
  char          *markup;
};

struct _AllySource
{
  GObject         parent_instance;
  char           *id;
  AllySourceKind  kind;
  GStrv           authors;
  char           *title;
  char           *publication;
  char           *date;
  AllyText       *note;
};

struct _AllyCite
{
  GObject     parent_instance;
  char       *source_id;
  char       *locator;
  AllySource *source;     /* resolved by the catalog */
  int         line;
};

struct _AllySection
{
  GObject     parent_instance;
  char       *id;
  AllyText   *heading;
  GListStore *blocks;
  GListStore *cites;
};

struct _AllyChoice
{
  GObject   parent_instance;
  gboolean  correct;
  AllyText *text;
  AllyText *explanation;
};

struct _AllyQuestion
{
  GObject           parent_instance;
  char             *id;
  AllyQuestionKind  kind;
  AllyText         *stem;
  GListStore       *choices;
  guint             correct_index;
};

struct _AllyScenario
{
  GObject      parent_instance;
  char        *id;
  AllySetting  setting;
  AllyText    *situation;
  AllyText    *ask;
  GListStore  *responses;
};

struct _AllyPrompt
{
  GObject         parent_instance;
  char           *id;
  char           *lesson_id;
  AllyPromptKind  kind;
  AllyText       *text;
};

struct _AllyLesson
{
  GObject     parent_instance;
  char       *id;
  char       *file;
  guint       number;
  guint       minutes;
  int         line;
  AllyText   *title;
  AllyText   *summary;
  GListStore *sections;
  GListStore *key_points;
  GListStore *questions;
  GListStore *scenarios;
  GListStore *reflections;
  GListStore *commitments;
  GListStore *cites;
};

struct _AllyTerm
{
  GObject     parent_instance;
  char       *id;
  AllyText   *name;
  GPtrArray  *aliases;      /* of AllyText */
  GStrv       alias_strv;   /* resolved aliases */
  AllyText   *definition;
  GStrv       see_also;
  GListStore *cites;
  char       *sort_key;
};

struct _AllyMapQuestion
{
  GObject   parent_instance;
  char     *id;
  int       line;
  AllyText *title;
  AllyText *prompt;
};

AllyBlock    *ally_block_new           (AllyBlockKind kind);
void          ally_block_add_item      (AllyBlock    *self,
                                        AllyText     *item);
AllySource   *ally_source_new          (void);
AllyCite     *ally_cite_new            (const char   *source_id,
                                        const char   *locator,
                                        int           line);
void          ally_cite_set_source     (AllyCite     *self,
                                        AllySource   *source);
AllySection  *ally_section_new         (void);
AllyChoice   *ally_choice_new          (void);
AllyQuestion *ally_question_new        (void);
AllyScenario *ally_scenario_new        (void);
AllyPrompt   *ally_prompt_new          (AllyPromptKind kind);
AllyLesson   *ally_lesson_new          (void);
AllyTerm     *ally_term_new            (void);
AllyMapQuestion *ally_map_question_new (void);

/* Re-resolve every text for WANTED (see ally_languages_normalize) and notify. */
void          ally_block_relocalize    (AllyBlock    *self,
                                        char        **wanted);
void          ally_section_relocalize  (AllySection  *self,
                                        char        **wanted);
void          ally_choice_relocalize   (AllyChoice   *self,
                                        char        **wanted);
void          ally_question_relocalize (AllyQuestion *self,
                                        char        **wanted);
void          ally_scenario_relocalize (AllyScenario *self,
                                        char        **wanted);
void          ally_prompt_relocalize   (AllyPrompt   *self,
                                        char        **wanted);
void          ally_lesson_relocalize   (AllyLesson   *self,
                                        char        **wanted);
void          ally_term_relocalize     (AllyTerm     *self,
                                        char        **wanted);
void          ally_source_relocalize   (AllySource   *self,
                                        char        **wanted);
void          ally_map_question_relocalize (AllyMapQuestion  *self,
                                            char            **wanted);

G_END_DECLS
