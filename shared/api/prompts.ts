import { z } from 'zod';

/** The backend asks the user something while connecting (host key, password, passphrase, keyboard-interactive). */
export const PromptRequest = z.discriminatedUnion('kind', [
  z.object({
    promptId: z.string(),
    hostId: z.string(),
    kind: z.literal('host-key'),
    host: z.string(),
    keyType: z.string(),
    fingerprint: z.string(),
  }),
  z.object({
    promptId: z.string(),
    hostId: z.string(),
    kind: z.literal('password'),
    user: z.string(),
    host: z.string(),
  }),
  z.object({
    promptId: z.string(),
    hostId: z.string(),
    kind: z.literal('passphrase'),
    keyPath: z.string(),
  }),
  z.object({
    promptId: z.string(),
    hostId: z.string(),
    kind: z.literal('keyboard-interactive'),
    name: z.string(),
    instructions: z.string(),
    prompts: z.array(z.object({ prompt: z.string(), echo: z.boolean() })),
  }),
]);
export type PromptRequest = z.infer<typeof PromptRequest>;

export const PromptAnswer = z.object({
  promptId: z.string(),
  /** False: the user pressed Cancel. */
  accepted: z.boolean(),
  /** Password / passphrase / one answer per keyboard-interactive prompt. Never stored, never logged. */
  answers: z.array(z.string().max(4096)).max(16).default([]),
});
export type PromptAnswer = z.input<typeof PromptAnswer>;

/** Questions for a person (host keys, passwords) and their answers (spread into the contract). */
export const promptCalls = {
  'prompts/answer': { request: PromptAnswer, response: z.object({}) },
} as const;

export const promptEvents = {
  'prompts/request': PromptRequest,
  'prompts/dismiss': z.object({ promptId: z.string() }),
} as const;
