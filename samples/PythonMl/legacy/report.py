"""Plain-text report formatting shared by the training steps."""


def header(title):
    print()
    print(title)
    print("=" * len(title))


def table(rows, columns):
    widths = [max(len(str(c)), 10) for c in columns]
    print("  ".join(str(c).rjust(w) for c, w in zip(columns, widths)))
    for row in rows:
        cells = []
        for value, w in zip(row, widths):
            if isinstance(value, float):
                cells.append(f"{value:.3f}".rjust(w))
            else:
                cells.append(str(value).rjust(w))
        print("  ".join(cells))


def metric(name, value):
    print(f"{name:<22}{value:>10.4f}")
