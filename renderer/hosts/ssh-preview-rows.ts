import type { TFunction } from 'i18next';
import type { SshResolution } from '../../shared/api/ssh-config';

/** One line of "What this connects to": a label and its value, both translated. */
export interface PreviewRow {
  label: string;
  value: string;
}

/** Turns a resolution into the lines the Add connection dialog shows. */
export function sshPreviewRows(t: TFunction, r: SshResolution): PreviewRow[] {
  const p = 'addConnection.preview';
  const rows: PreviewRow[] = [
    { label: t(`${p}.target`), value: `${r.user}@${r.hostName}${r.port === 22 ? '' : `:${r.port}`}` },
  ];
  if (r.via.length > 0) {
    const steps = r.via.map((step) =>
      step.kind === 'jump'
        ? t(`${p}.jumpStep`, {
            target: `${step.user}@${step.host}${step.port === 22 ? '' : `:${step.port}`}`,
          })
        : t(`${p}.commandStep`, { command: step.command }),
    );
    rows.push({ label: t(`${p}.via`), value: steps.join(' → ') });
  }
  rows.push({
    label: t(`${p}.keys`),
    value: r.identityFiles.length > 0 ? r.identityFiles.join(', ') : t(`${p}.defaultKeys`),
  });
  rows.push({
    label: t(`${p}.agent`),
    value: r.identitiesOnly ? t(`${p}.agentUnused`) : (r.agent ?? t(`${p}.none`)),
  });
  rows.push({
    label: t(`${p}.knownHosts`),
    value: r.knownHostsFiles.length > 0 ? r.knownHostsFiles.join(', ') : t(`${p}.ownKnownHostsOnly`),
  });
  if (r.hostKeyAlias) rows.push({ label: t(`${p}.hostKeyAlias`), value: r.hostKeyAlias });
  rows.push({ label: t(`${p}.newKeys`), value: t(`${p}.policy.${r.hostKeyPolicy}`) });
  return rows;
}
