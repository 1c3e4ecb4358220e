#!/usr/bin/env python3
"""End to end from the raw files: read the import-format CSV files that `kizuki demo --export` writes, compute the
features (the subset listed in features.py) and contractual labels point in time at Kizuki's monthly cutoffs, train
xgboost (hist, 2 threads, Kizuki's tree settings) on every cutoff but the last two, stop it early on the second-last,
report the test ROC-AUC on the last, then score every customer with a running subscription at the data end.

    python3 bench/peer/end_to_end.py --raw DIR [--window-days 90] [--cutoffs 12] [--step-days 30] [--out RESULT.json]
"""
import argparse
import json

from features import CATEGORICAL, DAY, contractual_labels, features_at, newest_record, read
from peerlib import Clock, as_categories, auc, fit_xgb, np, pd, peak_rss_mib, predict_xgb, versions

ZONE = "Asia/Tokyo"


def next_local_midnight(millis):
    local = pd.Timestamp(millis, unit="ms", tz="UTC").tz_convert(ZONE)
    return int((local.normalize() + pd.Timedelta(days=1)).tz_convert("UTC").value // 1_000_000)


def schedule(data_end, window_days, count, step_days):
    """Kizuki's CutoffSchedule: the latest local midnight whose window ends by the data end, then back in whole days."""
    latest = pd.Timestamp(data_end - window_days * DAY, unit="ms", tz="UTC").tz_convert(ZONE).normalize()
    return [int((latest - pd.Timedelta(days=step_days * (count - 1 - k))).tz_convert("UTC").value // 1_000_000)
            for k in range(count)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", required=True, help="directory of customers.csv, subscriptions.csv, activities.csv, …")
    parser.add_argument("--window-days", type=int, default=90)
    parser.add_argument("--cutoffs", type=int, default=12)
    parser.add_argument("--step-days", type=int, default=30)
    parser.add_argument("--out")
    args = parser.parse_args()
    result = {"versions": versions()}
    with Clock() as total:
        with Clock() as reading:
            data = read(args.raw)
        events = sum(len(data[k]) for k in data if k != "customers")
        data_end = next_local_midnight(newest_record(data))
        cutoffs = schedule(data_end, args.window_days, args.cutoffs, args.step_days)
        with Clock() as building:
            parts = []
            for cutoff in cutoffs:
                labels = contractual_labels(data, cutoff, args.window_days * DAY)
                part = features_at(data, cutoff, labels.index)
                part.insert(0, "label", labels.to_numpy())
                part.insert(0, "cutoff", cutoff)
                parts.append(part)
            frame = as_categories(pd.concat(parts), CATEGORICAL)
        features = [c for c in frame.columns if c not in ("cutoff", "label")]
        train = frame[frame["cutoff"] < cutoffs[-2]]
        valid = frame[frame["cutoff"] == cutoffs[-2]]
        test = frame[frame["cutoff"] == cutoffs[-1]]
        with Clock() as fitting:
            booster = fit_xgb(train[features], train["label"], valid[features], valid["label"])
            test_auc = auc(test["label"], predict_xgb(booster, test[features]))
        with Clock() as scoring:
            subs = data["subscriptions"]
            active = subs[(subs["start"] < data_end) & (subs["end"] >= data_end)]["customer_id"].unique()
            now = features_at(data, data_end, pd.Index(active, name="customer_id"))
            for name in CATEGORICAL:
                now[name] = pd.Categorical(now[name], categories=frame[name].cat.categories)
            scores = predict_xgb(booster, now[features])
    result.update({
        "events": int(events), "customers": len(data["customers"]),
        "dataEnd": pd.Timestamp(data_end, unit="ms", tz="UTC").isoformat(),
        "cutoffs": [pd.Timestamp(c, unit="ms", tz="UTC").strftime("%Y-%m-%dT%H:%M:%SZ") for c in cutoffs],
        "rows": len(frame), "features": len(features), "featureNames": features,
        "testRows": len(test), "testChurners": int(test["label"].sum()), "testAuc": test_auc,
        "rounds": int(booster.best_iteration + 1), "scored": int(len(scores)), "meanScore": float(np.mean(scores)),
        **reading.json("read"), **building.json("trainingSet"), **fitting.json("fit"), **scoring.json("score"),
        **total.json("total"), "peakRssMiB": round(peak_rss_mib(), 1),
    })
    text = json.dumps(result, indent=2)
    if args.out:
        open(args.out, "w", encoding="utf-8").write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
