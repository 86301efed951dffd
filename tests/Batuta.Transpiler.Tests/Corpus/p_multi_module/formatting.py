PRECISION = 3


def fmt_float(x: float) -> str:
    return f"{x:.{PRECISION}f}"


def banner(title: str) -> str:
    line = "=" * (len(title) + 4)
    return f"{line}\n| {title} |\n{line}"
