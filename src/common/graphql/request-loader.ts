import DataLoader from 'dataloader';

/**
 * A DataLoader that lives as long as one GraphQL request: the first field resolver that asks for
 * it creates it on the request context, the rest share it, so a list costs one query per relation.
 */
export function requestLoader<K, V>(
  context: object,
  name: string,
  batch: (keys: readonly K[]) => Promise<V[]>,
): DataLoader<K, V> {
  const store = context as { loaders?: Map<string, DataLoader<unknown, unknown>> };
  store.loaders ??= new Map();
  let loader = store.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    store.loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}
