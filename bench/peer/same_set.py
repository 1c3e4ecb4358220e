#!/usr/bin/env python3
"""Same features, same split: the training set Kizuki builds (written by `Kizuki.Bench trainset`), split by time as
Kizuki's ChurnTrainer splits it for the evaluated model (every cutoff but the last two trains, the second-last stops the
boosting early, the last is the test); HistGradientBoostingClassifier and xgboost fitted and scored on it.

    python3 bench/peer/same_set.py --csv TRAINSET.csv --meta TRAINSET.json [--out RESULT.json]
"""
import argparse
import json

from peerlib import (Clock, as_categories, auc, fit_hgb, fit_xgb, pd, peak_rss_mib, predict_hgb, predict_xgb,
                     versions)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", required=True)
    parser.add_argument("--meta", required=True, help="the JSON summary printed by Kizuki.Bench trainset")
    parser.add_argument("--out")
    args = parser.parse_args()
    meta = json.load(open(args.meta, encoding="utf-8"))
    categorical = meta["categorical"]

    with Clock() as read:
        frame = pd.read_csv(args.csv, dtype={c: "string" for c in categorical + ["customer_id"]})
        frame = as_categories(frame, categorical)
    cutoffs = sorted(frame["cutoff"].unique())
    if len(cutoffs) < 3:
        raise SystemExit(f"{args.csv}: 基準日が3つ未満です / needs at least 3 cutoffs, has {len(cutoffs)}")
    features = [c for c in frame.columns if c not in ("customer_id", "cutoff", "label")]
    train = frame[frame["cutoff"] < cutoffs[-2]]
    valid = frame[frame["cutoff"] == cutoffs[-2]]
    test = frame[frame["cutoff"] == cutoffs[-1]]
    result = {"versions": versions(), "rows": len(frame), "trainRows": len(train), "validationRows": len(valid),
              "testRows": len(test), "testChurners": int(test["label"].sum()), "features": len(features)}
    result.update(read.json("read"))

    with Clock() as fit:
        hgb = fit_hgb(train[features], train["label"], categorical)
    with Clock() as score:
        scores = predict_hgb(hgb, test[features], categorical)
    result["hgb"] = {**fit.json("fit"), **score.json("score"), "rounds": int(hgb.n_iter_),
                     "testAuc": auc(test["label"], scores)}

    with Clock() as fit:
        booster = fit_xgb(train[features], train["label"], valid[features], valid["label"])
    with Clock() as score:
        scores = predict_xgb(booster, test[features])
    result["xgboost"] = {**fit.json("fit"), **score.json("score"), "rounds": int(booster.best_iteration + 1),
                         "testAuc": auc(test["label"], scores)}
    result["peakRssMiB"] = round(peak_rss_mib(), 1)
    text = json.dumps(result, indent=2)
    if args.out:
        open(args.out, "w", encoding="utf-8").write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
