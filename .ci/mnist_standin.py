#!/usr/bin/env python
"""A full-size stand-in for the classic `mnist.pkl.gz`, to run the notebooks as a user who has all the digits.
The 10,000 real t10k digits (default ../shared/data/mnist-t10k, checked by `fwdbwd.data`) repeated to 60,000: train
50,000 / valid 10,000 / test t10k, float32 pixels in [0, 1]. Two ways, so that a test tuned to one data set fails:
  shift   each copy shifted by at most one pixel (down, right or both; the digits have a blank border), copies in order;
  ink     each copy's strokes thickened (pixels ** g, g from 0.5 to 0.8: another mean and scale) and shifted by one
          pixel the other ways, all 60,000 rows shuffled (seeded).
    python .ci/mnist_standin.py OUT.pkl.gz [shift|ink] [T10K_FOLDER]"""
import gzip, pickle, sys
from pathlib import Path
import numpy as np
from fwdbwd.data import load_idx_split

out, way = Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else 'shift'
src = Path(sys.argv[3] if len(sys.argv) > 3 else Path(__file__).resolve().parents[2]/'shared/data/mnist-t10k')
x, y = (t.numpy() for t in load_idx_split(src, 't10k')); x = x.reshape(10000, 28, 28)
if way == 'shift': shifts, gammas, order = [(0, 0), (0, 1), (0, -1), (1, 0), (-1, 0), (1, 1)], [1] * 6, np.arange(60000)
elif way == 'ink':
    shifts, gammas = [(0, 0), (-1, -1), (1, -1), (-1, 1), (0, 1), (1, 0)], [0.5, 0.6, 0.7, 0.8, 0.6, 0.5]
    order = np.random.default_rng(2026).permutation(60000)
else: sys.exit(f'mnist_standin: way {way!r}: expected shift or ink')
xs = np.concatenate([np.roll(x, s, axis=(1, 2)) ** g for s, g in zip(shifts, gammas)]).reshape(60000, 784)[order]
splits = ((xs[:50000], np.tile(y, 6)[order][:50000]), (xs[50000:], np.tile(y, 6)[order][50000:]), (x.reshape(10000, 784), y))
with gzip.open(out, 'wb', compresslevel=1) as f: pickle.dump(splits, f, protocol=4)
print(f"{out}: {way}, train 50,000 / valid 10,000 / test 10,000, pixel mean {xs.mean():.3f}, from {src}")
