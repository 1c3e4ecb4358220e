"""Shared helpers of the Python peer: package check, timing, the two gradient-boosted models with Kizuki's tree settings.

Only pandas, numpy, scikit-learn and xgboost (Debian: python3-pandas, python3-sklearn, python3-xgboost).
"""
import resource
import sys
import time

try:
    import numpy as np
    import pandas as pd
    import sklearn
    import xgboost as xgb
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.metrics import roc_auc_score
except ImportError as error:  # fail loudly: the benchmark means nothing without the peer's packages
    sys.exit(f"bench/peer: Python パッケージがありません / a Python package is missing: {error.name}. "
             "Install python3-pandas python3-sklearn python3-xgboost (Debian) or pandas scikit-learn xgboost (pip).")

# Kizuki's tree settings (ChurnTrainerOptions.Trees with 31 leaves): learning rate 0.1, at most 300 rounds stopped early
# after 20 without improvement, at least 50 rows per leaf, 63 bins, 2 threads.
LEARNING_RATE = 0.1
MAX_ROUNDS = 300
EARLY_STOP = 20
LEAVES = 31
MIN_LEAF = 50
BINS = 63
THREADS = 2


def versions():
    return {"python": sys.version.split()[0], "pandas": pd.__version__, "numpy": np.__version__,
            "sklearn": sklearn.__version__, "xgboost": xgb.__version__}


class Clock:
    """Wall and CPU (all threads of this process) seconds of a block."""

    def __enter__(self):
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0
        return False

    def json(self, prefix):
        return {f"{prefix}Seconds": round(self.wall, 3), f"{prefix}CpuSeconds": round(self.cpu, 3)}


def peak_rss_mib():
    """Peak resident set of this process so far (resource.getrusage; Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def as_categories(frame, categorical):
    """Categorical columns as pandas categories (for xgboost) with the same categories in every part of the frame."""
    for name in categorical:
        frame[name] = frame[name].astype("category")
    return frame


def fit_hgb(x_train, y_train, categorical):
    """HistGradientBoostingClassifier with Kizuki's settings. scikit-learn 1.2 takes no validation set, so it stops early
    on its own random 10% of the training rows (validation_fraction), the library's usual way."""
    mask = [c in categorical for c in x_train.columns]
    codes = x_train.copy()
    for name in categorical:
        codes[name] = codes[name].cat.codes.replace(-1, np.nan)
    model = HistGradientBoostingClassifier(
        learning_rate=LEARNING_RATE, max_iter=MAX_ROUNDS, max_leaf_nodes=LEAVES, min_samples_leaf=MIN_LEAF,
        max_bins=BINS, l2_regularization=1.0, categorical_features=mask, early_stopping=True,
        validation_fraction=0.1, n_iter_no_change=EARLY_STOP, random_state=42)
    model.fit(codes, y_train)
    return model


def predict_hgb(model, x, categorical):
    codes = x.copy()
    for name in categorical:
        codes[name] = codes[name].cat.codes.replace(-1, np.nan)
    return model.predict_proba(codes)[:, 1]


def fit_xgb(x_train, y_train, x_valid, y_valid):
    """xgboost hist, 2 threads, leaf-wise like LightGBM (31 leaves), stopped early on the validation cutoff."""
    train = xgb.DMatrix(x_train, label=y_train, enable_categorical=True, nthread=THREADS)
    valid = xgb.DMatrix(x_valid, label=y_valid, enable_categorical=True, nthread=THREADS)
    params = {"objective": "binary:logistic", "eval_metric": "logloss", "tree_method": "hist", "nthread": THREADS,
              "eta": LEARNING_RATE, "grow_policy": "lossguide", "max_depth": 0, "max_leaves": LEAVES, "max_bin": BINS,
              "subsample": 0.8, "colsample_bytree": 0.9, "lambda": 1.0, "seed": 42, "max_cat_to_onehot": 1}
    booster = xgb.train(params, train, num_boost_round=MAX_ROUNDS, evals=[(valid, "valid")],
                        early_stopping_rounds=EARLY_STOP, verbose_eval=False)
    return booster


def predict_xgb(booster, x):
    matrix = xgb.DMatrix(x, enable_categorical=True, nthread=THREADS)
    return booster.predict(matrix, iteration_range=(0, booster.best_iteration + 1))


def auc(labels, scores):
    return float(roc_auc_score(labels, scores))
