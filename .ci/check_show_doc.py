"""List the exported names that the docs site would not document.

Usage: python .ci/check_show_doc.py [--strict]   (--strict: exit 1 when a function or class would go undocumented)

nbdev's docs build (its `add_show_docs` processor) adds a `show_doc` cell after every exported cell that is not
hidden, for each public function and class it defines, unless the notebook already calls `show_doc` on it. So the
notebooks need no `show_doc` cells of their own — which keeps nbdev's raw Quarto markup out of the outputs that
learners read on GitHub and in Jupyter. What can go wrong: an exported definition in a `#| hide` cell (nbdev drops
it from the site), or an explicit `show_doc` only in a hidden cell (which stops nbdev from adding its own). This
check finds, for each name in `__all__` of fwdbwd/*.py, the notebook cell that defines it (from nbdev's
`# %% ../nbs/NB.ipynb` markers) and reports those cases, and also (never fatal) exported functions and classes
without a docstring. Constants (data, not functions or classes) are documented in prose."""
import ast, importlib, inspect, json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
lib = root/'fwdbwd'
HIDDEN = re.compile(r'^#\|\s*(hide\s*$|include:\s*false)', re.M)
EXPORT = re.compile(r'^#\|\s*exports?(\s|$)', re.M)


def definitions(py):
    "{name: (notebook, kind)} for the top-level definitions of a generated module."
    src, out = py.read_text(encoding='utf-8'), {}
    parts = re.split(r'^# %% (\S+\.ipynb)', src, flags=re.M)
    for nb_rel, code in zip(parts[1::2], parts[2::2]):
        nb = (py.parent/nb_rel).resolve()
        for node in ast.parse(code).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                out[node.name] = (nb, 'class' if isinstance(node, ast.ClassDef) else 'function')
            elif isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Name): out.setdefault(t.id, (nb, 'constant'))
    return out


def exported(py):
    for node in ast.parse(py.read_text(encoding='utf-8')).body:
        if isinstance(node, ast.Assign) and any(getattr(t, 'id', None) == '__all__' for t in node.targets):
            return list(ast.literal_eval(node.value))
    return []


def cells_of(nb):
    "[(source, hidden?)] of the notebook's code cells."
    return [(''.join(c['source']), bool(HIDDEN.search(''.join(c['source']))))
            for c in json.loads(nb.read_text(encoding='utf-8'))['cells'] if c['cell_type'] == 'code']


def defined_in(cells, name):
    "(is `name` defined at the top level of an exported cell, is that cell hidden) — or None."
    for src, hidden in cells:
        if not EXPORT.search(src): continue
        try: tree = ast.parse('\n'.join('' if l.lstrip().startswith(('#|', '%', '!')) else l for l in src.splitlines()))
        except SyntaxError: continue
        if any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.name == name for n in tree.body):
            return hidden
    return None


def show_doc_calls(cells, name):
    "[hidden?] for each top-level `show_doc(name)` call in the notebook."
    return [hidden for src, hidden in cells for l in src.splitlines() if re.match(rf'show_doc\(\s*{re.escape(name)}\s*[,)]', l)]


def main(strict=False):
    bad, undocumented, n = [], [], 0
    for py in sorted(lib.glob('*.py')):
        if py.name.startswith('_'): continue
        defs, cache = definitions(py), {}
        for name in exported(py):
            if name not in defs or defs[name][1] == 'constant': continue  # re-exports and constants
            n += 1
            nb, kind = defs[name]
            cells = cache.setdefault(nb, cells_of(nb))
            hidden, calls = defined_in(cells, name), show_doc_calls(cells, name)
            if calls and all(calls): bad.append(f"{py.stem}.{name}: show_doc only in hidden cells of {nb.name} (nbdev then adds none)")
            elif not calls and hidden: bad.append(f"{py.stem}.{name}: defined in a hidden exported cell of {nb.name} (not on the site)")
            elif not calls and hidden is None: bad.append(f"{py.stem}.{name}: no exported cell of {nb.name} defines it")
            obj = getattr(importlib.import_module(f'{lib.name}.{py.stem}'), name)
            if not inspect.getdoc(obj): undocumented.append(f"{py.stem}.{name} ({kind})")
    if bad: print('not documented on the site:\n  ' + '\n  '.join(bad))
    if undocumented: print('without a docstring (not fatal):\n  ' + '\n  '.join(undocumented))
    print(f"show_doc: {n - len(bad)} of {n} exported functions and classes get a page entry (nbdev adds show_doc for exported cells)")
    return 1 if strict and bad else 0


if __name__ == '__main__': sys.exit(main('--strict' in sys.argv[1:]))
