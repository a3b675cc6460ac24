/**
 * mnistlab: every widget usable with a screen reader and the keyboard alone (issue 22).
 *
 * ipywidgets draws controls without accessible names (a slider is read "slider 0.5",
 * without its Korean description), pictures without text alternatives, and JupyterLab
 * takes the arrow keys from dropdowns and sliders (its notebook shortcuts move to the
 * neighbouring cell). For every mnistlab widget root (the class mnistlab-explorer that
 * mnistlab.widgets.base.Explorer adds) this plugin
 *
 * - sets lang="ko" and role="group" on the root;
 * - names each slider handle, dropdown, text box and editable readout after the
 *   control's Korean description (aria-label), and the Play widget's icon buttons;
 * - gives each picture (<img>) its Korean text alternative: the alt that the Python
 *   side sets as the Image's tooltip (Explorer.show_png(alt=...));
 * - makes the HTML outputs that Python marks mnistlab-live a polite live region;
 * - marks the controls data-lm-suppress-shortcuts, so that JupyterLab's shortcuts do
 *   not take their keys (arrows, Home/End, Page Up/Down, Space, Enter) — Tab and
 *   Shift+Tab still leave the control, so the keyboard is never trapped.
 *
 * One MutationObserver on the page asks for one pass over the roots per animation
 * frame; the pass only writes attributes whose value differs (no feedback loop).
 */

import { INotebookTracker } from '@jupyterlab/notebook';

const ROOT = '.mnistlab-explorer';
const FIGURE_ALT = '그림 (설명 없음)';
const CONTROLS =
  'select, input, textarea, button, .noUi-handle, .widget-readout, canvas, [tabindex]';
const PLAY_NAMES = [
  ['fa-play', '재생'],
  ['fa-pause', '일시 정지'],
  ['fa-stop', '정지 (처음으로)'],
  ['fa-retweet', '반복'],
  ['fa-repeat', '반복']
];

function set(el, name, value) {
  if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

/** The Korean description of the ipywidgets control that holds ``el``. */
function descriptionOf(el) {
  const control = el.closest('.widget-inline-hbox, .widget-inline-vbox, .jupyter-widgets');
  const label = control && control.querySelector(':scope > .widget-label, :scope > label');
  return label ? label.textContent.trim() : '';
}

function nameControls(root) {
  for (const handle of root.querySelectorAll('.noUi-handle')) {
    const name = descriptionOf(handle);
    if (name) {
      set(handle, 'aria-label', name);
    }
    const readout = handle.closest('.widget-slider')?.querySelector('.widget-readout');
    if (readout && readout.textContent.trim()) {
      set(handle, 'aria-valuetext', readout.textContent.trim());
    }
  }
  for (const readout of root.querySelectorAll('.widget-readout')) {
    const name = descriptionOf(readout);
    set(readout, 'role', 'textbox');
    set(readout, 'aria-label', name ? `${name} 값` : '값');
  }
  for (const el of root.querySelectorAll('select, input:not([type=checkbox]), textarea')) {
    const name = descriptionOf(el);
    if (name && !el.labels?.length) {
      set(el, 'aria-label', name);
    }
  }
  for (const button of root.querySelectorAll('.widget-play button, button')) {
    if (button.textContent.trim()) {
      continue;
    }
    const icon = button.querySelector('i');
    const found = icon && PLAY_NAMES.find(([cls]) => icon.classList.contains(cls));
    const name = found ? found[1] : button.getAttribute('title');
    if (name) {
      set(button, 'aria-label', name);
    }
  }
  for (const el of root.querySelectorAll(CONTROLS)) {
    set(el, 'data-lm-suppress-shortcuts', 'true');
  }
}

function describePictures(root) {
  for (const img of root.querySelectorAll('img')) {
    const text = img.getAttribute('title') || img.getAttribute('aria-label') || '';
    set(img, 'alt', text || '위젯 그림');
  }
}

function markLiveRegions(root) {
  for (const el of root.querySelectorAll('.mnistlab-live')) {
    set(el, 'aria-live', 'polite');
    set(el, 'aria-atomic', 'true');
  }
}

export function lookAtRoots(doc = document) {
  for (const root of doc.querySelectorAll(ROOT)) {
    set(root, 'lang', 'ko');
    set(root, 'role', 'group');
    nameControls(root);
    describePictures(root);
    markLiveRegions(root);
  }
}

/**
 * Figures (image outputs that are not widgets): JupyterLab draws them without an alt;
 * mnistlab puts one in the output's metadata (mnistlab.a11y.describe_inline_figures).
 */
function describeFigures(tracker) {
  tracker?.forEach(panel => {
    for (const cell of panel.content.widgets) {
      const area = cell.model.type === 'code' ? cell.outputArea : null;
      if (!area || !area.model) {
        continue;
      }
      for (let i = 0; i < area.model.length; i++) {
        const item = area.model.get(i);
        const img = area.widgets[i]?.node.querySelector('.jp-RenderedImage img');
        if (img) {
          const md = item.metadata || {};
          const mime = Object.keys(item.data).find(k => k.startsWith('image/'));
          const alt = md[mime]?.alt || md.alt || FIGURE_ALT;
          set(img, 'alt', String(alt));
        }
      }
    }
  });
}

export const a11yPlugin = {
  id: 'mnistlab-labextension:a11y',
  description: 'Accessible names, text alternatives, lang="ko" and keyboard use for mnistlab widgets.',
  autoStart: true,
  optional: [INotebookTracker],
  activate: (app, tracker) => {
    let pending = false;
    const schedule = () => {
      if (pending) {
        return;
      }
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        lookAtRoots();
        describeFigures(tracker);
      });
    };
    new MutationObserver(schedule).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'title']
    });
    schedule();
  }
};
