// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RatingStars } from '@/components/RatingStars';
import { useLocale } from './helpers';

function Harness({ initial = null, spy }: { initial?: number | null; spy: (value: number | null) => void }) {
  const [value, setValue] = useState<number | null>(initial);
  return (
    <RatingStars
      value={value}
      onChange={(next) => {
        spy(next);
        setValue(next);
      }}
    />
  );
}

describe('RatingStars', () => {
  beforeEach(() => useLocale('en'));
  afterEach(cleanup);

  it('is a radiogroup named Rating with radios "1 star" … "5 stars"', () => {
    render(<Harness spy={vi.fn()} />);
    expect(screen.getByRole('radiogroup', { name: 'Rating' })).toBeTruthy();
    const names = screen.getAllByRole('radio').map((radio) => radio.getAttribute('aria-label'));
    expect(names).toEqual(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
  });

  it('selects on click; clicking the checked star again clears it', () => {
    const spy = vi.fn();
    render(<Harness spy={spy} />);
    fireEvent.click(screen.getByRole('radio', { name: '4 stars' }));
    expect(screen.getByRole('radio', { name: '4 stars' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('radio', { name: '4 stars' }));
    expect(spy.mock.calls.map((c) => c[0])).toEqual([4, null]);
    expect(screen.getAllByRole('radio').every((r) => r.getAttribute('aria-checked') === 'false')).toBe(true);
  });

  it('arrow keys move and select with wrap-around, Home/End jump, Delete clears', () => {
    const spy = vi.fn();
    render(<Harness initial={2} spy={spy} />);
    const group = screen.getByRole('radiogroup');
    fireEvent.keyDown(group, { key: 'ArrowRight' });
    fireEvent.keyDown(group, { key: 'ArrowUp' });
    fireEvent.keyDown(group, { key: 'End' });
    fireEvent.keyDown(group, { key: 'ArrowRight' });
    fireEvent.keyDown(group, { key: 'ArrowLeft' });
    fireEvent.keyDown(group, { key: 'Home' });
    fireEvent.keyDown(group, { key: 'Delete' });
    expect(spy.mock.calls.map((c) => c[0])).toEqual([3, 4, 5, 1, 5, 1, null]);
  });

  it('keeps one tab stop on the checked star (roving tabindex) and moves focus with the arrows', () => {
    render(<Harness initial={3} spy={vi.fn()} />);
    const tabbable = screen.getAllByRole('radio').filter((r) => r.tabIndex === 0);
    expect(tabbable.map((r) => r.getAttribute('aria-label'))).toEqual(['3 stars']);
    fireEvent.keyDown(screen.getByRole('radiogroup'), { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('4 stars');
  });

  it('offers a clear button only when rated', () => {
    const spy = vi.fn();
    render(<Harness initial={5} spy={spy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear rating' }));
    expect(spy).toHaveBeenCalledWith(null);
    expect(screen.queryByRole('button', { name: 'Clear rating' })).toBeNull();
  });
});
