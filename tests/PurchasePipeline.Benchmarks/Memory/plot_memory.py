#!/usr/bin/python3
"""Draws results/memory.png from results/memory.json: peak RSS against batch size, one line per case.

usage: plot_memory.py MEMORY_JSON OUTPUT_PNG   (needs python3-matplotlib)
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

LABELS = {"job": "(a) the pipeline's job", "duckdb": "(b) plain DuckDB script", "pandas": "(c) pandas"}


def main(source: str, target: str) -> None:
    with open(source, encoding="utf-8") as f:
        results = json.load(f)
    rows_of_batch = []
    series: dict[str, list[tuple[float, float]]] = {}
    for sample in results["samples"]:
        if sample["case"] == "job":
            rows_of_batch.append(sample["rows_in"])
        rows = rows_of_batch[-1] / 1e6
        series.setdefault(sample["case"], []).append((rows, sample["peak_rss_bytes"] / 1e9))
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    for case, points in series.items():
        xs, ys = zip(*sorted(points))
        ax.plot(xs, ys, marker="o", label=LABELS.get(case, case))
        for x, y in points:
            ax.annotate(f"{y:.2f}", (x, y), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)
    ax.axhline(2, color="grey", linestyle="--", linewidth=1, label="target: 2 GB")
    ax.set_xlabel("batch size (million rows, one run)")
    ax.set_ylabel("peak RSS of the process (GB)")
    ax.set_title(f"Peak RSS against batch size (DuckDB memory limit {results['memory_limit']})")
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.text(0.01, 0.01, results["environment"], fontsize=6, color="grey")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
