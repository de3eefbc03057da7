"""Generates a deterministic synthetic customer table for the churn demo.

SageMaker Processing script: writes /opt/ml/processing/output/raw/customers.csv.
The same --seed always yields the same file, so pipeline runs are reproducible.
"""
import argparse
import csv
import math
import os
import random

COLUMNS = ["customer_id", "tenure_months", "monthly_charges", "support_calls",
           "contract_years", "has_autopay", "age", "churned"]


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--output-dir", default=os.environ.get(
        "SM_OUTPUT_RAW_DIR", "/opt/ml/processing/output/raw"))
    args, _ = parser.parse_known_args()
    return args


def make_customer(rng, index):
    tenure = rng.randint(1, 72)
    contract = rng.choice([0, 0, 0, 1, 2])  # month-to-month is the most common plan
    charges = round(rng.uniform(18.0, 118.0), 2)
    calls = min(10, int(rng.expovariate(0.6)))
    autopay = 1 if rng.random() < 0.55 else 0
    age = rng.randint(18, 85)
    # Churn risk rises with charges and support calls, falls with tenure, contract and autopay.
    score = (-1.2 + 0.025 * (charges - 65) + 0.45 * calls - 0.045 * tenure
             - 0.9 * contract - 0.6 * autopay + rng.gauss(0, 0.8))
    churned = 1 if rng.random() < 1 / (1 + math.exp(-score)) else 0
    return [f"C{index:06d}", tenure, charges, calls, contract, autopay, age, churned]


def main():
    args = parse_args()
    if args.rows < 10:
        raise SystemExit(f"--rows must be at least 10, got {args.rows}")
    rng = random.Random(args.seed)
    os.makedirs(args.output_dir, exist_ok=True)
    path = os.path.join(args.output_dir, "customers.csv")
    churned = 0
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for index in range(args.rows):
            row = make_customer(rng, index)
            churned += row[-1]
            writer.writerow(row)
    print(f"wrote {args.rows} customers to {path}")
    print(f"churn_rate={churned / args.rows:.4f}")


if __name__ == "__main__":
    main()
