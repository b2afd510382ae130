// cyborg annotate: painting a mask over an image with the pointer (mouse, touch or pen).
// Strokes are kept in the image's own pixels, so the view can be redrawn at any display size and
// the mask rendered at the image's natural size from the same list (undo simply drops the last one).

const PAINT_COLOUR = '#ff2d55'; // drawn opaque; the canvas's CSS opacity lets the face show through

export class Painter {
  /** @param canvas the one painting canvas; @param onChange called after every stroke, undo or clear */
  constructor(canvas, onChange) {
    this.canvas = canvas;
    this.onChange = onChange;
    this.strokes = [];
    this.current = null;
    this.brushPx = 24; // in screen pixels: the same brush feels the same on a small or a large image
    this.erase = false;
    this.width = 0;
    this.height = 0;
    this.startedAt = 0;
    canvas.addEventListener('pointerdown', (e) => this.down(e));
    canvas.addEventListener('pointermove', (e) => this.move(e));
    canvas.addEventListener('pointerup', (e) => this.up(e));
    canvas.addEventListener('pointercancel', (e) => this.up(e));
    // the layout changes (rotation, resize): match the backing store to the new display size
    new ResizeObserver(() => this.fit()).observe(canvas);
  }

  /** Lays the canvas over {@code stage} (which holds the image) for an image of width x height; forgets strokes. */
  attach(stage, width, height) {
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

  /** An event's position in image pixels, kept inside the image. */
  point(e) {
    const rect = this.canvas.getBoundingClientRect();
    const x = ((e.clientX - rect.left) * this.width) / rect.width;
    const y = ((e.clientY - rect.top) * this.height) / rect.height;
    const round = (v, max) => Math.round(Math.min(Math.max(v, 0), max) * 10) / 10;
    return [round(x, this.width), round(y, this.height)];
  }

  down(e) {
    if (this.canvas.hidden || e.button > 0 || this.current) {
      return; // right button, or a second finger while one is painting
    }
    e.preventDefault();
    this.canvas.setPointerCapture(e.pointerId);
    const scale = this.width / this.canvas.getBoundingClientRect().width;
    this.current = { id: e.pointerId, points: [this.point(e)], size: Math.round(this.brushPx * scale * 10) / 10,
      erase: this.erase, t: this.elapsed() };
    this.strokes.push(this.current);
    this.render();
  }

  move(e) {
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

  up(e) {
    if (!this.current || e.pointerId !== this.current.id) {
      return;
    }
    delete this.current.id;
    this.current = null;
    this.onChange();
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
    this.render();
  }

  render() {
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(this.canvas.width / this.width, 0, 0, this.canvas.height / this.height, 0, 0);
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
