import { describe, expect, it } from 'vitest';
import type { NewVmPlan } from '../api/wizard';
import { buildNewDomain, type NewDomainSpec } from '../xml/build/new-domain';
import { serializeDomainXml } from '../xml/objects';
import { expectValid } from '../xml/testing/validate';
import { finalFromInstall } from './after-install';
import { planToSpecs } from './plan-to-domain';
import { newVmPlan } from './testing/new-vm-plan';

const plan: NewVmPlan = newVmPlan();

const xmlOf = (spec: NewDomainSpec) =>
  serializeDomainXml(
    buildNewDomain({ ...spec, nics: spec.nics?.map((n) => ({ ...n, mac: '52:54:00:00:00:01' })) }),
  );

describe('after "Begin installation"', () => {
  it('an ISO install: the media ejected, the disk first, a reboot restarts; the edits kept', () => {
    const specs = planToSpecs(plan, { uuid: plan.uuid });
    const edited = xmlOf(specs.install!).replace(
      "<vcpu placement='static'>1</vcpu>",
      "<vcpu placement='static'>2</vcpu>",
    );
    const final = finalFromInstall(edited, {
      finalBoot: ['hd'],
      media: plan.media.kind === 'cdrom' ? plan.media.source : undefined,
    });
    expect(final).not.toContain("volume='debian.iso'");
    expect(final).not.toContain('volume="debian.iso"');
    expect(final).toMatch(/<boot dev=.hd.\/>/);
    expect(final).not.toMatch(/<boot dev=.cdrom.\/>/);
    expect(final).toMatch(/<on_reboot>restart<\/on_reboot>/);
    expect(final).toMatch(/<disk type=.file. device=.cdrom.>/);
    expect(final).toContain("<vcpu placement='static'>2</vcpu>"); // the person's edit
    expectValid(final, 'domain');
  });

  it('a network install: the kernel boot removed, the disk boots', () => {
    const url: NewVmPlan = {
      ...plan,
      media: { kind: 'kernel', kernel: '/k/vmlinuz', initrd: '/k/initrd', cmdline: 'console=ttyS0' },
    };
    const specs = planToSpecs(url, { uuid: plan.uuid });
    const final = finalFromInstall(xmlOf(specs.install!), { finalBoot: ['hd'] });
    expect(final).not.toMatch(/<kernel>|<initrd>|<cmdline>/);
    expect(final).toMatch(/<boot dev=.hd.\/>/);
    expectValid(final, 'domain');
  });
});
