# Tenth hunt: the logging module as legacy scripts use it: the dotted logger hierarchy (parents found whichever
# logger is made first), levels and their names, stream handlers on stdout and on a StringIO, handler levels,
# propagation, extra=, FileHandler modes, basicConfig (a configured root left alone unless force=), disable(), and
# exception() (its traceback goes to stderr, whose last line is compared).
import io
import logging
import os
import sys



def hierarchy_cases():
    deep = logging.getLogger("app.db.pool")
    print(deep.parent is logging.getLogger(), deep.parent.name)
    app = logging.getLogger("app")
    print(deep.parent is app, logging.getLogger("app.db.pool") is deep, app.parent is logging.root)
    db = logging.getLogger("app.db")
    print(deep.parent.name, db.parent.name, app.getChild("db") is db)
    print(app.level, app.getEffectiveLevel(), logging.getLevelName(app.getEffectiveLevel()))
    app.setLevel("DEBUG")
    print(app.level, deep.getEffectiveLevel(), deep.isEnabledFor(logging.DEBUG), deep.isEnabledFor(5))
    print(repr(app), repr(logging.getLogger()))
    print(logging.getLevelName("ERROR"), logging.getLevelName(35), logging.getLevelName("NOPE"), logging.getLevelName(logging.NOTSET))
    logging.addLevelName(25, "NOTICE")
    print(logging.getLevelName(25), logging.getLevelName("NOTICE"))
    try:
        app.setLevel("LOUD")
    except ValueError as e:
        print("ValueError", e)


def handler_cases():
    out = logging.getLogger("svc")
    h = logging.StreamHandler(sys.stdout)
    h.setFormatter(logging.Formatter("%(name)s|%(levelno)d|%(levelname)-5s|%(message)s"))
    out.addHandler(h)
    out.propagate = False
    out.setLevel(logging.DEBUG)
    out.debug("plain")
    out.info("mapping %(a)s and %(b)05.1f", {"a": "x", "b": 2.25})
    out.log(25, "custom level %d%%", 7)
    out.warning("percent kept 100%")
    h.setLevel(logging.WARNING)
    out.info("dropped by the handler level")
    out.error("kept %s", [1, 2])
    print(len(out.handlers), out.handlers[0] is h, out.propagate)
    buf = io.StringIO()
    sh = logging.StreamHandler(buf)
    sub = logging.getLogger("svc.child")
    sub.addHandler(sh)
    sub.warning("to both %s", "places")
    out.removeHandler(h)
    sub.error("only the buffer")
    print(repr(buf.getvalue()))
    try:
        sub.log("INFO", "x")
    except TypeError as e:
        print("TypeError", e)
    ex = logging.getLogger("svc.extra")
    ex.propagate = False
    eh = logging.StreamHandler(sys.stdout)
    eh.setFormatter(logging.Formatter("[%(user)s] %(message)s"))
    ex.addHandler(eh)
    ex.warning("with extra", extra={"user": "ana"})


def file_cases():
    path = "e_hunt10_logging.log"
    fl = logging.getLogger("file")
    fh = logging.FileHandler(path, mode="w")
    fh.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    fl.addHandler(fh)
    fl.propagate = False
    fl.warning("first")
    fl.error("second %d", 2)
    fh.close()
    with open(path) as f:
        print(f.read().splitlines())
    fh2 = logging.FileHandler(path)
    fl.removeHandler(fh)
    fl.addHandler(fh2)
    fl.critical("appended")
    fh2.close()
    with open(path) as f:
        print(f.read().splitlines())
    os.remove(path)


def ratios(xs):
    for x in xs:
        try:
            yield 10 // x
        except ZeroDivisionError:
            logging.error("zero in %s", xs, exc_info=False)
            continue


def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        logging.warning("no %s", e, extra={"key": k})
        return None


def root_cases():
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s", stream=sys.stdout)
    logging.info("root %s", "info")
    logging.debug("hidden")
    logging.basicConfig(level=logging.DEBUG, format="ignored %(message)s")
    logging.debug("level changed, format kept")
    logging.basicConfig(format="%(asctime)s|%(message)s", datefmt="%Y", stream=sys.stdout, force=True)
    logging.warning("forced")
    logging.disable(logging.WARNING)
    logging.warning("disabled")
    logging.error("above the disable level")
    logging.disable(logging.NOTSET)
    print(list(ratios([1, 0, 5])), lookup({}, "a"), lookup({"a": 1}, "a"))
    logging.basicConfig(format="%(levelname)s:%(name)s:%(message)s", force=True)
    try:
        raise KeyError("missing")
    except KeyError:
        logging.exception("caught %s", "it")


hierarchy_cases()
handler_cases()
file_cases()
root_cases()
