/* sem-sessions-model.c — the sessions table's store and filter
 *
 * The rows are kept in a store in the table's order: a rebuild keeps the
 * rows whose session and dependencies did not change, and moves the few
 * that did to their place by bisection, or refills the store in one
 * splice. The filter passes what the search and the drop-downs leave.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-sessions-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "sem-delegation.h"
#include "sem-sessions-page-private.h"

/* Above this many rows added or taken away, the store is refilled at once. */
#define MAX_ROW_MOVES 64

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
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemEvent *event = sem_event_page_get_event (SEM_EVENT_PAGE (self));
  guint64 hash = 0;

  hash = mix (hash, GPOINTER_TO_SIZE (event));
  hash = mix (hash, (guint64) sem_entity_get_revision (SEM_ENTITY (event)));
  hash = mix_collection (hash, plan, SEM_COLLECTION_ROOMS);
  hash = mix_collection (hash, plan, SEM_COLLECTION_PEOPLE);
  hash = mix_collection (hash, plan, SEM_COLLECTION_DELEGATIONS);
  return hash;
}

/* How many delegates attend each session, across the event's delegations. */
static void
count_attendance (SemSessionsPage *self)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  GListModel *delegations = sem_plan_get_collection (plan, SEM_COLLECTION_DELEGATIONS);
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
  return _sem_sessions_page_compare_rows_cb (a, b, GINT_TO_POINTER (COLUMN_TIME));
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

void
_sem_sessions_page_sorter_changed_cb (SemSessionsPage *self)
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

void
_sem_sessions_page_rebuild (SemSessionsPage *self)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemEvent *event = sem_event_page_get_event (SEM_EVENT_PAGE (self));
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *sessions;
  const char *id;
  guint64 deps;
  gboolean deps_same;
  gboolean tz_same = TRUE;
  guint n;

  if (plan == NULL || event == NULL)
    {
      rows = g_ptr_array_new_with_free_func (g_object_unref);
      apply_rows (self, rows);
      self->have_deps = FALSE;
      _sem_sessions_page_update_view (self);
      _sem_sessions_page_update_actions (self);
      return;
    }

  id = event_id (self);
  deps = dependencies_fingerprint (self);
  deps_same = self->have_deps && deps == self->deps;
  if (!deps_same)
    {
      const char *tz_name = sem_event_get_timezone (event);

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

  sessions = sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS);
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

      row = _sem_sessions_page_session_row_new (self, session);
      if (old != NULL && tz_same && _sem_sessions_page_rows_show_the_same (old, row))
        {
          old->revision = row->revision;
          g_object_unref (row);
          row = g_object_ref (old);
        }
      g_ptr_array_add (rows, row);
    }

  apply_rows (self, rows);
  _sem_sessions_page_update_view (self);
  _sem_sessions_page_update_actions (self);
}

void
_sem_sessions_page_plan_changed_cb (SemSessionsPage *self)
{
  _sem_sessions_page_rebuild (self);
}

/* ---- filtering ------------------------------------------------------------ */

gboolean
_sem_sessions_page_filter_row_cb (gpointer item,
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

void
_sem_sessions_page_search_changed_cb (SemSessionsPage *self)
{
  g_autofree char *query = _sem_sessions_page_fold_text (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
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

void
_sem_sessions_page_filter_dropdown_cb (SemSessionsPage *self)
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

void
_sem_sessions_page_set_up_dropdown (GtkDropDown *dropdown,
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
