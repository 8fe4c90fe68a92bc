import { describe, expect, it } from 'vitest';
import { safeArchiveHref } from '@/lib/archive/safe-href';

const hosts = ['www.securityvibes.fr', 'localhost:8080'];

describe('safeArchiveHref', () => {
  it('accepts http(s) URLs on archive hosts, any case, trailing dot', () => {
    expect(safeArchiveHref('https://www.securityvibes.fr/a/b/', hosts)).toBe('https://www.securityvibes.fr/a/b/');
    expect(safeArchiveHref('HTTP://WWW.SecurityVibes.FR/x', hosts)).toBe('http://www.securityvibes.fr/x');
    expect(safeArchiveHref('http://www.securityvibes.fr./x', hosts)).toBe('http://www.securityvibes.fr./x');
    expect(safeArchiveHref('http://localhost:8080/x', hosts)).toBe('http://localhost:8080/x');
  });

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    '//www.securityvibes.fr/x',
    '/relative/path',
    'https://evil.example/www.securityvibes.fr/',
    'https://www.securityvibes.fr.evil.example/',
    'https://user:pw@www.securityvibes.fr/',
    'ftp://www.securityvibes.fr/',
    'https://',
    '',
  ])('refuses %s', (url) => {
    expect(safeArchiveHref(url, hosts)).toBeNull();
  });

  it('refuses non-strings and huge values', () => {
    expect(safeArchiveHref(null, hosts)).toBeNull();
    expect(safeArchiveHref(undefined, hosts)).toBeNull();
    expect(safeArchiveHref(`https://www.securityvibes.fr/${'a'.repeat(3000)}`, hosts)).toBeNull();
  });
});
