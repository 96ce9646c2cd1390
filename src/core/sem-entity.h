/* sem-entity.h — the base of every plan entity: id, revision, modified time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sem-types.h"

G_BEGIN_DECLS

/* How a field is stored in the instance and written in the plan file. */
typedef enum
{
  SEM_FIELD_STRING,    /* char *                                   "text"            */
  SEM_FIELD_TEXT,      /* SemText (en, bg)                         {"en":…,"bg":…}   */
  SEM_FIELD_INSTANT,   /* gint64, Unix seconds (UTC); 0 = unset    "2018-02-20T08:30:00Z" */
  SEM_FIELD_DATE,      /* char *, validated "YYYY-MM-DD"           "2018-02-20"      */
  SEM_FIELD_INT,       /* int                                      42                */
  SEM_FIELD_GEO,       /* SemGeo *, NULL = unset                   {"latitude":…, "longitude":…} */
  SEM_FIELD_BOOL,      /* gboolean                                 true              */
  SEM_FIELD_ENUM,      /* int                                      "nick"            */
  SEM_FIELD_FLAGS,     /* guint                                    ["nick", …]       */
  SEM_FIELD_STRV,      /* GStrv                                    ["a", …]          */
  SEM_FIELD_REF,       /* char *, an id in field->target           "id"              */
  SEM_FIELD_REFS,      /* GStrv of ids in field->target            ["id", …]         */
  SEM_FIELD_PAIRS,     /* GStrv of "a:b" pairs                     [{a:…, b:…}, …]   */
  SEM_FIELD_CHILDREN,  /* GPtrArray of SemEntity of field->child_type  [{…}, …]      */
} SemFieldKind;

typedef enum
{
  SEM_FIELD_REQUIRED = 1 << 0,  /* must be present and non-empty in the file */
  SEM_FIELD_OMIT_DEFAULT = 1 << 1,  /* ENUM: the first value is not written (absent reads as it) */
} SemFieldFlags;

typedef struct
{
  char *en;
  char *bg;
} SemText;

/**
 * SemGeo:
 *
 * A point on the map, in degrees (WGS 84).
 */
typedef struct
{
  double latitude;
  double longitude;
} SemGeo;

#define SEM_TYPE_GEO (sem_geo_get_type ())

GType    sem_geo_get_type (void) G_GNUC_CONST;
SemGeo  *sem_geo_new      (double        latitude,
                           double        longitude);
SemGeo  *sem_geo_copy     (const SemGeo *geo);
void     sem_geo_free     (SemGeo       *geo);
gboolean sem_geo_equal    (const SemGeo *a,
                           const SemGeo *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SemGeo, sem_geo_free)

/**
 * SemField:
 *
 * Describes one field of an entity. The tables drive the GObject properties,
 * the JSON codec and the reference checks, so a field is declared once.
 */
typedef struct
{
  const char    *name;        /* JSON member; the property is the same with '-' for '_' */
  SemFieldKind   kind;
  gsize          offset;      /* into the instance struct */
  SemFieldFlags  flags;
  SemCollection  target;      /* REF, REFS, PAIRS (first member) */
  SemCollection  target_b;    /* PAIRS whose second member is an id */
  GType        (*type_func) (void);   /* ENUM, FLAGS, CHILDREN; PAIRS second member's enum */
  const char    *pair_a;      /* PAIRS: JSON names of the two members */
  const char    *pair_b;
} SemFieldInfo;

#define SEM_TYPE_ENTITY (sem_entity_get_type ())

G_DECLARE_DERIVABLE_TYPE (SemEntity, sem_entity, SEM, ENTITY, GObject)

struct _SemEntityClass
{
  GObjectClass parent_class;

  /*< private >*/
  const SemFieldInfo *fields;
  guint               n_fields;
  GParamSpec        **pspecs;     /* two per field: [2i] the field, [2i+1] TEXT's "-bg" */
};

const char         *sem_entity_get_id           (SemEntity          *self);
gint64              sem_entity_get_revision     (SemEntity          *self);
gint64              sem_entity_get_modified     (SemEntity          *self);
void                sem_entity_touch            (SemEntity          *self,
                                                 gint64              now);

const SemFieldInfo *sem_entity_class_get_fields (SemEntityClass     *klass,
                                                 guint              *n_fields);
void                sem_entity_class_install_fields
                                                (SemEntityClass     *klass,
                                                 const SemFieldInfo *fields,
                                                 guint               n_fields);
gpointer            sem_entity_field_ptr        (SemEntity          *self,
                                                 const SemFieldInfo *field);
gboolean            sem_entity_fields_equal     (SemEntity          *a,
                                                 SemEntity          *b);
SemEntity          *sem_entity_copy             (SemEntity          *self);

/* Convenience accessors by field name, for generic code (CLI, tests). */
const char         *sem_entity_get_text         (SemEntity          *self,
                                                 const char         *field,
                                                 const char         *lang);

G_END_DECLS
