/**
 * The events map: Leaflet over country outlines packaged with the app (world-atlas, Natural
 * Earth 1:50m), optionally over a tile layer the user configured. Points are clustered with
 * supercluster; a cluster shows its share of each event type as a ring.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import Supercluster from 'supercluster';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import type { Point } from '../api';
import { EVENT_TYPES, typeColor, typeSlug } from '../colors';
import { h } from '../dom';
import type { I18n } from '../i18n';

interface PointProps {
  id: string;
  type: string;
  fatalities: number;
  date: string;
  location: string;
}

interface ClusterProps {
  types: Record<string, number>;
}

let outlines: Promise<GeoJSON.FeatureCollection> | null = null;

function loadOutlines(): Promise<GeoJSON.FeatureCollection> {
  outlines ??= fetch(countriesUrl)
    .then((r) => r.json() as Promise<Topology>)
    .then(
      (topo) =>
        feature(topo, topo.objects.countries as GeometryCollection) as unknown as GeoJSON.FeatureCollection,
    );
  return outlines;
}

const MENA: L.LatLngBoundsExpression = [
  [12, -17],
  [42, 62],
];

export class EventMap {
  readonly map: L.Map;
  private readonly layer = L.layerGroup();
  private index: Supercluster<PointProps, ClusterProps> | null = null;

  constructor(
    container: HTMLElement,
    private readonly i18n: I18n,
    private readonly onOpen: (id: string) => void,
    tiles: string | null,
  ) {
    this.map = L.map(container, { zoomSnap: 0.5, worldCopyJump: true, minZoom: 2, maxZoom: 14 });
    this.map.attributionControl.setPrefix(false);
    this.map.fitBounds(MENA);
    this.map.createPane('outlines').style.zIndex = '250';
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: new URL(tiles.replace(/[{}]/g, '')).host }).addTo(
        this.map,
      );
    }
    const renderer = L.canvas({ pane: 'outlines' });
    loadOutlines()
      .then((fc) => {
        L.geoJSON(fc, {
          pane: 'outlines',
          interactive: false,
          style: {
            color: '#7b8a8b',
            weight: 0.8,
            fillColor: tiles ? 'transparent' : '#f4f1ea',
            fillOpacity: tiles ? 0 : 1,
          },
          // biome-ignore lint/suspicious/noExplicitAny: Leaflet's GeoJSON options accept a renderer
          renderer: renderer as any,
        } as L.GeoJSONOptions).addTo(this.map);
        container.dataset.outlines = 'loaded';
      })
      .catch(() => {
        container.dataset.outlines = 'failed';
      });
    this.layer.addTo(this.map);
    this.map.on('moveend', () => this.draw());
    this.map.attributionControl.addAttribution('Natural Earth');
  }

  setPoints(points: Point[], fit: boolean): void {
    const index = new Supercluster<PointProps, ClusterProps>({
      radius: 60,
      maxZoom: 12,
      map: (p) => ({ types: { [p.type]: 1 } }),
      reduce: (acc, p) => {
        for (const [k, v] of Object.entries(p.types)) acc.types[k] = (acc.types[k] ?? 0) + v;
      },
    });
    index.load(
      points.map(([id, lon, lat, type, fatalities, date, location]) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: { id, type, fatalities, date, location },
      })),
    );
    this.index = index;
    if (fit && points.length) {
      const bounds = L.latLngBounds(points.map((p) => [p[2], p[1]] as [number, number]));
      this.map.fitBounds(bounds.pad(0.15), { maxZoom: 8 });
    }
    this.draw();
  }

  private draw(): void {
    this.layer.clearLayers();
    if (!this.index) return;
    const b = this.map.getBounds();
    // Clusters of the zoom level below: at a fractional zoom they are drawn smaller, never overlapping.
    const zoom = Math.floor(this.map.getZoom());
    const west = Math.max(-180, b.getWest());
    const east = Math.min(180, b.getEast());
    for (const f of this.index.getClusters([west, b.getSouth(), east, b.getNorth()], zoom)) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as PointProps | (Supercluster.ClusterProperties & ClusterProps);
      if ('cluster' in props && props.cluster) this.layer.addLayer(this.cluster(lat, lon, props));
      else this.layer.addLayer(this.dot(lat, lon, props as PointProps));
    }
  }

  private cluster(lat: number, lon: number, p: Supercluster.ClusterProperties & ClusterProps): L.Marker {
    const n = p.point_count;
    const size = Math.round(26 + Math.min(30, Math.log2(n) * 4));
    let acc = 0;
    const stops: string[] = [];
    for (const type of EVENT_TYPES) {
      const share = (p.types[type] ?? 0) / n;
      if (!share) continue;
      stops.push(`${typeColor(type)} ${(acc * 360).toFixed(1)}deg ${((acc + share) * 360).toFixed(1)}deg`);
      acc += share;
    }
    const ring = h('div', {
      class: 'cluster-marker',
      'data-count': n,
      title: this.i18n.t('map.cluster', { n }),
    });
    ring.style.width = ring.style.height = `${size}px`;
    ring.style.background = `conic-gradient(${stops.join(', ') || '#555 0deg 360deg'})`;
    ring.append(h('span', {}, this.i18n.num(n)));
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({ html: ring, className: 'cluster-icon', iconSize: [size, size] }),
      keyboard: true,
      title: this.i18n.t('map.cluster', { n }),
    });
    marker.on('click', () => {
      const zoom = this.index!.getClusterExpansionZoom(p.cluster_id);
      this.map.setView([lat, lon], Math.min(zoom, 14));
    });
    return marker;
  }

  private dot(lat: number, lon: number, p: PointProps): L.CircleMarker {
    const marker = L.circleMarker([lat, lon], {
      radius: 5 + Math.min(9, Math.sqrt(p.fatalities) * 1.5),
      color: '#ffffff',
      weight: 1,
      fillColor: typeColor(p.type),
      fillOpacity: 0.9,
      className: `event-dot type-${typeSlug(p.type)}`,
    });
    const open = h('a', { href: `#/events/${encodeURIComponent(p.id)}` }, this.i18n.t('map.open'));
    open.addEventListener('click', (e) => {
      e.preventDefault();
      this.onOpen(p.id);
    });
    marker.bindPopup(
      h(
        'div',
        { class: 'popup', dir: this.i18n.dir },
        h('strong', {}, this.i18n.type(p.type)),
        h('div', { dir: 'auto' }, p.location),
        h('div', {}, `${p.date} · ${this.i18n.t('table.fatalities')}: ${this.i18n.num(p.fatalities)}`),
        open,
      ),
    );
    return marker;
  }

  invalidate(): void {
    this.map.invalidateSize();
  }

  destroy(): void {
    this.map.remove();
  }
}
