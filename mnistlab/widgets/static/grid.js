// 숫자 격자: the front end of mnistlab.widgets.digits.NumberGrid (anywidget).
// The 28×28 pixel values as shaded cells with their numbers, drawn on one canvas:
// a new digit repaints 784 cells in about a millisecond, where a 784-cell HTML table
// made the browser restyle and lay out the page (≈ 19 ms a change). The canvas takes
// the widget's width (its layout: 640 px, or less in a narrow output area) and is drawn
// at the screen's own pixel density, so the numbers stay sharp at any zoom, on HiDPI
// screens and on projectors.
const SIDE = 28;
const ROW = 0.8;                 // a row's height over a column's width

function render({ model, el }) {
  const canvas = document.createElement("canvas");
  canvas.className = "mnl-number-grid";
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", "28×28 픽셀 값의 격자");
  canvas.style.display = "block";
  canvas.style.width = "100%";
  canvas.style.aspectRatio = `${SIDE} / ${SIDE * ROW}`;
  el.appendChild(canvas);
  let drawn = 0;

  function draw() {
    const cssWidth = canvas.clientWidth;
    const raw = model.get("values");                    // a DataView (binary, not JSON)
    const values = raw instanceof ArrayBuffer ? new Uint8Array(raw)
      : raw && raw.buffer ? new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength)
      : new Uint8Array(0);
    const texts = model.get("texts").split(" ");
    if (!cssWidth || values.length !== SIDE * SIDE || texts.length !== SIDE * SIDE) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(cssWidth * dpr);
    const h = Math.round(cssWidth * ROW * dpr);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const ctx = canvas.getContext("2d");
    const cw = w / SIDE;
    const ch = h / SIDE;
    // numbers grow with the cell up to the page's widget text size; the longest text (three
    // characters: "255" or ".99") fits with a gap to the next cell (a monospace character is
    // about 0.6 of the font size wide), so neighbouring ".00" values never run together
    const pageFont = parseFloat(getComputedStyle(el).getPropertyValue("--jp-widgets-font-size")) || 13;
    const longest = texts.reduce((n, t) => Math.max(n, t.length), 1);
    const fontPx = Math.min(cw / dpr / (0.6 * longest + 0.45), pageFont) * dpr;
    const darkFrom = model.get("dark_text_from");
    ctx.font = `${fontPx.toFixed(1)}px monospace`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (let r = 0; r < SIDE; r++) {
      for (let c = 0; c < SIDE; c++) {
        const v = values[r * SIDE + c];
        const x = c * cw;
        const y = r * ch;
        ctx.fillStyle = `rgb(${v},${v},${v})`;
        ctx.fillRect(x, y, cw, ch);
        // black on light cells, white on dark ones, a dim gray for the many zeros
        ctx.fillStyle = v === 0 ? "#777" : v >= darkFrom ? "#000" : "#fff";
        ctx.fillText(texts[r * SIDE + c], x + cw / 2, y + ch / 2 + dpr * 0.5);
      }
    }
    ctx.strokeStyle = "#333";
    ctx.lineWidth = Math.max(1, Math.round(dpr));
    const half = (ctx.lineWidth % 2) / 2;     // odd widths sit on half pixels, even on whole
    ctx.beginPath();
    for (let k = 0; k <= SIDE; k++) {
      const x = Math.min(w - ctx.lineWidth / 2, Math.round(k * cw) + half);
      const y = Math.min(h - ctx.lineWidth / 2, Math.round(k * ch) + half);
      ctx.moveTo(x, 0); ctx.lineTo(x, h);
      ctx.moveTo(0, y); ctx.lineTo(w, y);
    }
    ctx.stroke();
    drawn += 1;
    canvas.dataset.drawn = String(drawn);   // a mark the browser tests watch for
  }

  // a new pixel density without a new CSS size (another monitor, browser zoom): draw again
  let density = null;
  function watchDensity() {
    if (density) density.removeEventListener("change", onDensity);
    density = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    density.addEventListener("change", onDensity);
  }
  function onDensity() {
    watchDensity();
    draw();
  }

  const resize = new ResizeObserver(() => draw());
  resize.observe(canvas);
  watchDensity();
  model.on("change", draw);        // values and texts arrive together (one message)
  draw();
  return () => {
    resize.disconnect();
    density.removeEventListener("change", onDensity);
  };
}

export default { render };
