// cyborg annotate: painting a mask over an image with the pointer (mouse, touch or pen).
// Strokes are kept in the image's own pixels, so the view can be redrawn at any display size and
// the mask rendered at the image's natural size from the same list (undo simply drops the last one).
// The face being painted can be zoomed and panned (view.js): the image gets a CSS transform, the
// canvas stays over the stage and draws the strokes through the same view.

import { View, clampZoom } from './view.js';

const PAINT_COLOUR = '#ff2d55'; // drawn opaque; the canvas's CSS opacity lets the face show through

export class Painter {
  /**
   * @param canvas the one painting canvas; @param onChange called after every stroke, undo or clear;
   * @param onView called after every zoom or pan
   */
  constructor(canvas, onChange, onView = () => {}) {
    this.canvas = canvas;
    this.onChange = onChange;
    this.onView = onView;
    this.view = new View();
    this.img = null; // the image being painted: zoomed and panned with the strokes
    this.pointers = new Map(); // pointer id -> its screen offset, while down: two touches are a pinch
    this.gesture = null; // a pan or pinch under way: nothing is painted until every pointer is up
    this.firstType = ''; // the pointer type of the first pointer down: only two touches pinch
    this.spacePan = false; // Space held: a drag pans instead of painting
    this.strokes = [];
    this.current = null;
    this.brushPx = 24; // screen pixels: the same on a small or a large image; zoomed in, finer in image pixels
    this.erase = false;
    this.width = 0;
    this.height = 0;
    this.startedAt = 0;
    canvas.addEventListener('pointerdown', (e) => this.down(e));
    canvas.addEventListener('pointermove', (e) => this.move(e));
    canvas.addEventListener('pointerup', (e) => this.up(e));
    canvas.addEventListener('pointercancel', (e) => this.up(e));
    canvas.addEventListener('wheel', (e) => this.wheel(e), { passive: false }); // passive could not keep the page still
    // the layout changes (rotation, resize): match the backing store to the new display size
    new ResizeObserver(() => this.fit()).observe(canvas);
  }

  /** Lays the canvas over {@code stage} (which holds the image) for an image of width x height; forgets strokes. */
  attach(stage, width, height) {
    this.unzoomImage();
    this.img = stage.querySelector('img');
    this.view.reset(width, height);
    this.pointers.clear();
    this.gesture = null;
    this.width = width;
    this.height = height;
    this.strokes = [];
    this.current = null;
    this.startedAt = performance.now();
    stage.append(this.canvas);
    this.canvas.hidden = false;
    this.fit();
    this.onChange();
  }

  /**
   * Puts back strokes kept from before a reload (as {@link strokeList} gave them); painting has taken
   * {@code elapsedMs} so far, and the time to paint goes on from there.
   */
  restore(strokes, elapsedMs) {
    this.strokes = strokes.map((s) => ({ points: s.points, size: s.size, erase: !!s.erase, t: s.t }));
    this.current = null;
    this.startedAt = performance.now() - (elapsedMs || 0);
    this.render();
    this.onChange();
  }

  detach() {
    this.unzoomImage();
    this.img = null;
    this.view.reset(0, 0);
    this.pointers.clear();
    this.gesture = null;
    this.canvas.hidden = true;
    this.strokes = [];
    this.current = null;
  }

  /** Milliseconds since painting could start (the choice). */
  elapsed() {
    return Math.round(performance.now() - this.startedAt);
  }

  /** Whether anything was painted (an eraser stroke alone marks nothing). */
  hasPaint() {
    return this.strokes.some((s) => !s.erase);
  }

  undo() {
    if (this.current) {
      return; // not in the middle of a stroke
    }
    this.strokes.pop();
    this.render();
    this.onChange();
  }

  clear() {
    this.strokes = [];
    this.current = null;
    this.render();
    this.onChange();
  }

  /** The strokes as saved: points in image pixels, size in image pixels, t in ms since painting started. */
  strokeList() {
    return this.strokes.map((s) => ({ points: s.points, size: s.size, erase: s.erase, t: s.t }));
  }

  // ---------------------------------------------------------------- pointer input

  /** An event's position in CSS pixels from the canvas's (the stage's) top-left. */
  offset(e) {
    const rect = this.canvas.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  }

  /** Screen pixels per image pixel at zoom 1 (the whole image fitting the stage). */
  fitScale() {
    return this.width ? this.canvas.getBoundingClientRect().width / this.width : 0;
  }

  /** An event's position in image pixels, kept inside the image. */
  point(e) {
    const [x, y] = this.view.toImage(...this.offset(e), this.fitScale());
    const round = (v, max) => Math.round(Math.min(Math.max(v, 0), max) * 10) / 10;
    return [round(x, this.width), round(y, this.height)];
  }

  down(e) {
    if (this.canvas.hidden || e.button > 1) {
      return; // the right button keeps its menu
    }
    const pinch = e.pointerType === 'touch' && this.firstType === 'touch' && this.pointers.size === 1 && !this.gesture;
    if (this.pointers.size && !pinch) {
      return; // a third finger, a palm beside the pen: one gesture at a time
    }
    e.preventDefault();
    this.canvas.setPointerCapture(e.pointerId);
    this.pointers.set(e.pointerId, this.offset(e));
    this.firstType = this.pointers.size === 1 ? e.pointerType : this.firstType;
    if (this.pointers.size === 2) {
      this.startPinch();
    } else if (e.button === 1 || this.spacePan) {
      // the image point grabbed follows the pointer
      this.gesture = { kind: 'pan', id: e.pointerId, grab: this.view.toImage(...this.offset(e), this.fitScale()) };
    } else {
      // the brush is in screen pixels: zoomed in, the same brush covers fewer image pixels, for fine detail
      const size = this.brushPx / (this.fitScale() * this.view.zoom);
      this.current = { id: e.pointerId, points: [this.point(e)], size: Math.round(size * 10) / 10,
        erase: this.erase, t: this.elapsed() };
      this.strokes.push(this.current);
      this.render();
    }
  }

  /**
   * A second finger down: the two pinch (zoom) and move together (pan). The first finger's stroke
   * was the start of that pinch, not paint, so it is taken back.
   */
  startPinch() {
    if (this.current) {
      this.strokes.splice(this.strokes.indexOf(this.current), 1);
      this.current = null;
      this.render();
      this.onChange();
    }
    const [a, b] = [...this.pointers.values()];
    this.gesture = { kind: 'pinch', zoom: this.view.zoom, distance: Math.max(Math.hypot(b[0] - a[0], b[1] - a[1]), 1),
      grab: this.view.toImage((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, this.fitScale()) };
  }

  move(e) {
    if (this.pointers.has(e.pointerId)) {
      this.pointers.set(e.pointerId, this.offset(e));
    }
    if (this.gesture) {
      this.moveGesture(e);
      return;
    }
    if (!this.current || e.pointerId !== this.current.id) {
      return;
    }
    // a fast stroke arrives as one event per frame; the coalesced events fill in the path between them
    const events = e.getCoalescedEvents ? e.getCoalescedEvents() : [];
    for (const one of events.length ? events : [e]) {
      this.current.points.push(this.point(one));
    }
    this.render();
  }

  moveGesture(e) {
    const g = this.gesture;
    const scale = this.fitScale();
    if (g.kind === 'pan' && e.pointerId === g.id) {
      this.view.place(...g.grab, ...this.pointers.get(g.id), scale);
    } else if (g.kind === 'pinch' && this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      this.view.zoom = clampZoom((g.zoom * Math.hypot(b[0] - a[0], b[1] - a[1])) / g.distance);
      this.view.place(...g.grab, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2, scale);
    } else {
      return; // the finger left over from a pinch: it does nothing until lifted
    }
    this.redraw();
  }

  up(e) {
    this.pointers.delete(e.pointerId);
    if (this.gesture) {
      if (!this.pointers.size) {
        this.gesture = null;
      }
      return;
    }
    if (!this.current || e.pointerId !== this.current.id) {
      return;
    }
    delete this.current.id;
    this.current = null;
    this.onChange();
  }

  /** The wheel zooms about the pointer (a notch of 100 px about 1.26x; a trackpad pinch sends ctrl+wheel). */
  wheel(e) {
    const px = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1);
    if (this.canvas.hidden || (px > 0 && this.view.zoom <= 1)) {
      return; // nothing to zoom out of: the page scrolls on, as it does over anything else
    }
    e.preventDefault();
    this.zoomAbout(this.view.zoom * 2 ** (-px / (e.ctrlKey ? 100 : 300)), ...this.offset(e));
  }

  // ---------------------------------------------------------------- zoom and pan (keys and buttons)

  /** Zooms to {@code zoom} keeping the image point under screen offset (sx, sy) in place. */
  zoomAbout(zoom, sx, sy) {
    this.view.zoomAbout(zoom, sx, sy, this.fitScale());
    this.redraw();
  }

  /** One step (1, 2, 4, 8, 16) in or out, about the middle of what is visible. */
  zoomStep(up) {
    const rect = this.canvas.getBoundingClientRect();
    this.zoomAbout(this.view.step(up), rect.width / 2, rect.height / 2);
  }

  /** Back to the whole image. */
  zoomFit() {
    this.view.reset(this.width, this.height);
    this.redraw();
  }

  /** Pans by fractions of the visible window. */
  pan(fx, fy) {
    this.view.panBy(fx, fy);
    this.redraw();
  }

  /** While Space is held a drag pans (the cursor says so). */
  setSpacePan(on) {
    this.spacePan = on;
    this.canvas.classList.toggle('grab', on);
  }

  // ---------------------------------------------------------------- drawing

  /** The backing store at the display size (times the pixel ratio, for sharp strokes), then a redraw. */
  fit() {
    const rect = this.canvas.getBoundingClientRect();
    if (this.canvas.hidden || !rect.width || !this.width) {
      return;
    }
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(rect.width * ratio);
    this.canvas.height = Math.round(rect.height * ratio);
    this.redraw();
  }

  /**
   * Shows the view: the image scaled about its top-left and moved so the window's corner is at the
   * stage's; the canvas draws the strokes through the same numbers (render). The state is on the
   * canvas as data-zoom, data-pan-x and data-pan-y (the window's top-left in image pixels).
   */
  redraw() {
    const scale = this.fitScale();
    const { zoom, x, y } = this.view;
    if (this.img && scale) {
      this.img.style.transformOrigin = '0 0';
      this.img.style.transform = zoom === 1 ? '' : `scale(${zoom}) translate(${-x * scale}px, ${-y * scale}px)`;
      crisp(this.img);
    }
    Object.assign(this.canvas.dataset, { zoom, panX: x, panY: y });
    this.render();
    this.onView();
  }

  unzoomImage() {
    if (this.img) {
      this.img.style.transform = '';
      crisp(this.img);
    }
  }

  render() {
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    // image pixel (i, j) lands where the zoomed, panned image shows it: ((i - x) * k, (j - y) * k')
    const { zoom, x, y } = this.view;
    const kx = (this.canvas.width / this.width) * zoom;
    const ky = (this.canvas.height / this.height) * zoom;
    ctx.setTransform(kx, 0, 0, ky, -x * kx, -y * ky);
    for (const s of this.strokes) {
      // the eraser cuts through earlier paint, showing the face again
      ctx.globalCompositeOperation = s.erase ? 'destination-out' : 'source-over';
      drawStroke(ctx, s, PAINT_COLOUR);
    }
    ctx.globalCompositeOperation = 'source-over';
  }

  /** The mask at the image's natural size: white where painted, black elsewhere, as a PNG data URL. */
  maskDataUrl() {
    const mask = document.createElement('canvas');
    mask.width = this.width;
    mask.height = this.height;
    const ctx = mask.getContext('2d');
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, this.width, this.height);
    for (const s of this.strokes) {
      drawStroke(ctx, s, s.erase ? '#000' : '#fff');
    }
    binarize(ctx, this.width, this.height);
    return mask.toDataURL('image/png');
  }
}

/**
 * Nearest-neighbour scaling (pixelated) while an image is shown larger than its own pixels, so a
 * 64 px face is not blurred; smooth when shown smaller, where nearest-neighbour would alias.
 */
export function crisp(img) {
  img.classList.toggle('upscaled', img.getBoundingClientRect().width > img.naturalWidth);
}

/** One stroke as a round-capped path of its width; a single point is a dot. */
function drawStroke(ctx, stroke, colour) {
  const [first, ...rest] = stroke.points;
  ctx.fillStyle = colour;
  ctx.strokeStyle = colour;
  if (!rest.length) {
    ctx.beginPath();
    ctx.arc(first[0], first[1], stroke.size / 2, 0, 2 * Math.PI);
    ctx.fill();
    return;
  }
  ctx.lineWidth = stroke.size;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(first[0], first[1]);
  for (const [x, y] of rest) {
    ctx.lineTo(x, y);
  }
  ctx.stroke();
}

/** Anti-aliased edges become black or white (at half grey, as the server reads a mask): the PNG is a true mask. */
function binarize(ctx, width, height) {
  const image = ctx.getImageData(0, 0, width, height);
  const p = image.data;
  for (let i = 0; i < p.length; i += 4) {
    const v = p[i] >= 128 ? 255 : 0;
    p[i] = v;
    p[i + 1] = v;
    p[i + 2] = v;
    p[i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}
