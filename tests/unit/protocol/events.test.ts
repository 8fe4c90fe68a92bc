import { describe, expect, it } from 'vitest';
import { makeEvent, parseEvent } from '../../../lib/protocol';

const URL_A = 'http://www.securityvibes.fr/menaces/un-article/';

describe('parseEvent', () => {
  it('round-trips what makeEvent builds', () => {
    const event = makeEvent('bg.showRelated', { url: URL_A });
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
    expect(parseEvent(makeEvent('bg.noteChanged', { url: URL_A, note: null }))).toEqual({ event: 'bg.noteChanged', payload: { url: URL_A, note: null } });
    expect(parseEvent(makeEvent('bg.indexChanged', { articles: 42 }))).toEqual({ event: 'bg.indexChanged', payload: { articles: 42 } });
  });

  it.each([
    ['null', null],
    ['a string', 'bg.showRelated'],
    ['an unknown event', { event: 'bg.somethingElse', payload: {} }],
    ['a call envelope', { call: 'ui.ping', payload: {} }],
    ['a bad payload', { event: 'bg.showRelated', payload: { url: 'javascript:alert(1)' } }],
    ['a missing payload', { event: 'bg.indexChanged' }],
    ['a negative count', { event: 'bg.indexChanged', payload: { articles: -1 } }],
  ])('returns null for %s, without throwing', (_label, raw) => {
    expect(parseEvent(raw)).toBeNull();
  });
});
