// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_MS, NoteEditor } from '@/components/NoteEditor';
import { useLocale } from './helpers';

const tick = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
const type = (text: string) => fireEvent.input(screen.getByRole('textbox', { name: 'Notes' }), { target: { value: text } });

describe('NoteEditor', () => {
  beforeEach(() => {
    useLocale('en');
    vi.useFakeTimers();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('autosaves once, ≤ 500 ms after typing stops, with the last text', async () => {
    expect(AUTOSAVE_MS).toBeLessThanOrEqual(500);
    const save = vi.fn(async () => true);
    render(<NoteEditor value="" onSave={save} />);
    type('V');
    await tick(AUTOSAVE_MS - 50);
    type('Ver');
    await tick(AUTOSAVE_MS - 50);
    expect(save).not.toHaveBeenCalled();
    await tick(60);
    expect(save.mock.calls).toEqual([['Ver']]);
    expect(screen.getByRole('status').textContent).toBe('Saved');
  });

  it('mirrors every keystroke to the draft sink', () => {
    const draft = vi.fn();
    render(<NoteEditor value="" onSave={async () => true} onDraft={draft} />);
    type('a');
    type('ab');
    expect(draft.mock.calls).toEqual([['a'], ['ab']]);
  });

  it('flushes at once when the page is hidden or unloaded (popup closing)', async () => {
    const save = vi.fn(async () => true);
    render(<NoteEditor value="" onSave={save} />);
    type('mid-sentence');
    window.dispatchEvent(new Event('pagehide'));
    expect(save.mock.calls).toEqual([['mid-sentence']]);
    await tick(AUTOSAVE_MS * 2);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flushes on unmount and on blur', () => {
    const save = vi.fn(async () => true);
    const { unmount } = render(<NoteEditor value="" onSave={save} />);
    type('one');
    fireEvent.blur(screen.getByRole('textbox'));
    type('two');
    unmount();
    expect(save.mock.calls).toEqual([['one'], ['two']]);
  });

  it('adopts a remote change when nothing is unsaved, keeps local edits otherwise', async () => {
    const { rerender } = render(<NoteEditor value="stored" onSave={async () => true} />);
    const box = () => screen.getByRole('textbox') as HTMLTextAreaElement;
    expect(box().value).toBe('stored');
    rerender(<NoteEditor value="from the popup" onSave={async () => true} />);
    expect(box().value).toBe('from the popup');
    type('my edit');
    rerender(<NoteEditor value="remote" onSave={async () => true} />);
    expect(box().value).toBe('my edit');
  });

  it('says so when saving fails', async () => {
    render(<NoteEditor value="" onSave={async () => false} />);
    type('x');
    await tick(AUTOSAVE_MS + 10);
    expect(screen.getByRole('status').textContent).toBe('Not saved — try again');
  });
});
