import sys


def parse_port(s: str) -> int:
    port = int(s)
    if not 0 < port < 65536:
        raise ValueError(f"port out of range: {port}")
    return port


try:
    print(parse_port("8080"))
    print(parse_port("70000"))
except ValueError as e:
    print(f"error: {e}", file=sys.stderr)
    sys.exit(2)
