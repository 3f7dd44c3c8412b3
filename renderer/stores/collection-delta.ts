/** What every `<kind>/delta` event carries (the backend's ObjectCollection emits it). */
export interface CollectionDelta<T> {
  hostId: string;
  reset: boolean;
  upsert: T[];
  remove: string[];
}
