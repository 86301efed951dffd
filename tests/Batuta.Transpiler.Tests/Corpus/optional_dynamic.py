"""Optional parameters fed from dynamic values (argparse options left out, JSON nulls)."""
import argparse
import json


def describe(title: str | None, count: int | None, ratio: float | None = None) -> str:
    parts = []
    if title is not None:
        parts.append(f"title={title}")
    if count is not None:
        parts.append(f"count={count + 1}")
    if ratio is not None:
        parts.append(f"ratio={ratio:.2f}")
    return ", ".join(parts) or "(nothing)"


parser = argparse.ArgumentParser(prog="opt")
parser.add_argument("--title")
parser.add_argument("--count", type=int)
for argv in [[], ["--title", "x"], ["--count", "4"], ["--title", "y", "--count", "0"]]:
    args = parser.parse_args(argv)
    print(describe(args.title, args.count))
for doc in ['{"t": null, "c": 3, "r": null}', '{"t": "j", "c": null, "r": 0.5}']:
    data = json.loads(doc)
    print(describe(data["t"], data["c"], data["r"]))
