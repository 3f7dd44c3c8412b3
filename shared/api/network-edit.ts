import { z } from 'zod';
import { EditProblem } from './domain-edit';
import { hostRef } from './refs';

/**
 * What an applied (or previewed) definition means for the network as it runs:
 * `saved` — it is not running, the new definition is used when it starts;
 * `none` — running, and nothing it uses changed (whitespace, comments, order);
 * `live` — running, and every change was applied to it too (`net-update` of DHCP ranges / static hosts);
 * `restart` — running, and the change takes effect after the network is restarted.
 */
export const NetworkEditEffect = z.enum(['saved', 'none', 'live', 'restart']);
export type NetworkEditEffect = z.infer<typeof NetworkEditEffect>;

export const NetworkEditResult = z.union([
  /** The definition changed on the host since `baseXml` was read: nothing was defined. */
  z.object({ outcome: z.literal('stale'), changes: z.string(), xml: z.string() }),
  /** Malformed XML (with line and column), libvirt's schema, or libvirt refusing it: nothing was defined. */
  z.object({ outcome: z.literal('invalid'), problems: z.array(EditProblem) }),
  /** `preview: true`: the diff Apply would define and what it would mean for the running network. */
  z.object({ outcome: z.literal('preview'), diff: z.string(), effect: NetworkEditEffect }),
  z.object({
    outcome: z.literal('applied'),
    diff: z.string(),
    /** The inactive definition now on the host (the next edit's base). */
    xml: z.string(),
    effect: NetworkEditEffect,
    /** Why a live change was refused (libvirt's words), when it was tried and the effect is `restart`. */
    message: z.string().optional(),
  }),
]);
export type NetworkEditResult = z.infer<typeof NetworkEditResult>;

const networkRef = hostRef.extend({ uuid: z.string().min(1).max(64) });

export const networkEditCalls = {
  /** The network's saved definition (`net-dumpxml --inactive`): the base of an XML edit. */
  'networks/edit-base': { request: networkRef, response: z.object({ xml: z.string() }) },
  /** Defines the network from XML typed by the user (`net-define`), refusing a stale base. */
  'networks/edit-xml': {
    request: networkRef.extend({
      baseXml: z.string().max(1_048_576),
      xml: z.string().max(1_048_576),
      preview: z.boolean().default(false),
    }),
    response: NetworkEditResult,
  },
} as const;
