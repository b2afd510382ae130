#!/usr/bin/env python3
"""A design run's numbers (tools/benchmark/reference.sh): open-set AUC pooled over the families whose
mechanism training shows ("shared"), over all families, per family; pooled (shared and all) on the
unseen styles;
validation AUC per training family; the training log's last and highest validation AUC (the kept
model is the epoch `cyborg train` kept, which need not be the highest).

    reference_auc.py BENCH RUN [SPLIT]     # prints one JSON line

AUC is Mann-Whitney's with ties counted half, synthetic against the authentic faces of the same file.
"""
import csv
import json
import os
import sys


def auc(pos, neg):
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def scores(path):
    # cyborg score writes path,score rows; key them by the path under images/
    return {row[0].rsplit("/images/", 1)[-1]: float(row[1]) for row in csv.reader(open(path)) if row}


def rows(split_csv, which, score_csv):
    """(label, source, score) of the `which` rows; the source is the image's parent folder."""
    sc = scores(score_csv)
    out = []
    for row in csv.reader(open(split_csv)):
        if row and row[0] == which:
            rel = row[2].strip("/")
            out.append((row[1], rel.split("/")[-2], sc[rel]))
    return out


def pooled(rs, families):
    real = [s for lab, _, s in rs if lab == "Real"]
    return auc([s for lab, src, s in rs if lab == "Synthetic" and (families is None or src in families)], real)


def main(bench, run, split="split-ceiling.csv"):
    meta = json.load(open(os.path.join(bench, "benchmark.json")))
    shared = {g for g, f in meta["generators"].items() if f["split"] == "test" and f["mechanism_in_training"]}
    res = {}
    test = rows(os.path.join(bench, "split.csv"), "test", os.path.join(run, "scores.csv"))
    res["shared"] = pooled(test, shared)
    res["all"] = pooled(test, None)
    for g in sorted({src for lab, src, _ in test if lab == "Synthetic"}):
        res[g] = pooled(test, {g})
    styles = os.path.join(run, "scores-styles.csv")
    if os.path.exists(styles):
        st = rows(os.path.join(bench, "split-styles.csv"), "test", styles)
        res["styles_shared"] = pooled(st, shared)
        res["styles_all"] = pooled(st, None)
    val = os.path.join(run, "scores-val.csv")
    if os.path.exists(val):
        v = rows(os.path.join(bench, split), "val", val)
        for g in sorted({src for lab, src, _ in v if lab == "Synthetic"}):
            res["val_" + g] = pooled(v, {g})
    log = [json.loads(line) for line in open(os.path.join(run, "train-log.jsonl"))]
    res["val_auc_last"] = log[-1].get("val_auc")
    res["val_auc_best"] = max(entry.get("val_auc", 0) for entry in log)
    res["epochs"] = len(log)
    # an empty group has no AUC: null, not NaN, so the line stays JSON
    print(json.dumps({k: (None if v != v else round(v, 3)) if isinstance(v, float) else v for k, v in res.items()}))


if __name__ == "__main__":
    main(*sys.argv[1:])
