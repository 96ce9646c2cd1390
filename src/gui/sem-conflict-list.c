/* sem-conflict-list.c — the window's conflicts: a count in the header bar and a list
 *
 * A menu button shows how many conflicts of the shown event need attention
 * (errors and warnings not yet accepted); its popover lists them all, with a
 * switch to accept each warning. The check runs again shortly after the plan
 * changes, so that a burst of edits costs one run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-conflict-list"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-conflict-list.h"

/* Long enough to fold a burst of edits (a drag, an undo group) into one run,
 * short enough to feel immediate. */
#define REFRESH_DELAY_MS 150
/* Should no frame come after another event is shown (the window hidden),
 * the check runs after this all the same; long enough not to jump ahead
 * of a big event's first frame. */
#define FIRST_FRAME_TIMEOUT_MS 500

struct _SemConflictList
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkMenuButton   *button;
  GtkLabel        *count_label;
  GtkImage        *icon;
  GtkListView     *list_view;
  GtkPopover      *popover;
  GtkLabel        *summary_label;

  /* owned */
  char            *summary;
  SemPlan         *plan;
  char            *event_id;
  char            *lang;
  GListStore      *conflicts;   /* SemConflict */
  GHashTable      *severities;  /* session id → SemConflictSeverity + 1, of unaccepted ones */
  guint            refresh_id;
  guint            tick_id;      /* waiting for the next frame, see refresh_after_frame () */
  int              travel_buffer;
  guint            n_problems;
};

G_DEFINE_FINAL_TYPE (SemConflictList, sem_conflict_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_EVENT_ID,
  PROP_TRAVEL_BUFFER,
  PROP_LANGUAGE,
  PROP_CONFLICTS,
  PROP_N_PROBLEMS,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CONFLICT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* g_set_str() is GLib 2.76. */
static gboolean
replace_str (char       **str,
             const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

static gboolean
is_problem (SemConflict *conflict)
{
  return sem_conflict_get_severity (conflict) == SEM_CONFLICT_SEVERITY_ERROR ||
         !sem_conflict_get_accepted (conflict);
}

/* Rows: one GtkSignalListItemFactory for the popover's list and the
 * Conflicts page. setup builds a row's widgets once; bind only fills them,
 * so a list of 20 000 conflicts costs the rows on screen. */

static void
accept_toggled_cb (GtkCheckButton *check,
                   GParamSpec     *pspec,
                   gpointer        user_data)
{
  SemConflictList *self = SEM_CONFLICT_LIST (user_data);
  SemConflict *conflict = g_object_get_data (G_OBJECT (check), "sem-conflict");
  gboolean active = gtk_check_button_get_active (check);

  gtk_check_button_set_label (check, active ? _("Accepted") : _("Accept"));
  if (self->plan != NULL && conflict != NULL && active != sem_conflict_get_accepted (conflict))
    /* The plan says it changed; the list follows after the delay. */
    sem_plan_set_conflict_accepted (self->plan, sem_conflict_get_id (conflict), active);
}

/* Enter on the focused check button follows the conflict, as on any other
 * row; Space still toggles it. */
static gboolean
check_enter_cb (GtkWidget *check,
                GVariant  *args,
                gpointer   user_data)
{
  GtkListItem *list_item = GTK_LIST_ITEM (user_data);
  guint position = gtk_list_item_get_position (list_item);

  if (position == GTK_INVALID_LIST_POSITION || !gtk_list_item_get_activatable (list_item))
    return FALSE;
  return gtk_widget_activate_action (check, "list.activate-item", "u", position);
}

/* Tooltips answered when asked: setting one's text asks the display where
 * the pointer is, a round trip per row. */
static gboolean
severity_tooltip_cb (GtkWidget  *icon,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip,
                     gpointer    user_data)
{
  SemConflict *conflict = g_object_get_data (G_OBJECT (gtk_widget_get_parent (icon)), "sem-conflict");

  if (conflict == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, sem_conflict_get_severity (conflict) == SEM_CONFLICT_SEVERITY_ERROR
                                 ? _("Error") : _("Warning"));
  return TRUE;
}

static gboolean
accept_tooltip_cb (GtkWidget  *check,
                   int         x,
                   int         y,
                   gboolean    keyboard_mode,
                   GtkTooltip *tooltip,
                   gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, _("Accepted warnings are not counted"));
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SemConflictList          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_check_button_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  const guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_ISO_Enter, GDK_KEY_KP_Enter };

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_has_tooltip (icon, TRUE);
  g_signal_connect (icon, "query-tooltip", G_CALLBACK (severity_tooltip_cb), NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "sem-conflict-explanation");

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (check, TRUE);
  g_signal_connect (check, "query-tooltip", G_CALLBACK (accept_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accept warning"),
                                  -1);
  /* Before the check button's own Enter binding, which would toggle it. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (enter_keys[i], 0),
                                                            gtk_callback_action_new (check_enter_cb,
                                                                                     list_item,
                                                                                     NULL)));
  gtk_widget_add_controller (check, shortcuts);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (box, "sem-conflict-row");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);

  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SemConflictList          *self)
{
  SemConflict *conflict = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  GtkWidget *check = gtk_widget_get_next_sibling (label);
  gboolean error = sem_conflict_get_severity (conflict) == SEM_CONFLICT_SEVERITY_ERROR;
  gboolean accepted = sem_conflict_get_accepted (conflict);
  const char *severity = error ? _("Error") : _("Warning");
  const char *explanation = sem_conflict_get_explanation (conflict);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), error ? "dialog-error-symbolic"
                                                        : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (icon, error ? "warning" : "error");
  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, severity,
                                  -1);

  gtk_label_set_label (GTK_LABEL (label), explanation);
  if (is_problem (conflict))
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");

  /* Set before the handler is connected: this is no user's toggle. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), accepted);
  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), accepted ? _("Accepted") : _("Accept"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, explanation,
                                  -1);
  gtk_widget_set_visible (check, !error);
  if (!error)
    {
      g_object_set_data_full (G_OBJECT (check), "sem-conflict", g_object_ref (conflict),
                              g_object_unref);
      g_signal_connect_object (check, "notify::active", G_CALLBACK (accept_toggled_cb), self, 0);
    }

  gtk_widget_remove_css_class (box, error ? "conflict-warning" : "conflict-error");
  gtk_widget_add_css_class (box, error ? "conflict-error" : "conflict-warning");
  g_object_set_data_full (G_OBJECT (box), "sem-conflict", g_object_ref (conflict), g_object_unref);
  gtk_list_item_set_activatable (list_item, sem_conflict_get_sessions (conflict)[0] != NULL);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SemConflictList          *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check = gtk_widget_get_last_child (box);

  g_signal_handlers_disconnect_by_func (check, accept_toggled_cb, self);
  g_object_set_data (G_OBJECT (check), "sem-conflict", NULL);
  g_object_set_data (G_OBJECT (box), "sem-conflict", NULL);
}

/* The popover's rows are made when it first opens, not with the window. */
static void
popover_map_cb (SemConflictList *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (gtk_list_view_get_model (self->list_view) != NULL)
    return;

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->conflicts)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

static void
list_activate_cb (SemConflictList *self,
                  guint            position,
                  GtkListView     *list_view)
{
  g_autoptr(SemConflict) conflict = g_list_model_get_item (G_LIST_MODEL (self->conflicts), position);

  if (conflict != NULL)
    sem_conflict_list_activate (self, conflict);
}

/* Results */

static void
update_button (SemConflictList *self)
{
  GtkWidget *content = gtk_widget_get_parent (GTK_WIDGET (self->icon));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));
  guint n_errors = 0;
  guint n_warnings = 0;
  guint n_accepted = 0;
  g_autofree char *count = NULL;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SemConflict) conflict = g_list_model_get_item (G_LIST_MODEL (self->conflicts), i);

      if (sem_conflict_get_severity (conflict) == SEM_CONFLICT_SEVERITY_ERROR)
        n_errors++;
      else if (sem_conflict_get_accepted (conflict))
        n_accepted++;
      else
        n_warnings++;
    }

  count = g_strdup_printf ("%u", n_errors + n_warnings);
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n_errors + n_warnings > 0);

  /* The icon and count take the colour, the button stays flat. */
  gtk_widget_remove_css_class (content, "error");
  gtk_widget_remove_css_class (content, "warning");
  if (n_errors > 0)
    {
      gtk_image_set_from_icon_name (self->icon, "dialog-error-symbolic");
      gtk_widget_add_css_class (content, "error");
    }
  else if (n_warnings > 0)
    {
      gtk_image_set_from_icon_name (self->icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (content, "warning");
    }
  else
    gtk_image_set_from_icon_name (self->icon, "object-select-symbolic");

  if (n_errors + n_warnings == 0)
    summary = g_strdup (n_accepted > 0 ? _("No conflicts besides accepted warnings")
                                       : _("No conflicts"));
  else if (n_warnings == 0)
    summary = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  else if (n_errors == 0)
    summary = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  else
    {
      g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors),
                                                 n_errors);
      g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings",
                                                             n_warnings), n_warnings);

      /* Translators: a count of errors and one of warnings, e.g. "2 errors, 1 warning" */
      summary = g_strdup_printf (C_("conflict counts", "%s, %s"), errors, warnings);
    }
  gtk_label_set_label (self->summary_label, summary);
  if (replace_str (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), summary);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->list_view)), n_items > 0);

  if (self->n_problems != n_errors + n_warnings)
    {
      self->n_problems = n_errors + n_warnings;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
    }
}

static gboolean
same_conflict (SemConflict *a,
               SemConflict *b)
{
  /* One nobody has read (not on screen, no tooltip) is replaced rather than
   * compared: writing out every sentence of a big plan after each edit
   * would cost more than the rows it spares. */
  if (!sem_conflict_is_explained (a))
    return FALSE;

  return g_strcmp0 (sem_conflict_get_id (a), sem_conflict_get_id (b)) == 0 &&
         sem_conflict_get_accepted (a) == sem_conflict_get_accepted (b) &&
         g_strcmp0 (sem_conflict_get_explanation (a), sem_conflict_get_explanation (b)) == 0;
}

/* Replaces only the rows that differ, so an open list keeps the others (and
 * the focus) as a user accepts warnings one by one. */
static void
splice_results (SemConflictList *self,
                GPtrArray       *results)
{
  GListModel *model = G_LIST_MODEL (self->conflicts);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = results->len;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(SemConflict) old = g_list_model_get_item (model, prefix);

      if (!same_conflict (old, results->pdata[prefix]))
        break;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(SemConflict) old = g_list_model_get_item (model, n_old - 1 - suffix);

      if (!same_conflict (old, results->pdata[n_new - 1 - suffix]))
        break;
      suffix++;
    }

  if (prefix == n_old && prefix == n_new)
    return;

  g_list_store_splice (self->conflicts, prefix, n_old - prefix - suffix,
                       results->pdata + prefix, n_new - prefix - suffix);
}

static void
update_severities (SemConflictList *self,
                   GPtrArray       *results)
{
  g_hash_table_remove_all (self->severities);
  for (guint i = 0; i < results->len; i++)
    {
      SemConflict *conflict = results->pdata[i];
      guint value = sem_conflict_get_severity (conflict) + 1;
      const char * const *sessions = sem_conflict_get_sessions (conflict);

      if (!is_problem (conflict))
        continue;
      for (guint j = 0; sessions[j] != NULL; j++)
        {
          guint old = GPOINTER_TO_UINT (g_hash_table_lookup (self->severities, sessions[j]));

          if (value > old)
            g_hash_table_insert (self->severities, g_strdup (sessions[j]), GUINT_TO_POINTER (value));
        }
    }
}

/**
 * sem_conflict_list_refresh:
 *
 * Runs the check now, for the plan and event set, and shows the result.
 */
void
sem_conflict_list_refresh (SemConflictList *self)
{
  g_autoptr(GPtrArray) results = NULL;

  g_return_if_fail (SEM_IS_CONFLICT_LIST (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  if (self->plan != NULL && self->event_id != NULL)
    {
      g_autoptr(SemConflictOptions) options = sem_conflict_options_new ();

      sem_conflict_options_set_travel_buffer (options, (gint64) self->travel_buffer * 60);
      sem_conflict_options_set_language (options, self->lang);
      results = sem_conflict_check (self->plan, self->event_id, options);
    }
  else
    results = g_ptr_array_new_with_free_func (g_object_unref);

  /* The marks first: the rows re-read them when the model changes. */
  update_severities (self, results);
  splice_results (self, results);
  update_button (self);
  gtk_widget_set_visible (GTK_WIDGET (self), self->plan != NULL && self->event_id != NULL);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  SemConflictList *self = SEM_CONFLICT_LIST (user_data);

  self->refresh_id = 0;
  sem_conflict_list_refresh (self);
  return G_SOURCE_REMOVE;
}

/* At the start of the event's first frame: the check is queued below
 * GTK's redraw priority, so it runs once this frame is painted. (An idle
 * queued earlier could run while the frame clock waits for its next frame,
 * and hold that frame up.) */
static gboolean
first_frame_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  SemConflictList *self = SEM_CONFLICT_LIST (widget);

  self->tick_id = 0;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_idle_add_full (G_PRIORITY_LOW, refresh_timeout_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Another event is shown: nothing of the last one stays listed, and the
 * check runs as soon as the event's first frame is painted, so that a big
 * event shows without waiting for it. */
static void
refresh_after_frame (SemConflictList *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);

  update_severities (self, none);
  splice_results (self, none);
  update_button (self);
  gtk_widget_set_visible (GTK_WIDGET (self), self->plan != NULL && self->event_id != NULL);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  if (self->plan != NULL && self->event_id != NULL)
    {
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), first_frame_tick_cb, NULL, NULL);
      self->refresh_id = g_timeout_add (FIRST_FRAME_TIMEOUT_MS, refresh_timeout_cb, self);
    }
}

static void
queue_refresh (SemConflictList *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

/* Public API */

/**
 * sem_conflict_list_create_factory:
 *
 * The rows of this list, for a #GtkListView of sem_conflict_list_get_conflicts ():
 * a conflict's explanation and, for a warning, the Accept toggle, which
 * accepts it through the plan. Activating a row is the view's owner's to pass
 * on to sem_conflict_list_activate ().
 *
 * Returns: (transfer full): a new factory; it stops accepting once @self is gone
 */
GtkListItemFactory *
sem_conflict_list_create_factory (SemConflictList *self)
{
  GtkListItemFactory *factory;

  g_return_val_if_fail (SEM_IS_CONFLICT_LIST (self), NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  return factory;
}

/**
 * sem_conflict_list_activate:
 *
 * Closes the list and emits #SemConflictList::conflict-activated, as a click
 * on @conflict's row does.
 */
void
sem_conflict_list_activate (SemConflictList *self,
                            SemConflict     *conflict)
{
  const char * const *sessions;

  g_return_if_fail (SEM_IS_CONFLICT_LIST (self));
  g_return_if_fail (SEM_IS_CONFLICT (conflict));

  sessions = sem_conflict_get_sessions (conflict);
  if (sessions == NULL || sessions[0] == NULL)
    return;
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[CONFLICT_ACTIVATED], 0, conflict);
}

/**
 * sem_conflict_list_get_summary:
 *
 * Returns: the counts in words, such as "2 errors, 1 warning"
 */
const char *
sem_conflict_list_get_summary (SemConflictList *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT_LIST (self), NULL);

  return self->summary;
}

/**
 * sem_conflict_list_new:
 *
 * Returns: (transfer floating): a conflict button without a plan
 */
GtkWidget *
sem_conflict_list_new (void)
{
  return g_object_new (SEM_TYPE_CONFLICT_LIST, NULL);
}

/**
 * sem_conflict_list_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan checked
 */
SemPlan *
sem_conflict_list_get_plan (SemConflictList *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT_LIST (self), NULL);

  return self->plan;
}

/**
 * sem_conflict_list_set_plan:
 * @plan: (nullable): the plan to check, again whenever it changes
 *
 * The new plan is checked at once.
 */
void
sem_conflict_list_set_plan (SemConflictList *self,
                            SemPlan         *plan)
{
  g_return_if_fail (SEM_IS_CONFLICT_LIST (self));
  g_return_if_fail (plan == NULL || SEM_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_object (plan, "changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);

  sem_conflict_list_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

const char *
sem_conflict_list_get_event_id (SemConflictList *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT_LIST (self), NULL);

  return self->event_id;
}

/**
 * sem_conflict_list_set_event_id:
 * @event_id: (nullable): the event whose conflicts are shown
 *
 * The event is checked at once.
 */
void
sem_conflict_list_set_event_id (SemConflictList *self,
                                const char      *event_id)
{
  g_return_if_fail (SEM_IS_CONFLICT_LIST (self));

  if (!replace_str (&self->event_id, event_id))
    return;

  refresh_after_frame (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_ID]);
}

int
sem_conflict_list_get_travel_buffer (SemConflictList *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT_LIST (self), 0);

  return self->travel_buffer;
}

/**
 * sem_conflict_list_set_travel_buffer:
 * @minutes: the least time between a person's sessions in different venues
 */
void
sem_conflict_list_set_travel_buffer (SemConflictList *self,
                                     int              minutes)
{
  g_return_if_fail (SEM_IS_CONFLICT_LIST (self));

  minutes = MAX (minutes, 0);
  if (self->travel_buffer == minutes)
    return;

  self->travel_buffer = minutes;
  queue_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAVEL_BUFFER]);
}

const char *
sem_conflict_list_get_language (SemConflictList *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT_LIST (self), NULL);

  return self->lang;
}

/**
 * sem_conflict_list_set_language:
 * @lang: (nullable): "en" or "bg", the language of the explanations; %NULL
 *   for the user interface's
 */
void
sem_conflict_list_set_language (SemConflictList *self,
                                const char      *lang)
{
  g_return_if_fail (SEM_IS_CONFLICT_LIST (self));

  if (!replace_str (&self->lang, lang))
    return;

  queue_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

/**
 * sem_conflict_list_get_conflicts:
 *
 * Returns: (transfer none): the conflicts shown, as a model of #SemConflict;
 *   it changes when a check finds something new
 */
GListModel *
sem_conflict_list_get_conflicts (SemConflictList *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT_LIST (self), NULL);

  return G_LIST_MODEL (self->conflicts);
}

/**
 * sem_conflict_list_get_n_problems:
 *
 * Returns: the number of errors and warnings not accepted: the count shown
 */
guint
sem_conflict_list_get_n_problems (SemConflictList *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT_LIST (self), 0);

  return self->n_problems;
}

/**
 * sem_conflict_list_get_session_severity:
 * @severity: (out) (optional): the worst severity of its conflicts
 *
 * Returns: whether the session has a conflict that is not an accepted warning
 */
gboolean
sem_conflict_list_get_session_severity (SemConflictList     *self,
                                        const char          *session_id,
                                        SemConflictSeverity *severity)
{
  guint value;

  g_return_val_if_fail (SEM_IS_CONFLICT_LIST (self), FALSE);

  value = session_id != NULL
    ? GPOINTER_TO_UINT (g_hash_table_lookup (self->severities, session_id))
    : 0;
  if (value == 0)
    return FALSE;

  if (severity != NULL)
    *severity = value - 1;
  return TRUE;
}

/**
 * sem_conflict_list_popup:
 *
 * Shows the list.
 */
void
sem_conflict_list_popup (SemConflictList *self)
{
  g_return_if_fail (SEM_IS_CONFLICT_LIST (self));

  gtk_menu_button_popup (self->button);
}

void
sem_conflict_list_popdown (SemConflictList *self)
{
  g_return_if_fail (SEM_IS_CONFLICT_LIST (self));

  gtk_menu_button_popdown (self->button);
}

/* GObject */

static void
sem_conflict_list_dispose (GObject *object)
{
  SemConflictList *self = SEM_CONFLICT_LIST (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);

  gtk_widget_dispose_template (GTK_WIDGET (self), SEM_TYPE_CONFLICT_LIST);

  G_OBJECT_CLASS (sem_conflict_list_parent_class)->dispose (object);
}

static void
sem_conflict_list_finalize (GObject *object)
{
  SemConflictList *self = SEM_CONFLICT_LIST (object);

  g_clear_object (&self->conflicts);
  g_clear_pointer (&self->severities, g_hash_table_unref);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (sem_conflict_list_parent_class)->finalize (object);
}

static void
sem_conflict_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SemConflictList *self = SEM_CONFLICT_LIST (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_EVENT_ID:
      g_value_set_string (value, self->event_id);
      break;
    case PROP_TRAVEL_BUFFER:
      g_value_set_int (value, self->travel_buffer);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->lang);
      break;
    case PROP_CONFLICTS:
      g_value_set_object (value, self->conflicts);
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->n_problems);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_conflict_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SemConflictList *self = SEM_CONFLICT_LIST (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      sem_conflict_list_set_plan (self, g_value_get_object (value));
      break;
    case PROP_EVENT_ID:
      sem_conflict_list_set_event_id (self, g_value_get_string (value));
      break;
    case PROP_TRAVEL_BUFFER:
      sem_conflict_list_set_travel_buffer (self, g_value_get_int (value));
      break;
    case PROP_LANGUAGE:
      sem_conflict_list_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_conflict_list_class_init (SemConflictListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sem_conflict_list_dispose;
  object_class->finalize = sem_conflict_list_finalize;
  object_class->get_property = sem_conflict_list_get_property;
  object_class->set_property = sem_conflict_list_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SEM_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] =
    g_param_spec_string ("event-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SemConflictList:travel-buffer:
   *
   * Minutes, like the "travel-buffer" setting it is bound to.
   */
  properties[PROP_TRAVEL_BUFFER] =
    g_param_spec_int ("travel-buffer", NULL, NULL,
                      0, G_MAXINT, SEM_CONFLICT_DEFAULT_TRAVEL_BUFFER / 60,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTS] =
    g_param_spec_object ("conflicts", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SemConflictList::conflict-activated:
   * @conflict: the conflict whose row was activated
   *
   * A user chose a conflict in the list: the window shows its sessions.
   */
  signals[CONFLICT_ACTIVATED] =
    g_signal_new ("conflict-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SEM_TYPE_CONFLICT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sofia/Seminars/ui/sem-conflict-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SemConflictList, button);
  gtk_widget_class_bind_template_child (widget_class, SemConflictList, count_label);
  gtk_widget_class_bind_template_child (widget_class, SemConflictList, icon);
  gtk_widget_class_bind_template_child (widget_class, SemConflictList, list_view);
  gtk_widget_class_bind_template_child (widget_class, SemConflictList, popover);
  gtk_widget_class_bind_template_child (widget_class, SemConflictList, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_map_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "semconflictlist");
}

static void
sem_conflict_list_init (SemConflictList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->travel_buffer = SEM_CONFLICT_DEFAULT_TRAVEL_BUFFER / 60;
  self->conflicts = g_list_store_new (SEM_TYPE_CONFLICT);
  self->severities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  {
    g_autoptr(GtkListItemFactory) factory = sem_conflict_list_create_factory (self);

    gtk_list_view_set_factory (self->list_view, factory);
  }
  update_button (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
