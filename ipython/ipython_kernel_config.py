# mnistlab: installed into <environment>/etc/ipython/ by `pip install` (setup.py, data_files),
# so every IPython kernel of this environment loads it before the first cell runs.
#
# The extension shows a NameError in short Korean ("아직 없는 이름입니다 …, 준비 셀부터 먼저
# 실행하세요") — exactly in the two cases where `import mnistlab` has not run yet: a cell run
# before the setup cell, and any cell after a kernel restart. `%tb` still shows the full traceback.
c = get_config()  # noqa: F821  (IPython provides get_config in config files)
c.InteractiveShellApp.extensions.append("mnistlab.notebook")
