"""Settings loader: environment overrides on top of defaults (legacy deploy script style)."""
import os

DEFAULTS = {"APP_MODE": "dev", "APP_PORT": "8000", "APP_DEBUG": "0"}


def load_settings(prefix="APP_"):
    settings = dict(DEFAULTS)
    for key in sorted(os.environ):
        if key.startswith(prefix):
            settings[key] = os.environ[key]
    return settings


def describe(settings):
    for k in sorted(settings):
        print("  %-10s = %s" % (k, settings[k]))


print("PATH set:", "PATH" in os.environ, "BATUTA_NOPE_1" in os.environ, "BATUTA_NOPE_1" not in os.environ)
for name in ("APP_MODE", "APP_PORT", "APP_EXTRA"):
    if name in os.environ:
        del os.environ[name]
print("defaults:")
describe(load_settings())
os.environ["APP_MODE"] = "prod"
os.environ["APP_EXTRA"] = "yes"
print("overrides:")
describe(load_settings())
print(os.environ.get("APP_MODE"), os.getenv("APP_MODE"), os.environ.get("APP_NOPE"), os.environ.get("APP_NOPE", "n/a"))
print(os.environ.setdefault("APP_PORT", "9000"), os.environ.setdefault("APP_PORT", "9999"), os.environ["APP_PORT"])
env = os.environ
env["APP_DEBUG"] = str(int(env.get("APP_DEBUG", "0")) + 1)
print("debug level", env["APP_DEBUG"], os.getenv("APP_DEBUG"))
snapshot = dict(os.environ)
print(type(snapshot).__name__, snapshot["APP_EXTRA"], len(snapshot) == len(os.environ))
mine = sorted((k, v) for k, v in os.environ.items() if k.startswith("APP_"))
print(mine)
print([k for k in os.environ.keys() if k == "APP_MODE"], "prod" in list(os.environ.values()))
print(os.environ.pop("APP_EXTRA"), os.environ.pop("APP_EXTRA", "gone"), "APP_EXTRA" in os.environ)
os.environ.update({"APP_A": "1", "APP_B": "2"})
print(sorted(k for k in os.environ if k in ("APP_A", "APP_B")))
try:
    value = os.environ["APP_MISSING"]
except KeyError as exc:
    print("missing key:", exc)
port = int(os.environ.get("APP_PORT", "0"))
print("port + 1 =", port + 1)
