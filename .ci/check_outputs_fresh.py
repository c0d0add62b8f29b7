"""Re-execute the committed notebooks and compare their text outputs with the committed ones.

Usage: python .ci/check_outputs_fresh.py [NOTEBOOK.ipynb ...]   (default: every notebook in nbs/)

nbdev_clean strips execution counts, so the order in which a notebook was run cannot be read from the
file. This check runs each notebook top to bottom in a fresh kernel (every cell, `#| slow` ones too, with
FWDBWD_OFFLINE=1 like the committed outputs) and compares, cell by cell, what was printed (stdout and
stderr streams, the text of results and displays, errors) and how many images each cell shows. A
committed output that a fresh top-to-bottom run does not reproduce — a cell run out of order, edited
after it was run, or unseeded — is reported. Run times, kernel file names and memory addresses are
masked before comparing; a cell whose output legitimately differs between runs (a benchmark) opts out
with a line comment `# varies between runs`. The notebooks on disk are not modified.
Exit status 1 when any output differs. Takes about as long as running the notebooks (2 at a time)."""
import json, os, re, sys, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

root = Path(__file__).resolve().parent.parent
SKIP = '# varies between runs'
_masks = [
    (re.compile(r'/tmp/ipykernel_\d+/\d+\.py'), '<kernel cell>'),
    (re.compile(r'\b0x[0-9a-fA-F]{6,}\b'), '0x<addr>'),
    (re.compile(r'\d+(?:\.\d+)?(?:e[-+]?\d+)?\s?(?:ns|µs|us|ms|s|sec|seconds|it/s|s/it|B/s|kB/s|MB/s)\b'), '<time>'),
    (re.compile(r'\r'), '\n'),  # progress bars redraw with \r
    (re.compile(r'127\.0\.0\.1:\d+'), '127.0.0.1:<port>'),  # the test servers' ports are picked by the OS
    # why get_mnist fell back to the offline sample (a failed download, or FWDBWD_OFFLINE)
    (re.compile(r'(no full copy in )\S+ and (the download failed: [^.]*|FWDBWD_OFFLINE is set)'), r'\1<cache> and <why>'),
]


def _raw(o):
    "An output's text as the kernel wrote it (a stream chunk, a value's repr, an error's name and message)."
    t = o.get('text') if o.get('output_type') == 'stream' else o.get('data', {}).get('text/plain')
    if o.get('output_type') == 'error': t = f"{o.get('ename')}: {o.get('evalue')}"
    return ''.join(t) if isinstance(t, list) else (t or '')


def _mask(t):
    for rx, rep in _masks: t = rx.sub(rep, t)
    return t.rstrip()


def summary(cell):
    "What a cell shows, masked: [(kind, text)] and the number of images."
    out, n_img, streams = [], 0, {'stdout': '', 'stderr': ''}
    for o in cell.get('outputs', []):
        kind = o.get('name') or o.get('output_type')
        if any(k.startswith('image/') for k in o.get('data', {})): n_img += 1
        if kind == 'stderr' and re.search(r'\d+%\|', ''.join(o.get('text', ''))): continue  # a tqdm bar
        # each stream is compared whole: the kernel cuts it into chunks differently from run to run
        if kind in streams: streams[kind] += _raw(o); continue
        t = _mask(_raw(o))
        if t: out.append((kind, t))
    whole = [(k, _mask(t)) for k, t in streams.items()]
    return [(k, t) for k, t in whole if t] + out, n_img


def execute(path):
    import nbformat
    from nbclient import NotebookClient
    t0 = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    committed = [c for c in nb.cells if c.cell_type == 'code']
    before = [summary(c) for c in committed]
    fresh = nbformat.read(path, as_version=4)
    for c in fresh.cells:
        if c.cell_type == 'code': c.outputs = []
    import tempfile
    os.environ['FWDBWD_OFFLINE'] = '1'  # the committed outputs are the offline sample's: no download,
    os.environ['FWDBWD_CACHE'] = tempfile.mkdtemp(prefix='fresh_cache_')  # and no cached full MNIST
    os.environ['MPLBACKEND'] = 'module://matplotlib_inline.backend_inline'  # plots inline, as committed (CI sets Agg)
    NotebookClient(fresh, timeout=900, kernel_name='python3', allow_errors=True,
                   resources={'metadata': {'path': str(Path(path).parent)}}).execute()
    after = [summary(c) for c in fresh.cells if c.cell_type == 'code']
    import shutil; shutil.rmtree(os.environ['FWDBWD_CACHE'], ignore_errors=True)
    diffs = []
    for i, (c, b, a) in enumerate(zip(committed, before, after)):
        if SKIP in c.source or b == a: continue
        first = c.source.strip().splitlines()[0][:70] if c.source.strip() else ''
        msg = [f'code cell {i + 1} ({first!r}):']
        if b[1] != a[1]: msg.append(f'  images: committed {b[1]}, fresh run {a[1]}')
        if b[0] != a[0]:
            bl = '\n'.join(f'[{k}] {t}' for k, t in b[0]).splitlines()
            al = '\n'.join(f'[{k}] {t}' for k, t in a[0]).splitlines()
            import difflib
            d = list(difflib.unified_diff(bl, al, 'committed', 'fresh run', lineterm='', n=1))
            msg += ['  ' + l for l in d[:16]] + (['  ...'] if len(d) > 16 else [])
        diffs.append('\n'.join(msg))
    return str(path), diffs, time.perf_counter() - t0


def main(argv):
    nbs = [Path(a) for a in argv] or sorted(p for p in (root/'nbs').glob('*.ipynb') if not p.name.startswith('_'))
    t0, bad = time.perf_counter(), 0
    with ProcessPoolExecutor(max_workers=2) as ex:
        for path, diffs, secs in ex.map(execute, nbs):
            bad += bool(diffs)
            print(f"{'FAIL' if diffs else 'ok  '} {Path(path).name}: "
                  f"{'outputs reproduced' if not diffs else f'{len(diffs)} cell(s) differ'} ({secs:.0f} s)")
            for d in diffs: print('     ' + d.replace('\n', '\n     '))
    print(f'outputs_fresh: {len(nbs) - bad} notebooks reproduced, {bad} differ ({time.perf_counter() - t0:.0f} s)')
    return 1 if bad else 0


if __name__ == '__main__': sys.exit(main(sys.argv[1:]))
