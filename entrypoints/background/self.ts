import { browser } from 'wxt/browser';
import type { SelfIdentity } from '@/lib/protocol';

/** This extension as the sender classifier knows it: its runtime id and its pages' origin. */
export function selfIdentity(): SelfIdentity {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
}
