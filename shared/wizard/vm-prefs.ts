// The New VM defaults of the preferences (issue 15) laid over virt-install's per-OS defaults.
import type { NewVmPrefs } from '../api/prefs';
import type { HostCapabilities } from '../api/wizard';
import type { VmDefaults } from './vm-defaults';

/**
 * `defaults` as the preferences ask, where the host can: a graphics type the host lacks, UEFI on a
 * host without UEFI firmware, or a host CPU mode without KVM (TCG takes `maximum`) fall back to the
 * automatic choice. `auto` keeps virt-install's choice.
 */
export function withNewVmPrefs(defaults: VmDefaults, caps: HostCapabilities, prefs: NewVmPrefs): VmDefaults {
  const graphics =
    prefs.graphics === 'none' || (prefs.graphics !== 'auto' && caps.devices.graphics.includes(prefs.graphics))
      ? prefs.graphics
      : defaults.graphics;
  const firmware =
    prefs.firmware === 'bios'
      ? 'bios'
      : prefs.firmware === 'efi' && caps.firmware.efi
        ? 'efi'
        : defaults.firmware;
  const efi = firmware === 'efi';
  return {
    ...defaults,
    graphics,
    firmware,
    secureBoot: efi && defaults.secureBoot,
    tpm: efi && (defaults.tpm || caps.devices.tpmBackends.includes('emulator')),
    storageFormat: prefs.storageFormat,
    ...(prefs.cpuMode !== 'auto' && defaults.virtType === 'kvm' ? { cpuMode: prefs.cpuMode } : {}),
  };
}
