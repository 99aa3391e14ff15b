/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content.h: the course content engine (GLib/GIO + libxml2, no GTK).
 * Its public API is this header and the headers it includes, all in src/content/; the
 * engine's own headers are in src/content/private/, off the app's include path
 * (tools/check-public-headers). */
#pragma once

#include "ally-content-error.h"
#include "ally-block.h"
#include "ally-cite.h"
#include "ally-section.h"
#include "ally-choice.h"
#include "ally-question.h"
#include "ally-scenario.h"
#include "ally-prompt.h"
#include "ally-source.h"
#include "ally-term.h"
#include "ally-map-question.h"
#include "ally-lesson.h"
#include "ally-catalog.h"
#include "ally-course-index.h"
#include "ally-course-match.h"
#include "ally-search.h"
#include "ally-search-text.h"
#include "ally-content-cli.h"
