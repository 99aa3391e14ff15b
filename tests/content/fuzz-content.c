/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-content.c: libFuzzer target: arbitrary bytes through the single-file content parser
 * (secure XML parse, RELAX NG validation, model building). Built with -Dfuzzing=true. */
#include <stdint.h>

#include "ally-content-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  AllyContentFile *file = ally_content_parse_file ("fuzz.xml", (const char *) data, size, problems);

  if (file->ok && file->lesson != NULL)
    {
      char *wanted[] = { "fr", NULL };
      ally_lesson_relocalize (file->lesson, wanted);
    }
  ally_content_file_free (file);

  return 0;
}
