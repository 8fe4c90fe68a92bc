import { describe, expect, it } from 'vitest';
import { classifySender, type SelfIdentity, type SenderLike } from '../../../lib/protocol';

const CHROME: SelfIdentity = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };
const FIREFOX: SelfIdentity = { id: 'securityvibes-companion@companion.invalid', origin: 'moz-extension://5c0b7e2a-9d4f-4e61-8a3b-1f2e3d4c5b6a' };
const ARTICLE = 'https://www.securityvibes.fr/menaces/un-article/';

describe('classifySender: our extension pages', () => {
  it('accepts the popup (no tab) as a page', () => {
    expect(classifySender({ id: CHROME.id, url: `${CHROME.origin}/popup.html` }, CHROME)).toEqual({ kind: 'page', tabId: null });
  });

  it('accepts the options page opened in a tab as a page, with its tab id', () => {
    const url = `${CHROME.origin}/options.html#notes`;
    expect(classifySender({ id: CHROME.id, url, tab: { id: 7, url }, frameId: 0 }, CHROME)).toEqual({ kind: 'page', tabId: 7 });
  });

  it('accepts Firefox moz-extension pages', () => {
    expect(classifySender({ id: FIREFOX.id, url: `${FIREFOX.origin}/popup.html?x=1` }, FIREFOX)).toEqual({ kind: 'page', tabId: null });
  });

  it('tolerates a trailing slash on its own origin', () => {
    expect(classifySender({ id: CHROME.id, url: `${CHROME.origin}/options.html` }, { ...CHROME, origin: `${CHROME.origin}/` })).toMatchObject({ kind: 'page' });
  });

  it('falls back to sender.origin when the url is missing', () => {
    expect(classifySender({ id: CHROME.id, origin: CHROME.origin }, CHROME)).toEqual({ kind: 'page', tabId: null });
  });
});

describe('classifySender: our content script', () => {
  it('accepts it on an https page, with the tab id', () => {
    expect(classifySender({ id: CHROME.id, url: ARTICLE, tab: { id: 3, url: ARTICLE }, frameId: 0 }, CHROME)).toEqual({
      kind: 'content',
      tabId: 3,
      frameUrl: ARTICLE,
    });
  });

  it('accepts it on an http page (the archive was http)', () => {
    const url = 'http://www.securityvibes.fr/tag/apt/';
    expect(classifySender({ id: FIREFOX.id, url, tab: { id: 12 }, frameId: 0 }, FIREFOX)).toEqual({ kind: 'content', tabId: 12, frameUrl: url });
  });

  it('rejects it in a subframe (it speaks for whatever page framed it), or with no frame id', () => {
    expect(classifySender({ id: CHROME.id, url: ARTICLE, tab: { id: 3, url: ARTICLE }, frameId: 5 }, CHROME)).toEqual({
      kind: 'rejected',
      reason: 'content script in a subframe',
    });
    expect(classifySender({ id: CHROME.id, url: ARTICLE, tab: { id: 3, url: ARTICLE } }, CHROME)).toMatchObject({ kind: 'rejected' });
  });

  it('rejects it without a usable tab id', () => {
    for (const id of [undefined, -1, 1.5]) {
      expect(classifySender({ id: CHROME.id, url: ARTICLE, tab: { id, url: ARTICLE }, frameId: 0 }, CHROME)).toMatchObject({ kind: 'rejected' });
    }
  });

  it('keeps the frame address the browser reports, not the tab one', () => {
    const frame = 'http://www.securityvibes.fr/x/';
    expect(classifySender({ id: CHROME.id, url: frame, tab: { id: 3, url: 'https://elsewhere.example/' }, frameId: 0 }, CHROME)).toMatchObject({
      frameUrl: frame,
    });
  });

  it('rejects an http(s) sender with no tab (not a content script)', () => {
    expect(classifySender({ id: CHROME.id, url: ARTICLE }, CHROME)).toMatchObject({ kind: 'rejected' });
  });
});

describe('classifySender: everyone else', () => {
  const cases: [string, SenderLike | undefined][] = [
    ['no sender', undefined],
    ['a missing id', { url: `${CHROME.origin}/popup.html` }],
    ['an empty id', { id: '', url: ARTICLE, tab: { id: 1 } }],
    ['another extension id', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html' }],
    ['another extension id on a web page', { id: 'other@addon', url: ARTICLE, tab: { id: 4 } }],
    ['a file:// page', { id: CHROME.id, url: 'file:///home/reader/securityvibes/article.html', tab: { id: 5 } }],
    ['a data: page', { id: CHROME.id, url: 'data:text/html,<p>hi</p>', tab: { id: 6 } }],
    ['an about:blank frame', { id: CHROME.id, url: 'about:blank', tab: { id: 6 } }],
    ['an unparsable url and no origin', { id: CHROME.id, url: 'not a url', tab: { id: 6 } }],
    ['a look-alike extension origin', { id: CHROME.id, url: `${CHROME.origin}x/popup.html` }],
    ['another extension origin carrying our id', { id: CHROME.id, url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html' }],
    ['a javascript: url', { id: CHROME.id, url: 'javascript:alert(1)', tab: { id: 8 } }],
  ];
  it.each(cases)('rejects %s', (_label, sender) => {
    const result = classifySender(sender, CHROME);
    expect(result.kind).toBe('rejected');
    expect(result.kind === 'rejected' && result.reason.length > 0).toBe(true);
  });

  it('rejects a Chrome extension page presented to the Firefox identity', () => {
    expect(classifySender({ id: FIREFOX.id, url: `${CHROME.origin}/popup.html` }, FIREFOX)).toMatchObject({ kind: 'rejected' });
  });
});
