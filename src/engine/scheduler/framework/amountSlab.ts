// NodeInfo's numbers — allocatable, requested and non-zero requested amounts, and the pod count —
// for all of a cache's nodes, one row per node in a single Float64Array. Filter and Score read
// them on every node of every cycle, in node-list order: rows side by side reach the processor
// as one stream, and doubles in a typed array are not boxed as object fields are.

/** Where each number sits in a row. */
export const ALLOCATABLE_MILLI_CPU = 0;
export const ALLOCATABLE_MEMORY = 1;
export const ALLOWED_POD_NUMBER = 2;
export const REQUESTED_MILLI_CPU = 3;
export const REQUESTED_MEMORY = 4;
export const NON_ZERO_MILLI_CPU = 5;
export const NON_ZERO_MEMORY = 6;
export const NUM_PODS = 7;
/** The length of a row. */
export const ROW = 8;

/** Rows of node numbers, reused as nodes come and go. */
export class AmountSlab {
  /** Replaced by a larger copy when rows run out: read it afresh each time. */
  data: Float64Array;
  private readonly freeRows: number[] = [];
  private used = 0;

  constructor(rows = 64) {
    this.data = new Float64Array(rows * ROW);
  }

  /** Returns the offset of a zeroed row. */
  alloc(): number {
    let row = this.freeRows.pop();
    if (row === undefined) {
      if (this.used === this.data.length) this.grow();
      row = this.used;
      this.used += ROW;
    }
    this.data.fill(0, row, row + ROW);
    return row;
  }

  /** Gives a row back for reuse. */
  release(row: number): void {
    this.freeRows.push(row);
  }

  private grow(): void {
    const bigger = new Float64Array(this.data.length * 2);
    bigger.set(this.data);
    this.data = bigger;
  }
}
