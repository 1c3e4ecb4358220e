#!/usr/bin/env python3
"""Gathers the outputs of bench/run.sh (its work directory) into latest.json and latest.md. Standard library only.

    python3 bench/peer/report.py --work DIR --sizes 10000,100000 --out bench/results
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess

STAGES = ["import", "features", "train", "score", "explain"]


def time_v(path):
    """Wall, user, system seconds and peak RSS (MiB) from a `/usr/bin/time -v` report."""
    text = open(path, encoding="utf-8").read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", text).group(1).split(":")
    seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall)))
    user = float(re.search(r"User time \(seconds\): (\S+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return {"wall": round(seconds, 2), "user": round(user, 2), "system": round(system, 2), "cpu": round(user + system, 2),
            "peakRssMiB": round(rss / 1024, 1)}


def load(path):
    """The JSON a command printed (the last top-level object when something else precedes it)."""
    if not os.path.exists(path):
        return None
    text = open(path, encoding="utf-8").read()
    start = text.find("{")
    return json.loads(text[start:]) if start >= 0 else None


def ratio(ours, peer):
    return round(ours / peer, 3) if ours and peer else None


def machine():
    memory = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), None)
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    load = open("/proc/loadavg").read().split()[:3]
    return {"cpu": model, "cores": os.cpu_count(), "memoryMiB": memory, "os": platform.platform(), "dotnet": dotnet,
            "python": platform.python_version(), "loadAverageAtEnd": load}


def size_result(work, n):
    t = lambda name: time_v(os.path.join(work, "times", f"{name}-{n}.txt"))
    j = lambda name: load(os.path.join(work, "json", f"{name}-{n}.out"))
    stages = {s: t(s) for s in STAGES}
    train, features, trainset = j("train"), j("features"), load(os.path.join(work, "json", f"trainset-{n}.json"))
    ours_fit, peer_same, peer_e2e = j("ours-sameset"), j("peer-sameset"), j("peer-e2e")
    model = train["model"]
    same = {"rows": {"train": ours_fit["trainRows"], "validation": ours_fit["validationRows"], "test": ours_fit["testRows"],
                     "testChurners": ours_fit["testChurners"]},
            "ours": {k: ours_fit[k] for k in ("fitSeconds", "fitCpuSeconds", "scoreSeconds", "scoreCpuSeconds", "testAuc", "trees")},
            "process": {"ours": t("ours-sameset"), "peer": t("peer-sameset")}}
    for name in ("hgb", "xgboost"):
        peer = peer_same[name]
        same[name] = peer
        same[f"ratiosVs{name.capitalize()}"] = {
            "fitCpu": ratio(ours_fit["fitCpuSeconds"], peer["fitCpuSeconds"]), "fitWall": ratio(ours_fit["fitSeconds"], peer["fitSeconds"]),
            "scoreCpu": ratio(ours_fit["scoreCpuSeconds"], peer["scoreCpuSeconds"]),
            "scoreWall": ratio(ours_fit["scoreSeconds"], peer["scoreSeconds"]),
            "aucDifference": round(ours_fit["testAuc"] - peer["testAuc"], 4)}
    ours_e2e = {"wall": round(sum(stages[s]["wall"] for s in ("import", "train", "score")), 2),
                "cpu": round(sum(stages[s]["cpu"] for s in ("import", "train", "score")), 2),
                "peakRssMiB": max(stages[s]["peakRssMiB"] for s in ("import", "train", "score")),
                "testAuc": model["test"]["rocAuc"]["estimate"], "features": len(model["features"])}
    peer_process = t("peer-e2e")
    e2e = {"ours": ours_e2e,
           "peer": {**peer_process, "testAuc": peer_e2e["testAuc"], "features": peer_e2e["features"],
                    "inside": {k: peer_e2e[k] for k in peer_e2e if k.endswith("Seconds")},
                    "cutoffsMatch": peer_e2e["cutoffs"] == trainset["cutoffs"], "rows": peer_e2e["rows"],
                    "testRows": peer_e2e["testRows"], "testChurners": peer_e2e["testChurners"]},
           "ratios": {"wall": ratio(ours_e2e["wall"], peer_process["wall"]), "cpu": ratio(ours_e2e["cpu"], peer_process["cpu"]),
                      "peakRss": ratio(ours_e2e["peakRssMiB"], peer_process["peakRssMiB"]),
                      "aucDifference": round(ours_e2e["testAuc"] - peer_e2e["testAuc"], 4)}}
    backtest = [round(b["rocAuc"], 4) for b in model.get("backtest", [])]
    return {"customers": n, "events": features.get("events") if features else None, "stages": stages,
            "trainingSetRows": train["trainingSetRows"], "trainingSetSeconds": train["trainingSetSeconds"],
            "demo": {"testAuc": model["test"]["rocAuc"]["estimate"], "backtestAuc": backtest,
                     "oracleFullAuc": trainset["oracleFullAuc"], "oracleKnowableAuc": trainset["oracleKnowableAuc"],
                     "testCutoff": model.get("testCutoff"), "trainsetTestCutoff": trainset["cutoffs"][-1]},
            "sameSet": same, "endToEnd": e2e}


def f(value, digits=2):
    return "–" if value is None else f"{value:,.{digits}f}"


def markdown(result):
    lines = [f"# Benchmark: Kizuki vs the Python peer ({result['date']})", "",
             f"Machine: {result['machine']['cpu']}, {result['machine']['cores']} cores, {result['machine']['memoryMiB']:,} MiB, "
             f".NET {result['machine']['dotnet']}, Python {result['machine']['python']}; load average at the end "
             f"{' '.join(result['machine']['loadAverageAtEnd'])}. Peer: " + ", ".join(f"{k} {v}" for k, v in result["peerVersions"].items()) + ".",
             "", "## Kizuki stages (one process each, `/usr/bin/time -v`)", "",
             "| customers | events | stage | wall s | CPU s (user+sys) | peak RSS MiB |", "|---:|---:|---|---:|---:|---:|"]
    for s in result["sizes"]:
        for stage in STAGES:
            m = s["stages"][stage]
            lines.append(f"| {s['customers']:,} | {s['events'] or 0:,} | {stage} | {f(m['wall'])} | {f(m['cpu'])} | {f(m['peakRssMiB'], 0)} |")
    lines += ["", "## Same features, same split (Kizuki's training set; train = all cutoffs but the last two, early stop on the second-last, test = the last)", "",
              "| customers | train / test rows | model | fit wall s | fit CPU s | score wall s | score CPU s | test AUC | ours/peer fit CPU | ours/peer score CPU |",
              "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for s in result["sizes"]:
        same, rows = s["sameSet"], s["sameSet"]["rows"]
        o = same["ours"]
        lines.append(f"| {s['customers']:,} | {rows['train']:,} / {rows['test']:,} | Kizuki (LightGBM) | {f(o['fitSeconds'])} | {f(o['fitCpuSeconds'])} | "
                     f"{f(o['scoreSeconds'], 3)} | {f(o['scoreCpuSeconds'], 3)} | {f(o['testAuc'], 4)} | 1 | 1 |")
        for name, label in (("hgb", "scikit-learn HistGradientBoosting"), ("xgboost", "xgboost hist")):
            p, r = same[name], same[f"ratiosVs{name.capitalize()}"]
            lines.append(f"| {s['customers']:,} | | {label} | {f(p['fitSeconds'])} | {f(p['fitCpuSeconds'])} | {f(p['scoreSeconds'], 3)} | "
                         f"{f(p['scoreCpuSeconds'], 3)} | {f(p['testAuc'], 4)} | {f(r['fitCpu'], 3)} | {f(r['scoreCpu'], 3)} |")
    lines += ["", "## End to end from the raw CSV files", "",
              "Kizuki: `import` + `train` (training set, leaf search, 2 backtest folds, refit) + `score` (with exact TreeSHAP reasons), 75 features. "
              "Peer: one Python process reading the CSV files with pandas, a feature subset (bench/peer/features.py), labels, xgboost fit and test, "
              "scoring every active customer.", "",
              "| customers | | wall s | CPU s | peak RSS MiB | features | test AUC |", "|---:|---|---:|---:|---:|---:|---:|"]
    for s in result["sizes"]:
        e = s["endToEnd"]
        o, p, r = e["ours"], e["peer"], e["ratios"]
        lines.append(f"| {s['customers']:,} | Kizuki | {f(o['wall'])} | {f(o['cpu'])} | {f(o['peakRssMiB'], 0)} | {o['features']} | {f(o['testAuc'], 4)} |")
        lines.append(f"| | peer (pandas + xgboost) | {f(p['wall'])} | {f(p['cpu'])} | {f(p['peakRssMiB'], 0)} | {p['features']} | {f(p['testAuc'], 4)} |")
        lines.append(f"| | **ours / peer** | **{f(r['wall'], 3)}** | **{f(r['cpu'], 3)}** | **{f(r['peakRss'], 3)}** | | Δ {r['aucDifference']:+.4f} |")
    lines += ["", "## Accuracy", "", "| what | Kizuki | reference |", "|---|---|---|"]
    acc = result["accuracy"]
    if acc.get("telco"):
        t = acc["telco"]
        lines.append(f"| Telco churn, 5-fold stratified CV ROC-AUC ({t['rows']:,} rows) | {t['auc']:.4f} ± {t['aucSpread']:.4f} | 0.83–0.85 in public reports (GBDT 0.843–0.848) |")
    if acc.get("cdnow"):
        c = acc["cdnow"]
        for key, label, names in (("bgNbd", "BG/NBD", ("r", "alpha", "a", "b")), ("paretoNbd", "Pareto/NBD", ("r", "alpha", "s", "beta")),
                                  ("gammaGamma", "Gamma-Gamma", ("p", "q", "gamma"))):
            ours, pub = c[key]["ours"], c[key]["published"]
            lines.append(f"| CDNOW {label} ({c['customers']:,} customers, 39 weeks) | " + ", ".join(f"{n} {ours[n]:.4f}" for n in names)
                         + f"; LL {ours['logLikelihood']:.3f} | " + ", ".join(f"{n} {pub[n]:.4f}" for n in names) + f"; LL {pub['logLikelihood']:.3f} |")
    retail = acc.get("retail")
    if not retail:
        lines.append("| Online Retail, last 90 days | not available | |")
    else:
        for key, label in (("bgnbd", "BG/NBD, days"), ("pareto", "Pareto/NBD, days"), ("bgnbdWeeks", "BG/NBD, weeks"), ("paretoWeeks", "Pareto/NBD, weeks")):
            m = retail.get(key)
            if not m:
                continue
            if not m.get("identified"):
                lines.append(f"| Online Retail {label} | not identified: {m.get('reason', '')} | |")
                continue
            limit = " (fitted at the no-dropout limit)" if m.get("limit") == "NoDropout" else ""
            lines.append(f"| Online Retail {label}{limit}: purchases in the last 90 days | MAE {m['mae']:.3f}, correlation {m['correlation']:.3f}; "
                         f"churn AUC of P(no purchase in 90 d) {m['aucNoPurchase']:.3f}, of 1 − P(alive) {m['aucOneMinusPAlive']:.3f} | "
                         f"actual mean {retail['meanActualPurchases']:.3f} purchases, {retail['holdoutChurners']:,} of {retail['calibratedCustomers']:,} customers buy nothing |")
        for key, label in (("churnModelWithLifetime", "with"), ("churnModelWithoutLifetime", "without")):
            m = retail.get(key)
            if m:
                lines.append(f"| Online Retail gradient-boosted churn model {label} the lifetime features | churn AUC {m['auc']:.3f} "
                             f"({m['features']} features, {m['trainingRows']:,} training rows) | held-out cutoff AUC {m['heldOutCutoffAuc']:.3f} |")
    for s in result["sizes"]:
        d = s["demo"]
        share = lambda o: f" ({d['testAuc'] / o:.1%})" if o else ""
        lines.append(f"| Demo {s['customers']:,} SaaS customers: test AUC (backtests {', '.join(f'{b:.3f}' for b in d['backtestAuc'])}) | {d['testAuc']:.4f} | "
                     f"oracle, knowable at the cutoff {f(d['oracleKnowableAuc'], 4)}{share(d['oracleKnowableAuc'])}; full {f(d['oracleFullAuc'], 4)}{share(d['oracleFullAuc'])} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--sizes", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    sizes = [size_result(args.work, int(n)) for n in args.sizes.split(",")]
    peer = load(os.path.join(args.work, "json", f"peer-sameset-{sizes[0]['customers']}.out"))["versions"]
    accuracy = {"telco": load(os.path.join(args.work, "json", "telco.out")), "cdnow": load(os.path.join(args.work, "json", "cdnow.out")),
                "retail": load(os.path.join(args.work, "json", "retail.out"))}
    if accuracy["telco"]:
        accuracy["telco"] = {k: accuracy["telco"][k] for k in ("rows", "churners", "auc", "aucSpread", "prAuc", "logLoss", "folds")}
    result = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
              "peerVersions": peer, "sizes": sizes, "accuracy": accuracy,
              "timings": {name[:-4]: time_v(os.path.join(args.work, "times", name)) for name in ("telco.txt", "cdnow.txt", "retail.txt")
                          if os.path.exists(os.path.join(args.work, "times", name))}}
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "latest.json"), "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    with open(os.path.join(args.out, "latest.md"), "w", encoding="utf-8") as handle:
        handle.write(markdown(result))
    print(markdown(result))


if __name__ == "__main__":
    main()
