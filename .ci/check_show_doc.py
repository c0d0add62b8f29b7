"""List the exported names that the docs site would not document with an explicit `show_doc`.

Usage: python .ci/check_show_doc.py [--strict]   (--strict: exit 1 when any function or class is listed)

For each name in `__all__` of fwdbwd/*.py, the notebook that defines it is read from nbdev's
`# %% ../nbs/NB.ipynb` cell markers in the generated module. That notebook needs a code cell with a
top-level `show_doc(name)` that is not hidden: nbdev drops a `#| hide` (or `#| include: false`) cell from
the site *with its output*, and since an explicit call (even a hidden one) stops nbdev from adding its
own, a name whose only show_doc is hidden gets no documentation at all. Constants (data, not functions or
classes) are listed apart: show_doc has little to say about them, so prose documents them.
Also listed (never fatal): exported functions and classes without a docstring, and parameters without
a docments comment (`param: type = default, # what it is`), which show_doc renders as the parameter table."""
import ast, json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
lib = root/'fwdbwd'
_marker = re.compile(r'^# %% (\S+\.ipynb)', re.M)


def defining_notebooks(py):
    "{name: (notebook path, kind)} for the top-level definitions of a generated module."
    src = py.read_text(encoding='utf-8')
    out, parts = {}, _marker.split(src)
    for nb_rel, code in zip(parts[1::2], parts[2::2]):
        nb = (py.parent/nb_rel).resolve()
        for node in ast.parse(code).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)): out[node.name] = (nb, 'function')
            elif isinstance(node, ast.ClassDef): out[node.name] = (nb, 'class')
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                    if isinstance(t, ast.Name): out.setdefault(t.id, (nb, 'constant'))
    return out


def exported(py):
    for node in ast.parse(py.read_text(encoding='utf-8')).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == '__all__' for t in node.targets):
            return list(ast.literal_eval(node.value))
    return []


def show_docs(nb):
    "{name: hidden?} for each top-level `show_doc(name)` in the notebook (hidden only if every call is)."
    res = {}
    for c in json.loads(nb.read_text(encoding='utf-8'))['cells']:
        if c['cell_type'] != 'code': continue
        src = ''.join(c['source'])
        hidden = bool(re.search(r'^#\|\s*(hide\s*$|include:\s*false)', src, re.M))
        try: tree = ast.parse('\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('%', '!'))))
        except SyntaxError: continue
        for node in tree.body:
            if (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
                    and getattr(node.value.func, 'id', None) == 'show_doc' and node.value.args):
                a = node.value.args[0]
                name = a.id if isinstance(a, ast.Name) else ast.unparse(a)
                res[name] = res.get(name, True) and hidden
    return res


def docs_gaps(module, name):
    "What show_doc would leave blank for `module.name`: a missing docstring, parameters without a comment."
    import importlib, inspect
    from fastcore.docments import docments
    obj = getattr(importlib.import_module(f'{lib.name}.{module}'), name)
    gaps = [] if inspect.getdoc(obj) else ['no docstring']
    f = obj.__init__ if inspect.isclass(obj) else obj
    if inspect.isclass(obj) and f is object.__init__: return gaps
    try: d = docments(f)
    except Exception as e: return gaps + [f'docments failed: {e}']
    bare = [k for k, v in d.items() if v is None and k not in ('self', 'return', 'args', 'kwargs')]
    return gaps + ([f"parameters without a comment: {', '.join(bare)}"] if bare else [])


def main(strict=False):
    missing, hidden, constants, undocumented, n = [], [], [], [], 0
    for py in sorted(lib.glob('*.py')):
        if py.name.startswith('_'): continue
        defs, cache = defining_notebooks(py), {}
        for name in exported(py):
            n += 1
            if name not in defs: missing.append(f'{py.stem}.{name}: not defined at the top level of {py.name}'); continue
            nb, kind = defs[name]
            where = f'{py.stem}.{name} ({kind}, {nb.name})'
            if kind == 'constant': constants.append(where); continue
            gaps = docs_gaps(py.stem, name)
            if gaps: undocumented.append(f"{py.stem}.{name}: {'; '.join(gaps)}")
            shown = cache.setdefault(nb, show_docs(nb) if nb.exists() else {})
            if name not in shown: missing.append(f'{where}: no show_doc({name})')
            elif shown[name]: hidden.append(f'{where}: show_doc({name}) only in a hidden cell')
    for title, items in [('no explicit show_doc', missing), ('show_doc hidden, so not on the site', hidden),
                         ('constants, documented in prose (show_doc not required)', constants),
                         ('docstring or docments gaps (not fatal)', undocumented)]:
        if items: print(f'{title}:\n  ' + '\n  '.join(items))
    bad = len(missing) + len(hidden)
    print(f'show_doc: {n - bad - len(constants)} of {n - len(constants)} exported functions and classes '
          f'have a visible show_doc in the notebook that defines them')
    return 1 if strict and bad else 0


if __name__ == '__main__': sys.exit(main('--strict' in sys.argv[1:]))
