/**
 * The map's life for one `<cc-map>` (house style I: the element never touches Leaflet): loads the lazy
 * chunk when a map is rendered (with `loading="lazy"`, when the element nears the viewport), creates
 * the engine once the container exists, removes it on disconnect and recreates it on reconnect or
 * when the tiles change; feeds it the places and keeps the clusters of the current view for the
 * element to render.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommunecterElement } from '../../api/index.js';
import { engineLoader } from './engine-loader.js';
import type { EngineView, MapEngine, PlacedCluster } from './map-engine.js';
import { categoryOf, CATEGORIES, nearestTo, type TilesChoice } from './map-model.js';

export interface MapControllerOptions {
  readonly container: () => HTMLElement | null;
  /** The tiles; other tiles recreate the engine. */
  readonly tiles: () => TilesChoice;
  readonly lazy: () => boolean;
  /** Whether a map is wanted at all (not for a configuration error). */
  readonly wanted: () => boolean;
  readonly onReady: (engine: MapEngine) => void;
  readonly onView: (view: EngineView) => void;
}

export class MapController implements ReactiveController {
  engine: MapEngine | null = null;
  /** The chunk or Leaflet failed: the element shows its list alone. */
  failed = false;
  /** Tiles failed to load (a tile server refusing, blocked by the page, offline): a notice, the places stay. */
  tilesFailed = false;
  clusters: readonly PlacedCluster[] = [];
  /** The places behind the index's point numbers. */
  pointItems: readonly CommunecterElement[] = [];
  /** Test switch: cluster on the main thread. */
  mainThreadOnly = false;
  private key = '';
  private starting = false;
  private near = false;
  private observer: IntersectionObserver | null = null;
  private items: readonly CommunecterElement[] = [];
  private indexedCount = 0;
  private itemsKey: unknown = null;
  private drawing: Promise<void> = Promise.resolve();
  private settle: () => void = () => undefined;
  /** Resolves once the map is ready (or failed, or not wanted): what `cc-load` waits for. */
  settled: Promise<void> = this.resetSettled();
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: MapControllerOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: MapControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.options.wanted()) {
      this.stop();
      return this.settle();
    }
    const container = this.options.container();
    if (!container) return;
    if (this.engine && this.key !== JSON.stringify(this.options.tiles())) this.stop();
    if (this.engine || this.starting || this.failed) return;
    if (this.options.lazy() && !this.near) return this.observe();
    void this.start(container);
  }

  hostDisconnected(): void {
    this.stop();
    this.observer?.disconnect();
    this.observer = null;
    this.near = false;
  }

  /**
   * The places to draw (all pages so far, filtered). `append` says they extend the previous list, so
   * the main-thread index keeps its shards. Resolves once they are indexed and drawn.
   */
  setItems(items: readonly CommunecterElement[], key: unknown, partial = false): Promise<void> {
    const append = this.itemsKey === key && items.length >= this.indexedCount;
    // While pages arrive, the index is rebuilt when the set grew by a third: a handful of rebuilds for
    // 100 pages, and the last full one never waits behind an almost full one.
    if (partial && append && this.indexedCount > 0 && items.length < this.indexedCount * 1.34) return Promise.resolve();
    this.indexedCount = items.length;
    this.items = items;
    this.itemsKey = key;
    return this.index(append);
  }

  /** Recomputes the clusters of the view (after a move). */
  refresh(): Promise<void> {
    const engine = this.engine;
    if (!engine) return Promise.resolve();
    this.drawing = this.drawing.then(async () => {
      try {
        this.clusters = await engine.clusters();
      } catch {
        this.clusters = [];
      }
      this.host.requestUpdate();
      await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    });
    return this.drawing;
  }

  /** The cluster or marker button at `index` of the view. */
  button(index: number): HTMLElement | null {
    return this.engine?.overlay.querySelectorAll<HTMLElement>('.cluster, .marker')[index] ?? null;
  }

  /** Focuses an element of the overlay (the popup's title) once the host has rendered it. */
  async focusIn(selector: string): Promise<void> {
    await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    this.engine?.overlay.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * After a zoom from the markers layer, focus stays there: on the cluster or marker nearest the
   * centre, once redrawn (`setActive` makes it the roving tab stop).
   */
  async focusNearCentre(setActive: (index: number) => void): Promise<void> {
    await this.refresh();
    const engine = this.engine;
    if (!engine) return;
    const { center } = engine.view();
    const index = nearestTo(this.clusters, engine.project(center.lat, center.lng));
    setActive(index);
    this.host.requestUpdate();
    await (this.host as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    this.button(index)?.focus();
  }

  /** "Près de moi": the browser asks for the position now, on the visitor's click, never before. */
  locate(onFailure: () => void): void {
    if (!navigator.geolocation) return onFailure();
    navigator.geolocation.getCurrentPosition((position) => this.engine?.setView(position.coords.latitude, position.coords.longitude, 14, true), onFailure, { timeout: 10000 });
  }

  private index(append: boolean): Promise<void> {
    const engine = this.engine;
    if (!engine) return Promise.resolve();
    const located = this.items.filter((item) => item.position !== null);
    const count = located.length;
    const points = { lng: new Float64Array(count), lat: new Float64Array(count), category: new Uint8Array(count), count };
    located.forEach((item, i) => {
      points.lng[i] = item.position!.lng;
      points.lat[i] = item.position!.lat;
      points.category[i] = categoryOf(item);
    });
    this.pointItems = located;
    return engine.setPoints(points, !append).then(() => this.refresh(), () => this.refresh());
  }

  private observe(): void {
    if (this.observer) return;
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.near = true;
        this.observer?.disconnect();
        this.observer = null;
        this.host.requestUpdate();
      },
      { rootMargin: '300px' },
    );
    this.observer.observe(this.host);
  }

  private async start(container: HTMLElement): Promise<void> {
    this.starting = true;
    engineLoader.requests++;
    try {
      const module = await engineLoader.load();
      if (!this.host.isConnected || !this.options.wanted() || container !== this.options.container()) return;
      const tiles = this.options.tiles();
      this.key = JSON.stringify(tiles);
      this.engine = module.createMapEngine({
        container,
        root: this.host.shadowRoot!,
        tiles: tiles.kind === 'tiles' ? { url: tiles.preset.url, subdomains: tiles.preset.subdomains, maxZoom: tiles.preset.maxZoom } : null,
        categories: CATEGORIES.length,
        reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
        mainThreadOnly: this.mainThreadOnly,
        onView: (view) => {
          this.options.onView(view);
          void this.refresh();
        },
        onTilesFailed: () => {
          if (this.tilesFailed) return;
          this.tilesFailed = true;
          this.host.requestUpdate();
        },
      });
      this.options.onReady(this.engine);
      void this.index(false);
      this.settle();
    } catch (error) {
      this.failed = true;
      this.settle();
      console.warn('<cc-map> the map could not be loaded; the list of places stays available.', error);
    } finally {
      this.starting = false;
      this.host.requestUpdate();
    }
  }

  private resetSettled(): Promise<void> {
    return (this.settled = new Promise<void>((resolve) => (this.settle = resolve)));
  }

  private stop(): void {
    if (this.engine) void this.resetSettled();
    this.engine?.destroy();
    this.engine = null;
    this.clusters = [];
  }
}
