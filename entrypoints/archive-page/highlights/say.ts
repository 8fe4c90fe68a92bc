/**
 * A short message to the reader on the page (a refused selection, a limit), in our own closed shadow
 * root: page scripts cannot read it, page CSS cannot restyle it. It never carries a note.
 */
export function say(text: string): void {
  // One message at a time: a newer one replaces the one still shown (they would overlap in the corner).
  document.querySelector('sv-companion-message')?.remove();
  const hostElement = document.createElement('sv-companion-message');
  const shadow = hostElement.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = text;
  box.style.cssText =
    'position:fixed;bottom:16px;right:16px;z-index:2147483000;padding:8px 12px;border-radius:6px;background:Canvas;color:CanvasText;border:1px solid GrayText;font:14px system-ui,sans-serif;max-width:320px';
  shadow.append(box);
  document.documentElement.append(hostElement);
  setTimeout(() => hostElement.remove(), 4000);
}
