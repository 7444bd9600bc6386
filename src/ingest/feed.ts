/** RSS 2.0, RSS 1.0 (RDF) and Atom feeds to a list of items, with fast-xml-parser. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { htmlFragmentText, isoDay } from './html.js';

export interface FeedItem {
  /** The item's link (absolute when the feed gives a base). */
  link?: string;
  guid?: string;
  title?: string;
  /** YYYY-MM-DD. */
  published?: string;
  /** The item's body as HTML (content:encoded, content, or description/summary). */
  html?: string;
}

export interface ParsedFeed {
  title?: string;
  items: FeedItem[];
}

/** At most this many items per feed document are read. */
export const MAX_FEED_ITEMS = 500;

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  removeNSPrefix: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || undefined;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return undefined;
}

/** A title as plain text: feeds often carry markup or escaped entities in titles. */
function plainTitle(v: unknown): string | undefined {
  const t = text(v);
  if (!t || !/[<&]/.test(t)) return t;
  return htmlFragmentText(t).replace(/\s+/g, ' ').trim() || undefined;
}

/** An RSS item's link, or its guid when that is a permalink (the default in RSS 2.0). */
function rssLink(it: Node): string | undefined {
  const link = text(it.link);
  if (link) return link;
  const guid = it.guid;
  const permalink = typeof guid !== 'object' || guid === null || (guid as Node)['@isPermaLink'] !== 'false';
  const g = text(guid);
  return permalink && g && /^https?:\/\//i.test(g) ? g : undefined;
}

function atomLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return text(links);
  const nodes = links as Node[];
  const alt = nodes.find((l) => typeof l === 'object' && (!l['@rel'] || l['@rel'] === 'alternate'));
  const href = alt?.['@href'] ?? (typeof nodes[0] === 'object' ? nodes[0]?.['@href'] : nodes[0]);
  return typeof href === 'string' ? href.trim() : undefined;
}

function absolute(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link, base).href;
  } catch {
    return undefined;
  }
}

/** Parses a feed document; throws with a clear message when it is not one. */
export function parseFeed(xml: string, feedUrl?: string): ParsedFeed {
  const head = xml.slice(0, 2000).trimStart();
  if (!head.startsWith('<')) throw new Error('not an XML feed');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`malformed feed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const doc = parser.parse(xml) as Node;
  const rss = doc.rss as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) as Node | undefined) ?? {};
    const rawItems = ((channel.item ?? rdf?.item ?? []) as Node[]).slice(0, MAX_FEED_ITEMS);
    return {
      title: plainTitle(channel.title),
      items: rawItems.map((it) => ({
        link: absolute(rssLink(it), feedUrl),
        guid: text(it.guid),
        title: plainTitle(it.title),
        published: isoDay(text(it.pubDate) ?? text(it['dc:date'])),
        html: text(it['content:encoded']) ?? text(it.description),
      })),
    };
  }
  if (atom) {
    const entries = ((atom.entry ?? []) as Node[]).slice(0, MAX_FEED_ITEMS);
    return {
      title: plainTitle(atom.title),
      items: entries.map((it) => ({
        link: absolute(atomLink(it.link), feedUrl),
        guid: text(it.id),
        title: plainTitle(it.title),
        published: isoDay(text(it.published) ?? text(it.updated)),
        html: text(it.content) ?? text(it.summary),
      })),
    };
  }
  throw new Error('not an RSS or Atom feed');
}
