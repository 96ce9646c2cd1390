/* sem-sessions-page-private.h — what the sessions page's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-session-row-private.h"
#include "sem-sessions-page.h"

G_BEGIN_DECLS

typedef enum
{
  COLUMN_MARK,
  COLUMN_TIME,
  COLUMN_TITLE,
  COLUMN_ROOM,
  COLUMN_KIND,
  COLUMN_STATUS,
  COLUMN_ATTENDANCE,
  N_COLUMNS,
} Column;

#define N_KINDS    (SEM_SESSION_KIND_BREAK + 1)
#define N_STATUSES (SEM_STATUS_CANCELLED + 1)

struct _SemSessionsPage
{
  SemEventPage         parent_instance;

  /* template widgets */
  GtkButton           *add_button;
  GtkColumnView       *column_view;
  GtkStack            *content_stack;
  GtkLabel            *count_label;
  GtkButton           *delete_button;
  GtkButton           *empty_add_button;
  GtkDropDown         *kind_dropdown;
  GtkSearchBar        *search_bar;
  GtkToggleButton     *search_button;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkDropDown         *status_dropdown;

  /* owned */
  SemConflictList     *conflicts;
  GListModel          *conflict_model; /* the list's, which its dispose may drop */
  GListStore          *store;          /* SemSessionRow, in the table's order */
  GtkSorter           *sorter;         /* the column view's */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkMultiSelection   *selection;
  GPtrArray           *rows;           /* the rows, in the plan's order */
  GPtrArray           *sorted;         /* what the store holds */
  guint                stamp;
  guint                scroll_position; /* to scroll to on the next frame */
  guint                scroll_tick_id;
  GHashTable          *row_by_session; /* SemSession* → SemSessionRow* (borrowed) */
  GHashTable          *attendance;     /* session id → count */
  GHashTable          *bound_marks;    /* GtkListItem* of the mark column, while bound */
  GTimeZone           *tz;
  char                *tz_name;
  guint64              deps;           /* fingerprint of what rows show besides sessions */
  gboolean             have_deps;
  char                *query;          /* folded */
  GStrv                words;
  int                  kind_filter;    /* -1: any */
  int                  status_filter;
  int                  kind_rank[N_KINDS];
  int                  status_rank[N_STATUSES];

  /* borrowed */
  const char          *lang;
};

static inline const char *
event_id (SemSessionsPage *self)
{
  SemEvent *event = sem_event_page_get_event (SEM_EVENT_PAGE (self));

  return event != NULL ? sem_entity_get_id (SEM_ENTITY (event)) : NULL;
}

/* sem-sessions-page.c */
void                  _sem_sessions_page_update_view (SemSessionsPage *self);
void                  _sem_sessions_page_update_actions (SemSessionsPage *self);

/* sem-session-row.c: the rows, their keys and the columns that show them */
char *                _sem_sessions_page_fold_text (const char *text);
gboolean              _sem_sessions_page_rows_show_the_same (SemSessionRow *a,
                                                             SemSessionRow *b);
SemSessionRow *       _sem_sessions_page_session_row_new (SemSessionsPage *self,
                                                          SemSession      *session);
int                   _sem_sessions_page_compare_rows_cb (gconstpointer a,
                                                          gconstpointer b,
                                                          gpointer      user_data);
void                  _sem_sessions_page_conflicts_changed_cb (SemSessionsPage *self);
GtkColumnViewColumn * _sem_sessions_page_add_column (SemSessionsPage *self,
                                                     Column           column,
                                                     const char      *title);

/* sem-sessions-model.c: the store in the table's order, and the filter */
void                  _sem_sessions_page_rebuild (SemSessionsPage *self);
void                  _sem_sessions_page_plan_changed_cb (SemSessionsPage *self);
void                  _sem_sessions_page_sorter_changed_cb (SemSessionsPage *self);
gboolean              _sem_sessions_page_filter_row_cb (gpointer item,
                                                        gpointer user_data);
void                  _sem_sessions_page_search_changed_cb (SemSessionsPage *self);
void                  _sem_sessions_page_filter_dropdown_cb (SemSessionsPage *self);
void                  _sem_sessions_page_set_up_dropdown (GtkDropDown *dropdown,
                                                          GType        enum_type,
                                                          int          n_values,
                                                          const char  *any,
                                                          const char  *accessible_name);

G_END_DECLS
