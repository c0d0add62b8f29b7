"""Write nbs/sidebar.yml for the docs site: the front page, the course notebooks in order, and an API section with
one entry per exported module, linked to the notebook that defines it. nbdev_docs keeps this file with
`custom_sidebar = True` in settings.ini (otherwise it writes its own: the notebooks alone).
    python .ci/sidebar.py [--check]   (--check: fail if nbs/sidebar.yml is not what it would write)"""
import json, re, sys
from pathlib import Path

nbs = Path(__file__).resolve().parent.parent/'nbs'
course = sorted(p for p in nbs.glob('*.ipynb') if p.name != 'index.ipynb' and not p.name.startswith(('_', '.')))
api = [(m.group(1), p.name) for p in course for c in json.loads(p.read_text(encoding='utf-8'))['cells']
       if c['cell_type'] == 'code' and (m := re.search(r'^#\|\s*default_exp\s+(\S+)', ''.join(c['source']), re.M))]
want = '\n'.join(['website:', '  sidebar:', '    contents:', '      - index.ipynb', '      - section: Course',
                  '        contents:', *[f'          - {p.name}' for p in course],
                  *(['      - section: API', '        contents:'] if api else []),
                  *[l for m, name in api for l in (f'          - text: "fwdbwd.{m}"', f'            href: {name}')]]) + '\n'
if '--check' not in sys.argv[1:]: (nbs/'sidebar.yml').write_text(want, encoding='utf-8'); print('wrote nbs/sidebar.yml')
elif not (nbs/'sidebar.yml').exists() or (nbs/'sidebar.yml').read_text(encoding='utf-8') != want:
    sys.exit('nbs/sidebar.yml does not list the notebooks in nbs/: run python .ci/sidebar.py and commit it')
else: print('nbs/sidebar.yml lists every notebook')
