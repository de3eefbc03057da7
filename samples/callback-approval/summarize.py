"""Builds the weekly sales summary that a reviewer approves before it is published.

SageMaker Processing script. Generates a deterministic order table from --seed (standing in for
an export from the order system) and writes
  /opt/ml/processing/output/summary/summary.json   totals per region
  /opt/ml/processing/output/summary/orders.csv     the rows behind them
"""
import argparse
import csv
import json
import os
import random

REGIONS = ["north", "south", "east", "west"]


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--orders", type=int, default=500)
    parser.add_argument("--output-dir", default="/opt/ml/processing/output/summary")
    args, _ = parser.parse_known_args()
    return args


def main():
    args = parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.output_dir, exist_ok=True)
    totals = {region: 0.0 for region in REGIONS}
    with open(os.path.join(args.output_dir, "orders.csv"), "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["order_id", "region", "amount"])
        for index in range(args.orders):
            region = rng.choice(REGIONS)
            amount = round(rng.lognormvariate(3.5, 0.6), 2)
            totals[region] += amount
            writer.writerow([f"O{index:05d}", region, amount])
    summary = {
        "order_count": args.orders,
        "revenue": round(sum(totals.values()), 2),
        "revenue_by_region": {region: round(value, 2) for region, value in totals.items()},
    }
    with open(os.path.join(args.output_dir, "summary.json"), "w") as handle:
        json.dump(summary, handle, indent=2)
    print(f"order_count={summary['order_count']}")
    print(f"revenue={summary['revenue']}")


if __name__ == "__main__":
    main()
