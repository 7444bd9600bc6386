/** The API described as an OpenAPI 3.1 document, written by hand (served at /api/openapi.json). */
import { ACLED_COLUMNS, EXTRA_COLUMNS } from '../export/csv.js';
import { EVENT_TYPES } from '../model/taxonomy.js';
import { FILTER_KEYS } from '../store/filter.js';
import { DEFAULT_LIMIT, MAX_BODY_BYTES, MAX_LIMIT, MAX_POST_ARTICLES } from './validation.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });

const FILTERS = FILTER_KEYS.map(param);

const errors = {
  '400': response('BadRequest'),
};

function exportPath(format: string, mediaType: string, description: string) {
  return {
    get: {
      operationId: `exportEvents${format[0]!.toUpperCase()}${format.slice(1)}`,
      summary: `Filtered events as ${format.toUpperCase()} (streamed)`,
      description: `${description} Takes the same filters as /api/events; \`limit\` caps the number of events (default: all), \`cursor\` starts after a page of /api/events.`,
      tags: ['export'],
      parameters: FILTERS,
      responses: {
        '200': { description, content: { [mediaType]: { schema: { type: 'string' } } } },
        ...errors,
      },
    },
  };
}

const stringOrNull = { type: ['string', 'null'] };

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Marsad API',
    version: '0.1.0',
    description:
      'Political violence and protest events (ACLED taxonomy) extracted from Arabic and English news, with the evidence for every field. Read endpoints are open; `POST /api/articles` needs a bearer token (MARSAD_TOKEN). Errors are `{"error": "..."}` with status 400 (bad input), 401/403 (writes), 404 (unknown resource), 405 (wrong method), 413 (body too large), 415 (not JSON).',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/' }],
  tags: [
    { name: 'events', description: 'Merged events and the reports behind them' },
    { name: 'articles', description: 'Stored articles and what was extracted from them' },
    { name: 'export', description: 'Event exports: ACLED CSV, GeoJSON, JSONL' },
    { name: 'extract', description: 'Extraction without storing' },
    { name: 'meta', description: 'Health and this document' },
  ],
  paths: {
    '/healthz': {
      get: {
        operationId: 'health',
        summary: 'Liveness, the store kind and its counts',
        tags: ['meta'],
        responses: {
          '200': {
            description: 'The server and its store are up',
            content: { 'application/json': { schema: ref('Health') } },
          },
        },
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document',
        tags: ['meta'],
        responses: {
          '200': {
            description: 'OpenAPI 3.1',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
    '/api/events': {
      get: {
        operationId: 'listEvents',
        summary: 'Stored events, newest first, filtered and paged',
        tags: ['events'],
        parameters: FILTERS,
        responses: {
          '200': {
            description: 'One page of events; `next` is the cursor of the following page (null at the end)',
            content: { 'application/json': { schema: ref('EventPage') } },
          },
          ...errors,
        },
      },
    },
    '/api/summary': {
      get: {
        operationId: 'summary',
        summary:
          "What the dashboard's map and timeline draw: points and per-day counts of the filtered events",
        description:
          'Scans the newest 20,000 matching events (`truncated` is true when more match; `count` is always the full number). `limit` and `cursor` are ignored.',
        tags: ['events'],
        parameters: FILTERS,
        responses: {
          '200': {
            description:
              '`points` are [event_id, longitude, latitude, event_type, fatalities, event_date, location]; `daily` gives events and fatalities per day and type; the facets count events per country, admin1 and type',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          ...errors,
        },
      },
    },
    '/api/config': {
      get: {
        operationId: 'config',
        summary:
          "The dashboard's settings: the tile URL template (or null), the store kind, whether writes are enabled",
        tags: ['meta'],
        responses: {
          '200': {
            description: 'Settings',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
    '/api/events/{id}': {
      get: {
        operationId: 'getEvent',
        summary: 'One event with every report behind it',
        tags: ['events'],
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^MRS[0-9]{1,15}$' },
            example: 'MRS12',
          },
        ],
        responses: {
          '200': {
            description: 'The event and its reports',
            content: { 'application/json': { schema: ref('EventWithReports') } },
          },
          ...errors,
          '404': response('NotFound'),
        },
      },
    },
    '/api/events.csv': exportPath(
      'csv',
      'text/csv',
      `CSV in ACLED's column order (${ACLED_COLUMNS.length} columns), then ${EXTRA_COLUMNS.join(', ')}; cells that a spreadsheet would read as a formula (= + - @) start with an apostrophe.`,
    ),
    '/api/events.geojson': exportPath(
      'geojson',
      'application/geo+json',
      'A GeoJSON FeatureCollection of Points (events without coordinates are left out).',
    ),
    '/api/events.jsonl': exportPath(
      'jsonl',
      'application/x-ndjson',
      'One event per line, as in /api/events.',
    ),
    '/api/articles': {
      get: {
        operationId: 'listArticles',
        summary: 'Stored articles, newest first',
        tags: ['articles'],
        parameters: [param('q'), param('limit'), param('cursor')],
        responses: {
          '200': {
            description: 'One page of articles (without their text)',
            content: { 'application/json': { schema: ref('ArticlePage') } },
          },
          ...errors,
        },
      },
      post: {
        operationId: 'ingestArticles',
        summary: 'Ingest articles: extract, store, merge with known events',
        description: `One article object, or \`{"articles": [...]}\` with at most ${MAX_POST_ARTICLES}. An article already stored (same URL or same content) is reported as a duplicate. Body at most ${MAX_BODY_BYTES} bytes.`,
        tags: ['articles'],
        security: [{ bearer: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  ref('ArticleInput'),
                  {
                    type: 'object',
                    required: ['articles'],
                    additionalProperties: false,
                    properties: {
                      articles: {
                        type: 'array',
                        minItems: 1,
                        maxItems: MAX_POST_ARTICLES,
                        items: ref('ArticleInput'),
                      },
                    },
                  },
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'What happened to each article',
            content: { 'application/json': { schema: ref('IngestResult') } },
          },
          ...errors,
          '401': response('Unauthorized'),
          '403': response('Forbidden'),
          '413': response('TooLarge'),
          '415': response('UnsupportedMediaType'),
        },
      },
    },
    '/api/articles/{id}': {
      get: {
        operationId: 'getArticle',
        summary: 'One article: its text (a JSON string) and the events extracted from it',
        tags: ['articles'],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: {
          '200': {
            description: 'The article',
            content: { 'application/json': { schema: ref('Article') } },
          },
          ...errors,
          '404': response('NotFound'),
        },
      },
    },
    '/api/extract': {
      post: {
        operationId: 'extract',
        summary: 'Extract events from a text; nothing is stored',
        tags: ['extract'],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('ArticleInput') } },
        },
        responses: {
          '200': {
            description: 'The language and the events found',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['lang', 'events'],
                  properties: {
                    lang: { type: 'string', enum: ['ar', 'en'] },
                    events: { type: 'array', items: ref('Event') },
                  },
                },
              },
            },
          },
          ...errors,
          '413': response('TooLarge'),
          '415': response('UnsupportedMediaType'),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'The server’s MARSAD_TOKEN' },
    },
    parameters: {
      country: { name: 'country', in: 'query', schema: { type: 'string', maxLength: 200 }, example: 'Syria' },
      admin1: {
        name: 'admin1',
        in: 'query',
        schema: { type: 'string', maxLength: 200 },
        example: 'Al Hasakeh',
      },
      event_type: {
        name: 'event_type',
        in: 'query',
        description: 'Case-insensitive',
        schema: { type: 'string', enum: [...EVENT_TYPES] },
      },
      sub_event_type: {
        name: 'sub_event_type',
        in: 'query',
        schema: { type: 'string', maxLength: 200 },
        example: 'Armed clash',
      },
      actor: {
        name: 'actor',
        in: 'query',
        description: 'Part of actor1, actor2 or an associated actor (case-insensitive)',
        schema: { type: 'string', maxLength: 200 },
      },
      date_from: { name: 'date_from', in: 'query', schema: { type: 'string', format: 'date' } },
      date_to: { name: 'date_to', in: 'query', schema: { type: 'string', format: 'date' } },
      bbox: {
        name: 'bbox',
        in: 'query',
        description: 'west,south,east,north in degrees',
        schema: { type: 'string', pattern: '^[-0-9.]+,[-0-9.]+,[-0-9.]+,[-0-9.]+$' },
        example: '35.5,32,42.5,37.5',
      },
      q: {
        name: 'q',
        in: 'query',
        description:
          'Full text over the source articles, Arabic or English; every word must occur (Arabic clitics such as «بال» are taken off, so «بالحسكة» finds «الحسكة»)',
        schema: { type: 'string', maxLength: 500 },
      },
      min_fatalities: { name: 'min_fatalities', in: 'query', schema: { type: 'integer', minimum: 0 } },
      limit: {
        name: 'limit',
        in: 'query',
        schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        description: 'The `next` value of the previous page',
        schema: { type: 'string', maxLength: 200 },
      },
    },
    responses: {
      BadRequest: { description: 'Invalid input', content: { 'application/json': { schema: ref('Error') } } },
      NotFound: {
        description: 'No such resource',
        content: { 'application/json': { schema: ref('Error') } },
      },
      Unauthorized: {
        description: 'Missing or wrong bearer token',
        content: { 'application/json': { schema: ref('Error') } },
      },
      Forbidden: {
        description: 'Writes are disabled (the server has no MARSAD_TOKEN)',
        content: { 'application/json': { schema: ref('Error') } },
      },
      TooLarge: {
        description: `Body larger than ${MAX_BODY_BYTES} bytes`,
        content: { 'application/json': { schema: ref('Error') } },
      },
      UnsupportedMediaType: {
        description: 'The body is not application/json',
        content: { 'application/json': { schema: ref('Error') } },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'string' } },
      },
      Health: {
        type: 'object',
        required: ['ok', 'store', 'counts'],
        properties: {
          ok: { const: true },
          store: { type: 'string', examples: ['sqlite'] },
          counts: {
            type: 'object',
            properties: {
              articles: { type: 'integer' },
              events: { type: 'integer' },
              reports: { type: 'integer' },
              feeds: { type: 'integer' },
            },
          },
        },
      },
      Evidence: {
        type: 'object',
        description: 'Where a field’s value was read: character offsets into the text or the title',
        required: ['field', 'start', 'end', 'text', 'part'],
        properties: {
          field: { type: 'string' },
          start: { type: 'integer' },
          end: { type: 'integer' },
          text: { type: 'string' },
          part: { type: 'string', enum: ['text', 'title'] },
        },
      },
      EventValues: {
        type: 'object',
        description: 'The event model (ACLED fields plus Marsad’s extras)',
        properties: {
          event_date: { type: 'string', format: 'date' },
          time_precision: { type: 'integer', enum: [1, 2, 3] },
          disorder_type: { type: 'string' },
          event_type: { type: 'string', enum: [...EVENT_TYPES] },
          sub_event_type: { type: 'string' },
          actor1: { type: 'string' },
          actor2: { type: 'string' },
          assoc_actor_1: { type: 'string' },
          assoc_actor_2: { type: 'string' },
          inter1: { type: 'integer' },
          inter2: { type: 'integer' },
          interaction: { type: 'integer' },
          civilian_targeting: { type: 'string' },
          country: { type: 'string' },
          iso: { type: 'integer' },
          admin1: { type: 'string' },
          admin2: { type: 'string' },
          admin3: { type: 'string' },
          location: { type: 'string' },
          latitude: { type: ['number', 'null'] },
          longitude: { type: ['number', 'null'] },
          geo_precision: { type: 'integer', enum: [1, 2, 3] },
          fatalities: { type: 'integer' },
          notes: { type: 'string' },
          confidence: { type: 'number' },
          fatalities_low: { type: 'integer' },
          fatalities_high: { type: 'integer' },
          wounded: { type: 'integer' },
          arrested: { type: 'integer' },
        },
      },
      Event: {
        description: 'An extracted event: its values and the evidence for them',
        allOf: [
          ref('EventValues'),
          { type: 'object', properties: { evidence: { type: 'array', items: ref('Evidence') } } },
        ],
      },
      StoredEvent: {
        description: 'A merged event: its id, the merged values, its sources and how many reports it has',
        allOf: [
          ref('Event'),
          {
            type: 'object',
            required: ['event_id', 'sources', 'report_count'],
            properties: {
              event_id: { type: 'string', examples: ['MRS12'] },
              sources: { type: 'array', items: { type: 'string' } },
              report_count: { type: 'integer' },
            },
          },
        ],
      },
      EventPage: {
        type: 'object',
        required: ['count', 'events', 'next'],
        properties: {
          count: { type: 'integer', description: 'Events matching the filter (all pages)' },
          events: { type: 'array', items: ref('StoredEvent') },
          next: stringOrNull,
        },
      },
      ArticleRef: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          title: stringOrNull,
          url: stringOrNull,
          source: stringOrNull,
          published: stringOrNull,
          lang: { type: 'string', enum: ['ar', 'en'] },
        },
      },
      EventWithReports: {
        allOf: [
          ref('StoredEvent'),
          {
            type: 'object',
            properties: {
              article_ids: { type: 'array', items: { type: 'integer' } },
              created_at: { type: 'string', format: 'date-time' },
              updated_at: { type: 'string', format: 'date-time' },
              reports: {
                type: 'array',
                items: {
                  type: 'object',
                  description: 'One article’s report of the event: its own values and evidence',
                  properties: {
                    id: { type: 'integer' },
                    index: { type: 'integer', description: 'Position of the event in its article' },
                    article: ref('ArticleRef'),
                    values: ref('EventValues'),
                    evidence: { type: 'array', items: ref('Evidence') },
                    merge_reason: {
                      type: 'string',
                      description: 'Why this report joined the event (empty for the first report)',
                    },
                    created_at: { type: 'string', format: 'date-time' },
                  },
                },
              },
            },
          },
        ],
      },
      ArticleSummary: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          ext_id: { type: 'string' },
          title: stringOrNull,
          url: stringOrNull,
          canonical_url: stringOrNull,
          source: stringOrNull,
          published: stringOrNull,
          lang: { type: 'string', enum: ['ar', 'en'] },
          fetched: { type: 'string', format: 'date-time' },
          extracted_at: stringOrNull,
          text_length: { type: 'integer' },
        },
      },
      ArticlePage: {
        type: 'object',
        required: ['count', 'articles', 'next'],
        properties: {
          count: { type: 'integer' },
          articles: { type: 'array', items: ref('ArticleSummary') },
          next: stringOrNull,
        },
      },
      Article: {
        allOf: [
          ref('ArticleSummary'),
          {
            type: 'object',
            properties: {
              text: { type: 'string', description: 'The article text, as stored (plain text, never HTML)' },
              events: {
                type: 'array',
                description: 'The events extracted from this article (its reports), in article order',
                items: {
                  type: 'object',
                  properties: {
                    event_id: { type: 'string', description: 'The merged event this report belongs to' },
                    index: { type: 'integer' },
                    values: ref('EventValues'),
                    evidence: { type: 'array', items: ref('Evidence') },
                    merge_reason: { type: 'string' },
                  },
                },
              },
            },
          },
        ],
      },
      ArticleInput: {
        type: 'object',
        required: ['text'],
        additionalProperties: false,
        properties: {
          text: { type: 'string', minLength: 1 },
          title: { type: 'string' },
          published: { type: 'string', description: 'YYYY-MM-DD or an ISO timestamp' },
          lang: { type: 'string', enum: ['ar', 'en'], description: 'Detected when absent' },
          id: { type: ['string', 'number'], description: 'Your identifier, kept for reference' },
          url: { type: 'string' },
          source: { type: 'string', description: 'The outlet' },
        },
      },
      IngestResult: {
        type: 'object',
        required: ['new', 'duplicate', 'failed', 'articles'],
        properties: {
          new: { type: 'integer' },
          duplicate: { type: 'integer' },
          failed: { type: 'integer' },
          articles: {
            type: 'array',
            items: {
              type: 'object',
              required: ['index', 'status', 'events'],
              properties: {
                index: { type: 'integer' },
                status: { type: 'string', enum: ['new', 'duplicate', 'failed'] },
                article_id: { type: 'integer' },
                duplicate_of: { type: 'string', description: '"same content" or "same URL"' },
                error: { type: 'string' },
                events: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      event_id: { type: 'string' },
                      merged: { type: 'boolean', description: 'Joined an event already stored' },
                      reason: { type: 'string' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
