/*
 * mnistlab-rise-widgets: live ipywidgets on RISE slides.
 *
 * RISE (jupyterlab-rise 0.43) presents a notebook in its own small JupyterLab
 * app at /rise/<notebook>. That app loads the installed lab extensions, but its
 * shared modules are only the packages it uses itself, and @jupyterlab/console
 * is not one of them. The widget manager (@jupyter-widgets/jupyterlab-manager,
 * jupyterlab_widgets 3) imports @jupyterlab/console for its optional console
 * support, expects the page to provide it, and so fails to load there
 * ("Shared module @jupyterlab/console doesn't exist in shared scope default"):
 * the widgets fall back to their PNG snapshot.
 *
 * This extension carries its own copy of @jupyterlab/console and offers it to
 * the page's shared scope (package.json, jupyterlab.sharedPackages). It is
 * offered as version 4.0.0, lower than the console of any JupyterLab 4 it can
 * run in, so JupyterLab and Notebook 7 keep using their own; only a page
 * without a console of its own (RISE's) uses this copy, and there no console
 * is ever opened: the widget manager only needs the module to exist.
 *
 * The plugin itself does nothing; importing the console's token is what puts
 * the module into the build (webpack shares only modules that are imported).
 */
import { IConsoleTracker } from '@jupyterlab/console';

const plugin = {
  id: 'mnistlab-rise-widgets:plugin',
  description: 'Offers @jupyterlab/console to pages that lack it (RISE), so widgets load there.',
  autoStart: true,
  optional: [IConsoleTracker],
  activate: () => {}
};

export default plugin;
