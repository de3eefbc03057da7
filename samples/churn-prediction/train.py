"""Trains a tiny logistic regression for the churn demo, in pure Python.

SageMaker script-mode training script. Reads label-first CSV from SM_CHANNEL_TRAIN (and
SM_CHANNEL_VALIDATION when present), writes model.json to SM_MODEL_DIR and prints metrics as
`name=value` so MetricDefinitions regexes (and hyperparameter tuning) can pick them up.
Hyperparameters arrive as command-line arguments, the way the SageMaker training toolkit passes them.
"""
import argparse
import csv
import glob
import json
import math
import os
import random


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--learning_rate", type=float, default=float(os.environ.get("SM_HP_LEARNING_RATE", "0.1")))
    parser.add_argument("--epochs", type=int, default=int(os.environ.get("SM_HP_EPOCHS", "30")))
    parser.add_argument("--l2", type=float, default=float(os.environ.get("SM_HP_L2", "0.001")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("SM_HP_SEED", "7")))
    parser.add_argument("--train", default=os.environ.get("SM_CHANNEL_TRAIN", "/opt/ml/input/data/train"))
    parser.add_argument("--validation", default=os.environ.get("SM_CHANNEL_VALIDATION", "/opt/ml/input/data/validation"))
    parser.add_argument("--model-dir", default=os.environ.get("SM_MODEL_DIR", "/opt/ml/model"))
    args, _ = parser.parse_known_args()  # the toolkit also passes sagemaker_* entries
    return args


def load(directory):
    rows = []
    for path in sorted(glob.glob(os.path.join(directory, "**", "*.csv"), recursive=True)):
        with open(path, newline="") as handle:
            for record in csv.reader(handle):
                if record:
                    rows.append(([float(value) for value in record[1:]], int(float(record[0]))))
    return rows


def predict(weights, bias, features):
    z = bias + sum(w * x for w, x in zip(weights, features))
    z = max(-60.0, min(60.0, z))  # keeps exp() finite on extreme rows
    return 1.0 / (1.0 + math.exp(-z))


def auc(labels, scores):
    """Area under the ROC curve via the rank-sum (Mann-Whitney) formula, ties averaged."""
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


def log_loss(weights, bias, rows):
    total = 0.0
    for features, label in rows:
        p = min(max(predict(weights, bias, features), 1e-12), 1 - 1e-12)
        total -= label * math.log(p) + (1 - label) * math.log(1 - p)
    return total / len(rows)


def train(rows, args):
    rng = random.Random(args.seed)
    weights = [0.0] * len(rows[0][0])
    bias = 0.0
    order = list(range(len(rows)))
    for epoch in range(1, args.epochs + 1):
        rng.shuffle(order)
        for index in order:
            features, label = rows[index]
            error = predict(weights, bias, features) - label
            weights = [w - args.learning_rate * (error * x + args.l2 * w) for w, x in zip(weights, features)]
            bias -= args.learning_rate * error
        if epoch % 10 == 0 or epoch == args.epochs:
            print(f"epoch={epoch} train_loss={log_loss(weights, bias, rows):.5f}")
    return weights, bias


def main():
    args = parse_args()
    rows = load(args.train)
    if not rows:
        raise SystemExit(f"no training rows under {args.train}")
    weights, bias = train(rows, args)
    train_scores = [predict(weights, bias, f) for f, _ in rows]
    print(f"train_auc={auc([l for _, l in rows], train_scores):.4f}")
    validation = load(args.validation) if os.path.isdir(args.validation) else []
    if validation:
        scores = [predict(weights, bias, f) for f, _ in validation]
        print(f"val_loss={log_loss(weights, bias, validation):.5f}")
        print(f"val_auc={auc([l for _, l in validation], scores):.4f}")
    os.makedirs(args.model_dir, exist_ok=True)
    model = {"kind": "logistic_regression", "weights": weights, "bias": bias,
             "hyperparameters": {"learning_rate": args.learning_rate, "epochs": args.epochs, "l2": args.l2}}
    with open(os.path.join(args.model_dir, "model.json"), "w") as handle:
        json.dump(model, handle, indent=2)
    print(f"saved model to {args.model_dir}")


if __name__ == "__main__":
    main()
