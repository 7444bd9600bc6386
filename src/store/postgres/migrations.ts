/**
 * PostgreSQL schema, as numbered migrations applied in order; the versions applied are kept in
 * `schema_migrations`. The same tables as the SQLite store, with PostgreSQL's own full-text
 * search (a `simple` tsvector of the normalised text, see ../search-text.ts) and, when the
 * PostGIS extension can be enabled, a geography point per event.
 */

/** What a migration needs from a connection (a pg client inside the migration's transaction). */
export interface Queryable {
  query(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}

export interface PgMigration {
  name: string;
  up(c: Queryable, opts: { postgis: boolean }): Promise<void>;
}

const SCHEMA_1 = `
  CREATE TABLE feeds (
    id bigserial PRIMARY KEY,
    url text NOT NULL UNIQUE,
    name text NOT NULL,
    etag text,
    last_modified text,
    last_polled text,
    last_status text,
    failures integer NOT NULL DEFAULT 0,
    next_poll text,
    created_at text NOT NULL
  );
  CREATE TABLE articles (
    id bigserial PRIMARY KEY,
    ext_id text NOT NULL,
    url text,
    canonical_url text,
    content_hash text NOT NULL UNIQUE,
    lang text NOT NULL,
    title text,
    text text NOT NULL,
    published text,
    fetched text NOT NULL,
    source text,
    feed_id bigint REFERENCES feeds(id) ON DELETE SET NULL,
    extracted_at text,
    -- to_tsvector('simple', searchDocument(title, text)): normalised words, article stripped.
    search tsvector NOT NULL
  );
  CREATE UNIQUE INDEX articles_canonical_url ON articles (canonical_url) WHERE canonical_url IS NOT NULL;
  CREATE INDEX articles_published ON articles (published);
  CREATE INDEX articles_search ON articles USING GIN (search);
  CREATE TABLE events (
    seq bigserial PRIMARY KEY,
    -- YYYY-MM-DD, compared and ordered bytewise (as in SQLite, and as cursors expect).
    event_date text COLLATE "C" NOT NULL,
    event_type text NOT NULL,
    sub_event_type text NOT NULL,
    country text NOT NULL,
    admin1 text NOT NULL,
    actors text NOT NULL,
    latitude double precision,
    longitude double precision,
    fatalities integer NOT NULL,
    confidence double precision NOT NULL,
    data jsonb NOT NULL,
    sources jsonb NOT NULL,
    article_ids jsonb NOT NULL,
    report_count integer NOT NULL,
    created_at text NOT NULL,
    updated_at text NOT NULL
  );
  -- Filters compare case-insensitively (lower(...) = lower($n)), so the indexes are on lower().
  CREATE INDEX events_date ON events (event_date DESC, seq DESC);
  CREATE INDEX events_country_date ON events (lower(country), event_date);
  CREATE INDEX events_type_date ON events (lower(event_type), event_date);
  CREATE INDEX events_admin1 ON events (lower(admin1));
  CREATE TABLE reports (
    id bigserial PRIMARY KEY,
    event_seq bigint NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
    article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx integer NOT NULL,
    data jsonb NOT NULL,
    merge_reason text NOT NULL,
    created_at text NOT NULL,
    UNIQUE (article_id, idx)
  );
  CREATE INDEX reports_event ON reports (event_seq);
`;

/**
 * A point per located event, kept by PostgreSQL itself. The bounding-box filter uses the GIST
 * index on its planar form (`geog::geometry && envelope`), then checks latitude/longitude
 * exactly, so that a box means the same as in the SQLite store (not great-circle edges).
 */
const POSTGIS_1 = `
  ALTER TABLE events ADD COLUMN geog geography(Point, 4326) GENERATED ALWAYS AS (
    CASE WHEN latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180
      THEN ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography END
  ) STORED;
  CREATE INDEX events_geog ON events USING GIST ((geog::geometry));
`;

/** Enables PostGIS if it is installed and we may; a failure leaves the transaction usable. */
async function tryPostgis(c: Queryable): Promise<boolean> {
  await c.query('SAVEPOINT marsad_postgis');
  try {
    await c.query('CREATE EXTENSION IF NOT EXISTS postgis');
    await c.query('RELEASE SAVEPOINT marsad_postgis');
    return true;
  } catch {
    await c.query('ROLLBACK TO SAVEPOINT marsad_postgis');
    return false;
  }
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    name: 'feeds, articles with full-text search, events (with a PostGIS point when available), reports',
    up: async (c, opts) => {
      await c.query(SCHEMA_1);
      // Detected once, here: without PostGIS the bbox filter uses latitude/longitude BETWEEN.
      if (opts.postgis && (await tryPostgis(c))) await c.query(POSTGIS_1);
    },
  },
];
