// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelatedList } from '@/components/RelatedList';
import { fakeBackground, related, useLocale, withServices } from './helpers';

describe('RelatedList', () => {
  beforeEach(() => useLocale('en'));
  afterEach(cleanup);

  it('lists title, date, shared tags and the reader rating, in order, under "Related articles"', () => {
    const { services } = fakeBackground({});
    render(withServices(services, <RelatedList items={[related(1, { rating: 4 }), related(2)]} />));
    const list = screen.getByRole('list', { name: 'Related articles' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('link').textContent)).toEqual(['Article 1', 'Article 2']);
    expect(items[0]!.textContent).toContain('January 11, 2009');
    expect(items[0]!.textContent).toContain('Shared tags: Conficker');
    expect(within(items[0]!).getByRole('img', { name: 'Your rating: 4 out of 5' })).toBeTruthy();
    expect(within(items[1]!).queryByRole('img')).toBeNull();
  });

  it('renders hostile titles as text and never links a non-archive URL', () => {
    const { services } = fakeBackground({});
    const hostile = [
      related(1, { title: '<img src=x onerror=alert(1)>', url: 'https://www.securityvibes.fr/ok/' }),
      related(2, { title: 'js', url: 'javascript:alert(1)' as string }),
      related(3, { title: 'elsewhere', url: 'https://evil.example/' }),
    ];
    const { container } = render(withServices(services, <RelatedList items={hostile} />));
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    const hrefs = Array.from(container.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://www.securityvibes.fr/ok/']);
  });

  it('shows an empty state and a loading state', () => {
    const { services } = fakeBackground({});
    const { rerender } = render(withServices(services, <RelatedList items={null} loading />));
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    rerender(withServices(services, <RelatedList items={[]} />));
    expect(screen.getByText(/No related articles/)).toBeTruthy();
  });

  it('with openUrl: click opens in the current tab, Ctrl/Cmd/middle-click in a new one', () => {
    const fake = fakeBackground({}, { openUrl: true });
    render(withServices(fake.services, <RelatedList items={[related(1)]} />));
    const link = screen.getByRole('link');
    fireEvent.click(link);
    fireEvent.click(link, { ctrlKey: true });
    fireEvent.click(link, { metaKey: true });
    fireEvent(link, new MouseEvent('auxclick', { button: 1, bubbles: true, cancelable: true }));
    expect(fake.openUrl.mock.calls).toEqual([
      [related(1).url, false],
      [related(1).url, true],
      [related(1).url, true],
      [related(1).url, true],
    ]);
  });

  it('links and opens an article whose site declared https with https, though it is keyed by its http address', () => {
    const fake = fakeBackground({}, { openUrl: true });
    const item = related(1, { url: 'http://www.securityvibes.fr/actualites/un-article/', https: true });
    render(withServices(fake.services, <RelatedList items={[item, related(2)]} />));
    const [secure, plain] = screen.getAllByRole('link');
    expect(secure!.getAttribute('href')).toBe('https://www.securityvibes.fr/actualites/un-article/');
    expect(plain!.getAttribute('href')).toBe(related(2).url);
    fireEvent.click(secure!);
    expect(fake.openUrl.mock.calls).toEqual([['https://www.securityvibes.fr/actualites/un-article/', false]]);
  });
});
