"""Publishes the approved sales summary as a small HTML report.

SageMaker Processing script. Reads summary.json from /opt/ml/processing/input/summary and writes
/opt/ml/processing/output/report/report.html plus report.json recording who approved it.
"""
import argparse
import html
import json
import os


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviewer", default="unknown")
    parser.add_argument("--ticket", default="")
    parser.add_argument("--input-dir", default="/opt/ml/processing/input/summary")
    parser.add_argument("--output-dir", default="/opt/ml/processing/output/report")
    args, _ = parser.parse_known_args()
    return args


def main():
    args = parse_args()
    path = os.path.join(args.input_dir, "summary.json")
    if not os.path.isfile(path):
        raise SystemExit(f"no summary.json under {args.input_dir}")
    with open(path) as handle:
        summary = json.load(handle)
    rows = "".join(
        f"<tr><td>{html.escape(region)}</td><td>{value:,.2f}</td></tr>"
        for region, value in sorted(summary["revenue_by_region"].items()))
    page = (f"<html><body><h1>Weekly sales</h1><p>{summary['order_count']} orders, "
            f"revenue {summary['revenue']:,.2f}. Approved by {html.escape(args.reviewer)} "
            f"(ticket {html.escape(args.ticket)}).</p><table>{rows}</table></body></html>\n")
    os.makedirs(args.output_dir, exist_ok=True)
    with open(os.path.join(args.output_dir, "report.html"), "w") as handle:
        handle.write(page)
    with open(os.path.join(args.output_dir, "report.json"), "w") as handle:
        json.dump({"reviewer": args.reviewer, "ticket": args.ticket, "revenue": summary["revenue"]}, handle)
    print(f"published_revenue={summary['revenue']}")


if __name__ == "__main__":
    main()
