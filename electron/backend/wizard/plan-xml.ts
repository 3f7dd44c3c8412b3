import type { NewVmPlan } from '../../../shared/api/wizard';
import { randomInt } from 'node:crypto';
import { buildNewDomain, type NewDomainSpec } from '../../../shared/xml/build/new-domain';
import { serializeDomainXml } from '../../../shared/xml/objects';
import { planToSpecs, type PlanExtras } from '../../../shared/wizard/plan-to-domain';
import type { LiveHost } from '../hosts/host-connection';
import { dirPoolPath, fetchedNames, kernelPool } from './install-tree';

export interface PlanXml {
  xml: string;
  installXml?: string;
}

/** The documents for a plan: what is defined, and the first boot when it differs. */
export function planXml(plan: NewVmPlan, extras: PlanExtras = {}): PlanXml {
  const specs = planToSpecs(plan, { uuid: plan.uuid, ...extras });
  // One MAC for both documents (the install boot and the defined guest are the same machine).
  const mac = `52:54:00:${[0, 0, 0].map(() => randomInt(256).toString(16).padStart(2, '0')).join(':')}`;
  const withMac = (spec: NewDomainSpec): NewDomainSpec => ({
    ...spec,
    nics: (spec.nics ?? []).map((n) => ({ ...n, mac: n.mac ?? mac })),
  });
  const xml = serializeDomainXml(buildNewDomain(withMac(specs.final)));
  if (!specs.install) return { xml };
  return { xml, installXml: serializeDomainXml(buildNewDomain(withMac(specs.install))) };
}

/** Where a URL install's kernel will be put (for the preview; Finish fetches it there). */
export async function previewExtras(host: LiveHost, plan: NewVmPlan): Promise<PlanExtras> {
  if (plan.media.kind !== 'url') return {};
  const dir = await dirPoolPath(host, kernelPool(plan));
  const names = fetchedNames(plan);
  return { fetchedKernel: { kernel: `${dir}/${names.kernel}`, initrd: `${dir}/${names.initrd}` } };
}
