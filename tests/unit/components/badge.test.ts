import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText } from '@/entrypoints/background/badge';

describe('badge', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows the rating, else a mark for a note, else nothing', () => {
    expect(badgeText({ rating: 4, text: 'x' })).toBe('★4');
    expect(badgeText({ rating: null, text: 'une note' })).toBe('✎');
    expect(badgeText({ rating: null, text: '   ' })).toBe('');
    expect(badgeText(null)).toBe('');
  });
});
