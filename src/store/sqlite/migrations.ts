/** SQLite schema, as numbered migrations applied in order (the version is kept in user_version). */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: feeds, articles with full-text search, events, reports.
  `
  CREATE TABLE feeds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_polled TEXT,
    last_status TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ext_id TEXT NOT NULL,
    url TEXT,
    canonical_url TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    lang TEXT NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    published TEXT,
    fetched TEXT NOT NULL,
    source TEXT,
    feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
    extracted_at TEXT
  );
  CREATE UNIQUE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
  CREATE INDEX articles_published ON articles(published);
  CREATE VIRTUAL TABLE articles_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_date TEXT NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    actors TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    fatalities INTEGER NOT NULL,
    confidence REAL NOT NULL,
    data TEXT NOT NULL,
    sources TEXT NOT NULL,
    article_ids TEXT NOT NULL,
    report_count INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX events_date ON events(event_date DESC, seq DESC);
  CREATE INDEX events_country_date ON events(country, event_date);
  CREATE INDEX events_type ON events(event_type, event_date);
  CREATE INDEX events_admin1 ON events(admin1);
  CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_seq INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    data TEXT NOT NULL,
    merge_reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE(article_id, idx)
  );
  CREATE INDEX reports_event ON reports(event_seq);
  `,
  // 2: the API's filtered event pages. One index in the pages' order (newest first) that also
  // holds every filtered column: a page scans it and evaluates the filters on the index entry,
  // reading a table row only for a match (a rare actor or an empty box no longer reads every
  // row), and a count scans the index instead of the wide rows. It replaces events_date.
  `
  DROP INDEX events_date;
  CREATE INDEX events_date_filters ON events(event_date DESC, seq DESC, country, event_type, sub_event_type,
    admin1, fatalities, latitude, longitude, actors);
  `,
];
