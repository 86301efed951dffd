class ConfigError(Exception):
    pass


def parse(text: str) -> int:
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad value {text!r}") from e


print(parse("12"))
try:
    parse("x1")
except ConfigError as e:
    print("caught:", e, type(e).__name__)
parse("oops")
