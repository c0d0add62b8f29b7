"""Write nbs/sidebar.yml for the docs site: the front page, the course notebooks in order, and an API
section with one entry per exported module, linked to the notebook that defines it.

Usage: python .ci/sidebar.py [--check]   (--check: fail if nbs/sidebar.yml is not what it would write)
nbdev_docs keeps this file only with `custom_sidebar = True` in settings.ini; otherwise it writes its
own (the notebooks alone)."""
import json, re, sys
from configparser import ConfigParser
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nbs = root/'nbs'

def default_exp(nb_path):
    "The module named by the notebook's `#| default_exp` cell, or None."
    for c in json.loads(nb_path.read_text(encoding='utf-8'))['cells']:
        if c['cell_type'] != 'code': continue
        m = re.search(r'^#\|\s*default_exp\s+(\S+)', ''.join(c['source']), re.M)
        if m: return m.group(1)
    return None

def sidebar_yml(lib='fwdbwd'):
    course = sorted(p for p in nbs.glob('*.ipynb') if p.name != 'index.ipynb' and not p.name.startswith(('_', '.')))
    lines = ['website:', '  sidebar:', '    contents:', '      - index.ipynb',
             '      - section: Course', '        contents:']
    lines += [f'          - {p.name}' for p in course]
    api = [(m, p.name) for p in course if (m := default_exp(p))]
    if api:
        lines += ['      - section: API', '        contents:']
        for m, name in api: lines += [f'          - text: "{lib}.{m}"', f'            href: {name}']
    return '\n'.join(lines) + '\n'

if __name__ == '__main__':
    cfg = ConfigParser(delimiters=['=']); cfg.read(root/'settings.ini', encoding='utf-8')
    want, path = sidebar_yml(cfg['DEFAULT'].get('lib_name', 'fwdbwd')), nbs/'sidebar.yml'
    if cfg['DEFAULT'].get('custom_sidebar', 'False').strip().lower() not in ('true', '1', 'yes'):
        print('note: settings.ini has custom_sidebar = False, so nbdev_docs replaces nbs/sidebar.yml '
              'with its own (no API section)', file=sys.stderr)
    if '--check' in sys.argv[1:]:
        if not path.exists() or path.read_text(encoding='utf-8') != want:
            sys.exit('nbs/sidebar.yml does not list the notebooks in nbs/: run python .ci/sidebar.py and commit it')
        print('nbs/sidebar.yml lists every notebook')
    else:
        path.write_text(want, encoding='utf-8'); print(f'wrote {path.relative_to(root)}')
