// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { clampHeight, COLLAPSED_HEIGHT } from '@/entrypoints/archive-page/panel/frame-host';
import { framedByArchive, readPanelTarget } from '@/entrypoints/panel/frame-context';
import { panelQuery, readPanelMessage, readShowRelated } from '@/lib/protocol/panel-frame';
import { panelEvents } from '@/entrypoints/panel/services';
import type { AnyEvent } from '@/lib/protocol';

const HOSTS = ['www.securityvibes.fr', 'securityvibes.fr'];
const ARTICLE = 'http://www.securityvibes.fr/menaces/conficker-ver/';

describe('panel page query', () => {
  it('round-trips an archive article URL, placement and collapsed state', () => {
    expect(readPanelTarget(panelQuery(ARTICLE, 'side'), HOSTS)).toEqual({ url: ARTICLE, placement: 'side', collapsed: false });
    expect(readPanelTarget(panelQuery(ARTICLE, 'inline', true), HOSTS)).toEqual({ url: ARTICLE, placement: 'inline', collapsed: true });
    expect(readPanelTarget(`?url=${encodeURIComponent(ARTICLE)}&collapsed=yes`, HOSTS)?.collapsed).toBe(false);
    expect(readPanelTarget(`?url=${encodeURIComponent(ARTICLE)}&placement=bogus`, HOSTS)?.placement).toBe('inline');
  });

  it('refuses non-archive, non-http and missing URLs', () => {
    for (const url of [
      'https://evil.example/menaces/x/',
      'javascript:alert(1)',
      'data:text/html,x',
      '',
      `http://www.securityvibes.fr/${'a'.repeat(3000)}`,
      'http://user:pw@www.securityvibes.fr/x/',
    ]) {
      expect(readPanelTarget(panelQuery(url, 'inline'), HOSTS), url).toBeNull();
    }
    expect(readPanelTarget('', HOSTS)).toBeNull();
  });
});

describe('framedByArchive', () => {
  it('needs a frame whose parent, when known, is an archive page', () => {
    expect(framedByArchive({ topLevel: true, parentOrigin: null, referrer: '' }, HOSTS)).toBe(false);
    expect(framedByArchive({ topLevel: false, parentOrigin: 'http://www.securityvibes.fr', referrer: '' }, HOSTS)).toBe(true);
    expect(framedByArchive({ topLevel: false, parentOrigin: 'https://evil.example', referrer: ARTICLE }, HOSTS)).toBe(false);
    expect(framedByArchive({ topLevel: false, parentOrigin: null, referrer: ARTICLE }, HOSTS)).toBe(true);
    expect(framedByArchive({ topLevel: false, parentOrigin: null, referrer: 'https://evil.example/page' }, HOSTS)).toBe(false);
    // A no-referrer page in Firefox: nothing says who frames the panel, so it fails closed.
    expect(framedByArchive({ topLevel: false, parentOrigin: null, referrer: '' }, HOSTS)).toBe(false);
  });
});

describe('frame messages', () => {
  it('reads size and drawn messages and nothing else', () => {
    expect(readPanelMessage({ type: 'sv-panel-size', height: 120, collapsed: true })).toEqual({ type: 'sv-panel-size', height: 120, collapsed: true });
    expect(readPanelMessage({ type: 'sv-panel-size', height: 80 })).toEqual({ type: 'sv-panel-size', height: 80, collapsed: false });
    expect(readPanelMessage({ type: 'sv-panel-drawn' })).toBeNull();
    expect(readPanelMessage({ type: 'sv-panel-size', height: '80' })).toBeNull();
    expect(readPanelMessage({ type: 'sv-panel-size', height: Number.POSITIVE_INFINITY })).toBeNull();
    expect(readPanelMessage('sv-panel-size')).toBeNull();
    expect(readShowRelated({ type: 'sv-show-related', url: ARTICLE })).toEqual({ type: 'sv-show-related', url: ARTICLE });
    expect(readShowRelated({ type: 'sv-show-related', url: 3 })).toBeNull();
  });

  it('clamps the frame height: never negative, side panel within the viewport, inline bounded', () => {
    expect(clampHeight(-5, 'inline', 800)).toBe(0);
    expect(clampHeight(300.4, 'inline', 800)).toBe(300);
    expect(clampHeight(1e7, 'inline', 800)).toBe(2000);
    expect(clampHeight(1e7, 'side', 800)).toBe(768);
    expect(clampHeight(1e7, 'side', 20)).toBe(COLLAPSED_HEIGHT);
  });
});

describe('panelEvents', () => {
  function setup() {
    const related = new Set<(url: string) => void>();
    const host = {
      onShowRelated: (listener: (url: string) => void, signal: AbortSignal) => {
        related.add(listener);
        signal.addEventListener('abort', () => related.delete(listener));
      },
    };
    const events: AnyEvent[] = [];
    const controller = new AbortController();
    panelEvents(HOSTS, host)((event) => events.push(event), controller.signal);
    const show = (url: string) => related.forEach((listener) => listener(url));
    return { events, show, controller };
  }

  it('turns the content script’s show-related message into bg.showRelated, for archive URLs only', () => {
    const { events, show } = setup();
    show(ARTICLE);
    show('https://evil.example/x/');
    show('javascript:alert(1)');
    expect(events).toEqual([{ event: 'bg.showRelated', payload: { url: ARTICLE } }]);
  });

  it('stops when aborted', () => {
    const { events, show, controller } = setup();
    controller.abort();
    show(ARTICLE);
    expect(events).toEqual([]);
  });
});
