/**
 * Clustering of the map's places with supercluster, behind one asynchronous interface with two
 * implementations:
 * - in a Web Worker built from the bundle (`cluster-worker.ts`): one index over every place, built off
 *   the main thread, queried by message;
 * - on the main thread when no worker can start (cross-origin script, a CSP without `worker-src`, an
 *   old browser): the places are split into shards small enough to index in well under 50 ms each,
 *   the thread is yielded between shards, and a query merges the shards' clusters that overlap on
 *   screen. Shards are immutable, so places that arrive page after page only index the new ones.
 *
 * Loaded lazily with the map's chunk; no DOM, no Leaflet.
 */
import Supercluster, { type ClusterFeature, type ClusterProperties, type PointFeature } from 'supercluster';

/** One place to cluster: its position and its category (an index into the category list). */
export interface ClusterPoints {
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  readonly category: Uint8Array;
  readonly count: number;
}

/** A cluster or a single place in the view. */
export interface ViewCluster {
  readonly lng: number;
  readonly lat: number;
  readonly count: number;
  /** Places per category (same order as the category list). */
  readonly counts: readonly number[];
  /** The place's index when `count` is 1, else -1. */
  readonly point: number;
  /** Opaque handle for `expansionZoom` and `leaves`. */
  readonly ref: string;
}

export interface ClusterIndex {
  /** Indexes the first `points.count` places; unless `reset`, they extend the previous ones (kept when possible). */
  load(points: ClusterPoints, reset?: boolean): Promise<void>;
  query(bbox: readonly [number, number, number, number], zoom: number): Promise<ViewCluster[]>;
  /** The zoom at which a cluster splits. */
  expansionZoom(ref: string, zoom: number): Promise<number>;
  /** The indexes of a cluster's places. */
  leaves(ref: string): Promise<number[]>;
  destroy(): void;
}

export const CLUSTER_RADIUS = 60;
export const CLUSTER_MAX_ZOOM = 17;
/** Places per main-thread shard: supercluster indexes ~5,000 places in ~25 ms here (perf anchors). */
export const SHARD_SIZE = 4000;

/**
 * A point's properties: its category and index. A cluster's copy also carries its counts per category
 * as numbers (`n0`, `n1`…): supercluster copies properties shallowly from zoom to zoom, so an array
 * would be shared between a cluster and its parent and counted twice.
 */
interface PointProps {
  c: number;
  i: number;
  m?: boolean;
  [count: `n${number}`]: number;
}

function countOf(props: PointProps, k: number): number {
  return props.m ? (props[`n${k}`] ?? 0) : props.c === k ? 1 : 0;
}

function makeIndex(categories: number): Supercluster<PointProps, PointProps> {
  return new Supercluster<PointProps, PointProps>({
    radius: CLUSTER_RADIUS,
    maxZoom: CLUSTER_MAX_ZOOM,
    map: (props) => props,
    reduce: (accumulated, props) => {
      for (let k = 0; k < categories; k++) accumulated[`n${k}`] = countOf(accumulated, k) + countOf(props, k);
      accumulated.m = true;
    },
  });
}

function features(points: ClusterPoints, from: number, to: number): PointFeature<PointProps>[] {
  const list: PointFeature<PointProps>[] = [];
  for (let i = from; i < to; i++) {
    list.push({ type: 'Feature', properties: { c: points.category[i]!, i }, geometry: { type: 'Point', coordinates: [points.lng[i]!, points.lat[i]!] } });
  }
  return list;
}

const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The shard set: used on the main thread (small shards, yielding) and inside the worker (one shard).
 * Refs are "shard/id", where id is supercluster's cluster id, or "p<index>" for a single place.
 */
export class ShardedIndex implements ClusterIndex {
  private shards: { index: Supercluster<PointProps, PointProps>; from: number; to: number }[] = [];
  private readonly shardSize: number;
  private readonly categories: number;
  private readonly yieldBetween: boolean;

  constructor(categories: number, shardSize = SHARD_SIZE, yieldBetween = true) {
    this.categories = categories;
    this.shardSize = shardSize;
    this.yieldBetween = yieldBetween;
  }

  async load(points: ClusterPoints, reset = true): Promise<void> {
    if (reset) this.shards = [];
    // Full shards whose places are unchanged stay; the last (partial) one and new ones are built.
    const kept = this.shards.filter((shard) => shard.to - shard.from === this.shardSize && shard.to <= points.count);
    const next = [...kept];
    for (let from = kept.length * this.shardSize; from < points.count; from += this.shardSize) {
      if (this.yieldBetween && next.length > kept.length) await yieldToPage();
      const to = Math.min(points.count, from + this.shardSize);
      next.push({ index: makeIndex(this.categories).load(features(points, from, to)), from, to });
    }
    this.shards = next;
  }

  async query(bbox: readonly [number, number, number, number], zoom: number): Promise<ViewCluster[]> {
    const found: ViewCluster[] = [];
    this.shards.forEach((shard, s) => {
      for (const feature of shard.index.getClusters([...bbox], Math.floor(zoom))) found.push(this.toView(s, feature));
    });
    return this.shards.length > 1 ? mergeOverlapping(found, zoom) : found;
  }

  async expansionZoom(ref: string, zoom: number): Promise<number> {
    let best = CLUSTER_MAX_ZOOM + 1;
    for (const [shard, id] of parseRefs(ref)) {
      if (id.startsWith('p')) continue;
      best = Math.min(best, this.shards[shard]?.index.getClusterExpansionZoom(Number(id)) ?? best);
    }
    return Math.max(Math.floor(zoom) + 1, best);
  }

  async leaves(ref: string): Promise<number[]> {
    const list: number[] = [];
    for (const [shard, id] of parseRefs(ref)) {
      if (id.startsWith('p')) list.push(Number(id.slice(1)));
      else for (const leaf of this.shards[shard]?.index.getLeaves(Number(id), Infinity) ?? []) list.push(leaf.properties.i);
    }
    return list;
  }

  destroy(): void {
    this.shards = [];
  }

  private toView(shard: number, feature: ClusterFeature<PointProps> | PointFeature<PointProps>): ViewCluster {
    const [lng, lat] = feature.geometry.coordinates as [number, number];
    const props = feature.properties as PointProps & Partial<ClusterProperties>;
    if (props.cluster) {
      const counts = Array.from({ length: this.categories }, (_, k) => countOf(props, k));
      return { lng, lat, count: props.point_count!, counts, point: -1, ref: `${shard}/${props.cluster_id}` };
    }
    const counts = new Array<number>(this.categories).fill(0);
    counts[props.c] = 1;
    return { lng, lat, count: 1, counts, point: props.i, ref: `${shard}/p${props.i}` };
  }
}

function parseRefs(ref: string): [number, string][] {
  return ref.split(',').map((part) => {
    const [shard, id] = part.split('/');
    return [Number(shard), id ?? ''];
  });
}

/** Web Mercator x/y in pixels at `zoom` (256 px tiles), for the on-screen merge of shard clusters. */
function pixel(lng: number, lat: number, zoom: number): [number, number] {
  const scale = 256 * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  return [((lng + 180) / 360) * scale, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale];
}

/** Greedy merge of clusters closer than the cluster radius on screen (a grid keeps it linear). */
export function mergeOverlapping(clusters: readonly ViewCluster[], zoom: number): ViewCluster[] {
  const cell = CLUSTER_RADIUS;
  const grid = new Map<string, number[]>();
  const merged: { x: number; y: number; lng: number; lat: number; count: number; counts: number[]; point: number; refs: string[] }[] = [];
  const sorted = [...clusters].sort((a, b) => b.count - a.count);
  for (const cluster of sorted) {
    const [x, y] = pixel(cluster.lng, cluster.lat, Math.floor(zoom));
    const gx = Math.floor(x / cell);
    const gy = Math.floor(y / cell);
    let target = -1;
    for (let dx = -1; dx <= 1 && target < 0; dx++) {
      for (let dy = -1; dy <= 1 && target < 0; dy++) {
        for (const candidate of grid.get(`${gx + dx}:${gy + dy}`) ?? []) {
          const other = merged[candidate]!;
          if ((other.x - x) ** 2 + (other.y - y) ** 2 <= cell * cell) {
            target = candidate;
            break;
          }
        }
      }
    }
    if (target < 0) {
      merged.push({ x, y, lng: cluster.lng, lat: cluster.lat, count: cluster.count, counts: [...cluster.counts], point: cluster.point, refs: [cluster.ref] });
      const key = `${gx}:${gy}`;
      grid.set(key, [...(grid.get(key) ?? []), merged.length - 1]);
      continue;
    }
    const into = merged[target]!;
    const total = into.count + cluster.count;
    // The heavier cluster keeps its place on screen; its centre moves towards the other by weight.
    into.lng = (into.lng * into.count + cluster.lng * cluster.count) / total;
    into.lat = (into.lat * into.count + cluster.lat * cluster.count) / total;
    into.count = total;
    into.point = -1;
    cluster.counts.forEach((value, k) => (into.counts[k] = (into.counts[k] ?? 0) + value));
    into.refs.push(cluster.ref);
  }
  return merged.map(({ lng, lat, count, counts, point, refs }) => ({ lng, lat, count, counts, point, ref: refs.join(',') }));
}

/** The worker's side: answers the messages `WorkerIndex` sends, with one unsharded index. */
export type WorkerRequest =
  | { readonly id: number; readonly type: 'load'; readonly points: ClusterPoints; readonly categories: number }
  | { readonly id: number; readonly type: 'query'; readonly bbox: [number, number, number, number]; readonly zoom: number }
  | { readonly id: number; readonly type: 'expansionZoom'; readonly ref: string; readonly zoom: number }
  | { readonly id: number; readonly type: 'leaves'; readonly ref: string };

export function workerHandler(): (request: WorkerRequest) => Promise<unknown> {
  let index: ShardedIndex | null = null;
  return async (request) => {
    switch (request.type) {
      case 'load':
        index = new ShardedIndex(request.categories, Number.MAX_SAFE_INTEGER, false);
        return index.load(request.points);
      case 'query':
        return index?.query(request.bbox, request.zoom) ?? [];
      case 'expansionZoom':
        return index?.expansionZoom(request.ref, request.zoom) ?? request.zoom + 1;
      case 'leaves':
        return index?.leaves(request.ref) ?? [];
    }
  };
}

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

/** The main thread's side of the worker index. */
export class WorkerIndex implements ClusterIndex {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;
  private readonly categories: number;

  constructor(worker: Worker, categories: number) {
    this.worker = worker;
    this.categories = categories;
    worker.addEventListener('message', (event: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
      const waiting = this.pending.get(event.data.id);
      if (!waiting) return;
      this.pending.delete(event.data.id);
      if (event.data.error !== undefined) waiting.reject(new Error(event.data.error));
      else waiting.resolve(event.data.result);
    });
    worker.addEventListener('error', (event) => this.failAll(new Error(event.message || 'worker error')));
  }

  load(points: ClusterPoints): Promise<void> {
    // Copies, so the caller's arrays stay usable; the copies are transferred, not cloned again.
    const copy: ClusterPoints = { lng: points.lng.slice(0, points.count), lat: points.lat.slice(0, points.count), category: points.category.slice(0, points.count), count: points.count };
    return this.call({ type: 'load', points: copy, categories: this.categories }, [copy.lng.buffer, copy.lat.buffer, copy.category.buffer]) as Promise<void>;
  }

  query(bbox: readonly [number, number, number, number], zoom: number): Promise<ViewCluster[]> {
    return this.call({ type: 'query', bbox: [...bbox], zoom }) as Promise<ViewCluster[]>;
  }

  expansionZoom(ref: string, zoom: number): Promise<number> {
    return this.call({ type: 'expansionZoom', ref, zoom }) as Promise<number>;
  }

  leaves(ref: string): Promise<number[]> {
    return this.call({ type: 'leaves', ref }) as Promise<number[]>;
  }

  destroy(): void {
    this.worker.terminate();
    this.failAll(new DOMException('The map was removed', 'AbortError'));
  }

  private call(message: Record<string, unknown>, transfer: Transferable[] = []): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  private failAll(error: unknown): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
