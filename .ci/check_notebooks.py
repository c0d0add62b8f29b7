"""Fail when a notebook (nbs/, exercises/) lacks the page header (an H1 title and a `>` summary in its first cell) or
the Python kernelspec (else JupyterLab asks "Select Kernel"). Error outputs, or none committed: `make outputs` (nbval).
    python .ci/check_notebooks.py [--set-kernelspec]   (`make kernelspec`)"""
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
    first = ''.join(nb['cells'][0]['source']) if nb['cells'] and nb['cells'][0]['cell_type'] == 'markdown' else ''
    if not re.match(r'#\s+\S', first) or not re.search(r'^>\s*\S', first, re.M):
        bad.append(f'{rel}: the first cell should be markdown with an H1 title (`# Title`) and a `> summary` line')
print('\n'.join(bad) or 'notebooks: each with a title, a summary and the Python kernelspec')
sys.exit(1 if bad else 0)
