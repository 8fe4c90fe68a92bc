import { afterAll } from 'vitest';
import { liveSessions } from './session-base';

// Registered for every e2e file (vitest.e2e.config.ts setupFiles): whatever a failing test left open is
// closed, so no browser outlives its test file.
afterAll(async () => {
  const open = [...liveSessions];
  await Promise.allSettled(open.map((session) => session.close()));
});
