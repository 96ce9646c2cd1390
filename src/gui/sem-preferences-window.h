/* sem-preferences-window.h — the application's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SEM_TYPE_PREFERENCES_WINDOW (sem_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SemPreferencesWindow, sem_preferences_window, SEM, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

SemPreferencesWindow *sem_preferences_window_new          (GtkWindow            *parent,
                                                           GSettings            *settings);
GSettings            *sem_preferences_window_get_settings (SemPreferencesWindow *self);
GStrv                 sem_preferences_list_timezones      (void);

G_END_DECLS
