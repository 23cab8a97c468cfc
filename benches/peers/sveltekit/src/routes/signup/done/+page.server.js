import { records } from '$lib/server/store.js';

export function load() {
  return { count: records.length };
}
