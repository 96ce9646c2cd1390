/* sem-sessions-page.c — the chosen event's sessions as a sortable, searchable table
 *
 * Each session is wrapped in a SemSessionRow holding everything the table
 * sorts and searches on, computed once when the row is made: the column
 * sorters and the filter only compare those keys. A row is kept while its
 * session's revision and what it shows from other entities (rooms, people,
 * attendance, the event's timezone) stay the same, so that after an edit
 * only the rows that changed are replaced in the store, which is kept in
 * the table's order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-sessions-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "sem-delegation.h"
#include "sem-entity-editor.h"
#include "sem-person.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-sessions-page.h"
#include "sem-window-private.h"

/* Above this many rows added or taken away, the store is refilled at once. */
#define MAX_ROW_MOVES 64

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

/* ---- SemSessionRow: a session and its precomputed keys ---------------- */

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

enum
{
  ROW_PROP_0,
  ROW_PROP_SESSION,
  ROW_N_PROPS,
};

static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (SemSessionRow, sem_session_row, G_TYPE_OBJECT)

static void
sem_session_row_finalize (GObject *object)
{
  SemSessionRow *self = SEM_SESSION_ROW (object);

  g_clear_object (&self->session);
  g_free (self->title);
  g_free (self->title_key);
  g_free (self->room);
  g_free (self->room_key);
  g_free (self->search_text);
  g_free (self->time_text);
  G_OBJECT_CLASS (sem_session_row_parent_class)->finalize (object);
}

static void
sem_session_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SemSessionRow *self = SEM_SESSION_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_session_row_class_init (SemSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sem_session_row_finalize;
  object_class->get_property = sem_session_row_get_property;

  /* For the tests: which session a row of the table shows. */
  row_properties[ROW_PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SEM_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
sem_session_row_init (SemSessionRow *self)
{
}

/* Lower case without accents, so that "iasi" finds "Iași" and "софия" "СОФИЯ". */
static char *
fold_text (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;
  gboolean ascii = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  if (ascii)
    return g_ascii_strdown (text, -1);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          break;

        default:
          g_string_append_unichar (bare, c);
        }
    }
  return g_utf8_casefold (bare->str, bare->len);
}

static inline const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static char *
sort_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_collate_key (folded, -1);
}

static gboolean
rows_show_the_same (SemSessionRow *a,
                    SemSessionRow *b)
{
  return a->start == b->start && a->end == b->end && a->kind == b->kind &&
         a->status == b->status && a->attendance == b->attendance &&
         g_strcmp0 (a->title, b->title) == 0 && g_strcmp0 (a->room, b->room) == 0 &&
         g_strcmp0 (a->search_text, b->search_text) == 0;
}

/* ---- the page ---------------------------------------------------------- */

struct _SemSessionsPage
{
  AdwBin               parent_instance;

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
  SemPlan             *plan;
  SemEvent            *event;
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

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_EVENT,
  PROP_CONFLICTS,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SemSessionsPage, sem_sessions_page, ADW_TYPE_BIN)

static void rebuild (SemSessionsPage *self);

static const char *
event_id (SemSessionsPage *self)
{
  return self->event != NULL ? sem_entity_get_id (SEM_ENTITY (self->event)) : NULL;
}

static SemSessionRow *
session_row_new (SemSessionsPage *self,
                 SemSession      *session)
{
  SemSessionRow *row = g_object_new (SEM_TYPE_SESSION_ROW, NULL);
  SemEntity *entity = SEM_ENTITY (session);
  const char *title = sem_entity_get_text (entity, "title", self->lang);
  const char *room_id = sem_session_get_room (session);
  const char * const *facilitators = sem_session_get_facilitators (session);
  SemRoom *room = NULL;
  g_autoptr(GString) search = g_string_new (NULL);

  row->session = g_object_ref (session);
  row->id = sem_entity_get_id (entity);
  row->revision = sem_entity_get_revision (entity);
  row->start = sem_session_get_start (session);
  row->end = sem_session_get_end (session);
  row->kind = CLAMP ((int) sem_session_get_kind (session), 0, N_KINDS - 1);
  row->status = CLAMP ((int) sem_session_get_status (session), 0, N_STATUSES - 1);
  row->kind_rank = self->kind_rank[row->kind];
  row->status_rank = self->status_rank[row->status];
  row->attendance = GPOINTER_TO_UINT (g_hash_table_lookup (self->attendance, row->id));
  row->title = g_strdup (title != NULL ? title : "");
  row->title_key = sort_key (row->title);

  if (room_id != NULL)
    room = SEM_ROOM (sem_plan_lookup (self->plan, SEM_COLLECTION_ROOMS, room_id));
  if (room != NULL)
    {
      const char *name = sem_room_get_name (room, self->lang);

      row->room = g_strdup (name != NULL ? name : "");
      g_string_append_printf (search, "%s\n%s\n",
                              or_empty (sem_entity_get_text (SEM_ENTITY (room), "name", "en")),
                              or_empty (sem_entity_get_text (SEM_ENTITY (room), "name", "bg")));
    }
  else
    row->room = g_strdup ("");
  row->room_key = sort_key (row->room);

  g_string_append_printf (search, "%s\n%s\n%s\n",
                          or_empty (sem_entity_get_text (entity, "title", "en")),
                          or_empty (sem_entity_get_text (entity, "title", "bg")),
                          sem_enum_to_label (SEM_TYPE_SESSION_KIND, row->kind));
  for (guint i = 0; facilitators != NULL && facilitators[i] != NULL; i++)
    {
      SemEntity *person = sem_plan_lookup (self->plan, SEM_COLLECTION_PEOPLE, facilitators[i]);

      if (person != NULL)
        g_string_append_printf (search, "%s\n", or_empty (sem_person_get_name (SEM_PERSON (person))));
    }
  row->search_text = fold_text (search->str);

  return row;
}

static const char *
row_time_text (SemSessionsPage *self,
               SemSessionRow   *row)
{
  if (row->time_text == NULL)
    {
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (row->start);
      g_autoptr(GDateTime) end = g_date_time_new_from_unix_utc (row->end);
      g_autoptr(GDateTime) local_start = NULL;
      g_autoptr(GDateTime) local_end = NULL;
      g_autofree char *day = NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (start == NULL || end == NULL)
        return "";
      local_start = g_date_time_to_timezone (start, self->tz);
      local_end = g_date_time_to_timezone (end, self->tz);
      /* Translators: the day of a session in the sessions table, see
       * g_date_time_format(); e.g. "Tue 20 Feb" */
      /* xgettext:no-c-format */
      day = g_date_time_format (local_start, _("%a %-e %b"));
      from = g_date_time_format (local_start, "%H:%M");
      to = g_date_time_format (local_end, "%H:%M");
      /* Translators: a session's day, start and end, e.g. "Tue 20 Feb  08:30–09:15" */
      row->time_text = g_strdup_printf (_("%s  %s–%s"), day, from, to);
    }
  return row->time_text;
}

/* ---- what rows show besides their session ----------------------------- */

static guint64
mix (guint64 hash,
     guint64 value)
{
  hash ^= value + G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) + (hash << 6) + (hash >> 2);
  return hash;
}

static guint64
mix_collection (guint64        hash,
                SemPlan       *plan,
                SemCollection  collection)
{
  GListModel *model = sem_plan_get_collection (plan, collection);
  guint n = g_list_model_get_n_items (model);

  hash = mix (hash, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemEntity) entity = g_list_model_get_item (model, i);

      hash = mix (hash, GPOINTER_TO_SIZE (entity));
      hash = mix (hash, (guint64) sem_entity_get_revision (entity));
    }
  return hash;
}

static guint64
dependencies_fingerprint (SemSessionsPage *self)
{
  guint64 hash = 0;

  hash = mix (hash, GPOINTER_TO_SIZE (self->event));
  hash = mix (hash, (guint64) sem_entity_get_revision (SEM_ENTITY (self->event)));
  hash = mix_collection (hash, self->plan, SEM_COLLECTION_ROOMS);
  hash = mix_collection (hash, self->plan, SEM_COLLECTION_PEOPLE);
  hash = mix_collection (hash, self->plan, SEM_COLLECTION_DELEGATIONS);
  return hash;
}

/* How many delegates attend each session, across the event's delegations. */
static void
count_attendance (SemSessionsPage *self)
{
  GListModel *delegations = sem_plan_get_collection (self->plan, SEM_COLLECTION_DELEGATIONS);
  const char *id = event_id (self);

  g_hash_table_remove_all (self->attendance);
  for (guint i = 0, n = g_list_model_get_n_items (delegations); i < n; i++)
    {
      g_autoptr(SemDelegation) delegation = g_list_model_get_item (delegations, i);
      const char * const *pairs = sem_delegation_get_attendance (delegation);

      if (g_strcmp0 (sem_delegation_get_event (delegation), id) != 0)
        continue;

      for (guint j = 0; pairs != NULL && pairs[j] != NULL; j++)
        {
          const char *colon = strchr (pairs[j], ':');
          gpointer count;

          if (colon == NULL)
            continue;
          count = g_hash_table_lookup (self->attendance, colon + 1);
          g_hash_table_insert (self->attendance, g_strdup (colon + 1),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
    }
}

/* ---- the view ---------------------------------------------------------- */

static void
update_view (SemSessionsPage *self)
{
  guint total;
  guint shown;
  g_autofree char *count = NULL;

  if (self->filter_model == NULL)  /* disposed */
    return;

  total = self->rows->len;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (self->plan == NULL || self->event == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-event");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "event");

  if (total == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");

  if (shown == total)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", total),
                             total);
  else
    /* Translators: how many sessions the search leaves, e.g. "3 of 19 sessions" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u session",
                                          "%u of %u sessions", total),
                             shown, total);
  /* Empty, not hidden: it keeps the search button at the end. */
  gtk_label_set_label (self->count_label, total > 0 ? count : "");
}

static void
update_actions (SemSessionsPage *self)
{
  gboolean can_add = self->plan != NULL && self->event != NULL;
  g_autoptr(GtkBitset) selected = NULL;

  if (self->selection == NULL)  /* disposed */
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.add", can_add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.delete",
                                 can_add && !gtk_bitset_is_empty (selected));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.search", can_add);
}

static int compare_rows_cb (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data);

/* The table's order: the clicked columns', then time, then id — a total
 * order, so that a row's place can be found by bisection. */
static int
compare_in_view (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  SemSessionsPage *self = user_data;
  GtkOrdering order = gtk_sorter_compare (self->sorter, (gpointer) a, (gpointer) b);

  if (order != GTK_ORDERING_EQUAL)
    return order;
  return compare_rows_cb (a, b, GINT_TO_POINTER (COLUMN_TIME));
}

static int
compare_in_view_indirect (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  return compare_in_view (*(gconstpointer *) a, *(gconstpointer *) b, user_data);
}

/* Where @row is, or would go, in the store. */
static guint
sorted_position (SemSessionsPage *self,
                 SemSessionRow   *row)
{
  guint low = 0;
  guint high = self->sorted->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare_in_view (self->sorted->pdata[middle], row, self) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* Sorts every row and fills the store with them in one splice. */
static void
fill_store (SemSessionsPage *self,
            GPtrArray       *rows)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_full (rows->len, g_object_unref);
  guint n_old = self->sorted->len;

  for (guint i = 0; i < self->sorted->len; i++)
    ((SemSessionRow *) self->sorted->pdata[i])->in_store = FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      SemSessionRow *row = rows->pdata[i];

      row->in_store = TRUE;
      g_ptr_array_add (sorted, g_object_ref (row));
    }
  g_ptr_array_sort_with_data (sorted, compare_in_view_indirect, self);

  g_ptr_array_unref (self->sorted);
  self->sorted = g_ptr_array_ref (sorted);
  g_list_store_splice (self->store, 0, n_old, sorted->pdata, sorted->len);
}

/* The rows selected, to select them again after the store is refilled. */
static GHashTable *
save_selection (SemSessionsPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GHashTable *rows = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_hash_table_add (rows, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
  return rows;
}

static void
restore_selection (SemSessionsPage *self,
                   GHashTable      *rows)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  guint n = g_list_model_get_n_items (model);

  if (g_hash_table_size (rows) == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (model, i);

      if (g_hash_table_contains (rows, row))
        gtk_bitset_add (selected, i);
    }
  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
}

static void
sorter_changed_cb (SemSessionsPage *self)
{
  g_autoptr(GHashTable) selected = save_selection (self);

  fill_store (self, self->rows);
  restore_selection (self, selected);
}

/* Puts @rows (in the plan's order) in the store: the few that changed one
 * by one, so that the others keep their place and their selection, or all
 * of them at once. */
static void
apply_rows (SemSessionsPage *self,
            GPtrArray       *rows)
{
  g_autoptr(GPtrArray) removed = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  guint stamp = ++self->stamp;

  for (guint i = 0; i < rows->len; i++)
    ((SemSessionRow *) rows->pdata[i])->stamp = stamp;
  for (guint i = 0; i < self->rows->len; i++)
    {
      SemSessionRow *row = self->rows->pdata[i];

      if (row->stamp != stamp)
        g_ptr_array_add (removed, row);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      SemSessionRow *row = rows->pdata[i];

      if (!row->in_store)
        g_ptr_array_add (added, row);
    }

  for (guint i = 0; i < removed->len; i++)
    {
      SemSessionRow *row = removed->pdata[i];

      if (g_hash_table_lookup (self->row_by_session, row->session) == row)
        g_hash_table_remove (self->row_by_session, row->session);
    }
  for (guint i = 0; i < added->len; i++)
    {
      SemSessionRow *row = added->pdata[i];

      g_hash_table_insert (self->row_by_session, row->session, row);
    }

  if (removed->len + added->len > MAX_ROW_MOVES)
    {
      g_autoptr(GHashTable) selected = save_selection (self);

      fill_store (self, rows);
      restore_selection (self, selected);
    }
  else
    {
      for (guint i = 0; i < removed->len; i++)
        {
          SemSessionRow *row = removed->pdata[i];
          guint position = sorted_position (self, row);

          /* Bisection finds it unless its keys changed under it. */
          if ((position >= self->sorted->len || self->sorted->pdata[position] != row) &&
              !g_ptr_array_find (self->sorted, row, &position))
            {
              g_critical ("The row of session %s is not in the table", row->id);
              continue;
            }
          row->in_store = FALSE;
          g_list_store_remove (self->store, position);
          g_ptr_array_remove_index (self->sorted, position);
        }
      for (guint i = 0; i < added->len; i++)
        {
          SemSessionRow *row = added->pdata[i];
          guint position = sorted_position (self, row);

          row->in_store = TRUE;
          g_ptr_array_insert (self->sorted, position, g_object_ref (row));
          g_list_store_insert (self->store, position, row);
        }
    }

  g_ptr_array_unref (self->rows);
  self->rows = g_ptr_array_ref (rows);
}

static void
rebuild (SemSessionsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *sessions;
  const char *id;
  guint64 deps;
  gboolean deps_same;
  gboolean tz_same = TRUE;
  guint n;

  if (self->plan == NULL || self->event == NULL)
    {
      rows = g_ptr_array_new_with_free_func (g_object_unref);
      apply_rows (self, rows);
      self->have_deps = FALSE;
      update_view (self);
      update_actions (self);
      return;
    }

  id = event_id (self);
  deps = dependencies_fingerprint (self);
  deps_same = self->have_deps && deps == self->deps;
  if (!deps_same)
    {
      const char *tz_name = sem_event_get_timezone (self->event);

      if (tz_name == NULL || *tz_name == '\0')
        tz_name = "UTC";
      tz_same = g_strcmp0 (tz_name, self->tz_name) == 0;
      if (!tz_same)
        {
          g_clear_pointer (&self->tz, g_time_zone_unref);
          g_free (self->tz_name);
          self->tz_name = g_strdup (tz_name);
          self->tz = g_time_zone_new_identifier (tz_name);
          if (self->tz == NULL)
            self->tz = g_time_zone_new_utc ();
        }
      count_attendance (self);
      self->deps = deps;
      self->have_deps = TRUE;
    }

  sessions = sem_plan_get_collection (self->plan, SEM_COLLECTION_SESSIONS);
  n = g_list_model_get_n_items (sessions);
  rows = g_ptr_array_new_full (MIN (n, self->rows->len + 64), g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemSession) session = g_list_model_get_item (sessions, i);
      SemSessionRow *old;
      SemSessionRow *row;

      if (g_strcmp0 (sem_session_get_event (session), id) != 0)
        continue;

      old = g_hash_table_lookup (self->row_by_session, session);
      if (old != NULL && deps_same &&
          old->revision == sem_entity_get_revision (SEM_ENTITY (session)))
        {
          g_ptr_array_add (rows, g_object_ref (old));
          continue;
        }

      row = session_row_new (self, session);
      if (old != NULL && tz_same && rows_show_the_same (old, row))
        {
          old->revision = row->revision;
          g_object_unref (row);
          row = g_object_ref (old);
        }
      g_ptr_array_add (rows, row);
    }

  apply_rows (self, rows);
  update_view (self);
  update_actions (self);
}

static void
plan_changed_cb (SemSessionsPage *self)
{
  rebuild (self);
}

/* ---- conflict marks ---------------------------------------------------- */

static void
render_mark (SemSessionsPage *self,
             GtkListItem     *item)
{
  GtkWidget *image = gtk_list_item_get_child (item);
  SemSessionRow *row = gtk_list_item_get_item (item);
  SemConflictSeverity severity = SEM_CONFLICT_SEVERITY_WARNING;
  gboolean marked = FALSE;

  if (self->conflicts != NULL && row != NULL)
    marked = sem_conflict_list_get_session_severity (self->conflicts, row->id, &severity);

  gtk_widget_remove_css_class (image, "error");
  gtk_widget_remove_css_class (image, "warning");
  gtk_widget_set_visible (image, marked);
  if (!marked)
    return;

  if (severity == SEM_CONFLICT_SEVERITY_ERROR)
    {
      gtk_widget_add_css_class (image, "error");
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "dialog-error-symbolic");
      gtk_widget_set_tooltip_text (image, _("This session has a conflict that must be fixed"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("This session has a conflict that must be fixed"), -1);
    }
  else
    {
      gtk_widget_add_css_class (image, "warning");
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "dialog-warning-symbolic");
      gtk_widget_set_tooltip_text (image, _("This session has a warning"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("This session has a warning"), -1);
    }
}

static void
conflicts_changed_cb (SemSessionsPage *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound_marks);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    render_mark (self, item);
}

static void
setup_mark_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SemSessionsPage          *self)
{
  GtkWidget *image = gtk_image_new ();

  gtk_widget_set_visible (image, FALSE);
  gtk_list_item_set_child (item, image);
}

static void
bind_mark_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SemSessionsPage          *self)
{
  g_hash_table_add (self->bound_marks, item);
  render_mark (self, item);
}

static void
unbind_mark_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                SemSessionsPage          *self)
{
  g_hash_table_remove (self->bound_marks, item);
}

/* ---- the text columns -------------------------------------------------- */

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "sem-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column == COLUMN_TIME || column == COLUMN_ATTENDANCE)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* On a narrow window the table scrolls sideways rather than leave
   * a few letters of each name. */
  if (column == COLUMN_TITLE)
    gtk_label_set_width_chars (GTK_LABEL (label), 16);
  else if (column == COLUMN_ROOM || column == COLUMN_KIND || column == COLUMN_STATUS)
    gtk_label_set_width_chars (GTK_LABEL (label), 9);
  gtk_list_item_set_child (item, label);
}

static void
bind_text_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SemSessionsPage          *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "sem-column"));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  SemSessionRow *row = gtk_list_item_get_item (item);
  g_autofree char *number = NULL;
  const char *text = "";

  switch (column)
    {
    case COLUMN_TIME:
      text = row_time_text (self, row);
      break;

    case COLUMN_TITLE:
      text = row->title;
      break;

    case COLUMN_ROOM:
      text = row->room;
      break;

    case COLUMN_KIND:
      text = sem_enum_to_label (SEM_TYPE_SESSION_KIND, row->kind);
      break;

    case COLUMN_STATUS:
      text = sem_enum_to_label (SEM_TYPE_STATUS, row->status);
      break;

    case COLUMN_ATTENDANCE:
      number = g_strdup_printf ("%u", row->attendance);
      text = number;
      break;

    case COLUMN_MARK:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (label, text);
  if (column == COLUMN_TITLE)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
  if (row->status == SEM_STATUS_CANCELLED)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const SemSessionRow *ra = a;
  const SemSessionRow *rb = b;
  int result = 0;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TITLE:
      result = strcmp (ra->title_key, rb->title_key);
      break;

    case COLUMN_ROOM:
      result = strcmp (ra->room_key, rb->room_key);
      break;

    case COLUMN_KIND:
      result = ra->kind_rank - rb->kind_rank;
      break;

    case COLUMN_STATUS:
      result = ra->status_rank - rb->status_rank;
      break;

    case COLUMN_ATTENDANCE:
      result = (ra->attendance > rb->attendance) - (ra->attendance < rb->attendance);
      break;

    case COLUMN_TIME:
    case COLUMN_MARK:
    case N_COLUMNS:
    default:
      break;
    }

  if (result == 0)
    result = (ra->start > rb->start) - (ra->start < rb->start);
  if (result == 0)
    result = (ra->end > rb->end) - (ra->end < rb->end);
  if (result == 0)
    result = strcmp (ra->id, rb->id);
  return (result > 0) - (result < 0);
}

static GtkColumnViewColumn *
add_column (SemSessionsPage *self,
            Column           column,
            const char      *title)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "sem-column", GINT_TO_POINTER (column));
  if (column == COLUMN_MARK)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_mark_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_mark_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_mark_cb), self);
    }
  else
    {
      g_autoptr(GtkCustomSorter) sorter =
        gtk_custom_sorter_new (compare_rows_cb, GINT_TO_POINTER (column), NULL);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_text_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_text_cb), self);
      view_column = gtk_column_view_column_new (title, g_object_ref (factory));
      gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (view_column, TRUE);
    }
  if (view_column == NULL)
    view_column = gtk_column_view_column_new (title, g_object_ref (factory));

  gtk_column_view_append_column (self->column_view, view_column);
  return view_column;
}

/* ---- filtering ------------------------------------------------------------ */

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  SemSessionsPage *self = user_data;
  SemSessionRow *row = item;

  if (self->kind_filter >= 0 && row->kind != self->kind_filter)
    return FALSE;
  if (self->status_filter >= 0 && row->status != self->status_filter)
    return FALSE;
  for (guint i = 0; self->words != NULL && self->words[i] != NULL; i++)
    if (strstr (row->search_text, self->words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Without a search or a filter the model passes everything through
 * untouched: a resort then costs no refiltering. */
static void
refilter (SemSessionsPage *self,
          GtkFilterChange  change)
{
  gboolean active = self->kind_filter >= 0 || self->status_filter >= 0 ||
                    (self->words != NULL && self->words[0] != NULL);

  if (!active)
    gtk_filter_list_model_set_filter (self->filter_model, NULL);
  else if (gtk_filter_list_model_get_filter (self->filter_model) == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
search_changed_cb (SemSessionsPage *self)
{
  g_autofree char *query = fold_text (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (query), " \t\n", -1);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (g_strcmp0 (query, self->query) == 0)
    return;

  /* A query that only grows can only show fewer rows: refilter just those. */
  if (self->query == NULL || g_str_has_prefix (query, self->query))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->query, query))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, g_strdup (words[i]));
  g_ptr_array_add (kept, NULL);

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  g_strfreev (self->words);
  self->words = (GStrv) g_ptr_array_steal (kept, NULL);
  refilter (self, change);
}

static void
filter_dropdown_cb (SemSessionsPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  /* The first entry of each is "any". */
  self->kind_filter = kind == 0 || kind == GTK_INVALID_LIST_POSITION ? -1 : (int) kind - 1;
  self->status_filter = status == 0 || status == GTK_INVALID_LIST_POSITION ? -1 : (int) status - 1;
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  /* In the button, not in the popup: the search bar must fit 360 px. */
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 5);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static void
set_up_dropdown (GtkDropDown *dropdown,
                 GType        enum_type,
                 int          n_values,
                 const char  *any,
                 const char  *accessible_name)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  gtk_string_list_append (choices, any);
  for (int i = 0; i < n_values; i++)
    gtk_string_list_append (choices, sem_enum_to_label (enum_type, i));

  g_signal_connect (button_factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect (button_factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  gtk_drop_down_set_factory (dropdown, button_factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (dropdown, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
}

/* ---- actions ------------------------------------------------------------ */

static GtkWindow *
parent_window (SemSessionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
column_view_activate_cb (SemSessionsPage *self,
                         guint            position)
{
  g_autoptr(SemSessionRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  SemEntityEditor *editor;

  if (row == NULL || self->plan == NULL)
    return;

  editor = sem_entity_editor_new_edit (parent_window (self), self->plan, SEM_ENTITY (row->session));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (widget);
  g_autoptr(SemSession) defaults = NULL;
  g_autoptr(GDateTime) start = NULL;
  const char *date;
  SemEntityEditor *editor;
  int year = 0, month = 0, day = 0;

  if (self->plan == NULL || self->event == NULL)
    return;

  /* Nine in the morning of the event's first day, where it takes place. */
  date = sem_event_get_start_date (self->event);
  if (date != NULL && sscanf (date, "%d-%d-%d", &year, &month, &day) == 3)
    start = g_date_time_new (self->tz, year, month, day, 9, 0, 0);
  if (start == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (self->tz);

      start = g_date_time_new (self->tz, g_date_time_get_year (now),
                               g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now), 9, 0, 0);
    }

  defaults = g_object_new (SEM_TYPE_SESSION,
                           "id", "new",
                           "event", event_id (self),
                           "start", g_date_time_to_unix (start),
                           "end", g_date_time_to_unix (start) + 60 * 60,
                           NULL);
  editor = sem_entity_editor_new_create (parent_window (self), self->plan,
                                         SEM_COLLECTION_SESSIONS, SEM_ENTITY (defaults));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_sessions (SemSessionsPage *self,
                 GPtrArray       *sessions)
{
  if (self->plan == NULL || sessions->len == 0)
    return;

  sem_plan_begin_group (self->plan, sessions->len == 1
                                    ? C_("undo action", "Delete Session")
                                    : C_("undo action", "Delete Sessions"));
  for (guint i = 0; i < sessions->len; i++)
    sem_plan_remove (self->plan, sessions->pdata[i]);
  sem_plan_end_group (self->plan);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SemSessionsPage  *self)
{
  GPtrArray *sessions = g_object_get_data (G_OBJECT (dialog), "sem-sessions");

  if (g_strcmp0 (response, "delete") == 0)
    delete_sessions (self, sessions);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (self->plan == NULL)
    return;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(SemSessionRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      if (row != NULL)
        g_ptr_array_add (sessions, g_object_ref (row->session));
    }

  if (sessions->len <= 1)
    {
      delete_sessions (self, sessions);
      return;
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Session?",
                                          "Delete %u Sessions?", sessions->len),
                             sessions->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading,
                                                       _("You can undo this with Ctrl+Z.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sem-sessions", g_steal_pointer (&sessions),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sem_sessions_page_focus_search (SEM_SESSIONS_PAGE (widget));
}

static void
selection_changed_cb (SemSessionsPage *self)
{
  update_actions (self);
}

static void
filter_items_changed_cb (SemSessionsPage *self)
{
  update_view (self);
}

/* ---- GObject -------------------------------------------------------------- */

static void
sem_sessions_page_dispose (GObject *object)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->conflict_model != NULL)
    g_signal_handlers_disconnect_by_data (self->conflict_model, self);
  /* Taking the columns away changes it: no sorting on the way out. */
  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_data (self->sorter, self);

  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }

  /* AdwBin's child is the template's top: dropping it disposes the rest
   * (gtk_widget_dispose_template() would unparent it a second time). */
  adw_bin_set_child (ADW_BIN (self), NULL);

  g_clear_object (&self->plan);
  g_clear_object (&self->event);
  g_clear_object (&self->conflicts);
  g_clear_object (&self->conflict_model);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->row_by_session, g_hash_table_unref);
  g_clear_pointer (&self->attendance, g_hash_table_unref);
  g_clear_pointer (&self->bound_marks, g_hash_table_unref);

  G_OBJECT_CLASS (sem_sessions_page_parent_class)->dispose (object);
}

static void
sem_sessions_page_finalize (GObject *object)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (object);

  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_free (self->tz_name);
  g_free (self->query);
  g_strfreev (self->words);

  G_OBJECT_CLASS (sem_sessions_page_parent_class)->finalize (object);
}

static void
sem_sessions_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;

    case PROP_CONFLICTS:
      g_value_set_object (value, self->conflicts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_sessions_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      sem_sessions_page_set_plan (self, g_value_get_object (value));
      break;

    case PROP_EVENT:
      sem_sessions_page_set_event (self, g_value_get_object (value));
      break;

    case PROP_CONFLICTS:
      sem_sessions_page_set_conflicts (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_sessions_page_class_init (SemSessionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sem_sessions_page_dispose;
  object_class->finalize = sem_sessions_page_finalize;
  object_class->get_property = sem_sessions_page_get_property;
  object_class->set_property = sem_sessions_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SEM_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, SEM_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTS] =
    g_param_spec_object ("conflicts", NULL, NULL, SEM_TYPE_CONFLICT_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sofia/Seminars/ui/sem-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, status_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_dropdown_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "sessions.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "sessions.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "sessions.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "sessions.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "sessions.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "sessions.delete", NULL);

}

/* Ranks of @n labels of @enum_type in the user's alphabetical order. */
static void
rank_labels (GType  enum_type,
             int    n,
             int   *ranks)
{
  for (int i = 0; i < n; i++)
    {
      const char *label = sem_enum_to_label (enum_type, i);

      ranks[i] = 0;
      for (int j = 0; j < n; j++)
        {
          int order = g_utf8_collate (sem_enum_to_label (enum_type, j), label);

          if (order < 0 || (order == 0 && j < i))
            ranks[i]++;
        }
    }
}

static void
sem_sessions_page_init (SemSessionsPage *self)
{
  GtkColumnViewColumn *time_column;
  GtkColumnViewColumn *column;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lang = sem_window_ui_language ();
  self->kind_filter = -1;
  self->status_filter = -1;
  self->tz = g_time_zone_new_utc ();
  self->tz_name = g_strdup ("UTC");
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->sorted = g_ptr_array_new_with_free_func (g_object_unref);
  self->row_by_session = g_hash_table_new (NULL, NULL);
  self->attendance = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bound_marks = g_hash_table_new (NULL, NULL);
  rank_labels (SEM_TYPE_SESSION_KIND, N_KINDS, self->kind_rank);
  rank_labels (SEM_TYPE_STATUS, N_STATUSES, self->status_rank);

  column = add_column (self, COLUMN_MARK, NULL);
  gtk_column_view_column_set_fixed_width (column, 36);
  time_column = add_column (self, COLUMN_TIME, C_("sessions column", "Time"));
  column = add_column (self, COLUMN_TITLE, C_("sessions column", "Title"));
  gtk_column_view_column_set_expand (column, TRUE);
  add_column (self, COLUMN_ROOM, C_("sessions column", "Room"));
  add_column (self, COLUMN_KIND, C_("sessions column", "Kind"));
  add_column (self, COLUMN_STATUS, C_("sessions column", "Status"));
  add_column (self, COLUMN_ATTENDANCE, C_("sessions column", "Attendance"));

  /* The store is kept in the table's order: sorting an array of rows on
   * their keys, then one splice, is much quicker than GtkSortListModel,
   * and an edit moves one row to its place by bisection. */
  self->store = g_list_store_new (SEM_TYPE_SESSION_ROW);
  self->sorter = g_object_ref (gtk_column_view_get_sorter (self->column_view));
  self->filter = gtk_custom_filter_new (filter_row_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)), NULL);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->filter_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, time_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (self->sorter, "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  set_up_dropdown (self->kind_dropdown, SEM_TYPE_SESSION_KIND, N_KINDS,
                   _("All Kinds"), _("Filter by kind"));
  set_up_dropdown (self->status_dropdown, SEM_TYPE_STATUS, N_STATUSES,
                   _("Any Status"), _("Filter by status"));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sessions"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search sessions"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Session"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->empty_add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Session"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Selected Sessions"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);

  update_view (self);
  update_actions (self);
}

/* ---- public API ------------------------------------------------------------ */

/**
 * sem_sessions_page_new:
 *
 * Returns: (transfer floating): a page showing nothing until it has a plan and an event
 */
GtkWidget *
sem_sessions_page_new (void)
{
  return g_object_new (SEM_TYPE_SESSIONS_PAGE, NULL);
}

/**
 * sem_sessions_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown
 */
SemPlan *
sem_sessions_page_get_plan (SemSessionsPage *self)
{
  g_return_val_if_fail (SEM_IS_SESSIONS_PAGE (self), NULL);

  return self->plan;
}

/**
 * sem_sessions_page_set_plan:
 * @plan: (nullable): the plan whose sessions to show, followed live
 */
void
sem_sessions_page_set_plan (SemSessionsPage *self,
                            SemPlan         *plan)
{
  g_return_if_fail (SEM_IS_SESSIONS_PAGE (self));
  g_return_if_fail (plan == NULL || SEM_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self,
                             G_CONNECT_SWAPPED);

  /* Another plan's rows share nothing with this one's. */
  self->have_deps = FALSE;
  g_hash_table_remove_all (self->row_by_session);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/**
 * sem_sessions_page_get_event:
 *
 * Returns: (transfer none) (nullable): the event whose sessions are shown
 */
SemEvent *
sem_sessions_page_get_event (SemSessionsPage *self)
{
  g_return_val_if_fail (SEM_IS_SESSIONS_PAGE (self), NULL);

  return self->event;
}

/**
 * sem_sessions_page_set_event:
 * @event: (nullable): an event of the plan
 */
void
sem_sessions_page_set_event (SemSessionsPage *self,
                             SemEvent        *event)
{
  g_return_if_fail (SEM_IS_SESSIONS_PAGE (self));
  g_return_if_fail (event == NULL || SEM_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  self->have_deps = FALSE;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

/**
 * sem_sessions_page_get_conflicts:
 *
 * Returns: (transfer none) (nullable): where the conflict marks come from
 */
SemConflictList *
sem_sessions_page_get_conflicts (SemSessionsPage *self)
{
  g_return_val_if_fail (SEM_IS_SESSIONS_PAGE (self), NULL);

  return self->conflicts;
}

/**
 * sem_sessions_page_set_conflicts:
 * @conflicts: (nullable): the window's conflict list, for the marks
 */
void
sem_sessions_page_set_conflicts (SemSessionsPage *self,
                                 SemConflictList *conflicts)
{
  g_return_if_fail (SEM_IS_SESSIONS_PAGE (self));
  g_return_if_fail (conflicts == NULL || SEM_IS_CONFLICT_LIST (conflicts));

  if (self->conflicts == conflicts)
    return;

  if (self->conflict_model != NULL)
    g_signal_handlers_disconnect_by_data (self->conflict_model, self);
  g_clear_object (&self->conflict_model);
  g_set_object (&self->conflicts, conflicts);
  if (conflicts != NULL && sem_conflict_list_get_conflicts (conflicts) != NULL)
    {
      self->conflict_model = g_object_ref (sem_conflict_list_get_conflicts (conflicts));
      g_signal_connect_object (self->conflict_model, "items-changed",
                               G_CALLBACK (conflicts_changed_cb), self, G_CONNECT_SWAPPED);
    }

  conflicts_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
}

/* The list view inside the column view, which can scroll to a row. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

static void
scroll_to_position (SemSessionsPage *self)
{
  GtkWidget *list_view = find_list_view (GTK_WIDGET (self->column_view));

  if (list_view != NULL &&
      self->scroll_position < g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", self->scroll_position);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  SemSessionsPage *self = user_data;
  GtkWidget *list_view = find_list_view (widget);

  /* Not before the table has been given its size once. */
  if (list_view != NULL && gtk_widget_get_height (list_view) == 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  scroll_to_position (self);
  return G_SOURCE_REMOVE;
}

/**
 * sem_sessions_page_select_sessions:
 * @session_ids: (array zero-terminated=1): the ids of sessions of the event
 *
 * Selects these sessions, and only these, and scrolls to the first of them
 * in the table's order. A search or filter that hides one is cleared.
 */
void
sem_sessions_page_select_sessions (SemSessionsPage    *self,
                                   const char * const *session_ids)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  gboolean hidden = FALSE;
  GListModel *model;
  guint first = GTK_INVALID_LIST_POSITION;
  guint n;

  g_return_if_fail (SEM_IS_SESSIONS_PAGE (self));

  for (guint i = 0; self->plan != NULL && session_ids != NULL && session_ids[i] != NULL; i++)
    {
      SemEntity *session = sem_plan_lookup (self->plan, SEM_COLLECTION_SESSIONS, session_ids[i]);
      SemSessionRow *row = session != NULL ? g_hash_table_lookup (self->row_by_session, session) : NULL;

      if (row == NULL)
        continue;
      g_hash_table_add (wanted, row);
      hidden |= !filter_row_cb (row, self);
    }

  if (hidden)
    {
      /* The user asked to see them: show everything. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self);
      gtk_drop_down_set_selected (self->kind_dropdown, 0);
      gtk_drop_down_set_selected (self->status_dropdown, 0);
    }

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n && g_hash_table_size (wanted) > 0; i++)
    {
      g_autoptr(SemSessionRow) row = g_list_model_get_item (model, i);

      if (g_hash_table_contains (wanted, row))
        {
          gtk_bitset_add (selected, i);
          first = MIN (first, i);
        }
    }

  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);

  if (first != GTK_INVALID_LIST_POSITION)
    {
      /* Now, and once more when the table has its size: a table that has
       * not been shown yet does not scroll. */
      self->scroll_position = first;
      scroll_to_position (self);
      if (self->scroll_tick_id == 0)
        self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                             scroll_tick_cb, self, NULL);
    }
}

/**
 * sem_sessions_page_focus_search:
 *
 * Shows the search bar and puts the keyboard focus in its entry.
 */
void
sem_sessions_page_focus_search (SemSessionsPage *self)
{
  g_return_if_fail (SEM_IS_SESSIONS_PAGE (self));

  if (self->plan == NULL || self->event == NULL)
    return;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * sem_sessions_page_get_n_shown:
 *
 * Returns: how many sessions the search and the filters leave in the table
 */
guint
sem_sessions_page_get_n_shown (SemSessionsPage *self)
{
  g_return_val_if_fail (SEM_IS_SESSIONS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}
