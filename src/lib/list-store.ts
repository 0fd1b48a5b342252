/** A small observable list for in-memory logs (calls, sign-in flow); React reads it with useSyncExternalStore. */
export class ListStore<T extends { id: number }> {
  private items: T[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  private readonly limit: number;

  constructor(limit = 200) {
    this.limit = limit;
  }

  getItems = (): T[] => this.items;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  push(item: Omit<T, 'id'>): number {
    const id = this.nextId++;
    this.items = [...this.items, { ...item, id } as T].slice(-this.limit);
    this.emit();
    return id;
  }

  update(id: number, patch: Partial<T>) {
    this.items = this.items.map((item) => (item.id === id ? { ...item, ...patch } : item));
    this.emit();
  }

  private emit() {
    for (const listener of this.listeners) listener();
  }
}
