// cyborg annotate: the zoom and pan of the face being painted, as plain arithmetic in image pixels.
// The view is the window of the image that is visible: its top-left (x, y) in image pixels and the
// zoom (1 = the whole image fits the stage). Screen offsets are CSS pixels from the stage's top-left;
// `fit` is how many of them one image pixel takes at zoom 1. The image's CSS transform, the canvas's
// drawing transform and the pointer-to-image mapping all come from here, so the paint stays on the
// image at every zoom and pan.

export const MAX_ZOOM = 16;

/** A zoom kept within 1 (fit) .. MAX_ZOOM. */
export function clampZoom(zoom) {
  return Math.min(Math.max(zoom, 1), MAX_ZOOM);
}

export class View {
  constructor() {
    this.reset(0, 0);
  }

  /** Fit (zoom 1, nothing panned) for an image of width x height. */
  reset(width, height) {
    this.width = width;
    this.height = height;
    this.zoom = 1;
    this.x = 0;
    this.y = 0;
  }

  /** The size of the visible window, in image pixels. */
  spanX() {
    return this.width / this.zoom;
  }

  spanY() {
    return this.height / this.zoom;
  }

  /** The image point under screen offset (sx, sy). */
  toImage(sx, sy, fit) {
    return [this.x + sx / (fit * this.zoom), this.y + sy / (fit * this.zoom)];
  }

  /**
   * Puts image point (ix, iy) under screen offset (sx, sy), as far as the image's edges allow. Zoom
   * about a point, a drag pan and a pinch are all this: the point grabbed stays under the pointer.
   */
  place(ix, iy, sx, sy, fit) {
    this.x = ix - sx / (fit * this.zoom);
    this.y = iy - sy / (fit * this.zoom);
    this.keepInside();
  }

  /** Zooms to {@code zoom} (kept within 1..MAX_ZOOM) keeping the image point under (sx, sy) where it is. */
  zoomAbout(zoom, sx, sy, fit) {
    const [ix, iy] = this.toImage(sx, sy, fit);
    this.zoom = clampZoom(zoom);
    this.place(ix, iy, sx, sy, fit);
  }

  /** The next power of two up (or down): the steps of the buttons and keys, 1, 2, 4, 8, 16. */
  step(up) {
    const level = Math.log2(this.zoom);
    return 2 ** (up ? Math.floor(level + 1e-9) + 1 : Math.ceil(level - 1e-9) - 1);
  }

  /** Moves the window by fractions of its own size (an arrow key moves a quarter of what is visible). */
  panBy(fx, fy) {
    this.x += fx * this.spanX();
    this.y += fy * this.spanY();
    this.keepInside();
  }

  /** The window never leaves the image: no empty margin to paint into. */
  keepInside() {
    this.x = Math.min(Math.max(this.x, 0), this.width - this.spanX());
    this.y = Math.min(Math.max(this.y, 0), this.height - this.spanY());
  }
}
