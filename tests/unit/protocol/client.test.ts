import { describe, expect, it } from 'vitest';
import { createClient } from '../../../lib/protocol';

describe('createClient', () => {
  it('sends the {call, payload} envelope and returns a checked answer', async () => {
    const sent: unknown[] = [];
    const call = createClient(async (message) => {
      sent.push(message);
      return { ok: true, value: { version: '1.2.3' } };
    });
    expect(await call('ui.ping', {})).toEqual({ ok: true, value: { version: '1.2.3' } });
    expect(sent).toEqual([{ call: 'ui.ping', payload: {} }]);
  });

  it('passes a well-formed error answer through', async () => {
    const call = createClient(async () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }));
    expect(await call('ui.clearIndex', {})).toEqual({ ok: false, error: { code: 'forbidden', message: 'no' } });
  });

  it.each([
    ['undefined (no listener answered)', undefined],
    ['a bare value', { version: '1.0.0' }],
    ['a value of the wrong shape', { ok: true, value: { version: 5 } }],
    ['an unknown error code', { ok: false, error: { code: 'teapot', message: 'x' } }],
    ['ok as a string', { ok: 'true', value: { version: '1' } }],
  ])('turns a malformed answer (%s) into invalid-message', async (_label, answer) => {
    const call = createClient(async () => answer);
    const result = await call('ui.ping', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(!result.ok && result.error.message).toContain('ui.ping');
  });

  it('turns a transport failure into unavailable instead of throwing', async () => {
    const call = createClient(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await call('ui.ping', {})).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Could not establish connection. Receiving end does not exist.' },
    });
  });

  it('handles a non-Error rejection and a synchronous throw', async () => {
    const rejecting = createClient(() => Promise.reject('Extension context invalidated.'));
    expect(await rejecting('ui.ping', {})).toMatchObject({ ok: false, error: { code: 'unavailable', message: 'Extension context invalidated.' } });
    const throwing = createClient(() => {
      throw new TypeError('runtime is undefined');
    });
    expect(await throwing('ui.ping', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
