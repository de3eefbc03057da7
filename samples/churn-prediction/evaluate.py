"""Evaluates the churn model on the held-out test split.

SageMaker Processing script. Reads the model from /opt/ml/processing/model (the training job's
model.tar.gz, or an already extracted model.json) and label-first CSV from /opt/ml/processing/test;
writes /opt/ml/processing/evaluation/evaluation.json, which the pipeline reads as a property file
(path binary_classification_metrics.auc.value).
"""
import argparse
import csv
import glob
import json
import math
import os
import tarfile


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-dir", default="/opt/ml/processing/model")
    parser.add_argument("--test-dir", default="/opt/ml/processing/test")
    parser.add_argument("--output-dir", default="/opt/ml/processing/evaluation")
    args, _ = parser.parse_known_args()
    return args


def load_model(model_dir):
    direct = os.path.join(model_dir, "model.json")
    if os.path.isfile(direct):
        with open(direct) as handle:
            return json.load(handle)
    archives = glob.glob(os.path.join(model_dir, "**", "*.tar.gz"), recursive=True)
    if not archives:
        raise SystemExit(f"no model.json or model.tar.gz under {model_dir}")
    # Read model.json straight out of the archive: nothing is extracted, so no path traversal.
    with tarfile.open(archives[0]) as archive:
        member = next((m for m in archive.getmembers() if m.isfile() and os.path.basename(m.name) == "model.json"), None)
        if member is None:
            raise SystemExit(f"{archives[0]} holds no model.json")
        return json.load(archive.extractfile(member))


def load_rows(directory):
    rows = []
    for path in sorted(glob.glob(os.path.join(directory, "**", "*.csv"), recursive=True)):
        with open(path, newline="") as handle:
            rows.extend(([float(v) for v in r[1:]], int(float(r[0]))) for r in csv.reader(handle) if r)
    return rows


def predict(model, features):
    z = model["bias"] + sum(w * x for w, x in zip(model["weights"], features))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def auc(labels, scores):
    """Rank-sum AUC, ties averaged (same formula as train.py)."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    positives = sum(labels)
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        return 0.5
    rank_sum = sum(rank for rank, label in zip(ranks, labels) if label == 1)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def main():
    args = parse_args()
    model = load_model(args.model_dir)
    rows = load_rows(args.test_dir)
    if not rows:
        raise SystemExit(f"no test rows under {args.test_dir}")
    labels = [label for _, label in rows]
    scores = [predict(model, features) for features, _ in rows]
    predicted = [1 if s >= 0.5 else 0 for s in scores]
    accuracy = sum(p == l for p, l in zip(predicted, labels)) / len(rows)
    true_pos = sum(p == 1 and l == 1 for p, l in zip(predicted, labels))
    precision = true_pos / max(1, sum(predicted))
    recall = true_pos / max(1, sum(labels))
    report = {"binary_classification_metrics": {
        "auc": {"value": round(auc(labels, scores), 4), "standard_deviation": "NaN"},
        "accuracy": {"value": round(accuracy, 4), "standard_deviation": "NaN"},
        "precision": {"value": round(precision, 4), "standard_deviation": "NaN"},
        "recall": {"value": round(recall, 4), "standard_deviation": "NaN"},
    }, "test_rows": len(rows)}
    os.makedirs(args.output_dir, exist_ok=True)
    with open(os.path.join(args.output_dir, "evaluation.json"), "w") as handle:
        json.dump(report, handle, indent=2)
    print(f"test_auc={report['binary_classification_metrics']['auc']['value']}")
    print(f"test_accuracy={report['binary_classification_metrics']['accuracy']['value']}")


if __name__ == "__main__":
    main()
