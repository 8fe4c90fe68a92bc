import type { PageHandle } from './types';

/**
 * What to do inside our content script's own world of a tab's top frame (scripting.executeScript's
 * ISOLATED world, which Chromium and Firefox share with the extension's manifest content scripts of that
 * frame): send messages as the content script would (its sender is then the content script), start
 * recording what the background sends to it, read what was recorded, or say whether the manifest content
 * script has run there. Serialisable (JSON) both ways.
 */
export interface ContentProbe {
  send?: unknown[];
  record?: boolean;
  read?: boolean;
}

export interface ContentProbeResult {
  /** runtime.sendMessage answers, in order (a thrown send becomes { thrown: message }). */
  answers: unknown[];
  /** Messages recorded since `record` (when `read`). */
  received: unknown[];
  /** Whether our content script ran in this frame (its world-only mark; invisible to page scripts). */
  ran: boolean;
}

type Injected = { result?: unknown };
type ScriptingApi = {
  scripting: {
    executeScript(details: { target: { tabId: number; frameIds: number[] }; args: unknown[]; func: (probe: string) => unknown }): Promise<Injected[]>;
  };
};

/** Runs `probe` in tab `tabId`'s content-script world, from `bridge` (an extension page). */
export function probeContentWorld(bridge: PageHandle, tabId: number, probe: ContentProbe): Promise<ContentProbeResult> {
  return bridge.evaluate(
    async ({ tabId: target, probe: wanted }) => {
      const globals = globalThis as unknown as { browser?: ScriptingApi; chrome?: ScriptingApi };
      const api = (globals.browser ?? globals.chrome)!;
      const [injection] = await api.scripting.executeScript({
        target: { tabId: target, frameIds: [0] },
        // As JSON text: Chromium's conversion of executeScript arguments drops null-valued properties.
        args: [JSON.stringify(wanted)],
        // Runs in the content script's world: only what is written here, nothing from the test file.
        func: async (text: string) => {
          const p = JSON.parse(text) as ContentProbe;
          type Runtime = { sendMessage(m: unknown): Promise<unknown>; onMessage: { addListener(l: (m: unknown) => void): void } };
          const world = globalThis as unknown as {
            browser?: { runtime: Runtime };
            chrome?: { runtime: Runtime };
            svProbeReceived?: unknown[];
            svCompanionRan?: boolean;
          };
          const runtime = (world.browser ?? world.chrome)!.runtime;
          if (p.record && !world.svProbeReceived) {
            world.svProbeReceived = [];
            runtime.onMessage.addListener((message) => {
              world.svProbeReceived!.push(message);
            });
          }
          const answers: unknown[] = [];
          for (const message of p.send ?? []) {
            try {
              answers.push(await runtime.sendMessage(message));
            } catch (error) {
              answers.push({ thrown: String(error) });
            }
          }
          return { answers, received: p.read ? (world.svProbeReceived ?? []) : [], ran: world.svCompanionRan === true };
        },
      });
      return injection?.result as ContentProbeResult;
    },
    { tabId, probe },
  );
}

/** tabs.sendMessage(tabId, message) to the tab's top frame from `bridge`: what a content script's onMessage gets. */
export function sendToContentScript(bridge: PageHandle, tabId: number, message: unknown): Promise<void> {
  return bridge.evaluate(
    async ({ tabId: target, message: sent }) => {
      type TabsApi = { tabs: { sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown> } };
      const globals = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
      await (globals.browser ?? globals.chrome)!.tabs.sendMessage(target, sent, { frameId: 0 }).catch(() => undefined);
    },
    { tabId, message },
  );
}
