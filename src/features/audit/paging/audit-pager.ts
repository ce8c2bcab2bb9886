import type { AuditPage, AuditPageEntry } from '#domain/contracts/audit.ts';
import { newestCursor } from '../api/audit-keys.ts';

// The rows of an audit view, newest first, read a page at a time as the reader scrolls. The
// API pages by cursor (entries before a sequence number), so where a page starts is known only
// once the page before it is read, except on an unfiltered view of a log without holes: there
// entry #n is row size - n, and any page can be read at once (a jump to the start of 100,000
// entries reads one page, not five hundred). Entries written after the first read are not in
// the view: its rows stay where they are while the reader scrolls. The pages themselves come through the query cache
// (fetchPage); this only keeps the window's rows and where each page starts.

/** Reads up to `limit` entries with a seq below `beforeSeq`, newest first. */
export type FetchAuditPage = (beforeSeq: number, limit: number) => Promise<AuditPage>;


export interface AuditPagerOptions {
  fetchPage: FetchAuditPage;
  /** Rows per page. */
  pageSize: number;
  /** No filters: rows can then be addressed by sequence number if the log has no holes. */
  unfiltered: boolean;
  /** Pages kept besides the wanted ones; farther ones are dropped and read again if needed. */
  maxPages?: number;
  /** Requests at once. */
  maxParallel?: number;
}

export interface AuditPagerSnapshot {
  status: 'loading' | 'ready' | 'error';
  /** Rows in the view, fixed when its first page is read (0 until then). */
  total: number;
  /** Size of the whole log at that moment. */
  logSize: number;
  error: unknown;
  /** Changes whenever rows arrive or leave, so the view renders again. */
  version: number;
}

type Rows = readonly AuditPageEntry[];

export class AuditPager {
  readonly #options: Required<AuditPagerOptions>;
  readonly #pages = new Map<number, Rows>();
  /** Page index → the beforeSeq that reads it. */
  readonly #cursors = new Map<number, number>([[0, newestCursor]]);
  readonly #loading = new Map<number, Promise<Rows | null>>();
  readonly #listeners = new Set<() => void>();
  #wanted = { first: 0, last: 0 };
  #direct = false;
  #known = false;
  /** Bumped by stop(): answers to a stopped pager's requests are dropped. */
  #generation = 0;
  #snapshot: AuditPagerSnapshot = { status: 'loading', total: 0, logSize: 0, error: null, version: 0 };

  constructor(options: AuditPagerOptions) {
    this.#options = { maxPages: 12, maxParallel: 3, ...options };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = (): AuditPagerSnapshot => this.#snapshot;

  get pageSize(): number {
    return this.#options.pageSize;
  }

  /** Starts (or, after stop(), resumes) reading. */
  start(): void {
    this.#generation += 1;
    this.#loading.clear();
    this.#pump();
  }

  stop(): void {
    this.#generation += 1;
    this.#loading.clear();
  }

  /** The entry in row `index`, once its page is read. */
  rowAt(index: number): AuditPageEntry | undefined {
    const size = this.#options.pageSize;
    return this.#pages.get(Math.floor(index / size))?.[index % size];
  }

  /** The rows on screen (inclusive): their pages are read, and on a cursor-only view the pages before them first. */
  want(firstRow: number, lastRow: number): void {
    const size = this.#options.pageSize;
    const first = Math.max(0, Math.floor(firstRow / size));
    const last = Math.max(first, Math.floor(lastRow / size));
    if (first === this.#wanted.first && last === this.#wanted.last) return;
    this.#wanted = { first, last };
    this.#pump();
  }

  /** Tries again after a failed read. */
  retry(): void {
    if (this.#snapshot.status !== 'error') return;
    this.#publish({ status: this.#known ? 'ready' : 'loading', error: null });
    this.#pump();
  }

  /** The row of entry #seq in this view, reading pages as needed; null if the view does not hold it. */
  async locate(seq: number): Promise<number | null> {
    const size = this.#options.pageSize;
    if (!this.#known && (await this.#read(0)) === null) return null;
    const total = this.#snapshot.total;
    if (this.#direct) return seq >= 1 && seq <= total ? total - seq : null;
    const lastPage = Math.ceil(total / size) - 1;
    for (let page = 0; page <= lastPage; page++) {
      // A page that ends before the entry need not be read when the next one's cursor is known.
      const next = this.#cursors.get(page + 1);
      if (next !== undefined && next > seq) continue;
      const rows = await this.#read(page);
      if (rows === null) return null;
      const index = rows.findIndex((row) => row.seq === seq);
      if (index !== -1) return page * size + index;
      const lastSeq = rows.at(-1)?.seq;
      if (lastSeq === undefined || lastSeq < seq) return null;
    }
    return null;
  }

  #cursorOf(page: number): number | undefined {
    if (this.#direct) return this.#snapshot.total + 1 - page * this.#options.pageSize;
    return this.#cursors.get(page);
  }

  /** Pages to read now: those on screen whose start is known, else the next link of the cursor chain towards them. */
  #pagesToRead(): number[] {
    if (!this.#known) return [0];
    const lastPage = Math.ceil(this.#snapshot.total / this.#options.pageSize) - 1;
    const pages: number[] = [];
    for (let page = this.#wanted.first; page <= Math.min(this.#wanted.last, lastPage); page++) {
      if (this.#pages.has(page) || this.#loading.has(page)) continue;
      if (this.#cursorOf(page) !== undefined) {
        pages.push(page);
        continue;
      }
      let known = page - 1;
      while (known > 0 && !this.#cursors.has(known)) known -= 1;
      if (!this.#pages.has(known) && !this.#loading.has(known)) pages.push(known);
      break;
    }
    return pages;
  }

  #pump(): void {
    if (this.#snapshot.status === 'error') return;
    for (const page of this.#pagesToRead()) {
      if (this.#loading.size >= this.#options.maxParallel) return;
      void this.#read(page);
    }
  }

  /** A page's rows, from memory or read once however many ask; null if the read failed or the pager stopped. */
  #read(page: number): Promise<Rows | null> {
    const held = this.#pages.get(page);
    if (held) return Promise.resolve(held);
    const pending = this.#loading.get(page);
    if (pending) return pending;
    const cursor = this.#cursorOf(page);
    if (cursor === undefined) return Promise.resolve(null);
    const generation = this.#generation;
    const reading = this.#options.fetchPage(cursor, this.#options.pageSize).then(
      (result) => {
        if (generation !== this.#generation) return null;
        this.#loading.delete(page);
        this.#accept(page, result);
        this.#pump();
        return result.items;
      },
      (error: unknown) => {
        if (generation !== this.#generation) return null;
        this.#loading.delete(page);
        this.#publish({ status: 'error', error });
        return null;
      },
    );
    this.#loading.set(page, reading);
    return reading;
  }

  #accept(page: number, result: AuditPage): void {
    this.#pages.set(page, result.items);
    const lastSeq = result.items.at(-1)?.seq;
    if (lastSeq !== undefined) this.#cursors.set(page + 1, lastSeq);
    if (!this.#known) {
      this.#known = true;
      // Every seq is unique and at least 1, so as many entries as the highest seq means
      // exactly 1..n: entry #n is row total - n.
      this.#direct = this.#options.unfiltered && result.total === result.logSize;
      // Read again (after being dropped), the first page must not take in entries written since.
      const newest = result.items[0]?.seq;
      if (newest !== undefined) this.#cursors.set(0, newest + 1);
      this.#publish({ status: 'ready', total: result.total, logSize: result.logSize });
    }
    this.#evict();
    this.#publish({});
  }

  /** Keeps the wanted pages and their neighbours, and as many others as allowed, nearest first. */
  #evict(): void {
    const extra = this.#pages.size - (this.#wanted.last - this.#wanted.first + 3) - this.#options.maxPages;
    if (extra <= 0) return;
    const distance = (page: number) => (page < this.#wanted.first ? this.#wanted.first - page : Math.max(0, page - this.#wanted.last));
    const far = [...this.#pages.keys()].filter((page) => distance(page) > 1).sort((a, b) => distance(b) - distance(a));
    for (const page of far.slice(0, extra)) this.#pages.delete(page);
  }

  #publish(change: Partial<Omit<AuditPagerSnapshot, 'version'>>): void {
    this.#snapshot = { ...this.#snapshot, ...change, version: this.#snapshot.version + 1 };
    for (const listener of this.#listeners) listener();
  }
}
