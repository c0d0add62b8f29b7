"""What a learner reads, and in which order (exit status 1 on any problem). Usage: python .ci/reading_path.py [--quiet]

The code lines a reader sees per notebook (non-blank, `#|` lines out, cells not `#| hide`/`#| exporti`) against
LIMITS; exported functions and methods of 03-07 whose body calls the checker `expect(` (declare it: `@expects`); and
what import-linter cannot see: a notebook using a name a later notebook exports (machinery rooms excepted, as in
pyproject.toml's contract), a notebook or module importing another module's private names."""
import ast, json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
LIMITS = {'00': 120, '01': 60, '01-07': 700, '01-07 with hidden cells': 1100}
MACHINERY = {'data', 'door', 'bench', 'check', 'grader', 'mistakes', 'exercises'}  # importable from anywhere
HIDDEN, EXPORT = re.compile(r'^#\|\s*(hide|exporti)\b', re.M), re.compile(r'^#\|\s*exporti?(?:\s+(\S+))?\s*$', re.M)

def tree(src):  # the cell parsed, `#|` directives and shell/magic lines blanked; None when it does not parse
    try: return ast.parse('\n'.join('' if l.lstrip().startswith(('#|', '%', '!')) else l for l in src.splitlines()))
    except SyntaxError: return None

def main(quiet=False):
    books = {p.name[:2]: p for p in sorted((root/'nbs').glob('[0-9][0-9]_*.ipynb'))}
    srcs = {n: [''.join(c['source']) for c in json.loads(p.read_text(encoding='utf-8'))['cells'] if c['cell_type'] == 'code']
            for n, p in books.items()}
    defined, own, shown, hidden, problems = {}, {}, {}, {}, []
    for n, cells in srcs.items():  # what each notebook exports, and into which module
        default = next((m.group(1) for s in cells if (m := re.search(r'^#\|\s*default_exp\s+(\S+)', s, re.M))), None)
        own[n] = set()
        for s in cells:
            lines = sum(1 for l in s.splitlines() if l.strip() and not l.strip().startswith('#|'))
            count = hidden if HIDDEN.search(s) else shown; count[n] = count.get(n, 0) + lines
            if not (m := EXPORT.search(s)) or not (t := tree(s)): continue
            mod = m.group(1) or default; own[n].add(mod)
            for node in t.body:  # functions, classes, constants
                for name in [node.name] if isinstance(node, (ast.FunctionDef, ast.ClassDef)) else \
                        [x.id for x in getattr(node, 'targets', []) if isinstance(x, ast.Name)]: defined.setdefault((mod, name), n)
            if '03' <= n <= '07':  # functions and methods
                for f, name in [(f, f.name) for f in t.body if isinstance(f, ast.FunctionDef)] + [
                        (f, f'{c.name}.{f.name}') for c in t.body if isinstance(c, ast.ClassDef) for f in c.body
                        if isinstance(f, ast.FunctionDef)]:
                    if any(isinstance(c, ast.Call) and getattr(c.func, 'id', getattr(c.func, 'attr', None)) == 'expect'
                           for b in f.body for c in ast.walk(b)):
                        problems.append(f'{books[n].name}: {name} calls expect( in its body (declare it: @expects(...))')
    for n, cells in srcs.items():  # what each notebook takes from fwdbwd
        for t in filter(None, map(tree, cells)):
            for node in ast.walk(t):
                if isinstance(node, ast.ImportFrom) and (node.module or '').startswith('fwdbwd.'):
                    used = [(node.module.split('.', 1)[1], a.name) for a in node.names if a.name != '*']
                elif isinstance(node, ast.Attribute) and getattr(getattr(node.value, 'value', None), 'id', None) == 'fwdbwd':
                    used = [(node.value.attr, node.attr)]
                else: continue
                for mod, name in used:
                    if name.startswith('_') and mod not in own[n]: problems.append(f'{books[n].name} uses the private name fwdbwd.{mod}.{name}')
                    if defined.get((mod, name), n) > n and mod not in MACHINERY:
                        problems.append(f'{books[n].name} uses fwdbwd.{mod}.{name}, which a later notebook ({defined[(mod, name)]}) exports')
    for py in sorted((root/'fwdbwd').glob('*.py')):  # import-linter sees modules, not names
        for node in ast.walk(ast.parse(py.read_text(encoding='utf-8'))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                problems += [f'fwdbwd/{py.name} imports the private name {node.module}.{a.name}' for a in node.names if a.name.startswith('_')]
    course = [n for n in books if '01' <= n <= '07']
    got = {'00': shown.get('00', 0), '01': shown.get('01', 0), '01-07': sum(shown.get(n, 0) for n in course),
           '01-07 with hidden cells': sum(shown.get(n, 0) + hidden.get(n, 0) for n in course)}
    problems += [f'{k} shows {got[k]} code lines, more than {v}' for k, v in LIMITS.items() if got[k] > v]
    if not quiet: print(f"{'notebook':28} {'shown':>5} {'hidden':>7}   (code lines)\n" + '\n'.join(
        f'{p.name:28} {shown.get(n, 0):5} {hidden.get(n, 0):7}' for n, p in books.items()))
    print('reading path: ' + ', '.join(f'{k} {got[k]} code lines (limit {v})' for k, v in LIMITS.items()) + '; '
          + (f"{len(problems)} problem(s):\n  " + '\n  '.join(problems) if problems else 'no problem'))
    return 1 if problems else 0

if __name__ == '__main__': sys.exit(main('--quiet' in sys.argv[1:]))
