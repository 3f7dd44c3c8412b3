/**
 * PCI addresses as people write them (`0000:01:00.1`), from libvirt's numbers. libvirt reads address
 * attributes with base 0 (`0x1f` hex, `31` decimal); node device XML prints `<bus>2</bus>` in decimal.
 */
export function parseLibvirtNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (/^0x[0-9a-f]+$/i.test(trimmed)) return parseInt(trimmed.slice(2), 16);
  if (/^[0-9]+$/.test(trimmed)) return parseInt(trimmed, 10);
  return undefined;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** `0000:01:00.1`, or undefined when a part is missing or not a number. */
export function formatPciAddress(parts: {
  domain: string | undefined;
  bus: string | undefined;
  slot: string | undefined;
  function: string | undefined;
}): string | undefined {
  const [domain, bus, slot, fn] = [parts.domain ?? '0', parts.bus, parts.slot, parts.function].map(
    parseLibvirtNumber,
  );
  if (domain === undefined || bus === undefined || slot === undefined || fn === undefined) return undefined;
  return `${hex(domain, 4)}:${hex(bus, 2)}:${hex(slot, 2)}.${hex(fn, 1)}`;
}

/** The node device name libvirt gives a PCI function: `0000:01:00.1` → `pci_0000_01_00_1`. */
export function pciDeviceName(address: string): string {
  return `pci_${address.replace(/[:.]/g, '_')}`;
}
