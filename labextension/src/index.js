/**
 * mnistlab: a widget whose kernel is gone says so, in Korean.
 *
 * A widget lives in two places: its view in the page and its model in the kernel.
 * When the kernel goes away the view cannot work, and the learner sees it in one of
 * two ways (JupyterLab 4 and Notebook 7 alike):
 *
 * 1. The page was reloaded or the notebook reopened after the kernel that made the
 *    widget restarted or stopped: the model is unknown and
 *    @jupyter-widgets/jupyterlab-manager writes "Error displaying widget: model not
 *    found" into the output. We write a Korean notice there instead, with the PNG
 *    snapshot that every mnistlab widget keeps in its output.
 * 2. The kernel restarts (or stops, or is replaced) while the page is open: the view
 *    stays on screen, greyed out (ipywidgets gives it the class
 *    jupyter-widgets-disconnected on a restart), and ignores input. We lay a notice
 *    over it; running the cell again replaces the whole output, notice and all.
 *
 * How: per notebook, a MutationObserver on the outputs and the kernel's status
 * signals ask for one look at the notebook's widget outputs in the next animation
 * frame. That look reads each output's model (for the snapshot) and touches the page
 * only where an output's state changed.
 */

import { INotebookTracker } from '@jupyterlab/notebook';

import { a11yPlugin } from './a11y';

const WIDGET_MIME = 'application/vnd.jupyter.widget-view+json';
// What jupyterlab-manager's renderer writes when the widget model is unknown.
const MODEL_NOT_FOUND = 'Error displaying widget: model not found';

const GONE = '이 위젯은 커널과 연결이 끊겼습니다.';
const WHY_MISSING = '커널을 다시 시작했거나 노트북을 새로 열었기 때문입니다.';
const WHY_DISCONNECTED = '커널이 다시 시작되었거나 멈춰서, 위젯이 더 이상 움직이지 않습니다.';
const WHAT_TO_DO = '맨 위의 준비 셀부터 이 셀까지 차례로 다시 실행하세요 (Shift+Enter).';
const SNAPSHOT = '아래 그림은 저장된 정지 화면입니다.';
const SNAPSHOT_ALT = '위젯의 저장된 정지 화면';

const MISSING = 'mnl-KernelGone-missing';
const DISCONNECTED = 'mnl-KernelGone-disconnected';

// Widget view root -> id of the kernel it was first seen with (a new kernel cannot serve it).
const kernelOfView = new WeakMap();

/** The Korean notice: what happened, why, and what to do. */
function notice(why) {
  const box = document.createElement('div');
  box.className = 'mnl-KernelGone-notice';
  box.setAttribute('role', 'status');
  const title = document.createElement('strong');
  title.textContent = GONE;
  const reason = document.createElement('p');
  reason.textContent = why;
  const action = document.createElement('p');
  action.className = 'mnl-KernelGone-action';
  action.textContent = WHAT_TO_DO;
  box.append(title, reason, action);
  return box;
}

/** Base64 PNG of a mime bundle (a string, or lines as stored in some notebooks), or ''. */
function snapshotOf(data) {
  const png = data['image/png'];
  return (Array.isArray(png) ? png.join('') : png || '').replace(/\s/g, '');
}

/** Case 1: the English error becomes the notice and the saved snapshot. */
function showMissing(node, data, alt) {
  const png = snapshotOf(data);
  node.textContent = '';
  node.classList.add(MISSING);
  node.append(notice(png ? `${WHY_MISSING} ${SNAPSHOT}` : WHY_MISSING));
  if (png) {
    const img = document.createElement('img');
    img.className = 'mnl-KernelGone-snapshot';
    img.alt = alt ? `${SNAPSHOT_ALT}: ${alt}` : SNAPSHOT_ALT;
    img.src = `data:image/png;base64,${png}`;
    node.append(img);
  }
}

/** Case 2: a notice above the dead view and a veil over it (it no longer takes input). */
function showDisconnected(node) {
  const veil = document.createElement('div');
  veil.className = 'mnl-KernelGone-veil';
  node.classList.add(DISCONNECTED);
  node.prepend(notice(WHY_DISCONNECTED));
  node.append(veil);
}

function clearDisconnected(node) {
  node.classList.remove(DISCONNECTED);
  for (const el of node.querySelectorAll(':scope > .mnl-KernelGone-notice, :scope > .mnl-KernelGone-veil')) {
    el.remove();
  }
}

/** The element of one output item that holds the rendered widget (or the renderer's text). */
function outputNode(item) {
  if (!item) {
    return null;
  }
  const node = item.node;
  return node.classList.contains('jp-OutputArea-output')
    ? node
    : node.querySelector('.jp-OutputArea-output');
}

function lookAtOutput(node, data, kernelId, alt) {
  if (node.classList.contains(MISSING)) {
    if (node.querySelector(':scope > .mnl-KernelGone-notice')) {
      return;
    }
    node.classList.remove(MISSING); // the renderer has drawn this output again
  }
  const view = node.querySelector('.jupyter-widgets');
  if (!view) {
    if (node.textContent.trim() === MODEL_NOT_FOUND) {
      showMissing(node, data, alt);
    }
    return;
  }
  if (kernelId && !kernelOfView.has(view)) {
    kernelOfView.set(view, kernelId);
  }
  const gone =
    view.classList.contains('jupyter-widgets-disconnected') ||
    kernelId === null ||
    kernelOfView.get(view) !== kernelId;
  const shown = node.classList.contains(DISCONNECTED);
  if (gone && !shown) {
    showDisconnected(node);
  } else if (!gone && shown) {
    clearDisconnected(node);
  }
}

/** One look at every widget output of a notebook. */
function lookAtNotebook(panel) {
  const kernel = panel.sessionContext.session?.kernel;
  const kernelId = kernel && kernel.status !== 'dead' ? kernel.id : null;
  for (const cell of panel.content.widgets) {
    const area = cell.model.type === 'code' ? cell.outputArea : null;
    if (!area || !area.model) {
      continue;
    }
    for (let i = 0; i < area.model.length; i++) {
      const item = area.model.get(i);
      const data = item.data;
      const node = data[WIDGET_MIME] ? outputNode(area.widgets[i]) : null;
      if (node) {
        lookAtOutput(node, data, kernelId, item.metadata?.['image/png']?.alt);
      }
    }
  }
}

/** Changes outside the cells' editors: outputs, cells coming and going. */
function touchesOutputs(mutation) {
  const target = mutation.target;
  const el = target.nodeType === Node.ELEMENT_NODE ? target : target.parentElement;
  return !el || !el.closest('.jp-InputArea');
}

function watch(panel) {
  let pending = false;
  const schedule = () => {
    if (pending || panel.isDisposed) {
      return;
    }
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (!panel.isDisposed) {
        lookAtNotebook(panel);
      }
    });
  };
  const observer = new MutationObserver(mutations => {
    if (mutations.some(touchesOutputs)) {
      schedule();
    }
  });
  observer.observe(panel.content.node, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class']
  });
  const context = panel.sessionContext;
  context.statusChanged.connect(schedule);
  context.kernelChanged.connect(schedule);
  context.connectionStatusChanged.connect(schedule);
  panel.disposed.connect(() => observer.disconnect());
  schedule();
}

const plugin = {
  id: 'mnistlab-labextension:kernel-gone',
  description: 'Korean notice on widgets whose kernel is gone (restarted, stopped, or a new page).',
  autoStart: true,
  optional: [INotebookTracker],
  activate: (app, tracker) => {
    if (!tracker) {
      return; // a page without notebooks (e.g. Notebook 7's file browser)
    }
    tracker.forEach(watch);
    tracker.widgetAdded.connect((_, panel) => watch(panel));
  }
};

export default [plugin, a11yPlugin];
