import { calls, type CallName, type Handlers } from '../../../lib/protocol';

/**
 * A complete handler map for router tests: the given handlers, and for every other call one that fails
 * the test if it is ever reached (the router's sender and payload checks must stop those first).
 */
export function handlersWith(some: Partial<Handlers>): Handlers {
  const unexpected = (name: CallName) => () => {
    throw new Error(`unexpected call to ${name}`);
  };
  const all = Object.fromEntries((Object.keys(calls) as CallName[]).map((name) => [name, unexpected(name)]));
  // Object.fromEntries loses the per-name types; every name of `calls` is present, so the map is complete.
  return { ...all, ...some } as Handlers;
}
