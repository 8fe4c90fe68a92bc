/**
 * A value loaded on first use and then kept (the connection, the catalog, the ratings), patched in place by
 * the store's own writes and dropped when it may no longer hold. A failed load is forgotten, so the next
 * use tries again instead of replaying the failure.
 */
export class Lazy<T> {
  private held: Promise<T> | null = null;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.held) {
      const loading = this.load();
      this.held = loading;
      loading.catch(() => {
        if (this.held === loading) this.held = null;
      });
    }
    return this.held;
  }

  /** Changes the loaded value in place. Nothing to do when none is loaded: the next load reads the store. */
  async patch(change: (value: T) => void): Promise<void> {
    const held = this.held;
    if (!held) return;
    const loaded = await held.then(
      (value) => ({ value }),
      () => null,
    );
    // Dropped while we waited: the value is stale and the next load reads the store.
    if (!loaded || this.held !== held) return;
    change(loaded.value);
  }

  /** Forgets the value; returns what was held (the connection closes it). */
  drop(): Promise<T> | null {
    const held = this.held;
    this.held = null;
    return held;
  }
}
