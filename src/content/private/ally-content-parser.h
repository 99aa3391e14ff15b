/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-parser.h: one content file -> model objects, and a set of files -> a
 * checked course.  Internal to the content engine (used by AllyCatalog, the CLI helpers,
 * the tests and the fuzzer). */
#pragma once

#include <gio/gio.h>

#include "ally-content-private.h"

G_BEGIN_DECLS

typedef enum
{
  ALLY_CONTENT_FILE_UNKNOWN,
  ALLY_CONTENT_FILE_LESSON,
  ALLY_CONTENT_FILE_GLOSSARY,
  ALLY_CONTENT_FILE_SOURCES,
  ALLY_CONTENT_FILE_POWER_MAP,
} AllyContentFileKind;

typedef struct
{
  char *id;
  int   line;
  char *what;   /* "term", "see-also" */
} AllyContentRef;

typedef struct
{
  char                *name;
  AllyContentFileKind  kind;
  gboolean             ok;            /* parsed, valid, models built */
  AllyLesson          *lesson;        /* LESSON */
  GPtrArray           *terms;         /* GLOSSARY: of AllyTerm */
  GArray              *term_lines;    /* int, parallel to terms */
  GPtrArray           *sources;       /* SOURCES: of AllySource */
  GArray              *source_lines;  /* int, parallel to sources */
  GPtrArray           *map_questions; /* POWER_MAP: of AllyMapQuestion */
  GPtrArray           *term_refs;     /* of AllyContentRef */
  GPtrArray           *cites;         /* of AllyCite (all in the file) */
  GHashTable          *langs;         /* xml:lang values, as written */
  GPtrArray           *texts;         /* of AllyText (owned by the models), document order:
                                       * the same template merged for another language
                                       * gives the same list (see ally_content_set_adopt_translations) */
} AllyContentFile;

/* Parses, validates (RELAX NG) and builds one file held in memory.  Problems are
 * appended to PROBLEMS as GError (ALLY_CONTENT_ERROR, "NAME:LINE: …").  Never NULL;
 * ->ok tells whether the file can be used. */
AllyContentFile *ally_content_parse_file   (const char  *name,
                                            const char  *data,
                                            gsize        length,
                                            GPtrArray   *problems);
AllyContentFile *ally_content_file_new     (const char      *name);
/* Checks the shape of DATA against the ALLY_CONTENT_MAX_* limits before it is parsed
 * (ally-content-limits.c).  FALSE if a limit is passed, with the LINE and a MESSAGE. */
gboolean         ally_content_check_limits (const char      *data,
                                            gsize            length,
                                            int             *line,
                                            char           **message);
/* NAME (a file name, any bytes) for a message: control and invisible characters, bytes
 * that are not UTF-8 and backslashes written as escapes, so a name never prints raw. */
char            *ally_content_display_name (const char      *name);
void             ally_content_file_free    (AllyContentFile *file);

/* Appends a problem "FILE:LINE: message". */
void             ally_content_add_problem  (GPtrArray        *problems,
                                            AllyContentError  code,
                                            const char       *file,
                                            int               line,
                                            const char       *format,
                                            ...) G_GNUC_PRINTF (5, 6);

/* ---- A whole course ---- */

/* A course folder (or resource folder) holds the English course, and may hold
 * languages/LL/: the same course merged with the one translation LL (msgfmt --xml -l LL),
 * plus languages/status.ini (each language's name and completeness).  Reading a course
 * skips languages/; a catalog reads English or one languages/LL/, never all of them. */
#define ALLY_CONTENT_LANGUAGES_DIR "languages"
#define ALLY_CONTENT_LANGUAGES_STATUS "status.ini"

typedef struct
{
  GPtrArray  *files;      /* of AllyContentFile */
  GPtrArray  *problems;   /* of GError */
  /* filled by ally_content_set_finish () when there are no problems: */
  GPtrArray  *lessons;    /* of AllyLesson, course order */
  GPtrArray  *terms;      /* of AllyTerm, file order */
  GPtrArray  *sources;    /* of AllySource, file order */
  GPtrArray  *map_questions;  /* of AllyMapQuestion, file order (none without power-map.xml) */
  GStrv       locales;    /* "en" then the xml:lang values, sorted */
  guint       n_questions;
  guint       n_scenarios;
  guint       n_prompts;  /* reflections + commitments */
} AllyContentSet;

AllyContentSet  *ally_content_set_new            (void);
void             ally_content_set_free           (AllyContentSet *set);
/* Reads every content file below DIR (names relative to DIR). */
void             ally_content_set_read_directory (AllyContentSet *set,
                                                  GFile          *dir);
/* Reads every content file below the resource folder PATH (names are resource paths). */
void             ally_content_set_read_resource  (AllyContentSet *set,
                                                  const char     *path);
/* Cross-file checks (ids, references, course rules) and course order.  TRUE if no problems. */
gboolean         ally_content_set_finish         (AllyContentSet *set);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AllyContentSet, ally_content_set_free)

G_END_DECLS
