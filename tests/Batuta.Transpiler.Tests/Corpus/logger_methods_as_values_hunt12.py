import logging, sys
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("svc")
for level in ["info", "warning", "error", "debug"]:
    getattr(log, level)("via getattr %s", level)
emit = log.warning
emit("bound %d", 3)
handlers = {"ok": log.info, "bad": log.error}
handlers["bad"]("from a dict")
print(callable(emit), log.isEnabledFor(logging.DEBUG), getattr(log, "name"))
