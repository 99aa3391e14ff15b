/* ally-content.h: the course content engine (GLib/GIO + libxml2, no GTK). */
#pragma once

#include "ally-content-error.h"
#include "ally-block.h"
#include "ally-cite.h"
#include "ally-section.h"
#include "ally-choice.h"
#include "ally-question.h"
#include "ally-response.h"
#include "ally-scenario.h"
#include "ally-prompt.h"
#include "ally-source.h"
#include "ally-term.h"
#include "ally-map-question.h"
#include "ally-lesson.h"
#include "ally-catalog.h"
#include "ally-content-cli.h"
