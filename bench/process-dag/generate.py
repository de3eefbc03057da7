#!/usr/bin/python3
"""Writes the same layered DAG of trivial process steps (/bin/true) for three tools.

usage: generate.py STEPS WIDTH OUT_DIR

Step i sits in layer i // WIDTH and depends on two steps of the layer before it (the same index and the
next one, wrapping), so every tool sees the same edges:
  OUT_DIR/Makefile          GNU make: one phony target per step, recipe /bin/true
  OUT_DIR/Snakefile         snakemake: one rule per step, touching a marker file (snakemake needs files)
  OUT_DIR/pipeline.json     SageMaker definition: one Processing step per step, ContainerEntrypoint ["/bin/true"]
"""
import json
import os
import sys


def edges(steps, width):
    for i in range(steps):
        layer = i // width
        if layer == 0:
            yield i, []
            continue
        start = (layer - 1) * width
        size = min(width, steps - start)
        a = start + (i - layer * width) % size
        b = start + (i - layer * width + 1) % size
        yield i, sorted({a, b})


def name(i):
    return f"S{i:04d}"


def main():
    steps, width, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    os.makedirs(out, exist_ok=True)
    dag = list(edges(steps, width))

    with open(os.path.join(out, "Makefile"), "w") as f:
        f.write(".PHONY: all " + " ".join(name(i) for i, _ in dag) + "\n")
        f.write("all: " + " ".join(name(i) for i, _ in dag) + "\n")
        for i, deps in dag:
            f.write(f"{name(i)}: {' '.join(name(d) for d in deps)}\n\t@/bin/true\n")

    with open(os.path.join(out, "Snakefile"), "w") as f:
        f.write("rule all:\n    input: " + ", ".join(f'"done/{name(i)}"' for i, _ in dag) + "\n\n")
        for i, deps in dag:
            f.write(f"rule {name(i)}:\n")
            if deps:
                f.write("    input: " + ", ".join(f'"done/{name(d)}"' for d in deps) + "\n")
            f.write(f'    output: "done/{name(i)}"\n    shell: "/bin/true && touch {{output}}"\n\n')

    definition = {
        "Version": "2020-12-01",
        "Metadata": {},
        "Parameters": [],
        "PipelineExperimentConfig": None,
        "Steps": [
            {
                "Name": name(i),
                "Type": "Processing",
                "DependsOn": [name(d) for d in deps],
                "Arguments": {
                    "AppSpecification": {"ImageUri": "local/true:latest", "ContainerEntrypoint": ["/bin/true"]},
                    "ProcessingResources": {"ClusterConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.large", "VolumeSizeInGB": 1}},
                    "RoleArn": "arn:aws:iam::000000000000:role/bench",
                },
            }
            for i, deps in dag
        ],
    }
    with open(os.path.join(out, "pipeline.json"), "w") as f:
        json.dump(definition, f, indent=1)


if __name__ == "__main__":
    main()
