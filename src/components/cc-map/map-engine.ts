/**
 * The map's lazy half: Leaflet (its ES module build, never the global `L`), its stylesheet adopted
 * into the element's shadow root, the tile layer, and the cluster index (worker or main-thread
 * fallback). It draws nothing of its own above the tiles: the element renders clusters, markers and
 * the popup with Lit into `overlay`, at the layer points `project()` gives.
 *
 * This module is the chunk `chunks/cc-map-engine.js`: the ES build imports it with `import()`, the
 * classic-script build from its own URL (see engine-loader.ts). A page without a map never loads it.
 */
import { DomEvent, latLng, latLngBounds, map as createLeafletMap, tileLayer, type Map as LeafletMap } from 'leaflet/dist/leaflet-src.esm.js';
import { ShardedIndex, WorkerIndex, type ClusterIndex, type ClusterPoints, type ViewCluster } from './cluster-index.js';
import { leafletCss } from './generated/leaflet-css.js';
import { workerScriptUrl } from '../../shared/trusted-types.js';

export type { ClusterPoints, ViewCluster } from './cluster-index.js';

export interface EngineTiles {
  readonly url: string;
  readonly subdomains: string;
  readonly maxZoom: number;
}

export interface EngineView {
  readonly center: { readonly lat: number; readonly lng: number };
  readonly zoom: number;
  /** [south, west, north, east] */
  readonly bounds: readonly [number, number, number, number];
  /** The visitor moved the map (drag, wheel, pinch, the element's buttons), not a script. */
  readonly user: boolean;
}

export interface EngineOptions {
  readonly container: HTMLElement;
  readonly root: ShadowRoot;
  readonly tiles: EngineTiles | null;
  readonly categories: number;
  readonly reducedMotion: boolean;
  /** Test and CSP switch: never start a worker. */
  readonly mainThreadOnly?: boolean;
  readonly onView: (view: EngineView) => void;
  /** A tile could not be loaded (blocked, refused, offline): the element says so once. */
  readonly onTilesFailed?: () => void;
}

export interface PlacedCluster extends ViewCluster {
  /** Layer point (pixels in the overlay). */
  readonly x: number;
  readonly y: number;
}

let sheet: CSSStyleSheet | null = null;

/** Leaflet's stylesheet, in the shadow root only (nothing is added to the host document). */
function adoptLeafletStyles(root: ShadowRoot): void {
  try {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(leafletCss);
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
  } catch {
    // No constructable stylesheets: a <style> in the shadow root (needs style-src 'unsafe-inline' under a CSP).
    if (root.querySelector('style[data-leaflet]')) return;
    const style = document.createElement('style');
    style.dataset['leaflet'] = '';
    style.textContent = leafletCss;
    root.prepend(style);
  }
}

function startWorker(): Worker | null {
  try {
    // A module worker from the bundle's own URL: refused cross-origin and by a CSP without worker-src,
    // which the caller answers with the main-thread index.
    // Under Trusted Types the URL goes through the library's policy; refused, no worker.
    const url = workerScriptUrl(new URL('./cluster-worker.ts', import.meta.url));
    return url === null ? null : new Worker(url, { type: 'module' });
  } catch {
    return null;
  }
}

export class MapEngine {
  /** Where the element renders its clusters, markers and popup. */
  readonly overlay: HTMLElement;
  /** `worker` or `main-thread`: where clustering runs (changes to `main-thread` if the worker fails). */
  mode: 'worker' | 'main-thread';
  private readonly leaflet: LeafletMap;
  private index: ClusterIndex;
  private points: ClusterPoints | null = null;
  private loading: Promise<void> = Promise.resolve();
  private userMove = true;
  private readonly resize: ResizeObserver;
  private readonly options: EngineOptions;

  constructor(options: EngineOptions) {
    this.options = options;
    adoptLeafletStyles(options.root);
    const maxZoom = options.tiles?.maxZoom ?? 18;
    this.leaflet = createLeafletMap(options.container, {
      // The element draws its own zoom, pan and attribution controls (translated, 24 px targets).
      zoomControl: false,
      attributionControl: false,
      // Arrow keys belong to the markers layer (roving focus); the container is not a tab stop.
      keyboard: false,
      zoomAnimation: false,
      markerZoomAnimation: false,
      fadeAnimation: !options.reducedMotion,
      inertia: !options.reducedMotion,
      minZoom: 1,
      maxZoom,
      worldCopyJump: false,
    });
    this.leaflet.getContainer().removeAttribute('tabindex');
    // A first view (the whole world) until the element fits its places or applies center/zoom.
    this.leaflet.setView([20, 0], 2, { animate: false });
    if (options.tiles) {
      tileLayer(options.tiles.url, {
        subdomains: options.tiles.subdomains,
        maxZoom,
        // Tile servers (OpenStreetMap's since 2026) refuse requests without a referrer; anonymous CORS
        // sends no cookies to them.
        referrerPolicy: 'strict-origin-when-cross-origin',
        crossOrigin: 'anonymous',
      })
        .on('tileerror', () => options.onTilesFailed?.())
        .addTo(this.leaflet);
    }
    this.overlay = document.createElement('div');
    this.overlay.className = 'cc-overlay';
    // A press on a marker must not start a drag of the map, nor a click reach the map.
    DomEvent.disableClickPropagation(this.overlay);
    this.leaflet.getPane('markerPane')!.append(this.overlay);
    this.userMove = true;
    this.leaflet.on('moveend', () => {
      const user = this.userMove;
      this.userMove = true;
      options.onView({ ...this.view(), user });
    });
    const worker = options.mainThreadOnly ? null : startWorker();
    this.mode = worker ? 'worker' : 'main-thread';
    this.index = worker ? new WorkerIndex(worker, options.categories) : new ShardedIndex(options.categories);
    // A new size keeps the centre; it is not the visitor's move.
    // In the next frame: what a move redraws (the list of places in view) may resize the element again.
    this.resize = new ResizeObserver(() =>
      requestAnimationFrame(() => {
        if (!this.leaflet.getContainer().isConnected) return;
        this.userMove = false;
        this.leaflet.invalidateSize({ animate: false });
        this.userMove = true;
      }),
    );
    this.resize.observe(options.container);
  }

  /**
   * Indexes the places (call again as pages arrive); resolves once these places are indexed. Calls
   * are queued: each load starts when the previous one ended, with the newest places.
   */
  setPoints(points: ClusterPoints, reset = true): Promise<void> {
    this.points = points;
    const run = this.loading.then(async () => {
      if (this.points !== points) return; // a newer call will load
      try {
        await this.index.load(points, reset);
      } catch (error) {
        if (this.mode !== 'worker') throw error;
        // The worker could not start or died (CSP, cross-origin bundle): index here instead.
        this.index.destroy();
        this.mode = 'main-thread';
        this.index = new ShardedIndex(this.options.categories);
        await this.index.load(points);
      }
    });
    this.loading = run.catch(() => undefined);
    return run;
  }

  /** The clusters and places of the current view (with a margin), at their layer points. */
  async clusters(): Promise<PlacedCluster[]> {
    await this.loading;
    const bounds = this.leaflet.getBounds().pad(0.15);
    const zoom = this.leaflet.getZoom();
    const found = await this.index.query([bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()], zoom);
    return found.map((cluster) => ({ ...cluster, ...this.project(cluster.lat, cluster.lng) }));
  }

  expansionZoom(ref: string): Promise<number> {
    return this.index.expansionZoom(ref, this.leaflet.getZoom());
  }

  leaves(ref: string): Promise<number[]> {
    return this.index.leaves(ref);
  }

  project(lat: number, lng: number): { x: number; y: number } {
    const point = this.leaflet.latLngToLayerPoint([lat, lng]);
    return { x: Math.round(point.x), y: Math.round(point.y) };
  }

  /** Whether a point is inside the visible map. */
  contains(lat: number, lng: number): boolean {
    return this.leaflet.getBounds().contains([lat, lng]);
  }

  get zoom(): number {
    return this.leaflet.getZoom();
  }

  get maxZoom(): number {
    return this.leaflet.getMaxZoom();
  }

  view(): Omit<EngineView, 'user'> {
    const center = this.leaflet.getCenter();
    const bounds = this.leaflet.getBounds();
    return { center: { lat: center.lat, lng: center.lng }, zoom: this.leaflet.getZoom(), bounds: [bounds.getSouth(), bounds.getWest(), bounds.getNorth(), bounds.getEast()] };
  }

  setView(lat: number, lng: number, zoom: number, user = false): void {
    this.userMove = user;
    this.leaflet.setView([lat, lng], Math.min(zoom, this.leaflet.getMaxZoom()), { animate: false });
  }

  zoomBy(delta: number, user = true): void {
    this.userMove = user;
    this.leaflet.setZoom(this.leaflet.getZoom() + delta, { animate: false });
  }

  panBy(x: number, y: number, user = true): void {
    this.userMove = user;
    this.leaflet.panBy([x, y], { animate: !this.options.reducedMotion });
  }

  /** Fits points given as [south, west, north, east]; one point gets a street-level zoom. */
  fit(bounds: readonly [number, number, number, number], user = false): void {
    this.userMove = user;
    const [south, west, north, east] = bounds;
    if (south === north && west === east) {
      this.leaflet.setView([south, west], Math.min(15, this.leaflet.getMaxZoom()), { animate: false });
      return;
    }
    this.leaflet.fitBounds(latLngBounds(latLng(south, west), latLng(north, east)), { padding: [24, 24], animate: false, maxZoom: 15 });
  }

  /** Brings a point into view (with room for its popup above it). */
  reveal(lat: number, lng: number, user = true): void {
    if (this.leaflet.getBounds().pad(-0.2).contains([lat, lng])) return;
    this.userMove = user;
    this.leaflet.panTo([lat, lng], { animate: !this.options.reducedMotion });
  }

  destroy(): void {
    this.resize.disconnect();
    this.index.destroy();
    this.leaflet.remove();
  }
}

export function createMapEngine(options: EngineOptions): MapEngine {
  return new MapEngine(options);
}
