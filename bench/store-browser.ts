import { runSuite } from './store-suite';

/** Browser entry (bundled by esbuild): the page exposes the suite to the Playwright driver. */
declare global {
  interface Window {
    runStoreSuite: typeof runSuite;
  }
}
window.runStoreSuite = (_factory, n, options) => runSuite(indexedDB, n, options);
