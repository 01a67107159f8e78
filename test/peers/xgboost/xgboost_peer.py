#!/usr/bin/env python3
"""XGBoost peer for `npm run evaluate -- --peer ...` (DATE's GBDT baseline: 100 trees of depth 4).

The hub's evaluation runs the protocol and builds the features; each test week it sends one JSON line
on stdin and reads one JSON line back, so both models see exactly the same rows, features and budget:

  request  {"features": F, "train_x": b64 float32 [n*F], "train_y": b64 uint8 [n], "test_x": b64 float32 [m*F]}
  response {"scores": [m floats]}

The first line written is a hello: {"peer": "xgboost", "version": ..., "params": {...}}.
Needs Debian's python3-xgboost (run it with /usr/bin/python3).
"""
import base64
import json
import sys

import numpy as np
import xgboost as xgb

# XGBClassifier(n_estimators=100, max_depth=4) as in DATE, through the core API (no scikit-learn needed).
# tree_method "hist" is XGBoost's default from 2.0 on; one thread like our trainer (OpenMP spinning on a
# busy 2-core machine made "exact" with two threads 70x slower than this).
ROUNDS = 100
PARAMS = {"objective": "binary:logistic", "max_depth": 4, "eta": 0.3, "tree_method": "hist", "nthread": 1, "seed": 0, "eval_metric": "error"}


def decode(text, dtype):
    return np.frombuffer(base64.b64decode(text), dtype=dtype)


def main():
    print(json.dumps({"peer": "xgboost", "version": xgb.__version__, "rounds": ROUNDS, "params": PARAMS}), flush=True)
    for line in sys.stdin:
        req = json.loads(line)
        f = req["features"]
        x = decode(req["train_x"], np.float32).reshape(-1, f)
        y = decode(req["train_y"], np.uint8)
        test = decode(req["test_x"], np.float32).reshape(-1, f)
        if len(np.unique(y)) < 2:
            scores = np.full(test.shape[0], float(y.mean()) if len(y) else 0.0)
        else:
            booster = xgb.train(PARAMS, xgb.DMatrix(x, label=y), num_boost_round=ROUNDS)
            scores = booster.predict(xgb.DMatrix(test))
        print(json.dumps({"scores": [float(s) for s in scores]}), flush=True)


if __name__ == "__main__":
    main()
