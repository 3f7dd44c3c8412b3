// <iommu>: the guest's virtual IOMMU (one per VM), with the driver options virt-manager shows.
import { attr, intAttr, onOffAttr, type FieldValues } from '../fields';

export const iommuFields = {
  model: attr<'intel' | 'smmuv3' | 'virtio'>('', 'model'),
  intremap: onOffAttr('driver', 'intremap'),
  cachingMode: onOffAttr('driver', 'caching_mode'),
  eim: onOffAttr('driver', 'eim'),
  iotlb: onOffAttr('driver', 'iotlb'),
  awBits: intAttr('driver', 'aw_bits'),
};

export type IommuSettings = FieldValues<typeof iommuFields>;
