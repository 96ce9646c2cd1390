/* test-l10n-dates.c — dates and times in Bulgarian, as the window shows them
 *
 * Runs in bg_BG.UTF-8 with LANGUAGE=bg and the build tree's catalogue
 * (SEM_TEST_LOCALEDIR), and formats 22 November 2026, 14:05 through the
 * window's date ranges, the conflict explanations and every translated
 * g_date_time_format() string: a full date reads "22 ноември 2026 г.", times
 * are 24-hour, and the locale starts the week (GtkCalendar's) on Monday.
 *
 * Without the bg_BG.UTF-8 locale (build-aux/setup generates it) the tests
 * skip, except under CI, where they fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-l10n-dates"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "sem-conflict.h"
#include "sem-event.h"
#include "sem-plan.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-venue.h"
#include "sem-window-private.h"

static gboolean have_locale;

/* Whether the test can go on: the locale is there (and the catalogue is
 * loaded); otherwise skips, or fails under CI. */
static gboolean
require_bulgarian (void)
{
  if (have_locale)
    {
      /* The catalogue is loaded when its header (the translation of "") is. */
      if (strstr (dgettext (GETTEXT_PACKAGE, ""), "Language: bg") == NULL)
        {
          g_test_fail_printf ("no Bulgarian catalogue in %s", g_getenv ("SEM_TEST_LOCALEDIR"));
          return FALSE;
        }
      return TRUE;
    }
  if (g_getenv ("CI") != NULL && *g_getenv ("CI") != '\0')
    g_test_fail_printf ("the bg_BG.UTF-8 locale is missing (build-aux/setup generates it)");
  else
    g_test_skip ("the bg_BG.UTF-8 locale is missing (build-aux/setup generates it)");
  return FALSE;
}

static void
test_date_range (void)
{
  static const struct { const char *first, *last, *expected; } cases[] = {
    { "2026-11-22", NULL, "22 ноември 2026 г." },
    { "2026-11-02", "2026-11-02", "2 ноември 2026 г." },
    { "2026-11-20", "2026-11-22", "20–22 ноември 2026 г." },
    { "2026-10-30", "2026-11-02", "30 октомври–2 ноември 2026 г." },
    { "2026-12-30", "2027-01-02", "30 декември 2026 г.–2 януари 2027 г." },
  };

  if (!require_bulgarian ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sem_format_date_range (cases[i].first, cases[i].last);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Every translated format string of ours, on Sunday 22 November 2026, 14:05. */
static void
test_format_strings (void)
{
  static const struct { const char *context, *format, *expected; } cases[] = {
    { NULL, "%-e %B %Y", "22 ноември 2026 г." },
    { NULL, "%-d %B %Y", "22 ноември 2026 г." },
    { NULL, "%A, %-e %B %Y", "неделя, 22 ноември 2026 г." },
    { NULL, "%a, %-e %b %Y", "нд, 22 ное 2026 г." },
    { NULL, "%A %-e %B", "неделя, 22 ноември" },
    { NULL, "%-e %B", "22 ноември" },
    { NULL, "%a %-e %b", "нд, 22 ное" },
    { NULL, "%-e %b", "22 ное" },
    { "session time", "%a %-e %b, %H:%M", "нд, 22 ное, 14:05" },
    /* Not translated: the times of the timetable, lists and editors. */
    { "", "%H:%M", "14:05" },
  };
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 22, 14, 5, 0);

  if (!require_bulgarian ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *format;
      g_autofree char *text = NULL;

      if (cases[i].context == NULL)
        format = _(cases[i].format);
      else if (*cases[i].context == '\0')
        format = cases[i].format;
      else
        format = g_dpgettext2 (GETTEXT_PACKAGE, cases[i].context, cases[i].format);
      text = g_date_time_format (when, format);
      g_test_message ("%s → %s → %s", cases[i].format, format, text);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* A room booked twice on 22 November 2026 in Sofia: the conflict's sentence
 * (the Conflicts page, `sofia-seminars check`) gives the date and times. */
static void
test_conflict_explanation (void)
{
  g_autoptr(SemPlan) plan = sem_plan_new ();
  g_autoptr(SemConflictOptions) options = sem_conflict_options_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(SemVenue) venue = g_object_new (SEM_TYPE_VENUE, "id", "v", "name-en", "NDK",
                                            "timezone", "Europe/Sofia", NULL);
  g_autoptr(SemRoom) room = g_object_new (SEM_TYPE_ROOM, "id", "r", "name-en", "Hall 1",
                                          "name-bg", "Зала 1", "venue", "v", NULL);
  g_autoptr(SemEvent) event = g_object_new (SEM_TYPE_EVENT, "id", "e", "title-en", "e",
                                            "timezone", "Europe/Sofia", "start-date", "2026-11-22",
                                            "end-date", "2026-11-22", NULL);
  /* 14:05–15:00 and 14:30–16:00 in Sofia (UTC+2 in November). */
  g_autoptr(SemSession) a = g_object_new (SEM_TYPE_SESSION, "id", "a", "event", "e",
                                          "title-en", "Opening", "title-bg", "Откриване",
                                          "start", G_GINT64_CONSTANT (1795349100),
                                          "end", G_GINT64_CONSTANT (1795352400), "room", "r", NULL);
  g_autoptr(SemSession) b = g_object_new (SEM_TYPE_SESSION, "id", "b", "event", "e",
                                          "title-en", "Workshop", "title-bg", "Работна среща",
                                          "start", G_GINT64_CONSTANT (1795350600),
                                          "end", G_GINT64_CONSTANT (1795356000), "room", "r", NULL);
  const char *text;

  if (!require_bulgarian ())
    return;
  sem_plan_add (plan, SEM_ENTITY (venue));
  sem_plan_add (plan, SEM_ENTITY (room));
  sem_plan_add (plan, SEM_ENTITY (event));
  sem_plan_add (plan, SEM_ENTITY (a));
  sem_plan_add (plan, SEM_ENTITY (b));
  sem_conflict_options_set_language (options, "bg");

  conflicts = sem_conflict_check (plan, NULL, options);
  g_assert_cmpuint (conflicts->len, ==, 1);
  text = sem_conflict_get_explanation (g_ptr_array_index (conflicts, 0));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "„Откриване“ (14:05–15:00)"));
  g_assert_nonnull (strstr (text, "„Работна среща“ (14:30–16:00)"));
  g_assert_true (g_str_has_suffix (text, " на 22 ноември 2026 г."));
}

/* 24-hour times and Monday first, as the locale gives them to
 * g_date_time_format() ("%X") and to GtkCalendar (which computes its first
 * day of the week from these two nl_langinfo() items on glibc). */
static void
test_locale_clock_and_week (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 22, 14, 5, 0);
  g_autofree char *time = NULL;
  union { unsigned int word; char *string; } origin;
  int first_weekday, week_1stday, week_start;

  if (!require_bulgarian ())
    return;
  time = g_date_time_format (when, "%X");
  g_assert_true (g_str_has_prefix (time, "14:05"));

  first_weekday = nl_langinfo (_NL_TIME_FIRST_WEEKDAY)[0];
  origin.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  g_assert_true (origin.word == 19971130 || origin.word == 19971201);
  week_1stday = origin.word == 19971130 ? 0 : 1;   /* Sunday : Monday */
  week_start = (week_1stday + first_weekday - 1) % 7;
  g_assert_cmpint (week_start, ==, 1);             /* Monday */
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SEM_TEST_LOCALEDIR");

  g_setenv ("LANGUAGE", "bg", TRUE);
  g_setenv ("LC_ALL", "bg_BG.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  have_locale = setlocale (LC_ALL, "") != NULL;
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/l10n-dates/date-range", test_date_range);
  g_test_add_func ("/l10n-dates/format-strings", test_format_strings);
  g_test_add_func ("/l10n-dates/conflict-explanation", test_conflict_explanation);
  g_test_add_func ("/l10n-dates/locale-clock-and-week", test_locale_clock_and_week);

  return g_test_run ();
}
