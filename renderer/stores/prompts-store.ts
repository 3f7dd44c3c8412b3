import { createStore } from 'zustand/vanilla';
import type { VirtdeskApi } from '../../shared/api/contract';
import type { PromptRequest } from '../../shared/api/prompts';
import { toApiError } from '../api/api-error-from';
import type { ActivityStore } from './activity-store';

export type PromptsState = {
  /** Questions from the backend, oldest first; the UI shows the first one. */
  queue: PromptRequest[];
  enqueue(request: PromptRequest): void;
  dismiss(promptId: string): void;
  /** Sends the answer (secrets go straight to the API and are not kept) and drops the prompt. */
  answer(promptId: string, accepted: boolean, answers?: string[]): Promise<void>;
};

export function createPromptsStore(api: VirtdeskApi, activity: ActivityStore) {
  return createStore<PromptsState>()((set, get) => ({
    queue: [],
    enqueue(request) {
      set((state) => ({
        queue: [...state.queue.filter((queued) => queued.promptId !== request.promptId), request],
      }));
    },
    dismiss(promptId) {
      set((state) => ({ queue: state.queue.filter((queued) => queued.promptId !== promptId) }));
    },
    async answer(promptId, accepted, answers = []) {
      get().dismiss(promptId);
      try {
        await api.call('prompts/answer', { promptId, accepted, answers });
      } catch (error) {
        activity.getState().post('error', 'activity.answerFailed', { message: toApiError(error).message });
      }
    },
  }));
}

export type PromptsStore = ReturnType<typeof createPromptsStore>;
