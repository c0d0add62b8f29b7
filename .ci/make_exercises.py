#!/usr/bin/env python
"""The learner's exercise notebooks, `exercises/NN_name.ipynb`, generated from the course's chapters (00–07, 19 on).

Each region between `### BEGIN SOLUTION` and `### END SOLUTION` becomes, by nbgrader's `ClearSolutions` (on its own),
a TO DO line with the shapes and `raise NotImplementedError`; a `check_exercise` cell follows, "predict first" questions
precede the cells that print their answers; nbdev directives, outputs, appendices and the grader's catalogue go.

    python .ci/make_exercises.py               write exercises/ (committed: never edit them by hand)
    python .ci/make_exercises.py --check       fail when exercises/ is not what the course notebooks generate
    python .ci/make_exercises.py --run         grade exercises/ (every exercise must be "not done") and the same
                                               notebooks with the solutions in place (every exercise must pass)
"""
import argparse, copy, re, sys, tempfile
from pathlib import Path

import nbformat
from nbgrader.preprocessors import ClearSolutions
from fwdbwd.grader import exercises

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT/'exercises'
COURSE = sorted(p.name for p in (ROOT/'nbs').glob('[0-9][0-9]_*.ipynb')  # the chapters, 00-07 and 19 on (08-18 are
                if not 8 <= int(p.name[:2]) <= 18)                           # appendices): those with solution markers

# the exercise a solution region belongs to, from the function (and class) around it, where the names differ
EXERCISE_OF = {'_kaiming_std': 'kaiming_normal', 'Lin.bwd': 'Lin.bwd', 'Relu.bwd': 'Relu.bwd', 'fit': 'train_epoch'}
CHECK = {  # how the check cell calls check_exercise(); by default check_exercise('name', name)
    'Lin.bwd': "check_exercise('Lin.bwd', Lin)",
    'Relu.bwd': "check_exercise('Relu.bwd', Relu)",
    'train_epoch': "check_exercise('train_epoch', lambda model, x, y, lr, bs, generator:  # one epoch of your fit's loop\n"
                   "      fit(model, x, y, x, y, epochs=1, lr=lr, bs=bs, generator=generator, log=None))",
}
TODO = {  # the TO DO line of each stub: what to compute, with the shapes (the formulas are in the text above it)
    'normalize': "x (..., m) with the training mean and std (numbers, or (m,) each) applied; the result has x's shape",
    'kaiming_normal': "return the std, gain / sqrt(fan): the gain of calculate_gain(nonlinearity, a); the fan n_in, or n_out "
                      "when mode == 'fan_out'",
    'lin': "the layer's output for x (n, n_in), w (n_in, n_out), b (n_out,): (n, n_out)",
    'relu': "max(x, 0) elementwise, x's shape",
    'mse': "the mean over the batch of the squared error: output (n, 1) or (n,), targ (n,); a 0-d tensor",
    'mse_grad': "acc_grad(inp, d mse / d inp), in inp's shape, (n, 1) or (n,)",
    'relu_grad': "acc_grad(inp, d loss / d inp) from out.g through the ReLU's slope; inp's shape",
    'lin_grad': "with acc_grad, from out.g (n, n_out): inp.g (n, n_in; only if input_grad), w.g (n_in, n_out), "
                "b.g (n_out,)",
    'Lin.bwd': "call lin_grad(inp, out, ...) with this layer's w, b and input_grad",
    'Relu.bwd': "call relu_grad(inp, out)",
    'forward_and_backward': "zero_grad(w1, b1, w2, b2); the forward pass lin, relu, lin, mse (keep each output); then "
                            "the backward pass in reverse, one *_grad call per step (the first layer: input_grad=False)",
    'log_softmax': "log softmax over the last axis, (..., c), that does not overflow at logits of 1000 (see the trick above)",
    'nll': "-mean_i log_probs[i, targ[i]]: log_probs (n, c), targ (n,); a 0-d tensor",
    'cross_entropy_grad': "the gradient derived above, (n, c); one_hot(targ) is rows targ of torch.eye(c, dtype=...)",
    'sgd_step': "move each p in params against its gradient p.g, by lr, in place",
    'train_epoch': "the minibatch is rows perm[i:i + bs]: the forward pass with its loss, the backward pass, one SGD step",
}
PREDICT = {  # notebook -> [(a line of the cell that prints the answer, the question asked before it)]
    '01_normalization': [
        ('blank paper (0) becomes', "the training pixels' mean is about 0.13 and their std about 0.31 (printed above). "
                                    "What do blank paper (pixel 0) and full ink (pixel 1) become once normalized?"),
        ('with the train statistics: mean', "normalized with the *training* statistics, will the validation pixels "
                                            "have mean exactly 0 and std exactly 1?")],
    '02_init': [
        ('lab = {(name, act): run_stack(f, act)', "50 layers of 100 units with plain `randn` weights (std 1) and no "
                                                  "non-linearity: after 50 layers, is the activations' std near 1, near 0, "
                                                  "or beyond float32's largest number? And with `randn * 0.01`?"),
        ('print(f"Var(w) = 2/fan_in = {var}', "with the slip, std 2/fan_in = 0.02 where sqrt(2/fan_in) is about 0.14: what "
                                             "happens to the ReLU stack's std over 50 layers?")],
    '03_forward': [
        ('hidden units active', "with Kaiming's init and normalized digits, about what share of the 50 hidden units "
                                "is active (above 0) for a digit?"),
        ('print(relu(e).tolist())', "what does `relu` give for -inf, -0.0, inf and nan?")],
    '04_mse': [
        ('(preds - y_valid)', "how far is that (n, n) 'loss' from the real MSE: far enough that you would notice the bug?"),
        ("for args in ((preds, y_valid[:, None])", "`mse` refuses a target of shape (1000, 1). What will its message "
                                                   "say it expected, and which argument will it name?")],
    '05_backward': [
        ('print(f"Model: loss', "will `Model`, built from the same weights, give exactly the loss of the same layers "
                                "computed by hand above, or one that differs by rounding?"),
        ('for act in (Relu, LeakyRelu, WrongLeakyRelu):', "`WrongLeakyRelu` forgets the slope 0.1 below 0. For which of "
                                                          "w1, b1, w2, b2, w3, b3 will `grad_diff` show a difference?")],
    '06_cross_entropy': [
        ('print(f"on logits {(-big).tolist()}', "what does the naive `x - log Σ exp(x)` give for the logits "
                                                "[1000, 1000, 999]? And for [-1000, -1000, -999]?"),
        ('cross_entropy {loss:.4f}, F.cross_entropy', "an untrained network that gives each of the 10 digits "
                                                      "probability 1/10: what is its cross entropy?")],
    '07_training': [
        ('loss {loss:.4f} (F.cross_entropy', "for six rows of random logits (standard normal), is the cross entropy "
                                             "below, near or above ln 10 = 2.30, the loss of guessing 1/10?"),
        ('hist = fit(model, x_train, y_train, x_valid, y_valid, epochs=epochs', "after 5 epochs, is the training loss "
         "above or below the validation loss? And the validation accuracy: nearer 80%, 90% or 99%?")],
}
BEGIN, END = '### BEGIN SOLUTION', '### END SOLUTION'

def regions(src):
    "The exercise of each solution region of a cell's source, in order: from the def (and class) around it."
    lines, names = src.split('\n'), []
    for i, line in enumerate(lines):
        if BEGIN not in line: continue
        indent, name, cls = len(line) - len(line.lstrip()), None, None
        for up in reversed(lines[:i]):
            m = re.match(r'(\s*)(def|class) (\w+)', up)
            if not m or len(m[1]) >= indent: continue
            if m[2] == 'def' and name is None: name, indent = m[3], len(m[1])
            elif m[2] == 'class': cls = m[3]; break
        key = f'{cls}.{name}' if cls and f'{cls}.{name}' in EXERCISE_OF else name
        names.append(EXERCISE_OF.get(key, key))
    return names

def stub(cell, name):
    "The cell with its first solution region replaced by `name`'s TO DO and NotImplementedError, by ClearSolutions."
    cs = ClearSolutions(enforce_metadata=False, begin_solution_delimeter=BEGIN, end_solution_delimeter=END)
    todo = TODO.get(name) or exercises()[name].call  # a later chapter's: how the grader calls it, with the shapes
    cs.code_stub = {'python': f"# TO DO: {todo}\nraise NotImplementedError('{name}: not done yet')"}
    src, rest = cell.source.split(END, 1)  # one region at a time: each gets its own TO DO
    part = nbformat.v4.new_code_cell(src + END)
    cs.preprocess_cell(part, {'language': 'python'}, 0)
    cell.source = part.source + ('\n' + rest.split('\n', 1)[1] if '\n' in rest else '')
    return cell

def exercise_nb(name, solutions=False):
    "The exercise notebook of course notebook `name` (stubs; with `solutions`, the solutions kept), and its exercises."
    nb = nbformat.read(ROOT/'nbs'/name, as_version=4)
    stem, cells, found = name[:-len('.ipynb')], [], []
    questions = list(PREDICT.get(stem, []))
    appendix = False
    for cell in nb.cells:
        if cell.cell_type == 'markdown' and cell.source.startswith('## '): appendix = cell.source.startswith('## Appendix')
        if appendix or cell.cell_type == 'code' and re.search(r'Mistake\(|exercises\(\)\[|EXERCISES\[', cell.source):
            continue  # the tests, and the grader's catalogue: its references and mistakes would give the answers away
        cell = copy.deepcopy(cell)
        if cell.cell_type == 'code':
            cell.outputs, cell.execution_count = [], None
            cell.source = '\n'.join(l for l in cell.source.split('\n') if not re.match(r'#\|\s*(export|exporti|default_exp)\b', l))
            if not cell.source.strip() or re.match(r'#\|\s*slow\b', cell.source): continue  # a slow cell: the course's own run
            for anchor, q in list(questions):
                if anchor in cell.source:
                    cells.append(nbformat.v4.new_markdown_cell(f"**Predict first:** {q} Write your answer down, then run the next cell."))
                    questions.remove((anchor, q))
        else:
            cell.source = cell.source.replace('blob/main/nbs/', 'blob/main/exercises/')
        names = regions(cell.source) if cell.cell_type == 'code' else []
        if not solutions:
            for ex in names: cell = stub(cell, ex)
        else:
            cell.source = '\n'.join(l for l in cell.source.split('\n') if l.strip() not in (BEGIN, END))
        cells.append(cell)
        if cell.cell_type == 'markdown' and cell.source.startswith('# ') and not cells[:-1]:  # the title
            title, _, rest = cell.source.partition('\n')
            cell.source = f"# Exercises: {title[2:]}\n{rest}"
        if not found and cell.cell_type == 'code' and "find_spec('fwdbwd')" in cell.source:  # after the install cell
            cells.append(nbformat.v4.new_markdown_cell(
                f"The exercise version of [{stem}](../nbs/{name}). Each `raise NotImplementedError` below is yours to "
                "replace, following its TO DO line; the cell after it checks your code, and its message names the "
                "mistake when there is one. `fwdbwd-exercises grade exercises` shows your progress in every notebook."))
            cells.append(nbformat.v4.new_code_cell("from fwdbwd.grader import check_exercise"))
            found.append(None)
        for ex in names:
            cells.append(nbformat.v4.new_code_cell(CHECK.get(ex, f"check_exercise('{ex}', {ex})")))
            found.append(ex)
    if any(found) and None not in found: sys.exit(f"{name}: no install cell to put the exercise cells after")
    if questions: sys.exit(f"{name}: no cell holds {[a for a, _ in questions]} for a 'predict first' question")
    for i, c in enumerate(cells): c['id'] = f'{i:04d}'  # stable ids: a regenerated notebook is byte-identical
    out = nbformat.v4.new_notebook(cells=cells, metadata=nb.metadata)
    return out, [f for f in found if f]

def write_all(folder, solutions=False):
    "Write the exercise notebook of each course notebook that has solution markers; {notebook: its exercises}."
    folder.mkdir(parents=True, exist_ok=True)
    made = {name: exercise_nb(name, solutions) for name in COURSE}
    for name, (nb, exs) in made.items():
        if exs: nbformat.write(nb, folder/name)
    return {name: exs for name, (nb, exs) in made.items() if exs}

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    g = p.add_mutually_exclusive_group()
    g.add_argument('--check', action='store_true'); g.add_argument('--run', action='store_true')
    a = p.parse_args()
    if a.check:
        with tempfile.TemporaryDirectory() as d:
            write_all(Path(d))
            new = {f.name: f.read_text() for f in Path(d).glob('*.ipynb')}
            old = {f.name: f.read_text() for f in OUT.glob('*.ipynb')}
            if new != old:
                bad = sorted(n for n in set(new) | set(old) if new.get(n) != old.get(n))
                sys.exit(f"exercises/ is not what the course notebooks generate ({', '.join(bad)}): "
                         "run python .ci/make_exercises.py and commit")
        print(f"exercises: {len(old)} notebooks, as the course notebooks generate them")
    elif a.run:
        from fwdbwd.grader import grade
        rows = grade(OUT, log=print)
        left = [r for r in rows if r[2] != 'not done']
        if left: sys.exit(f"exercises/: {len(left)} exercises not reported 'not done': {left}")
        with tempfile.TemporaryDirectory() as d:
            write_all(Path(d), solutions=True)
            rows2 = grade(Path(d), log=print)
        bad = [r for r in rows2 if r[2] != 'passed']
        if bad or len(rows2) != len(rows): sys.exit(f"solutions: {len(bad)} exercises did not pass: {bad}")
        print(f"exercises: {len(rows)} stubs not done, and with the solutions all {len(rows2)} passed")
    else:
        written = write_all(OUT)
        for name, exs in written.items(): print(f"exercises/{name}: {', '.join(exs)}")

if __name__ == '__main__': main()
