"""Splits and scales the customer table for training.

SageMaker Processing script. Reads the CSV under /opt/ml/processing/input/raw and writes
headerless, label-first CSV files (the SageMaker built-in algorithm convention):
  /opt/ml/processing/output/train/train.csv            70 %
  /opt/ml/processing/output/validation/validation.csv  15 %
  /opt/ml/processing/output/test/test.csv              15 %
  /opt/ml/processing/output/batch/batch.csv            test features only, for batch transform
Features are standardised with the training split's mean and standard deviation.
"""
import argparse
import csv
import glob
import os
import random

FEATURES = ["tenure_months", "monthly_charges", "support_calls", "contract_years", "has_autopay", "age"]
LABEL = "churned"


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--input-dir", default="/opt/ml/processing/input/raw")
    parser.add_argument("--output-dir", default="/opt/ml/processing/output")
    args, _ = parser.parse_known_args()
    return args


def read_rows(input_dir):
    files = sorted(glob.glob(os.path.join(input_dir, "**", "*.csv"), recursive=True))
    if not files:
        raise SystemExit(f"no CSV files under {input_dir}")
    rows = []
    for path in files:
        with open(path, newline="") as handle:
            for record in csv.DictReader(handle):
                rows.append(([float(record[name]) for name in FEATURES], int(record[LABEL])))
    return rows


def scaler(rows):
    count = len(rows)
    means = [sum(features[i] for features, _ in rows) / count for i in range(len(FEATURES))]
    stds = []
    for i, mean in enumerate(means):
        variance = sum((features[i] - mean) ** 2 for features, _ in rows) / count
        stds.append(variance ** 0.5 or 1.0)  # a constant column would otherwise divide by zero
    return means, stds


def write(path, rows, means, stds, with_label=True):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        for features, label in rows:
            scaled = [round((value - m) / s, 6) for value, m, s in zip(features, means, stds)]
            writer.writerow(([label] if with_label else []) + scaled)


def main():
    args = parse_args()
    rows = read_rows(args.input_dir)
    random.Random(args.seed).shuffle(rows)
    train_end = int(len(rows) * 0.70)
    validation_end = int(len(rows) * 0.85)
    train, validation, test = rows[:train_end], rows[train_end:validation_end], rows[validation_end:]
    means, stds = scaler(train)
    out = args.output_dir
    write(os.path.join(out, "train", "train.csv"), train, means, stds)
    write(os.path.join(out, "validation", "validation.csv"), validation, means, stds)
    write(os.path.join(out, "test", "test.csv"), test, means, stds)
    write(os.path.join(out, "batch", "batch.csv"), test, means, stds, with_label=False)
    print(f"train_rows={len(train)} validation_rows={len(validation)} test_rows={len(test)}")


if __name__ == "__main__":
    main()
