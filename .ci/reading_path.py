"""What a learner reads, and in which order: code lines per notebook, and any use of a later notebook's exports.

Usage: python .ci/reading_path.py [--quiet]

For each notebook in nbs/: the code lines a reader sees (non-blank lines of code cells that are not `#| hide` or
`#| exporti`, `#|` directives left out) and the hidden ones. Then the course order, from the notebooks' own cells:
every name a notebook imports from `fwdbwd` (and every `fwdbwd.<module>.<name>` it uses) must be defined by the
same or an earlier notebook; the exports of the data appendix (the loader every notebook calls with one line) are
the one exception. No module may import another's private (`_`-prefixed) names. Exit status 1 when notebooks
01–07 show more than 900 lines (01 more than 120), hold more than 1,100 with their hidden cells, or when a
notebook uses a later one's export or a private name of another module."""
import ast, json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nbs, lib = root/'nbs', 'fwdbwd'
LIMITS = dict(shown_01_07=900, shown_01=120, all_01_07=1100)
APPENDIX_LOADER = 'data'  # the module every notebook may load from, whatever its number (issue: "the appendix's loader")
HIDDEN = re.compile(r'^#\|\s*(hide|exporti)\b', re.M)


def cells(path):
    return [''.join(c['source']) for c in json.loads(path.read_text(encoding='utf-8'))['cells'] if c['cell_type'] == 'code']


def code(src):
    "The source without `#|` directives and shell/magic lines, for the parser."
    return '\n'.join('' if l.lstrip().startswith(('#|', '%', '!')) else l for l in src.splitlines())


def counts(srcs):
    shown = hidden = 0
    for s in srcs:
        n = sum(1 for l in s.splitlines() if l.strip() and not l.strip().startswith('#|'))
        if HIDDEN.search(s): hidden += n
        else: shown += n
    return shown, hidden


def exports(path, srcs):
    "{(module, name)} defined at the top level of the notebook's exported cells."
    default = next((m.group(1) for s in srcs if (m := re.search(r'^#\|\s*default_exp\s+(\S+)', s, re.M))), None)
    out = set()
    for s in srcs:
        m = re.search(r'^#\|\s*exporti?(?:\s+(\S+))?\s*$', s, re.M)
        if not m: continue
        mod = m.group(1) or default
        try: tree = ast.parse(code(s))
        except SyntaxError: continue
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)): out.add((mod, node.name))
            elif isinstance(node, ast.Assign):
                out |= {(mod, t.id) for t in node.targets if isinstance(t, ast.Name)}
    return out


def uses(srcs, own):
    "[(module, name, private?)] that the notebook's cells take from fwdbwd; `own`: the modules it exports to."
    found = []
    for s in srcs:
        try: tree = ast.parse(code(s))
        except SyntaxError: continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(lib + '.'):
                mod = node.module.split('.', 1)[1]
                found += [(mod, a.name, a.name.startswith('_') and mod not in own) for a in node.names if a.name != '*']
            elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
                  and isinstance(node.value.value, ast.Name) and node.value.value.id == lib):
                found.append((node.value.attr, node.attr, node.attr.startswith('_') and node.value.attr not in own))
    return found


def module_private_imports():
    "Private names that a module of the package imports from another module."
    bad = []
    for py in sorted((root/lib).glob('*.py')):
        for node in ast.walk(ast.parse(py.read_text(encoding='utf-8'))):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                bad += [f"{lib}/{py.name} imports {node.module}.{a.name}" for a in node.names if a.name.startswith('_')]
    return bad


def main(quiet=False):
    books = sorted(p for p in nbs.glob('[0-9][0-9]_*.ipynb'))
    srcs = {p: cells(p) for p in books}
    defined = {}  # (module, name) -> the number of the notebook that defines it
    for p in books:
        for key in exports(p, srcs[p]): defined.setdefault(key, int(p.name[:2]))
    problems, rows, total_shown, total_all = [], [], 0, 0
    for p in books:
        num, own = int(p.name[:2]), {m for m, _ in exports(p, srcs[p])}
        shown, hidden = counts(srcs[p])
        later = []
        for mod, name, private in uses(srcs[p], own):
            where = defined.get((mod, name))
            if private: problems.append(f"{p.name} uses the private name {lib}.{mod}.{name}")
            if where is not None and where > num:
                if mod == APPENDIX_LOADER: continue  # the appendix's loader: allowed everywhere
                later.append(f"{mod}.{name} ({where:02})")
        if later: problems.append(f"{p.name} uses later notebooks' exports: {', '.join(sorted(set(later)))}")
        if 1 <= num <= 7: total_shown += shown; total_all += shown + hidden
        if num == 1 and shown > LIMITS['shown_01']: problems.append(f"{p.name} shows {shown} code lines, more than {LIMITS['shown_01']}")
        rows.append(f"{p.name:28} {shown:5} {hidden:7}" + (f"   later: {', '.join(sorted(set(later)))}" if later else ''))
    if total_shown > LIMITS['shown_01_07']: problems.append(f"notebooks 01-07 show {total_shown} code lines, more than {LIMITS['shown_01_07']}")
    if total_all > LIMITS['all_01_07']: problems.append(f"notebooks 01-07 hold {total_all} code lines with hidden cells, more than {LIMITS['all_01_07']}")
    problems += module_private_imports()
    if not quiet:
        print(f"{'notebook':28} {'shown':>5} {'hidden':>7}   (code lines)")
        print('\n'.join(rows))
    print(f"reading path: notebooks 01-07 show {total_shown} code lines (limit {LIMITS['shown_01_07']}), "
          f"{total_all} with hidden cells (limit {LIMITS['all_01_07']}); "
          + ('no notebook uses a later one\'s exports or another module\'s private names' if not problems else
             f"{len(problems)} problem(s):\n  " + '\n  '.join(problems)))
    return 1 if problems else 0


if __name__ == '__main__': sys.exit(main('--quiet' in sys.argv[1:]))
