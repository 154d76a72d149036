// The k best (score, doc) pairs seen so far: a binary min-heap whose root is the worst kept hit, so
// its score is the threshold a new document must beat. Ties go to the lower document number, which
// makes results deterministic whatever order documents are scored in.

export interface Hit {
  doc: number;
  score: number;
}

export class TopK {
  private readonly scores: Float64Array;
  private readonly docs: Int32Array;
  private size = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.docs = new Int32Array(k);
  }

  get full(): boolean {
    return this.size === this.k;
  }

  /** The score to beat once full; -Infinity before. */
  get threshold(): number {
    return this.size === this.k ? this.scores[0]! : -Infinity;
  }

  /** Whether (score, doc) would be kept. */
  accepts(score: number, doc: number): boolean {
    if (this.size < this.k) return true;
    const worst = this.scores[0]!;
    return score > worst || (score === worst && doc < this.docs[0]!);
  }

  /** Adds a pair that accepts() said yes to. */
  push(score: number, doc: number): void {
    if (this.size < this.k) {
      this.scores[this.size] = score;
      this.docs[this.size] = doc;
      this.up(this.size++);
      return;
    }
    this.scores[0] = score;
    this.docs[0] = doc;
    this.down(0);
  }

  /**
   * Best first. A heap sort on a copy: each pop takes the worst kept hit, so the list fills from its
   * end, with no comparator calls (sorting hit objects was a visible share of a small corpus's query).
   */
  sorted(): Hit[] {
    const heap = new TopK(this.size);
    heap.scores.set(this.scores.subarray(0, this.size));
    heap.docs.set(this.docs.subarray(0, this.size));
    const hits = new Array<Hit>(this.size);
    for (heap.size = this.size; heap.size > 0; ) {
      const last = --heap.size;
      hits[last] = { doc: heap.docs[0]!, score: heap.scores[0]! };
      heap.scores[0] = heap.scores[last]!;
      heap.docs[0] = heap.docs[last]!;
      heap.down(0);
    }
    return hits;
  }

  private worse(i: number, j: number): boolean {
    const a = this.scores[i]!;
    const b = this.scores[j]!;
    return a < b || (a === b && this.docs[i]! > this.docs[j]!);
  }

  private swap(i: number, j: number): void {
    const s = this.scores[i]!;
    this.scores[i] = this.scores[j]!;
    this.scores[j] = s;
    const d = this.docs[i]!;
    this.docs[i] = this.docs[j]!;
    this.docs[j] = d;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const child = right < this.size && this.worse(right, left) ? right : left;
      if (!this.worse(child, i)) return;
      this.swap(i, child);
      i = child;
    }
  }
}
