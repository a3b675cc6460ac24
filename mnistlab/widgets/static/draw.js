// 숫자 그리기 캔버스: the front end of mnistlab.widgets.draw.DrawingCanvas (anywidget).
// Strokes are drawn here at full frame rate; the kernel receives the ink (one byte per
// pixel, 0 = none … 255 = full) while drawing (throttled) and when a stroke ends.
// Without a pointer path: a click or tap puts a dot, and the keyboard moves a cursor
// over the 28×28 grid (arrows; Home/End, Page Up/Down jump to the edges), Space or Enter
// inks or clears the cell under it, Delete clears it; each is undone like a stroke.
const SEND_EVERY_MS = 120;
const GRID = 28;
const HELP =
  "화살표 키로 28×28 칸 위의 커서를 움직이고, 스페이스나 엔터로 그 칸을 칠하거나 지웁니다 " +
  "(Delete: 지우기). 마우스나 손가락으로는 그리거나 눌러서 점을 찍습니다.";

function render({ model, el }) {
  const size = model.get("size");
  const root = document.createElement("div");
  root.className = "mnistlab-draw";
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  canvas.className = "mnistlab-draw-canvas";
  canvas.setAttribute("aria-label", "숫자를 그리는 칸");
  canvas.setAttribute("role", "application");
  canvas.setAttribute("aria-roledescription", "그리기 칸");
  canvas.tabIndex = 0;
  canvas.setAttribute("data-lm-suppress-shortcuts", "true");   // JupyterLab keeps off its keys
  const helpId = `mnistlab-draw-help-${Math.random().toString(36).slice(2)}`;
  canvas.setAttribute("aria-describedby", helpId);
  const help = document.createElement("div");
  help.id = helpId;
  help.className = "mnistlab-draw-help";
  help.textContent = HELP;
  const frame = document.createElement("div");
  frame.className = "mnistlab-draw-frame";
  const cursor = document.createElement("div");
  cursor.className = "mnistlab-draw-cursor";
  cursor.setAttribute("aria-hidden", "true");
  const said = document.createElement("div");
  said.className = "mnistlab-draw-said";
  said.setAttribute("aria-live", "polite");
  frame.append(canvas, cursor);
  const bar = document.createElement("div");
  bar.className = "mnistlab-draw-bar";
  const widthLabel = document.createElement("label");
  widthLabel.textContent = "굵기 ";
  const width = document.createElement("input");
  width.type = "range";
  width.min = "4";
  width.max = "48";
  width.value = String(model.get("brush"));
  width.setAttribute("data-lm-suppress-shortcuts", "true");
  widthLabel.appendChild(width);
  const undo = document.createElement("button");
  undo.textContent = "되돌리기";
  undo.className = "mnistlab-draw-undo";
  const clear = document.createElement("button");
  clear.textContent = "모두 지우기";
  clear.className = "mnistlab-draw-clear";
  bar.append(widthLabel, undo, clear);
  root.append(frame, bar, help, said);
  el.appendChild(root);

  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  let strokes = [];          // [{width, points: [[x, y], …]}]
  let base = null;           // a drawing set from the kernel (set_drawing), under the strokes
  let current = null;
  let lastSent = 0;
  let sending = false;

  function line(stroke, from) {
    if (stroke.cell) {                     // a grid cell inked or cleared from the keyboard
      const c = size / GRID;
      const [r, k] = stroke.cell;
      if (stroke.ink) ctx.fillRect(k * c, r * c, c, c);
      else ctx.clearRect(k * c, r * c, c, c);
      return;
    }
    const p = stroke.points;
    ctx.strokeStyle = "#000";
    ctx.fillStyle = "#000";
    ctx.lineWidth = stroke.width;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    if (p.length === 1) {
      ctx.beginPath();
      ctx.arc(p[0][0], p[0][1], stroke.width / 2, 0, 2 * Math.PI);
      ctx.fill();
      return;
    }
    ctx.beginPath();
    ctx.moveTo(p[Math.max(0, from - 1)][0], p[Math.max(0, from - 1)][1]);
    for (let k = Math.max(1, from); k < p.length; k++) ctx.lineTo(p[k][0], p[k][1]);
    ctx.stroke();
  }

  function redraw() {
    ctx.clearRect(0, 0, size, size);
    if (base) ctx.drawImage(base, 0, 0, size, size);
    for (const s of strokes) line(s, 0);
  }

  function send() {
    const rgba = ctx.getImageData(0, 0, size, size).data;
    const ink = new Uint8Array(size * size);
    for (let k = 0; k < ink.length; k++) ink[k] = rgba[4 * k + 3];
    sending = true;
    model.set("ink_shape", [size, size]);
    model.set("ink", new DataView(ink.buffer));
    model.set("strokes", model.get("strokes") + 1);
    model.save_changes();
    sending = false;
    lastSent = performance.now();
  }

  function fromKernel() {
    if (sending) return;
    const shape = model.get("ink_shape");
    const data = model.get("ink");
    strokes = [];
    base = null;
    if (data && shape[0] > 0 && shape[1] > 0) {
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      const img = new ImageData(shape[1], shape[0]);
      for (let k = 0; k < bytes.length; k++) img.data[4 * k + 3] = bytes[k];
      base = document.createElement("canvas");
      base.width = shape[1];
      base.height = shape[0];
      base.getContext("2d").putImageData(img, 0, 0);
    }
    redraw();
  }

  function point(ev) {
    const r = canvas.getBoundingClientRect();
    return [(ev.clientX - r.left) * size / r.width, (ev.clientY - r.top) * size / r.height];
  }

  canvas.addEventListener("pointerdown", (ev) => {
    ev.preventDefault();
    canvas.setPointerCapture(ev.pointerId);
    current = { width: Number(width.value), points: [point(ev)] };
    strokes.push(current);
    line(current, 0);
  });
  canvas.addEventListener("pointermove", (ev) => {
    if (!current) return;
    current.points.push(point(ev));
    line(current, current.points.length - 1);
    if (performance.now() - lastSent > SEND_EVERY_MS) send();
  });
  const end = () => {
    if (!current) return;
    current = null;
    send();
  };
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);
  width.addEventListener("change", () => {
    model.set("brush", Number(width.value));
    model.save_changes();
  });
  undo.addEventListener("click", () => {
    if (strokes.length) strokes.pop();
    else base = null;
    redraw();
    send();
  });
  clear.addEventListener("click", () => {
    strokes = [];
    base = null;
    redraw();
    send();
  });
  // ---- keyboard: a cursor over the 28×28 grid
  let row = GRID / 2, col = GRID / 2;
  function showCursor() {
    cursor.style.left = `calc(2px + (100% - 4px) * ${col / GRID})`;   // inside the 2px border
    cursor.style.top = `calc(2px + (100% - 4px) * ${row / GRID})`;
  }
  function inked(r, k) {
    const c = size / GRID;
    return ctx.getImageData(Math.floor((k + 0.5) * c), Math.floor((r + 0.5) * c), 1, 1).data[3] > 127;
  }
  function tell(text) {
    said.textContent = text;
  }
  function setCell(ink) {
    ctx.fillStyle = "#000";
    const stroke = { cell: [row, col], ink };
    strokes.push(stroke);
    line(stroke, 0);
    send();
    tell(`${row + 1}행 ${col + 1}열: ${ink ? "칠함" : "지움"}`);
  }
  canvas.addEventListener("keydown", (ev) => {
    const moves = {
      ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1],
      Home: [0, -GRID], End: [0, GRID], PageUp: [-GRID, 0], PageDown: [GRID, 0]
    };
    if (moves[ev.key]) {
      const [dr, dc] = moves[ev.key];
      row = Math.min(GRID - 1, Math.max(0, row + dr));
      col = Math.min(GRID - 1, Math.max(0, col + dc));
      showCursor();
      tell(`${row + 1}행 ${col + 1}열: ${inked(row, col) ? "칠한 칸" : "빈 칸"}`);
    } else if (ev.key === " " || ev.key === "Enter") {
      setCell(!inked(row, col));
    } else if (ev.key === "Delete" || ev.key === "Backspace") {
      setCell(false);
    } else {
      return;                              // Tab and the rest: the browser's
    }
    ev.preventDefault();
    ev.stopPropagation();
  });
  canvas.addEventListener("focus", () => {
    showCursor();
    frame.classList.add("mnistlab-draw-keyboard");
  });
  canvas.addEventListener("blur", () => frame.classList.remove("mnistlab-draw-keyboard"));
  canvas.addEventListener("pointerdown", () => frame.classList.remove("mnistlab-draw-keyboard"));
  model.on("change:ink", fromKernel);
  fromKernel();
  return () => model.off("change:ink", fromKernel);
}

export default { render };
