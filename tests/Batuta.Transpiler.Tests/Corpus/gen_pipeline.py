def read_lines(text: str):
    for line in text.splitlines():
        yield line


def parse(lines):
    for line in lines:
        if not line or line.startswith("#"):
            continue
        name, value = line.split("=")
        yield name.strip(), int(value)


def running_total(pairs):
    total = 0
    for name, value in pairs:
        total += value
        yield name, total


DATA = """# config
a = 1
b = 10

c = 100
"""
for name, total in running_total(parse(read_lines(DATA))):
    print(name, total)
