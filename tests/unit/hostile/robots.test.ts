/**
 * robots.txt on hostile rules: the matcher (no regex built from rules) gives RFC 9309's answers, checked
 * against an independent dynamic-programming oracle, and stays linear on exponential wildcard rules.
 * Answers only: timing lives in bench/hostile.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseRobotsPath, parseRobots, robotsAllows, robotsPatternMatches } from '@/lib/crawl/robots';
import { hostileRobots } from '@/tests/fixtures/hostile';

/** The textbook wildcard DP (O(pattern × path)): `*` any run, final `$` the end, else a prefix match. */
function oracle(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const p = anchored ? pattern.slice(0, -1) : pattern;
  // reach[j]: p[0..i) can match path[0..j).
  let reach = new Array<boolean>(path.length + 1).fill(false);
  reach[0] = true;
  for (const c of p) {
    const next = new Array<boolean>(path.length + 1).fill(false);
    if (c === '*') {
      let any = false;
      for (let j = 0; j <= path.length; j++) next[j] = any ||= reach[j] as boolean;
    } else {
      for (let j = 1; j <= path.length; j++) next[j] = (reach[j - 1] as boolean) && path[j - 1] === c;
    }
    reach = next;
  }
  return anchored ? (reach[path.length] as boolean) : reach.some(Boolean);
}

describe('robots.txt matcher (RFC 9309)', () => {
  it('gives the RFC 9309 and Google examples their answers', () => {
    const cases: [string, string, boolean][] = [
      ['/fish', '/fish', true],
      ['/fish', '/fish.html', true],
      ['/fish', '/fish/salmon.html', true],
      ['/fish', '/Fish.asp', false],
      ['/fish', '/catfish', false],
      ['/fish*', '/fishheads/yummy.html', true],
      ['/fish/', '/fish', false],
      ['/*.php', '/filename.php', true],
      ['/*.php', '/folder/filename.php?parameters', true],
      ['/*.php', '/windows.PHP', false],
      ['/*.php$', '/filename.php', true],
      ['/*.php$', '/filename.php?parameters', false],
      ['/*.php$', '/filename.php5', false],
      ['/fish*.php', '/fish.php', true],
      ['/fish*.php', '/fishheads/catfish.php?parameters', true],
      ['/fish*.php', '/Fish.PHP', false],
      ['/$', '/', true],
      ['/$', '/x', false],
      ['/a*b*c$', '/abc', true],
      ['/a*b*c$', '/abcbc', true],
      ['/a*b*c$', '/acb', false],
      ['/a*bc$', '/abcbc', true],
    ];
    for (const [pattern, path, expected] of cases) expect(robotsPatternMatches(pattern, path), `${pattern} on ${path}`).toBe(expected);
  });

  it('agrees with the dynamic-programming oracle on 20,000 generated patterns and paths', () => {
    const pattern = fc.stringMatching(/^\/[ab*]{0,8}\$?$/);
    const path = fc.stringMatching(/^\/[ab]{0,12}$/);
    fc.assert(
      fc.property(pattern, path, (p, q) => robotsPatternMatches(p, q) === oracle(p, q)),
      { numRuns: 20_000 },
    );
  });

  it('longest match wins, Allow wins a tie, and an empty Disallow allows all', () => {
    const robots = parseRobots('User-agent: *\nDisallow: /page\nAllow: /page/\nDisallow: /page/x\nAllow: /p*ge/x\nDisallow: /folder/\nAllow: /folder\n');
    expect(robotsAllows(robots, '/page')).toBe(false);
    expect(robotsAllows(robots, '/page/')).toBe(true);
    expect(robotsAllows(robots, '/page/x')).toBe(true); // /page/x and /p*ge/x are both 7 long: Allow wins the tie
    expect(robotsAllows(robots, '/folder/page')).toBe(false);
    expect(robotsAllows(parseRobots('User-agent: *\nDisallow:\n'), '/anything')).toBe(true);
  });

  it('compares paths percent-encoded, unreserved escapes decoded, hex in upper case', () => {
    expect(normaliseRobotsPath('/café/%7efoo/%2f/%c3%a9')).toBe('/caf%C3%A9/~foo/%2F/%C3%A9');
    const robots = parseRobots('User-agent: *\nDisallow: /café\nDisallow: /%7Ebob/\n');
    expect(robotsAllows(robots, '/caf%C3%A9/x')).toBe(false);
    expect(robotsAllows(robots, '/caf%c3%a9')).toBe(false);
    expect(robotsAllows(robots, '/~bob/page')).toBe(false);
    expect(robotsAllows(robots, '/cafe')).toBe(true);
  });

  it('ignores an empty User-agent line as a name for us', () => {
    const robots = parseRobots('User-agent:\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n');
    expect(robotsAllows(robots, '/x')).toBe(true);
    expect(robotsAllows(robots, '/private/x')).toBe(false);
  });
});

describe('hostile robots.txt', () => {
  it('`Disallow: /*a*a*a*a*a*a*a*a*a*a*b` on a 2,000-character path of a’s: allowed, and disallowed once it ends in b', () => {
    const robots = parseRobots(hostileRobots.wildcard());
    const path = hostileRobots.longPath();
    expect(robots.rules.map((r) => r.pattern)).toEqual(['/*a*a*a*a*a*a*a*a*a*a*b', '/']);
    expect(robotsAllows(robots, path)).toBe(true);
    expect(robotsAllows(robots, `${path}b`)).toBe(false);
    expect(robotsAllows(robots, `/${'a'.repeat(9)}b`)).toBe(true); // nine a's are not ten
  });

  it('500 wildcard rules (the cap) against a 2,000-character path: every rule tried, the answer right', () => {
    const robots = parseRobots(`${hostileRobots.manyWildcards()}Disallow: /x\n`);
    expect(robots.rules).toHaveLength(500); // the 501st is past the cap
    const path = hostileRobots.longPath();
    expect(robotsAllows(robots, path)).toBe(true);
    expect(robotsAllows(robots, `${path}b`)).toBe(false);
    for (const rule of robots.rules.slice(0, 25)) expect(robotsPatternMatches(rule.pattern, `${path}b`)).toBe(oracle(rule.pattern, `${path}b`));
  });

  it('drops patterns longer than any URL we keep, and reads at most 512 KiB', () => {
    const robots = parseRobots(`User-agent: *\nDisallow: /${'*a'.repeat(5000)}\nDisallow: /short\n${'#'.repeat(600 * 1024)}\nDisallow: /late\n`);
    expect(robots.rules.map((r) => r.pattern)).toEqual(['/short']);
  });
});
