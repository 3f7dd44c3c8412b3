/**
 * The volume id of an ISO 9660 image, read in the page from its primary volume descriptor
 * (sector 16: type 1, "CD001", the volume id at bytes 40–71). Undefined when it is not ISO 9660.
 */
export async function isoVolumeId(file: Blob): Promise<string | undefined> {
  const sector = new Uint8Array(await file.slice(16 * 2048, 17 * 2048).arrayBuffer());
  return volumeIdFromDescriptor(sector);
}

export function volumeIdFromDescriptor(sector: Uint8Array): string | undefined {
  if (sector.length < 72 || sector[0] !== 1) return undefined;
  if (String.fromCharCode(...sector.slice(1, 6)) !== 'CD001') return undefined;
  const id = String.fromCharCode(...sector.slice(40, 72)).trim();
  return id || undefined;
}
