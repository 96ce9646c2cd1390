/* bench-plan.c — load and save of a big plan against bare json-glib
 *
 * One measurement per process, so that each peak memory figure is its own:
 *
 *   bench-plan generate FILE N    write a plan of N sessions
 *   bench-plan generate-events FILE N  the same plan without its sessions
 *   bench-plan load FILE          our loader (parse, check, build the model)
 *   bench-plan bare-load FILE     json_parser_load_from_data on the same bytes,
 *                                 then freeing the tree, as our loader does
 *   bench-plan save FILE OUT      load, then time our durable save to OUT
 *   bench-plan bare-save FILE OUT parse, then time json-glib generating OUT
 *                                 written the same durable way
 *
 * Each timed mode prints "SECONDS MAX_RSS_KIB". The file is read into
 * memory before the clock starts in both the loader and the bare case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-plan"

#include "config.h"

#include <stdlib.h>

#include "bench-common.h"
#include "sem-plan-codec.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *mode = argc > 2 ? argv[1] : "";
  gint64 start;

  if (g_str_equal (mode, "generate") && argc == 4)
    {
      g_autoptr(SemPlan) plan = bench_generate_plan ((guint) atoi (argv[3]), TRUE);
      gsize length;
      g_autofree char *data = sem_plan_codec_to_data (plan, &length);

      bench_write_durable (argv[2], data, length);
      return 0;
    }

  if (g_str_equal (mode, "generate-events") && argc == 4)
    {
      g_autoptr(SemPlan) plan = bench_generate_plan ((guint) atoi (argv[3]), FALSE);
      gsize length;
      g_autofree char *data = sem_plan_codec_to_data (plan, &length);

      bench_write_durable (argv[2], data, length);
      return 0;
    }

  if (g_str_equal (mode, "load") && argc == 3)
    {
      g_autoptr(GBytes) bytes = bench_read_file (argv[2]);
      g_autoptr(SemPlan) plan = NULL;

      start = g_get_monotonic_time ();
      plan = sem_plan_codec_load_bytes (bytes, argv[2], &error);
      if (plan == NULL)
        g_error ("%s", error->message);
      bench_report (start);
      return 0;
    }

  if (g_str_equal (mode, "bare-load") && argc == 3)
    {
      g_autoptr(GBytes) bytes = bench_read_file (argv[2]);
      JsonParser *parser = json_parser_new ();
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      /* Like our loader, a bare program parses and then lets the tree go. */
      start = g_get_monotonic_time ();
      if (!json_parser_load_from_data (parser, data, length, &error))
        g_error ("%s", error->message);
      g_object_unref (parser);
      bench_report (start);
      return 0;
    }

  if (g_str_equal (mode, "save") && argc == 4)
    {
      g_autoptr(GBytes) bytes = bench_read_file (argv[2]);
      g_autoptr(SemPlan) plan = sem_plan_codec_load_bytes (bytes, argv[2], &error);
      g_autofree char *data = NULL;
      gsize length;

      if (plan == NULL)
        g_error ("%s", error->message);
      g_clear_pointer (&bytes, g_bytes_unref);

      start = g_get_monotonic_time ();
      data = sem_plan_codec_to_data (plan, &length);
      if (!sem_plan_codec_write_file (argv[3], data, length, &error))
        g_error ("%s", error->message);
      bench_report (start);
      return 0;
    }

  if (g_str_equal (mode, "bare-save") && argc == 4)
    {
      g_autoptr(GBytes) bytes = bench_read_file (argv[2]);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GString) out = NULL;

      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), &error))
        g_error ("%s", error->message);
      g_clear_pointer (&bytes, g_bytes_unref);

      start = g_get_monotonic_time ();
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      json_generator_set_root (generator, json_parser_get_root (parser));
      out = g_string_new (NULL);
      json_generator_to_gstring (generator, out);
      g_string_append_c (out, '\n');
      bench_write_durable (argv[3], out->str, out->len);
      bench_report (start);
      return 0;
    }

  g_printerr ("usage: bench-plan generate FILE N | load FILE | bare-load FILE | "
              "save FILE OUT | bare-save FILE OUT\n");
  return 2;
}
