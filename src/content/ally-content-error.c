/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-content-error.c */
#include "ally-content-error.h"

G_DEFINE_QUARK (ally-content-error-quark, ally_content_error)
