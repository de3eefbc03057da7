"""Scores customers with the churn model: the Model/Transform step's inference script.

Works two ways:
- as a SageMaker inference-toolkit script (model_fn, input_fn, predict_fn, output_fn), which is
  how SAGEMAKER_PROGRAM=inference.py is loaded by a serving container;
- as a batch command: python3 inference.py --model-dir DIR --input-dir DIR --output-dir DIR,
  writing <input file>.out next to each input file name, as Batch Transform does.
Input rows are headerless CSV features (no label); output rows are churn probabilities.
"""
import argparse
import csv
import glob
import io
import json
import math
import os
import tarfile


def model_fn(model_dir):
    path = os.path.join(model_dir, "model.json")
    if os.path.isfile(path):
        with open(path) as handle:
            return json.load(handle)
    # Read model.json straight out of the archive: nothing is extracted, so no path traversal.
    for archive_path in glob.glob(os.path.join(model_dir, "*.tar.gz")):
        with tarfile.open(archive_path) as archive:
            for member in archive.getmembers():
                if member.isfile() and os.path.basename(member.name) == "model.json":
                    return json.load(archive.extractfile(member))
    raise SystemExit(f"no model.json or model.tar.gz holding one under {model_dir}")


def input_fn(body, content_type="text/csv"):
    if content_type != "text/csv":
        raise ValueError(f"unsupported content type {content_type}; send text/csv")
    text = body.decode() if isinstance(body, bytes) else body
    return [[float(v) for v in row] for row in csv.reader(io.StringIO(text)) if row]


def predict_fn(rows, model):
    scores = []
    for features in rows:
        z = model["bias"] + sum(w * x for w, x in zip(model["weights"], features))
        scores.append(1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))))
    return scores


def output_fn(scores, accept="text/csv"):
    return "".join(f"{score:.6f}\n" for score in scores)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model-dir", default=os.environ.get("SM_MODEL_DIR", "/opt/ml/model"))
    parser.add_argument("--input-dir", default="/opt/ml/transform/input")
    parser.add_argument("--output-dir", default="/opt/ml/transform/output")
    args, _ = parser.parse_known_args()
    model = model_fn(args.model_dir)
    os.makedirs(args.output_dir, exist_ok=True)
    files = sorted(glob.glob(os.path.join(args.input_dir, "*.csv")))
    for path in files:
        with open(path) as handle:
            scores = predict_fn(input_fn(handle.read()), model)
        target = os.path.join(args.output_dir, os.path.basename(path) + ".out")
        with open(target, "w") as handle:
            handle.write(output_fn(scores))
        print(f"scored {len(scores)} rows from {path}")
    if not files:
        raise SystemExit(f"no CSV files under {args.input_dir}")


if __name__ == "__main__":
    main()
