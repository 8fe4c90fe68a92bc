import type { CDPSession } from 'playwright-core';

interface CdpReply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/**
 * A CDP connection to one target that Playwright does not expose as a Page (the real extension popup),
 * tunnelled through the browser session with Target.sendMessageToTarget (non-flattened attach).
 */
export class CdpTarget {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: CdpReply) => void>();
  private detached = false;

  private constructor(
    private readonly browserSession: CDPSession,
    readonly targetId: string,
    private readonly sessionId: string,
  ) {
    browserSession.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      const reply = JSON.parse(event.message) as CdpReply;
      if (reply.id === undefined) return;
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
    browserSession.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId !== this.sessionId) return;
      this.detached = true;
      for (const answer of this.pending.values()) answer({ error: { message: 'Target closed' } });
      this.pending.clear();
    });
  }

  static async attach(browserSession: CDPSession, targetId: string): Promise<CdpTarget> {
    const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false });
    return new CdpTarget(browserSession, targetId, sessionId);
  }

  get closed(): boolean {
    return this.detached;
  }

  async send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.detached) throw new Error(`${method}: target closed`);
    const id = this.nextId++;
    const reply = new Promise<CdpReply>((resolve) => this.pending.set(id, resolve));
    await this.browserSession.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const answer = await reply;
    if (answer.error) throw new Error(`${method}: ${answer.error.message}`);
    return (answer.result ?? {}) as T;
  }

  /** Runs `fn(arg)` in the page and returns its JSON value (like page.evaluate). */
  async evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    const expression = `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`;
    const answer = await this.send<{
      result: { value?: unknown; type: string };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true, userGesture: true });
    if (answer.exceptionDetails) {
      throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
    }
    return answer.result.value as R;
  }
}
