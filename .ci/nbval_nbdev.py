"""pytest plugin: nbval on this project's notebooks (`make outputs`: the committed outputs are a fresh run's).
nbval compares a cell's outputs only when the notebook holds its execution count, and fails a cell that has outputs
without one ("Unrun reference cell has outputs"); nbdev_clean strips the counts (nbval 0.11.0 on 03_forward as
committed: 5 failed, 6 passed, all so). So each code cell counts as run here. A cell whose output varies (timings)
opts out by the comment `# varies between runs` or a tag `nbval-ignore-output` (`nbval-skip`: not run)."""
import os, shutil, tempfile
from nbval import kernel, plugin

_collect = plugin.IPyNbFile.collect
def _collect_run_cells(self):
    for item in _collect(self):
        item.cell.execution_count = item.cell.execution_count or 1
        if '# varies between runs' in item.cell.source: item.options['check'] = False
        yield item
plugin.IPyNbFile.collect = _collect_run_cells  # masked before comparing: .ci/nbval_sanitize.cfg
# nbval runs cells with store_history=False; IPython then misses a last line's `;` (it reads it from the history)
kernel.RunningKernel.execute_cell_input = lambda self, src, allow_stdin=None: self.kc.execute(
    src, store_history=True, allow_stdin=allow_stdin, stop_on_error=False)

def pytest_configure(config):  # as committed: the offline sample (no download, no cached full MNIST), plots inline
    os.environ.update(FWDBWD_OFFLINE='1', FWDBWD_CACHE=tempfile.mkdtemp(prefix='nbval_cache_'),
                      MPLBACKEND='module://matplotlib_inline.backend_inline')
def pytest_unconfigure(config): shutil.rmtree(os.environ['FWDBWD_CACHE'], ignore_errors=True)
