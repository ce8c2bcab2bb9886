// Where each row of a long table is, when nearly every row has the same height: row i starts
// at i × height, plus what the few taller (open) rows before it add. Every question is answered
// from the taller rows alone, so a million-row table costs no more to place than a ten-row one
// (docs/decisions/0226: a general virtualizer lays out every row before it shows any).

/** A row to render: its index and where it starts and ends, from the table body's top. */
export interface PlacedRow {
  index: number;
  start: number;
  end: number;
}

export class RowLayout {
  readonly count: number;
  readonly rowHeight: number;
  /** The rows whose measured height is not `rowHeight`, by index, in index order. */
  readonly #taller: readonly (readonly [index: number, height: number])[];

  constructor(count: number, rowHeight: number, measured: ReadonlyMap<number, number>) {
    this.count = count;
    this.rowHeight = rowHeight;
    this.#taller = [...measured].filter(([index, height]) => index >= 0 && index < count && height !== rowHeight).sort(([a], [b]) => a - b);
  }

  /** The height of every row together. */
  get total(): number {
    return this.start(this.count);
  }

  /** Where row `index` starts (`count` gives the end of the last row). */
  start(index: number): number {
    let offset = index * this.rowHeight;
    for (const [at, height] of this.#taller) {
      if (at >= index) break;
      offset += height - this.rowHeight;
    }
    return offset;
  }

  height(index: number): number {
    return this.#taller.find(([at]) => at === index)?.[1] ?? this.rowHeight;
  }

  /** The row at `offset` (clamped to the first and last row); -1 when there are none. */
  indexAt(offset: number): number {
    if (this.count === 0) return -1;
    let extra = 0;
    for (const [at, height] of this.#taller) {
      const start = at * this.rowHeight + extra;
      if (offset < start) break;
      if (offset < start + height) return at;
      extra += height - this.rowHeight;
    }
    return Math.min(this.count - 1, Math.max(0, Math.floor((offset - extra) / this.rowHeight)));
  }

  /** The rows any part of which is between `top` and `top + height`, with `overscan` more each side. */
  rowsIn(top: number, height: number, overscan: number): PlacedRow[] {
    if (this.count === 0) return [];
    const first = Math.max(0, this.indexAt(top) - overscan);
    const last = Math.min(this.count - 1, this.indexAt(top + Math.max(0, height) - 1) + overscan);
    const rows: PlacedRow[] = [];
    for (let index = first, start = this.start(first); index <= last; index++) {
      const end = start + this.height(index);
      rows.push({ index, start, end });
      start = end;
    }
    return rows;
  }
}
