/* sem-window-private.h — what the window's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-conflict-list.h"
#include "sem-conflicts-page.h"
#include "sem-delegations-page.h"
#include "sem-entity-list-page.h"
#include "sem-sessions-page.h"
#include "sem-timetable-page.h"
#include "sem-feed-sync.h"
#include "sem-feeds-dialog.h"
#include "sem-import-dialog.h"
#include "sem-live-feed.h"
#include "sem-sidebar-model.h"
#include "sem-window.h"

G_BEGIN_DECLS

typedef enum
{
  SEM_WINDOW_PAGE_TIMETABLE,
  SEM_WINDOW_PAGE_SESSIONS,
  SEM_WINDOW_PAGE_DELEGATIONS,
  SEM_WINDOW_PAGE_PEOPLE,
  SEM_WINDOW_PAGE_ROOMS,
  SEM_WINDOW_PAGE_CONFLICTS,
  SEM_WINDOW_PAGE_FEEDS,
  SEM_WINDOW_N_PAGES
} SemWindowPage;

struct _SemWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwBin               *conflicts_bin;
  AdwBin               *delegations_bin;
  AdwBin               *feeds_bin;
  AdwBin               *people_bin;
  AdwBin               *rooms_bin;
  AdwBin               *sessions_bin;
  SemTimetablePage     *timetable_page;
  SemConflictList      *conflict_list;
  AdwViewStackPage     *conflicts_stack_page;
  GtkStack             *content_stack;
  GtkButton            *empty_button;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  GtkListView          *event_list;
  AdwLeaflet           *leaflet;
  GtkStack             *main_stack;
  GtkWidget            *redo_button;
  GtkSpinner           *spinner;
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  GtkBox               *timetable_box;

  /* owned */
  GtkWidget            *pages[SEM_WINDOW_N_PAGES];      /* built when first shown */
  AdwBin               *page_bins[SEM_WINDOW_N_PAGES];  /* where they go */
  SemDocument          *document;
  GCancellable         *cancellable;       /* the window's lifetime */
  GCancellable         *load_cancellable;  /* the load in progress */
  GFile                *failed_file;       /* shown on the error page; never saved to */
  GtkSortListModel     *event_model;       /* the plan's events, grouped by programme */
  SemSidebarModel      *sidebar_model;     /* and under their programmes' headings */
  GtkSingleSelection   *event_selection;
  AdwToast             *save_error_toast;  /* while it is shown */
  char                 *event_id;
  GTimeZone            *event_tz;
  gboolean              discard_changes;   /* the user chose to close without saving */
  gboolean              settings_bound;
  GQueue                import_queue;      /* GFile: calendars waiting to be imported */
  GCancellable         *import_cancellable; /* the import in progress, or NULL */
  SemImportDialog      *import_dialog;     /* weak: while it is open */
  SemLiveFeed          *live_feed;         /* while live calendars are shared */
  GHashTable           *publish_targets;   /* event id → GStrv { url, user }, this session */
  SemFeedSync          *feed_sync;
  GCancellable         *feed_cancellable;  /* the document's feed syncs */
  GHashTable           *feeds_syncing;     /* feed id: the syncs in progress */
  guint                 feed_timer_id;
  GtkWidget            *busy_box;          /* "From your subscriptions" */
  GtkListBox           *busy_list;
  SemFeedsDialog       *feeds_dialog;      /* weak: while it is open */
  GtkWindow            *shortcuts_window;  /* weak: once asked for */

  /* borrowed */
  const char           *lang;
};

const char         *sem_window_ui_language        (void);
SemPlan            *sem_window_get_plan           (SemWindow   *self);
GTimeZone          *sem_window_get_event_timezone (SemWindow   *self);
const char         *sem_window_get_language       (SemWindow   *self);

/* sem-window.c */
void                _sem_window_update_title      (SemWindow   *self);
void                _sem_window_show_content      (SemWindow   *self);

/* sem-window-file.c */
void                _sem_window_init_file         (SemWindow   *self);
void                _sem_window_save_detached     (SemWindow   *self);
gboolean            _sem_window_ready_to_close    (SemWindow   *self);
void                _sem_window_document_notify_save_error_cb (SemWindow *self);
void                _sem_window_replace_document  (SemWindow   *self,
                                                   SemDocument *document);
void                _sem_window_load_file         (SemWindow   *self,
                                                   GFile       *file,
                                                   gboolean     keep_document);
void                _sem_window_show_toast        (SemWindow   *self,
                                                   const char  *text);
void                _sem_window_show_save_error   (SemWindow   *self,
                                                   const char  *message);

/* sem-window-actions.c */
void                _sem_window_class_init_actions (GtkWidgetClass *widget_class);
void                _sem_window_update_actions    (SemWindow   *self);

/* sem-window-edit.c */
void                _sem_window_class_init_edit_actions (GtkWidgetClass *widget_class);
void                _sem_window_update_edit_actions (SemWindow *self);
void                _sem_window_update_empty_page (SemWindow   *self);

/* sem-window-feeds.c */
void                _sem_window_init_feeds        (SemWindow   *self);
void                _sem_window_stop_feeds        (SemWindow   *self);
void                _sem_window_cancel_feed_syncs (SemWindow   *self);
void                _sem_window_update_busy_list  (SemWindow   *self);
void                _sem_window_sync_feed         (SemWindow   *self,
                                                   SemFeed     *feed);
gboolean            _sem_window_is_syncing_feed   (SemWindow   *self,
                                                   const char  *feed_id);
void                _sem_window_sync_due_feeds    (SemWindow   *self);
void                _sem_window_show_feeds        (SemWindow   *self);
void                _sem_window_set_feeds_dialog  (SemWindow   *self,
                                                   SemFeedsDialog *dialog);
GtkListBox         *_sem_window_get_busy_list     (SemWindow   *self);

/* sem-window-import.c */
void                _sem_window_init_drop         (SemWindow   *self);
void                _sem_window_cancel_imports    (SemWindow   *self);
void                _sem_window_export_calendar   (SemWindow   *self);
void                _sem_window_import_calendar   (SemWindow   *self);

/* sem-window-pages.c */
void                _sem_window_init_pages        (SemWindow   *self);
GtkWidget          *_sem_window_get_page_widget   (SemWindow   *self,
                                                   SemWindowPage page);
void                _sem_window_update_pages      (SemWindow   *self);
void                _sem_window_let_go_of_pages   (SemWindow   *self);

/* sem-window-publish.c */
void                _sem_window_publish           (SemWindow   *self);
void                _sem_window_show_live_urls    (SemWindow   *self);
void                _sem_window_stop_live_feed    (SemWindow   *self);
void                _sem_window_update_live_feed  (SemWindow   *self);

/* sem-window-rows.c */
char               *sem_format_date_range         (const char  *start_date,
                                                   const char  *end_date);
void                _sem_window_event_row_setup_cb  (GtkListItemFactory *factory,
                                                     GtkListItem        *item,
                                                     SemWindow          *window);
void                _sem_window_event_row_bind_cb   (GtkListItemFactory *factory,
                                                     GtkListItem        *item,
                                                     SemWindow          *window);
void                _sem_window_event_row_unbind_cb (GtkListItemFactory *factory,
                                                     GtkListItem        *item,
                                                     SemWindow          *window);

G_END_DECLS
