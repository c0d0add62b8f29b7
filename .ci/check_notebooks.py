"""Fail when a committed notebook has an error output, was committed without its outputs, lacks the nbdev page
header (an H1 title and a `>` one-line summary in its first cell), or lacks the Python kernelspec (without one,
JupyterLab stops on "Select Kernel"). Out-of-order or stale outputs: `make outputs` (nbval).
    python .ci/check_notebooks.py [--set-kernelspec]   (nbs/*.ipynb and exercises/*.ipynb; `make kernelspec`)"""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
# display_name: nbdev_clean sets it to the name (nbdev 2.4's clean_nb); JupyterLab picks the kernel by its name
KERNELSPEC = {'name': 'python3', 'display_name': 'python3', 'language': 'python'}
bad = []
for p in sorted([*(root/'nbs').glob('*.ipynb'), *(root/'exercises').glob('*.ipynb')]):
    if p.name.startswith('_'): continue
    nb, rel = json.loads(p.read_text(encoding='utf-8')), p.relative_to(root)
    if '--set-kernelspec' in sys.argv[1:]:
        nb['metadata']['kernelspec'] = KERNELSPEC  # written as nbdev and nbformat write notebooks
        p.write_text(json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
    if nb['metadata'].get('kernelspec') != KERNELSPEC: bad.append(f'{rel}: no Python kernelspec (make kernelspec)')
    code = [c for c in nb['cells'] if c['cell_type'] == 'code' and ''.join(c['source']).strip()]
    bad += [f"{rel}: cell {i} has an error output ({o.get('ename')})" for i, c in enumerate(nb['cells'])
            for o in c.get('outputs', []) if o.get('output_type') == 'error']
    if code and rel.parts[0] == 'nbs' and not any(c.get('outputs') for c in code):  # exercises: stubs, no outputs
        bad.append(f'{rel}: committed without outputs (execute it, then nbdev_clean)')
    first = ''.join(nb['cells'][0]['source']) if nb['cells'] and nb['cells'][0]['cell_type'] == 'markdown' else ''
    if not re.match(r'#\s+\S', first) or not re.search(r'^>\s*\S', first, re.M):
        bad.append(f'{rel}: the first cell should be markdown with an H1 title (`# Title`) and a `> summary` line')
print('\n'.join(bad) or 'notebooks: outputs committed, no error outputs, each with a title, a summary and the Python kernelspec')
sys.exit(1 if bad else 0)
