import type { SaveFile } from '../services';

/** Saves a Blob as a file the ordinary way: a temporary `<a download>` over a Blob URL. */
export const downloadBlob: SaveFile = (filename, blob) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now in every browser; revoking later keeps slow disks safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** Decodes base64 (from the background's zip export) without throwing: null for malformed input. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Only a plain file name reaches the download attribute: no path, no control characters. */
export function safeFilename(name: string, fallback: string): string {
  const printable = [...name].map((c) => (c.charCodeAt(0) < 32 ? '-' : c)).join('');
  const cleaned = printable
    .replace(/[\\/:*?"<>|]+|\.{2,}/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 120);
  return cleaned || fallback;
}
