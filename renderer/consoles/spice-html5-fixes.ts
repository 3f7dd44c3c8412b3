import { SpiceDisplayConn } from '@spice-project/spice-html5/src/display.js';

/**
 * spice-html5 finds a surface's canvas again by a page-wide id (`spice_surface_0`), which every
 * SPICE console on the page shares: with two consoles open, a reset or mode change in one removed
 * (or failed to remove) the other's canvas. The surface already holds its own canvas; use that.
 * Imported once, before any SPICE console opens.
 */
SpiceDisplayConn.prototype.delete_surface = function (this: SpiceDisplayConn, surfaceId: number): void {
  const canvas = this.surfaces[surfaceId]?.canvas;
  if (this.primary_surface === surfaceId) {
    this.unhook_events();
    this.primary_surface = undefined;
    canvas?.remove();
  }
  delete this.surfaces[surfaceId];
};
