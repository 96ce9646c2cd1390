/* sem-caldav.c — publishing an event's sessions to a CalDAV collection
 *
 * One resource per session (`UID.ics`, no METHOD). What we last put there
 * is remembered in a small state file (ETag and body hash per UID), so that
 * an unchanged session costs no request and a resource someone else changed
 * is never overwritten: the PUT carries the ETag we saw, and the server's
 * 412 says it moved on without us.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-caldav"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sem-caldav.h"
#include "sem-ical-export.h"

#define TIMEOUT_SECONDS 30
#define MAX_LISTING_SIZE (16 * 1024 * 1024)

G_DEFINE_QUARK (sem-caldav-error-quark, sem_caldav_error)

typedef struct
{
  SoupSession     *session;
  char            *base;          /* the collection's URL, ending in '/' */
  char            *authorization; /* or NULL */
  GCancellable    *cancellable;
  GHashTable      *server_etags;  /* resource name → ETag, as the server lists them */
  GKeyFile        *state;         /* UID → etag, sha256 of what we last put */
  SemCaldavReport *report;
} Publish;

static void
publish_clear (Publish *publish)
{
  g_clear_object (&publish->session);
  g_clear_pointer (&publish->base, g_free);
  if (publish->authorization != NULL)
    {
      /* The password is in it. */
      memset (publish->authorization, 0, strlen (publish->authorization));
      g_clear_pointer (&publish->authorization, g_free);
    }
  g_clear_pointer (&publish->server_etags, g_hash_table_unref);
  g_clear_pointer (&publish->state, g_key_file_unref);
  g_clear_pointer (&publish->report, sem_caldav_report_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Publish, publish_clear)

/**
 * sem_caldav_report_free:
 *
 * Frees a #SemCaldavReport.
 */
void
sem_caldav_report_free (SemCaldavReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->lines, g_ptr_array_unref);
  g_free (report);
}

/**
 * sem_caldav_report_is_clean:
 *
 * Returns: whether nothing failed and nobody else's change got in the way
 */
gboolean
sem_caldav_report_is_clean (SemCaldavReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);

  return report->counts[SEM_CALDAV_CONFLICT] == 0 && report->counts[SEM_CALDAV_FAILED] == 0;
}

/**
 * sem_caldav_report_totals:
 *
 * Returns: (transfer full): one line with the counts of each outcome
 */
char *
sem_caldav_report_totals (SemCaldavReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return g_strdup_printf (_("%u created, %u updated, %u unchanged, %u deleted, %u conflicts, %u errors"),
                          report->counts[SEM_CALDAV_CREATED],
                          report->counts[SEM_CALDAV_UPDATED],
                          report->counts[SEM_CALDAV_UNCHANGED],
                          report->counts[SEM_CALDAV_DELETED],
                          report->counts[SEM_CALDAV_CONFLICT],
                          report->counts[SEM_CALDAV_FAILED]);
}

G_GNUC_PRINTF (3, 4)
static void
note (Publish          *publish,
      SemCaldavOutcome  outcome,
      const char       *format,
      ...)
{
  va_list args;

  publish->report->counts[outcome]++;
  if (format == NULL)
    return;
  va_start (args, format);
  g_ptr_array_add (publish->report->lines, g_strdup_vprintf (format, args));
  va_end (args);
}

/**
 * sem_caldav_split_user_info:
 * @url: an http or https URL, perhaps with `user:password@`
 * @user: (out) (optional) (nullable): the user name it carried
 * @password: (out) (optional) (nullable): the password it carried
 *
 * Returns: (transfer full) (nullable): @url without its user-info and with
 *   a path ending in '/', or %NULL with @error set
 */
char *
sem_caldav_split_user_info (const char  *url,
                            char       **user,
                            char       **password,
                            GError     **error)
{
  const GUriFlags flags = G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_PATH |
                          G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_FRAGMENT;
  g_autoptr(GUri) uri = g_uri_parse (url, flags, NULL);
  g_autoptr(GUri) bare = NULL;
  g_autofree char *path = NULL;
  const char *scheme;

  g_return_val_if_fail (url != NULL, NULL);

  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      /* Not the URL itself: it may hold a password. */
      g_set_error_literal (error, SEM_CALDAV_ERROR, SEM_CALDAV_ERROR_URL,
                           _("The calendar address must be an http or https URL"));
      return NULL;
    }

  if (user != NULL)
    *user = g_strdup (g_uri_get_user (uri));
  if (password != NULL)
    *password = g_strdup (g_uri_get_password (uri));

  path = g_str_has_suffix (g_uri_get_path (uri), "/")
         ? g_strdup (g_uri_get_path (uri))
         : g_strconcat (g_uri_get_path (uri), "/", NULL);
  bare = g_uri_build (flags, scheme, NULL, g_uri_get_host (uri), g_uri_get_port (uri), path,
                      g_uri_get_query (uri), NULL);
  return g_uri_to_string (bare);
}

/**
 * sem_caldav_default_state_file:
 * @url: the collection's URL, without user-info
 *
 * Returns: (transfer full): where what was published to @url is remembered
 */
GFile *
sem_caldav_default_state_file (const char *url)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  g_autofree char *name = g_strconcat (hash, ".ini", NULL);

  return g_file_new_build_filename (g_get_user_state_dir (), "sofia-seminars", "caldav", name, NULL);
}

static char *
describe_status (SoupMessage *message)
{
  return g_strdup_printf ("%u %s", soup_message_get_status (message),
                          soup_message_get_reason_phrase (message) ? soup_message_get_reason_phrase (message) : "");
}

/* Sends @message; an unanswered request or a refused password is an error,
 * any other status is for the caller to judge. */
static GBytes *
send_message (Publish      *publish,
              SoupMessage  *message,
              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) body = NULL;

  if (publish->authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message),
                                  "Authorization", publish->authorization);

  body = soup_session_send_and_read (publish->session, message, publish->cancellable, &local_error);
  if (body == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SEM_CALDAV_ERROR, SEM_CALDAV_ERROR_NETWORK,
                     _("The calendar server did not answer: %s"), local_error->message);
      return NULL;
    }

  if (soup_message_get_status (message) == SOUP_STATUS_UNAUTHORIZED ||
      soup_message_get_status (message) == SOUP_STATUS_FORBIDDEN)
    {
      g_set_error (error, SEM_CALDAV_ERROR, SEM_CALDAV_ERROR_AUTH,
                   publish->authorization != NULL
                   ? _("The calendar server refused the user name or password (%u)")
                   : _("The calendar server asks for a user name and password (%u)"),
                   soup_message_get_status (message));
      return NULL;
    }

  return g_steal_pointer (&body);
}

/* A PROPFIND's multistatus, read for each resource's name and ETag. */
typedef struct
{
  GHashTable *etags;
  GString    *text;
  char       *href;
  char       *etag;
} Listing;

static const char *
local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

static void
listing_start_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Listing *listing = user_data;

  g_string_truncate (listing->text, 0);
  if (g_str_equal (local_name (element), "response"))
    {
      g_clear_pointer (&listing->href, g_free);
      g_clear_pointer (&listing->etag, g_free);
    }
}

static void
listing_end_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Listing *listing = user_data;
  const char *name = local_name (element);

  if (g_str_equal (name, "href"))
    {
      g_free (listing->href);
      listing->href = g_strdup (g_strstrip (listing->text->str));
    }
  else if (g_str_equal (name, "getetag"))
    {
      g_free (listing->etag);
      listing->etag = g_strdup (g_strstrip (listing->text->str));
    }
  else if (g_str_equal (name, "response") && listing->href != NULL &&
           listing->etag != NULL && *listing->etag != '\0' &&
           !g_str_has_suffix (listing->href, "/"))
    {
      g_autofree char *path = g_uri_unescape_string (listing->href, NULL);
      const char *slash = path != NULL ? strrchr (path, '/') : NULL;

      if (slash != NULL && slash[1] != '\0')
        g_hash_table_replace (listing->etags, g_strdup (slash + 1), g_strdup (listing->etag));
    }
  g_string_truncate (listing->text, 0);
}

static void
listing_text_cb (GMarkupParseContext  *context,
                 const char           *text,
                 gsize                 length,
                 gpointer              user_data,
                 GError              **error)
{
  Listing *listing = user_data;

  g_string_append_len (listing->text, text, length);
}

static gboolean
read_listing (GBytes      *body,
              GHashTable  *etags,
              GError     **error)
{
  static const GMarkupParser parser = {
    listing_start_cb, listing_end_cb, listing_text_cb, NULL, NULL
  };
  Listing listing = { etags, g_string_new (NULL), NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  const char *start = data;
  gboolean ok;

  /* GMarkup does not take the XML declaration. */
  if (size > 5 && strncmp (data, "<?xml", 5) == 0)
    {
      const char *end = g_strstr_len (data, size, "?>");

      if (end != NULL)
        start = end + 2;
    }

  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &listing, NULL);
  ok = g_markup_parse_context_parse (context, start, size - (start - data), error) &&
       g_markup_parse_context_end_parse (context, error);

  g_string_free (listing.text, TRUE);
  g_free (listing.href);
  g_free (listing.etag);
  return ok;
}

/* The collection's resources and their ETags; the collection is made
 * when it is missing. */
static gboolean
list_collection (Publish  *publish,
                 GError  **error)
{
  static const char request[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<propfind xmlns=\"DAV:\"><prop><getetag/><resourcetype/></prop></propfind>\n";
  g_autoptr(SoupMessage) message = soup_message_new ("PROPFIND", publish->base);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) request_body = g_bytes_new_static (request, sizeof request - 1);
  g_autoptr(GError) local_error = NULL;
  guint status;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Depth", "1");
  soup_message_set_request_body_from_bytes (message, "application/xml; charset=utf-8", request_body);
  body = send_message (publish, message, error);
  if (body == NULL)
    return FALSE;

  status = soup_message_get_status (message);
  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_autoptr(SoupMessage) make = soup_message_new ("MKCALENDAR", publish->base);
      g_autoptr(GBytes) made = send_message (publish, make, error);

      if (made == NULL)
        return FALSE;
      if (soup_message_get_status (make) != SOUP_STATUS_CREATED)
        {
          g_autofree char *what = describe_status (make);

          g_set_error (error, SEM_CALDAV_ERROR, SEM_CALDAV_ERROR_SERVER,
                       _("The calendar server did not create the calendar %s: %s"), publish->base, what);
          return FALSE;
        }
      return TRUE;
    }

  if (status != SOUP_STATUS_MULTI_STATUS)
    {
      g_autofree char *what = describe_status (message);

      g_set_error (error, SEM_CALDAV_ERROR, SEM_CALDAV_ERROR_SERVER,
                   _("The calendar server did not list the calendar %s: %s"), publish->base, what);
      return FALSE;
    }

  if (g_bytes_get_size (body) > MAX_LISTING_SIZE || !read_listing (body, publish->server_etags, &local_error))
    {
      g_set_error (error, SEM_CALDAV_ERROR, SEM_CALDAV_ERROR_SERVER,
                   _("The calendar server’s list of %s could not be read: %s"), publish->base,
                   local_error != NULL ? local_error->message : _("too large"));
      return FALSE;
    }
  return TRUE;
}

/* The resource's ETag after we changed it: from the answer, else asked for. */
static char *
etag_after (Publish     *publish,
            SoupMessage *answer,
            const char  *url)
{
  const char *etag = soup_message_headers_get_one (soup_message_get_response_headers (answer), "ETag");
  g_autoptr(SoupMessage) head = NULL;
  g_autoptr(GBytes) body = NULL;

  if (etag != NULL)
    return g_strdup (etag);

  head = soup_message_new ("HEAD", url);
  body = send_message (publish, head, NULL);
  if (body == NULL || !SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (head)))
    return NULL;
  return g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (head), "ETag"));
}

/* PUT with a precondition. Returns the status, 0 when unanswered (with @error). */
static guint
put_resource (Publish          *publish,
              const char       *url,
              SemIcalResource  *resource,
              const char       *if_match,
              char            **new_etag,
              GError          **error)
{
  g_autoptr(SoupMessage) message = soup_message_new ("PUT", url);
  g_autoptr(GBytes) text = g_bytes_new (resource->text, resource->length);
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);
  guint status;

  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  else
    soup_message_headers_replace (headers, "If-None-Match", "*");
  soup_message_set_request_body_from_bytes (message, "text/calendar; charset=utf-8", text);

  body = send_message (publish, message, error);
  if (body == NULL)
    return 0;
  status = soup_message_get_status (message);
  if (status == SOUP_STATUS_CREATED || status == SOUP_STATUS_NO_CONTENT || status == SOUP_STATUS_OK)
    *new_etag = etag_after (publish, message, url);
  return status;
}

static guint
delete_resource (Publish     *publish,
                 const char  *url,
                 const char  *if_match,
                 GError     **error)
{
  g_autoptr(SoupMessage) message = soup_message_new ("DELETE", url);
  g_autoptr(GBytes) body = NULL;

  if (if_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "If-Match", if_match);
  body = send_message (publish, message, error);
  return body != NULL ? soup_message_get_status (message) : 0;
}

/* Someone else changed the resource: read it again to tell what is there now. */
static void
note_conflict (Publish    *publish,
               const char *url,
               const char *uid)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = send_message (publish, message, NULL);
  const char *etag = body != NULL
                     ? soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag")
                     : NULL;

  if (body != NULL && soup_message_get_status (message) == SOUP_STATUS_NOT_FOUND)
    note (publish, SEM_CALDAV_CONFLICT,
          _("Conflict: %s was deleted by someone else on the server; left as it is"), uid);
  else
    note (publish, SEM_CALDAV_CONFLICT,
          _("Conflict: %s was changed by someone else on the server (now %s); left as it is"),
          uid, etag != NULL ? etag : "?");
}

static void
remember (Publish    *publish,
          const char *uid,
          const char *etag,
          const char *hash)
{
  if (etag == NULL)
    {
      /* Next time the server's listing decides. */
      g_key_file_remove_group (publish->state, uid, NULL);
      return;
    }
  g_key_file_set_string (publish->state, uid, "etag", etag);
  g_key_file_set_string (publish->state, uid, "sha256", hash);
}

static void
publish_cancelled (Publish         *publish,
                   SemIcalResource *resource,
                   const char      *url,
                   const char      *server_etag,
                   const char      *known_etag)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *new_etag = NULL;
  guint status;

  if (server_etag == NULL)
    {
      /* Never published, or already deleted. */
      g_key_file_remove_group (publish->state, resource->uid, NULL);
      return;
    }

  /* Updated first, so that whoever synced it sees it cancelled even if
   * their client misses the deletion. */
  status = put_resource (publish, url, resource, known_etag != NULL ? known_etag : server_etag,
                         &new_etag, &error);
  if (status == SOUP_STATUS_PRECONDITION_FAILED)
    {
      note_conflict (publish, url, resource->uid);
      return;
    }
  if (status != SOUP_STATUS_CREATED && status != SOUP_STATUS_NO_CONTENT && status != SOUP_STATUS_OK)
    {
      note (publish, SEM_CALDAV_FAILED, _("Failed: %s: %s"), resource->uid,
            error != NULL ? error->message : soup_status_get_phrase (status));
      return;
    }

  status = delete_resource (publish, url, new_etag, &error);
  if (status == SOUP_STATUS_PRECONDITION_FAILED)
    note_conflict (publish, url, resource->uid);
  else if (status == SOUP_STATUS_NO_CONTENT || status == SOUP_STATUS_OK)
    {
      g_key_file_remove_group (publish->state, resource->uid, NULL);
      note (publish, SEM_CALDAV_DELETED, _("Deleted %s (cancelled)"), resource->uid);
    }
  else
    note (publish, SEM_CALDAV_FAILED, _("Failed: %s: %s"), resource->uid,
          error != NULL ? error->message : soup_status_get_phrase (status));
}

static void
publish_one (Publish         *publish,
             SemIcalResource *resource)
{
  g_autofree char *name = g_strconcat (resource->uid, ".ics", NULL);
  g_autofree char *escaped = g_uri_escape_string (name, "@", FALSE);
  g_autofree char *url = g_strconcat (publish->base, escaped, NULL);
  g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                       (const guchar *) resource->text, resource->length);
  g_autofree char *known_etag = g_key_file_get_string (publish->state, resource->uid, "etag", NULL);
  g_autofree char *known_hash = g_key_file_get_string (publish->state, resource->uid, "sha256", NULL);
  g_autofree char *new_etag = NULL;
  g_autoptr(GError) error = NULL;
  const char *server_etag = g_hash_table_lookup (publish->server_etags, name);
  const char *if_match = NULL;
  guint status;

  if (resource->cancelled)
    {
      publish_cancelled (publish, resource, url, server_etag, known_etag);
      return;
    }

  if (server_etag != NULL)
    {
      if (known_etag != NULL && g_str_equal (known_etag, server_etag) && g_strcmp0 (known_hash, hash) == 0)
        {
          note (publish, SEM_CALDAV_UNCHANGED, NULL);
          return;
        }
      /* Our last ETag, so that a change made by someone since is not lost;
       * the server's when this desktop never published here. */
      if_match = known_etag != NULL ? known_etag : server_etag;
    }

  status = put_resource (publish, url, resource, if_match, &new_etag, &error);
  if (status == SOUP_STATUS_PRECONDITION_FAILED)
    note_conflict (publish, url, resource->uid);
  else if (status == SOUP_STATUS_CREATED || status == SOUP_STATUS_NO_CONTENT || status == SOUP_STATUS_OK)
    {
      remember (publish, resource->uid, new_etag, hash);
      if (if_match == NULL)
        note (publish, SEM_CALDAV_CREATED, _("Created %s"), resource->uid);
      else
        note (publish, SEM_CALDAV_UPDATED, _("Updated %s"), resource->uid);
    }
  else
    note (publish, SEM_CALDAV_FAILED, _("Failed: %s: %s"), resource->uid,
          error != NULL ? error->message : soup_status_get_phrase (status));
}

static void
save_state (Publish *publish,
            GFile   *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return;
  if (parent != NULL && !g_file_make_directory_with_parents (parent, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_warning ("Could not keep what was published: %s", error->message);
      return;
    }
  g_clear_error (&error);
  if (!g_key_file_save_to_file (publish->state, path, &error))
    g_warning ("Could not keep what was published: %s", error->message);
}

typedef struct
{
  GPtrArray *resources;    /* (element-type SemIcalResource) */
  char      *url;
  char      *user;
  char      *password;
  GFile     *state;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->resources, g_ptr_array_unref);
  g_free (job->url);
  g_free (job->user);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_clear_object (&job->state);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* The libical work, on the caller's thread: the plan is not thread-safe. */
static Job *
job_new (SemPlan     *plan,
         const char  *event_id,
         const char  *lang,
         const char  *url,
         const char  *user,
         const char  *password,
         GFile       *state,
         GError     **error)
{
  g_autoptr(Job) job = g_new0 (Job, 1);

  job->resources = sem_ical_export_resources (plan, SEM_SCOPE_EVENT, event_id, NULL, lang, error);
  if (job->resources == NULL)
    return NULL;
  job->url = sem_caldav_split_user_info (url, NULL, NULL, error);
  if (job->url == NULL)
    return NULL;
  job->user = g_strdup (user);
  job->password = g_strdup (password);
  job->state = state != NULL ? g_object_ref (state) : sem_caldav_default_state_file (job->url);
  return g_steal_pointer (&job);
}

/* The network work: blocks. */
static SemCaldavReport *
job_run (Job           *job,
         GCancellable  *cancellable,
         GError       **error)
{
  g_auto(Publish) publish = { 0 };
  g_autofree char *state_path = NULL;

  publish.base = g_strdup (job->url);
  if (job->user != NULL)
    {
      g_autofree char *pair = g_strconcat (job->user, ":", job->password != NULL ? job->password : "", NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

      publish.authorization = g_strconcat ("Basic ", encoded, NULL);
      memset (pair, 0, strlen (pair));
      memset (encoded, 0, strlen (encoded));
    }
  publish.session = soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                                   "idle-timeout", TIMEOUT_SECONDS,
                                                   "user-agent", "sofia-seminars/" PACKAGE_VERSION " ",
                                                   NULL);
  publish.cancellable = cancellable;
  publish.server_etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  publish.state = g_key_file_new ();
  publish.report = g_new0 (SemCaldavReport, 1);
  publish.report->lines = g_ptr_array_new_with_free_func (g_free);

  state_path = g_file_get_path (job->state);
  if (state_path != NULL)
    g_key_file_load_from_file (publish.state, state_path, G_KEY_FILE_NONE, NULL);

  if (!list_collection (&publish, error))
    return NULL;

  for (guint i = 0; i < job->resources->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      publish_one (&publish, g_ptr_array_index (job->resources, i));
    }

  save_state (&publish, job->state);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&publish.report);
}

/**
 * sem_caldav_publish:
 * @event_id: the event whose sessions to publish
 * @lang: (nullable): "bg" or "en"
 * @url: the collection's http(s) URL, without user-info
 * @user: (nullable): for Basic authentication
 * @password: (nullable): for Basic authentication
 * @state: (nullable): where what was published to @url is remembered
 *   between runs; %NULL for sem_caldav_default_state_file()
 *
 * Puts each session of the event into the collection as its own resource,
 * making the collection if it is missing. Blocks: the window calls
 * sem_caldav_publish_async().
 *
 * Returns: (transfer full) (nullable): what became of each resource, or
 *   %NULL with @error set when the collection could not be reached
 */
SemCaldavReport *
sem_caldav_publish (SemPlan       *plan,
                    const char    *event_id,
                    const char    *lang,
                    const char    *url,
                    const char    *user,
                    const char    *password,
                    GFile         *state,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(Job) job = NULL;

  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);
  g_return_val_if_fail (event_id != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  job = job_new (plan, event_id, lang, url, user, password, state, error);
  if (job == NULL)
    return NULL;
  return job_run (job, cancellable, error);
}

static void
publish_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  SemCaldavReport *report = job_run (task_data, cancellable, &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) sem_caldav_report_free);
}

/**
 * sem_caldav_publish_async:
 *
 * Like sem_caldav_publish(), with the requests in a worker thread. The
 * calendars are made before it returns, so @plan may change meanwhile.
 */
void
sem_caldav_publish_async (SemPlan             *plan,
                          const char          *event_id,
                          const char          *lang,
                          const char          *url,
                          const char          *user,
                          const char          *password,
                          GFile               *state,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (SEM_IS_PLAN (plan));
  g_return_if_fail (event_id != NULL);
  g_return_if_fail (url != NULL);

  task = g_task_new (plan, cancellable, callback, user_data);
  g_task_set_source_tag (task, sem_caldav_publish_async);
  job = job_new (plan, event_id, lang, url, user, password, state, &error);
  if (job == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, publish_thread);
}

/**
 * sem_caldav_publish_finish:
 *
 * Returns: (transfer full) (nullable): what became of each resource, or
 *   %NULL with @error set
 */
SemCaldavReport *
sem_caldav_publish_finish (SemPlan       *plan,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, plan), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
