"""Fail when a committed notebook has an error output, was committed without its outputs, or lacks the
nbdev page header (an H1 title and a `>` one-line summary in its first cell).

nbdev_clean strips execution counts, so the order of execution cannot be read from the file: cells run
out of order show up as outputs that a fresh top-to-bottom run does not reproduce, which
.ci/check_outputs_fresh.py checks (and nbdev_test runs every notebook top to bottom)."""
import json, re, sys
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
    first = ''.join(nb['cells'][0]['source']) if nb['cells'] and nb['cells'][0]['cell_type'] == 'markdown' else ''
    if not re.match(r'#\s+\S', first) or not re.search(r'^>\s*\S', first, re.M):
        bad.append(f'{p}: the first cell should be markdown with an H1 title (`# Title`) and a `> summary` line')
print('\n'.join(bad) or 'notebooks: outputs committed, no error outputs, each with a title and a summary')
sys.exit(1 if bad else 0)
