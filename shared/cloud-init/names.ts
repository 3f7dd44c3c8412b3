// Host names (RFC 1123) and Linux user names, as cloud-init will apply them in the guest.
import { problem, type CloudInitProblem } from './problems';

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Why `name` is not an RFC 1123 host name (a single label or dotted), or undefined when it is one. */
export function hostnameProblem(name: string): CloudInitProblem | undefined {
  if (name === '') return problem('hostnameNeeded');
  if (name.length > 253) return problem('hostnameLong');
  const labels = name.replace(/\.$/, '').split('.');
  for (const label of labels)
    if (!LABEL.test(label)) return problem('hostnameLabel', { label: label.slice(0, 70) });
  if (labels.every((l) => /^\d+$/.test(l))) return problem('hostnameNumeric');
  return undefined;
}

/** Why `name` is not a user name useradd accepts (Debian's and Red Hat's common rules). */
export function userNameProblem(name: string): CloudInitProblem | undefined {
  if (name === '') return problem('userNameNeeded');
  if (name.length > 32) return problem('userNameLong');
  if (!/^[a-z_][a-z0-9_-]*$/.test(name)) return problem('userNameBad', { name: name.slice(0, 40) });
  if (name === 'root') return problem('userNameRoot');
  return undefined;
}
