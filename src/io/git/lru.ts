// A Map that forgets its least recently used entries past a bound: memos by object id stay flat in memory
// however long the history they are used over.
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): this {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
    return this;
  }

  /** The value for key, made by make() when absent (a promise, so concurrent askers share one read). */
  getOr(key: K, make: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined || this.map.has(key)) return hit as V;
    const value = make();
    this.set(key, value);
    return value;
  }
}
