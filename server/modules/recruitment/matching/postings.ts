/** A growable list of candidate slots (one posting list of the inverted index). Order carries no meaning. */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }

  add(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  /** Removes one occurrence (the last element takes its place); false when absent. */
  remove(value: number): boolean {
    const at = this.data.subarray(0, this.length).lastIndexOf(value);
    if (at < 0) return false;
    this.length -= 1;
    this.data[at] = this.data[this.length];
    return true;
  }
}

/** Adds a slot to the posting list at `key`, creating it. */
export function post(lists: (IntList | undefined)[], key: number, slot: number): void {
  (lists[key] ??= new IntList()).add(slot);
}
