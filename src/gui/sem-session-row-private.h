/* sem-session-row-private.h — a row of the sessions table: a session and its keys
 *
 * For the sessions page's own files, which read and set the row's fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sem-session.h"

G_BEGIN_DECLS

#define SEM_TYPE_SESSION_ROW (sem_session_row_get_type ())

G_DECLARE_FINAL_TYPE (SemSessionRow, sem_session_row, SEM, SESSION_ROW, GObject)

struct _SemSessionRow
{
  GObject     parent_instance;

  SemSession *session;
  const char *id;           /* the session's, which never changes */
  gint64      revision;     /* of the session when the row was made */
  gint64      start;
  gint64      end;
  int         kind;
  int         status;
  int         kind_rank;    /* the kind's place among the kinds' labels */
  int         status_rank;
  guint       attendance;
  char       *title;
  char       *title_key;
  char       *room;
  char       *room_key;
  char       *search_text;  /* folded: lower case, without accents */
  char       *time_text;    /* made when first shown */
  guint       stamp;        /* the page's rebuild that last kept it */
  gboolean    in_store;
};

G_END_DECLS
