"""Check settings.ini's runtime requirements against what the package imports.

Usage: python .ci/check_deps.py

- every third-party module that fwdbwd/*.py imports at module level is a runtime requirement;
- every runtime requirement is imported by the package (the notebooks' tools belong in `dev`);
- a module imported only inside `try: ... except ImportError` is optional, and must be in `dev`;
- every requirement has a lower bound, and the installed version meets it.
Run it in an environment where the project is installed (it maps modules to distributions)."""
import ast, re, sys
from configparser import ConfigParser
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

root = Path(__file__).resolve().parent.parent


def _catches_import_error(handler):
    names = [handler.type] if not isinstance(handler.type, ast.Tuple) else handler.type.elts
    return handler.type is None or any(getattr(n, 'id', None) in ('ImportError', 'ModuleNotFoundError', 'Exception')
                                       for n in names)


def imports(py):
    "(required, optional) top-level module names imported by `py`."
    tree, required, optional = ast.parse(py.read_text(encoding='utf-8')), set(), set()
    guarded = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(_catches_import_error(h) for h in node.handlers):
            for n in node.body:
                for m in ast.walk(n): guarded.add(id(m))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import): mods = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module: mods = [node.module]
        else: continue
        for m in mods: (optional if id(node) in guarded else required).add(m.split('.')[0])
    return required, optional


def main():
    cfg = ConfigParser(delimiters=['=']); cfg.read(root/'settings.ini', encoding='utf-8')
    d = cfg['DEFAULT']
    reqs = {Requirement(r).name.lower(): Requirement(r) for r in d.get('requirements', '').split()}
    dev = {Requirement(r).name.lower(): Requirement(r) for r in d.get('dev_requirements', '').split()}
    lib = d['lib_name']
    required, optional = set(), set()
    for py in sorted((root/d['lib_path']).glob('*.py')):
        r, o = imports(py); required |= r; optional |= o
    third = lambda mods: {m for m in mods if m not in sys.stdlib_module_names and m not in (lib, '__future__')}
    required, optional = third(required), third(optional) - third(required)
    dists = metadata.packages_distributions()
    def dist(mod):
        ds = dists.get(mod)
        if not ds: return None
        return ds[0].lower().replace('_', '-')
    bad = []
    imported = {}
    for m in sorted(required):
        dn = dist(m)
        if dn is None: bad.append(f'{lib} imports {m!r}, which is not installed'); continue
        imported[dn] = m
        if dn not in reqs: bad.append(f'{lib} imports {m!r} (distribution {dn}) but `requirements` lacks it')
    for dn in sorted(reqs):
        if dn not in imported: bad.append(f'`requirements` lists {dn}, which {lib} does not import at module level: move it to `dev_requirements`')
    for m in sorted(optional):
        dn = dist(m)
        if dn is not None and dn not in dev and dn not in reqs:
            bad.append(f'{lib} imports {m!r} when available (distribution {dn}): list it in `dev_requirements`')
    for kind, group in (('requirements', reqs), ('dev_requirements', dev)):
        for dn, r in group.items():
            if not any(s.operator in ('>=', '==', '~=') for s in r.specifier):
                bad.append(f'{kind}: {r} has no tested lower bound (>=)')
            try: v = metadata.version(r.name)
            except metadata.PackageNotFoundError: bad.append(f'{kind}: {r.name} is not installed'); continue
            if not r.specifier.contains(v, prereleases=True): bad.append(f'{kind}: installed {r.name} {v} does not meet {r}')
    print(f"{lib} imports (runtime): {', '.join(f'{m} ({dist(m)} {metadata.version(dist(m))})' for m in sorted(required) if dist(m))}")
    if optional: print(f"{lib} imports when available: {', '.join(sorted(optional))}")
    print('\n'.join(bad) or 'dependencies: requirements match the imports; every bound is met by the installed versions')
    return 1 if bad else 0


if __name__ == '__main__': sys.exit(main())
