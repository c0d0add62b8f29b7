#!/usr/bin/env python
"""Write a full-size stand-in for the classic `mnist.pkl.gz`, to run the notebooks as a user who has all the digits.

MNIST's training files cannot be downloaded on CI; its 10,000 real t10k digits (idx files in a folder, default
../shared/data/mnist-t10k) are repeated to 60,000, the size of the real training set: train 50,000 / valid 10,000,
as `get_mnist` splits the full data, and t10k as the test split. Each copy is shifted by at most one pixel (down, right or
both; MNIST's digits have a blank border) so that no two training rows are identical. Pixels are float32 in [0, 1], labels int64, as in the
classic file.
    python .ci/mnist_standin.py OUT.pkl.gz [T10K_FOLDER]"""
import gzip, pickle, sys
from pathlib import Path
import numpy as np

def read_idx(fname):
    raw = gzip.decompress(Path(fname).read_bytes())
    ndim = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4*i: 8 + 4*i], 'big') for i in range(ndim))
    return np.frombuffer(raw, np.uint8, offset=4 + 4*ndim).reshape(shape)

out = Path(sys.argv[1])
src = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).resolve().parents[2]/'shared/data/mnist-t10k')
x = read_idx(src/'t10k-images-idx3-ubyte.gz').astype(np.float32) / 255  # (10000, 28, 28)
y = read_idx(src/'t10k-labels-idx1-ubyte.gz').astype(np.int64)
assert x.shape == (10000, 28, 28) and y.shape == (10000,), (x.shape, y.shape)
shifts = [(0, 0), (0, 1), (0, -1), (1, 0), (-1, 0), (1, 1)]  # (down, right) in pixels
xs = np.concatenate([np.roll(x, s, axis=(1, 2)) for s in shifts]).reshape(60000, 784)
ys = np.tile(y, 6)
splits = ((xs[:50000], ys[:50000]), (xs[50000:], ys[50000:]), (x.reshape(10000, 784), y))
with gzip.open(out, 'wb', compresslevel=1) as f: pickle.dump(splits, f, protocol=4)
print(f"{out}: train {len(splits[0][0]):,} / valid {len(splits[1][0]):,} / test {len(splits[2][0]):,} "
      f"({out.stat().st_size / 1e6:.0f} MB), from {src}")
