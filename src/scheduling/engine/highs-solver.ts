import loadHighs, { Highs } from 'highs';

let loading: Promise<Highs> | null = null;

/** HiGHS compiled to WebAssembly; compiled once per process because compiling costs ~50 ms. */
export function getHighs(): Promise<Highs> {
  loading ??= loadHighs();
  return loading;
}
