/* sem-delegations-page-private.h — what the delegations page's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-delegation.h"
#include "sem-delegations-page.h"
#include "sem-window-private.h"

G_BEGIN_DECLS

struct _SemDelegationsPage
{
  SemEventPage        parent_instance;

  /* template widgets */
  GtkWidget          *add_button;
  AdwActionRow       *arrival_row;
  GtkWidget          *content;
  GtkStack           *content_stack;
  GtkListBox         *delegation_list;
  AdwActionRow       *departure_row;
  AdwActionRow       *head_row;
  AdwLeaflet         *leaflet;
  GtkLabel           *matrix_empty_label;
  GtkStack           *matrix_stack;
  GtkListBox         *members_list;
  GtkGrid            *names_grid;
  AdwActionRow       *notes_row;
  GtkGrid            *sessions_grid;
  GtkStack           *sidebar_stack;
  GtkLabel           *subtitle_label;
  GtkLabel           *title_label;

  /* owned */
  GTimeZone          *tz;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkCustomSorter    *sorter;
  GtkSortListModel   *sort_model;
  GHashTable         *sort_keys;       /* city id → collation key of its name */
  char               *selected_id;     /* the delegation shown */
  char               *matrix_shape;    /* what the matrix was built for */
  GPtrArray          *cells;           /* GtkCheckButton: one per member and session */
  GPtrArray          *column_toggles;  /* GtkCheckButton: one per session */
  gboolean            syncing;         /* setting the checks from the model */

  /* borrowed */
  GtkLabel           *head_value;
  GtkLabel           *arrival_value;
  GtkLabel           *departure_value;
};

static inline const char *
ui_lang (void)
{
  return sem_window_ui_language ();
}

/* sem-delegations-page.c */
const char *    _sem_delegations_page_person_name (SemDelegationsPage *self,
                                                   const char         *person_id);
SemDelegation * _sem_delegations_page_selected_delegation (SemDelegationsPage *self);

/* sem-delegations-matrix.c: the attendance matrix */
GPtrArray *     _sem_delegations_page_event_sessions (SemDelegationsPage *self);
void            _sem_delegations_page_sync_checks (SemDelegationsPage *self,
                                                   SemDelegation      *delegation);
void            _sem_delegations_page_clear_grid (GtkGrid *grid);
void            _sem_delegations_page_build_matrix (SemDelegationsPage *self,
                                                    SemDelegation      *delegation,
                                                    GPtrArray          *sessions);
char *          _sem_delegations_page_matrix_shape (SemDelegationsPage *self,
                                                    SemDelegation      *delegation,
                                                    GPtrArray          *sessions);

G_END_DECLS
