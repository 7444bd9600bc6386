import type { Writable } from 'node:stream';
import type { ArticleOutput } from '../model/event.js';
import { csvHeader, csvRow } from './csv.js';
import { eventFeature } from './geojson.js';

export type OutputFormat = 'jsonl' | 'json' | 'csv' | 'geojson';
export const OUTPUT_FORMATS: OutputFormat[] = ['jsonl', 'json', 'csv', 'geojson'];

/** Writes article outputs to a stream in one of the formats, one article at a time (streaming). */
export class ArticleWriter {
  private count = 0;
  constructor(
    private out: Writable,
    private format: OutputFormat,
  ) {}

  private async write(s: string): Promise<void> {
    if (!this.out.write(s)) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }

  async begin(): Promise<void> {
    if (this.format === 'json') await this.write('[');
    else if (this.format === 'csv') await this.write(csvHeader());
    else if (this.format === 'geojson') await this.write('{"type":"FeatureCollection","features":[');
  }

  async article(a: ArticleOutput, source?: string): Promise<void> {
    switch (this.format) {
      case 'jsonl':
        await this.write(JSON.stringify(a) + '\n');
        break;
      case 'json':
        await this.write((this.count ? ',\n' : '\n') + JSON.stringify(a));
        this.count++;
        break;
      case 'csv': {
        let s = '';
        a.events.forEach((event, i) => {
          s += csvRow({ event, articleId: a.id, eventId: `${a.id}-${i + 1}`, source });
        });
        if (s) await this.write(s);
        break;
      }
      case 'geojson': {
        let s = '';
        a.events.forEach((event, i) => {
          const f = eventFeature(event, { article_id: a.id, event_id: `${a.id}-${i + 1}` });
          if (f) {
            s += (this.count ? ',\n' : '\n') + JSON.stringify(f);
            this.count++;
          }
        });
        if (s) await this.write(s);
        break;
      }
    }
  }

  async end(): Promise<void> {
    if (this.format === 'json') await this.write(this.count ? '\n]\n' : ']\n');
    else if (this.format === 'geojson') await this.write(this.count ? '\n]}\n' : ']}\n');
  }
}
