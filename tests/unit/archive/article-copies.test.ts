/** One article's addresses on the hosts that serve the same posts (www.securityvibes.fr, magazine.qualys.fr). */
import { describe, expect, it } from 'vitest';
import { articleCopies, sameArticle } from '../../../lib/archive/article-copies';

describe('articleCopies', () => {
  it('pairs a post on www.securityvibes.fr with the same path on magazine.qualys.fr, both ways', () => {
    const www = 'http://www.securityvibes.fr/menaces/conficker-neuf-millions/';
    const magazine = 'http://magazine.qualys.fr/menaces/conficker-neuf-millions/';
    expect(articleCopies(www)).toEqual([www, magazine]);
    expect(articleCopies(magazine)).toEqual([magazine, www]);
    expect(articleCopies('http://www.securityvibes.fr/?p=123')).toEqual(['http://www.securityvibes.fr/?p=123', 'http://magazine.qualys.fr/?p=123']);
    expect(sameArticle(www, magazine)).toBe(true);
    expect(sameArticle(www, 'http://magazine.qualys.fr/menaces/autre-article/')).toBe(false);
  });

  it('gives just the address for other hosts, the home page and what is no URL', () => {
    for (const alone of ['http://example.org/menaces/conficker/', 'http://www.securityvibes.fr/', 'http://magazine.qualys.fr/', 'not a url']) {
      expect(articleCopies(alone)).toEqual([alone]);
    }
  });
});
