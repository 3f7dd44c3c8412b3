// Every check of the cloud-image step, per field; the step shows them and the backend runs them again.
import type { CloudImageChoice } from '../api/cloud-init';
import { parseCapacity } from '../storage/parse-capacity';
import { formatBytes } from '../xml/units';
import { hostnameProblem, userNameProblem } from './names';
import { problem, type CloudInitProblem } from './problems';
import { parsePublicKeys } from './ssh-public-key';
import { networkConfigProblem, readRawUserData } from './user-data';

export type CloudImageProblems = Partial<Record<keyof CloudImageChoice, CloudInitProblem>>;

/** `baseCapacity`: the chosen image's virtual size, once known (grow-only check). */
export function validateCloudImageChoice(
  choice: CloudImageChoice,
  context: { baseCapacity?: number } = {},
): CloudImageProblems {
  const out: CloudImageProblems = {};
  const set = (field: keyof CloudImageChoice, p: CloudInitProblem | undefined) => {
    if (p && !out[field]) out[field] = p;
  };
  if (!choice.base || (choice.base.kind === 'volume' && choice.base.name === ''))
    set('base', problem('baseNeeded'));
  else if (choice.base.kind === 'path' && !choice.base.path.startsWith('/'))
    set('base', problem('pathNotAbsolute'));
  if (choice.size.trim() !== '') {
    const size = parseCapacity(choice.size);
    if (!size.ok) set('size', { ...problem('sizeNotSize', { reason: size.message }), check: size.check });
    else if (context.baseCapacity !== undefined && size.bytes < context.baseCapacity)
      set(
        'size',
        problem('sizeShrinks', { size: formatBytes(size.bytes), base: formatBytes(context.baseCapacity) }),
      );
  }
  set('userName', userNameProblem(choice.userName));
  if (/[\x00-\x1f\x7f]/.test(choice.password)) set('password', problem('passwordControl'));
  const keys = parsePublicKeys(choice.sshKeys);
  if ('problem' in keys) set('sshKeys', keys.problem);
  else if (keys.keys.length === 0 && choice.password === '') set('password', problem('noWayIn'));
  set('hostname', hostnameProblem(choice.hostname));
  const raw = readRawUserData(choice.userData);
  if (!raw.ok) set('userData', raw.problem);
  set('networkConfig', networkConfigProblem(choice.networkConfig));
  return out;
}
