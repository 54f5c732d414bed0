/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include <glib-unix.h>

#include "connect-measure.h"

#define TICK_MS 5
#define LONG_STALL_US (16 * 1000)

typedef struct
{
  GtkApplication *app;             /* unowned: lives as long as the process */
  char           *stalls_file;
  char           *first_frame_file;
  char           *data_frame_file;
  gboolean        data_frame_written;
  gboolean        quit_after_first_frame;
  gboolean        log_stalls;
  gint64          first_frame;     /* 0 until the first frame */
  gint64          last_tick;
  gint64          last_write;
  gint64          max_stall;
  gint64          last_long_stall; /* monotonic time, 0 if none */
  guint64         ticks;
} Measure;

static Measure measure;

static void
write_atomically (const char *path,
                  const char *text)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  FILE *f = fopen (tmp, "w");

  /* No fsync: a probe must not itself stall the loop. */
  if (f == NULL)
    return;
  fputs (text, f);
  fclose (f);
  rename (tmp, path);
}

static void
write_stalls (void)
{
  g_autofree char *text = NULL;
  char max_ms[G_ASCII_DTOSTR_BUF_SIZE];
  char last_s[G_ASCII_DTOSTR_BUF_SIZE];

  if (measure.stalls_file == NULL)
    return;

  g_ascii_formatd (max_ms, sizeof max_ms, "%.1f", measure.max_stall / 1000.0);
  g_ascii_formatd (last_s, sizeof last_s, "%.2f",
                   measure.last_long_stall == 0 ? -1.0
                   : (measure.last_long_stall - measure.first_frame) / (double) G_USEC_PER_SEC);
  text = g_strdup_printf ("{\"max_stall_ms\": %s, \"ticks\": %" G_GUINT64_FORMAT
                          ", \"last_long_stall_s\": %s, \"first_frame\": %" G_GINT64_FORMAT "}\n",
                          max_ms, measure.ticks, last_s, measure.first_frame);
  write_atomically (measure.stalls_file, text);
  measure.last_write = g_get_monotonic_time ();
}

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  /* A timeout is due TICK_MS after its last dispatch: anything more is
   * time the loop spent elsewhere. */
  if (measure.first_frame != 0 && measure.last_tick != 0)
    {
      gint64 late = now - measure.last_tick - TICK_MS * 1000;

      measure.ticks++;
      if (late > measure.max_stall)
        measure.max_stall = late;
      if (late > LONG_STALL_US)
        {
          measure.last_long_stall = now;
          /* CONNECT_MEASURE_STALLS_LOG=1: each long stall, to match
           * against a profile recorded on CLOCK_MONOTONIC. */
          if (measure.log_stalls)
            g_printerr ("stall: %.1f ms, ended at %" G_GINT64_FORMAT " us\n",
                        late / 1000.0, now);
        }
    }
  measure.last_tick = now;

  if (now - measure.last_write > G_USEC_PER_SEC)
    write_stalls ();

  return G_SOURCE_CONTINUE;
}

static guint
count_widgets (GtkWidget  *widget,
               GHashTable *by_type)
{
  guint n = 1;

  g_hash_table_insert (by_type, (gpointer) G_OBJECT_TYPE_NAME (widget),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (by_type, G_OBJECT_TYPE_NAME (widget))) + 1));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, by_type);

  return n;
}

static void
print_subtrees (GtkWidget *widget,
                guint      depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GHashTable) by_type = g_hash_table_new (g_str_hash, g_str_equal);
      guint n = count_widgets (child, by_type);

      if (n < 200)
        continue;
      g_printerr ("%*s%s: %u widgets\n", (int) depth * 2, "", G_OBJECT_TYPE_NAME (child), n);
      print_subtrees (child, depth + 1);
    }
}

/* CONNECT_MEASURE_WIDGETS=1: where the widgets are, at SIGTERM. */
static void
print_widgets (void)
{
  g_autoptr(GHashTable) by_type = g_hash_table_new (g_str_hash, g_str_equal);
  GList *windows = gtk_application_get_windows (measure.app);
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  for (GList *l = windows; l != NULL; l = l->next)
    {
      n += count_widgets (l->data, by_type);
      print_subtrees (l->data, 1);
    }
  g_printerr ("%u widgets\n", n);
  g_hash_table_iter_init (&iter, by_type);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) >= 50)
      g_printerr ("  %s: %u\n", (const char *) key, GPOINTER_TO_UINT (value));
}

static gboolean
sigterm_cb (gpointer data)
{
  if (g_strcmp0 (g_getenv ("CONNECT_MEASURE_WIDGETS"), "1") == 0)
    print_widgets ();
  g_application_quit (G_APPLICATION (measure.app));
  return G_SOURCE_CONTINUE;
}

static void
shutdown_cb (GApplication *app)
{
  write_stalls ();
}

/* Writes @time (g_get_monotonic_time ()) to @path. */
static void
write_time (const char *path,
            gint64      time)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT "\n", time);

  write_atomically (path, text);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, data);
  if (measure.first_frame != 0)
    return;
  measure.first_frame = now;
  measure.last_tick = 0;

  if (measure.first_frame_file != NULL)
    {
      write_time (measure.first_frame_file, now);
      if (measure.quit_after_first_frame && measure.data_frame_file == NULL)
        g_application_quit (G_APPLICATION (measure.app));
    }
}

static void
data_after_paint_cb (GdkFrameClock *clock,
                     gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, data_after_paint_cb, data);
  if (measure.data_frame_written)
    return;
  measure.data_frame_written = TRUE;
  write_time (measure.data_frame_file, g_get_monotonic_time ());
  if (measure.quit_after_first_frame)
    g_application_quit (G_APPLICATION (measure.app));
}

/* The Cohorts page got its first feed: the next frame shows its rows. */
static void
page_feed_cb (GObject    *page,
              GParamSpec *pspec,
              gpointer    data)
{
  GObject *feed = NULL;
  GdkFrameClock *clock;

  g_object_get (page, "feed", &feed, NULL);
  if (feed == NULL)
    return;
  g_object_unref (feed);

  g_signal_handlers_disconnect_by_func (page, page_feed_cb, data);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (page));
  if (clock == NULL)
    return;
  g_signal_connect (clock, "after-paint", G_CALLBACK (data_after_paint_cb), NULL);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static GtkWidget *
find_by_type_name (GtkWidget  *widget,
                   const char *name)
{
  if (g_strcmp0 (G_OBJECT_TYPE_NAME (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type_name (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
realize_cb (GtkWidget *window,
            gpointer   data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, realize_cb, data);
  if (clock != NULL && measure.first_frame == 0)
    g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (app, window_added_cb, NULL);
  if (measure.data_frame_file != NULL)
    {
      GtkWidget *page = find_by_type_name (GTK_WIDGET (window), "ConnectCohortsPage");

      if (page != NULL)
        g_signal_connect (page, "notify::feed", G_CALLBACK (page_feed_cb), NULL);
    }
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window), NULL);
  else
    g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), NULL);
}

/**
 * connect_measure_install:
 * @app: the application, before it runs
 *
 * Turns on the probes that the environment asks for (see the header);
 * does nothing otherwise.
 */
void
connect_measure_install (GtkApplication *app)
{
  const char *stalls = g_getenv ("CONNECT_MEASURE_STALLS");
  const char *first_frame = g_getenv ("CONNECT_MEASURE_FIRST_FRAME");
  const char *data_frame = g_getenv ("CONNECT_MEASURE_DATA_FRAME");

  g_return_if_fail (GTK_IS_APPLICATION (app));

  if ((stalls == NULL || *stalls == '\0') && (first_frame == NULL || *first_frame == '\0'))
    return;

  measure.app = app;
  measure.first_frame_file = first_frame != NULL && *first_frame != '\0' ? g_strdup (first_frame) : NULL;
  measure.data_frame_file = data_frame != NULL && *data_frame != '\0' ? g_strdup (data_frame) : NULL;
  measure.quit_after_first_frame = g_strcmp0 (g_getenv ("CONNECT_MEASURE_QUIT"), "1") == 0;
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  if (stalls != NULL && *stalls != '\0')
    {
      measure.stalls_file = g_strdup (stalls);
      measure.log_stalls = g_strcmp0 (g_getenv ("CONNECT_MEASURE_STALLS_LOG"), "1") == 0;
      measure.last_write = g_get_monotonic_time ();
      g_timeout_add_full (G_PRIORITY_HIGH, TICK_MS, tick_cb, NULL, NULL);
      g_unix_signal_add (SIGTERM, sigterm_cb, NULL);
      g_signal_connect (app, "shutdown", G_CALLBACK (shutdown_cb), NULL);
    }
}
