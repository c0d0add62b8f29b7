"""Fail when a committed notebook has an error output or was committed without its outputs.

nbdev_clean strips execution counts, so the order of execution is checked by running the notebooks
top to bottom (nbdev_test), not from the counts."""
import json, sys
from pathlib import Path

bad = []
for p in sorted(Path(sys.argv[1] if len(sys.argv) > 1 else 'nbs').glob('*.ipynb')):
    if p.name.startswith('_'): continue
    nb = json.loads(p.read_text(encoding='utf-8'))
    code = [c for c in nb['cells'] if c['cell_type'] == 'code' and ''.join(c['source']).strip()]
    for i, c in enumerate(nb['cells']):
        for o in c.get('outputs', []):
            if o.get('output_type') == 'error': bad.append(f"{p}: cell {i} has an error output ({o.get('ename')})")
    if code and not any(c.get('outputs') for c in code): bad.append(f'{p}: committed without outputs (execute it, then nbdev_clean)')
print('\n'.join(bad) or 'notebooks: outputs committed, no error outputs')
sys.exit(1 if bad else 0)
