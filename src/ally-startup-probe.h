/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ally-startup-probe.h: start-up measurements for tests/bench-startup.c (ALLY_STARTUP_PROBE). */
#pragma once

#include <gio/gio.h>

#include "ally-window.h"

G_BEGIN_DECLS

void ally_startup_probe_attach (GApplication *app,
                                AllyWindow   *window);

G_END_DECLS
