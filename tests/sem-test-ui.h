/* sem-test-ui.h — what the window tests share: a shown window, waiting, finding and driving widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sem-application.h"
#include "sem-document.h"
#include "sem-window.h"
#include "sem-test-util.h"

G_BEGIN_DECLS

/* A condition sem_test_wait_until () runs the main loop for. */
typedef gboolean (*SemTestCondition) (gconstpointer data);

/* Which labels (and inscriptions) sem_test_collect_texts () reads. */
typedef enum
{
  SEM_TEST_TEXTS_ALL,      /* every label, shown or not */
  SEM_TEST_TEXTS_VISIBLE,  /* labels that are visible themselves */
  SEM_TEST_TEXTS_MAPPED,   /* labels on screen */
} SemTestTexts;

/* GTK and libadwaita ready and a registered, non-unique application; NULL (with a TAP skip printed) without a display. */
SemApplication *sem_test_gui_init           (void);
/* Runs the main loop until it has nothing more to do right now. */
void            sem_test_gui_iterate        (void);
/* Runs the main loop for @ms milliseconds. */
void            sem_test_run_for            (guint            ms);
/* Runs the main loop until @condition (@data) holds, for up to @seconds; whether it did. */
gboolean        sem_test_wait_until         (SemTestCondition condition,
                                             gconstpointer    data,
                                             guint            seconds);

/* The demo plan, failing the test if it does not load. */
SemPlan        *sem_test_load_demo          (void);
/* A window of @app on @document, @width × @height (0: its own), presented, showing @event_id (NULL: none). */
SemWindow      *sem_test_window_new         (SemApplication *app,
                                             SemDocument    *document,
                                             int             width,
                                             int             height,
                                             const char     *event_id);
/* The demo plan (in memory, with no file) and a window on it: how most window tests start. */
typedef struct
{
  SemPlan     *plan;
  SemDocument *document;
  SemWindow   *window;
} SemTestDemoWindow;

/* Fills @f: the demo plan, its document and a shown window, @width × @height (0: its own), showing @event_id. */
void            sem_test_demo_window_open   (SemTestDemoWindow *f,
                                             SemApplication    *app,
                                             int                width,
                                             int                height,
                                             const char        *event_id);
/* Closes @f's window and lets its plan go. */
void            sem_test_demo_window_close  (SemTestDemoWindow *f);
/* Destroys @window and runs the main loop until it has nothing more to do. */
void            sem_test_window_close       (SemWindow      *window);
/* Shows @page ("timetable", "sessions"…) with win.page, as the switcher does. */
void            sem_test_show_page          (SemWindow      *window,
                                             const char     *page);

/* The first widget under @widget (itself included) of @type (G_TYPE_INVALID: any) with @css_class (NULL: any); hidden ones too. */
GtkWidget      *sem_test_find_widget        (GtkWidget  *widget,
                                             GType       type,
                                             const char *css_class);
/* Every widget under @widget of @type with @css_class and object data @data_key (NULL: any), into @found. */
void            sem_test_collect_widgets    (GtkWidget  *widget,
                                             GType       type,
                                             const char *css_class,
                                             const char *data_key,
                                             GPtrArray  *found);
/* The first widget under @root of @type titled @title (rows, groups, buttons by label or tooltip, any by name; NULL: any); only shown ones when @mapped_only. */
GtkWidget      *sem_test_find_titled        (GtkWidget  *root,
                                             GType       type,
                                             const char *title,
                                             gboolean    mapped_only);
/* Like sem_test_find_titled () on shown widgets, once one is shown (ten seconds at most, else the test fails). */
GtkWidget      *sem_test_find_shown         (GtkWidget  *root,
                                             GType       type,
                                             const char *title);
/* A person clicks the shown, sensitive button labelled @label under @root. */
void            sem_test_click              (GtkWidget  *root,
                                             const char *label);
/* The first button under @widget whose action is @action_name; only shown ones when @mapped_only. */
GtkWidget      *sem_test_find_action_button (GtkWidget  *widget,
                                             const char *action_name,
                                             gboolean    mapped_only);
/* The first toplevel window of @type, or NULL. */
GtkWidget      *sem_test_find_toplevel      (GType       type);
/* Runs the main loop until a visible toplevel of @type shows, for up to ten seconds; it, or NULL. */
GtkWindow      *sem_test_wait_for_window    (GType       type);
/* The first widget under @widget (itself included) of @type (G_TYPE_INVALID: any) named @name (gtk_widget_set_name (); NULL: any). */
GtkWidget      *sem_test_find_named         (GtkWidget  *widget,
                                             GType       type,
                                             const char *name);
/* @app's settings, failing the test if the schema is not installed. */
GSettings      *sem_test_app_settings       (SemApplication *app);
/* Every key of @app's settings back to its default. */
void            sem_test_reset_settings     (SemApplication *app);
/* The first toplevel of @type titled @title (NULL: any), only visible ones when @visible_only; or NULL. */
GtkWindow      *sem_test_find_window        (GType       type,
                                             const char *title,
                                             gboolean    visible_only);

/* The texts of the labels under @widget with @css_class (NULL: any), as @which says, in widget order. */
void            sem_test_collect_texts      (GtkWidget    *widget,
                                             const char   *css_class,
                                             SemTestTexts  which,
                                             GPtrArray    *texts);
/* How many labels on screen under @widget contain @text. */
guint           sem_test_count_shown        (GtkWidget  *widget,
                                             const char *text);
/* Runs the main loop until @widget is mapped and @text is shown under it (or not), for up to ten seconds. */
gboolean        sem_test_wait_for_text      (GtkWidget  *widget,
                                             const char *text,
                                             gboolean    shown);
/* @text without its mnemonic underlines ("_Timetable": "Timetable"). */
char           *sem_test_strip_mnemonic     (const char *text);

/* The row of @type titled @title in the group titled @group (NULL: anywhere) under @root; fails the test if there is none. */
GtkWidget      *sem_test_find_row           (GtkWidget  *root,
                                             GType       type,
                                             const char *group,
                                             const char *title);
/* Types @text into the entry row titled @title in the group @group under @root. */
void            sem_test_fill_row           (GtkWidget  *root,
                                             const char *group,
                                             const char *title,
                                             const char *text);
/* Picks the first item starting with @label of the combo row titled @title in the group @group. */
void            sem_test_choose             (GtkWidget  *root,
                                             const char *group,
                                             const char *title,
                                             const char *label);
/* Enter or Space on the focused @button: its calendar opens once the press has played out. */
void            sem_test_open_calendar      (GtkMenuButton *button);
/* Opens @button's calendar as Enter does and picks @day ("YYYY-MM-DD"); choosing closes it. */
void            sem_test_pick_day           (GtkMenuButton *button,
                                             const char    *day);
/* Clicks an editor's Save (its suggested action): it must be sensitive, and Save closes the editor. */
void            sem_test_click_save         (GtkWindow  *editor);

G_END_DECLS
