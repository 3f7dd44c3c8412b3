import { randomUUID } from 'node:crypto';
import type { PromptRequest } from '../../../shared/api/prompts';
import { ApiError } from '../../../shared/api/errors';
import type { EventBus } from '../events/event-bus';

export type PromptQuestion = PromptRequest extends infer R
  ? R extends PromptRequest
    ? Omit<R, 'promptId'>
    : never
  : never;

export interface PromptReply {
  accepted: boolean;
  answers: string[];
}

/**
 * Asks the user something on behalf of a connection (host key, password, passphrase,
 * keyboard-interactive) and waits for `prompts/answer` — as long as the person needs: no timeout
 * runs while VirtDesk waits for a person. A question ends when it is answered, or when its host is
 * disconnected or removed (`cancelHost`). Answers are never stored or logged here.
 */
export class PromptBroker {
  private readonly waiting = new Map<string, { hostId: string; resolve: (reply: PromptReply) => void }>();

  constructor(private readonly bus: EventBus) {}

  ask(question: PromptQuestion): Promise<PromptReply> {
    const promptId = randomUUID();
    return new Promise<PromptReply>((resolve) => {
      this.waiting.set(promptId, { hostId: question.hostId, resolve });
      this.bus.emit('prompts/request', { ...question, promptId } as PromptRequest);
    });
  }

  answer(promptId: string, reply: PromptReply): void {
    if (!this.waiting.has(promptId)) throw new ApiError('invalid-request', 'This question is no longer open');
    this.settle(promptId, reply);
  }

  /** Withdraws every open question of a host (it was disconnected or removed). */
  cancelHost(hostId: string): void {
    for (const [id, entry] of this.waiting)
      if (entry.hostId === hostId) this.settle(id, { accepted: false, answers: [] });
  }

  private settle(promptId: string, reply: PromptReply): void {
    const entry = this.waiting.get(promptId);
    if (!entry) return;
    this.waiting.delete(promptId);
    this.bus.emit('prompts/dismiss', { promptId });
    entry.resolve(reply);
  }
}
