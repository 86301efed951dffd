# Report writer: grouped number columns, JSON error positions, templated or computed substitutions, binary
# snapshots through pathlib, and times read back from ISO strings.
import json
import re
from datetime import date, datetime, time
from pathlib import Path

# zero padding with a thousands separator groups the padding too (floats as ints), whatever the sign option
for v in (1234.5, -1234.5, 0.25, 12345678.9):
    print(format(v, "010,.1f"), f"{v:+012,.2f}", f"{v: 012_.2f}", f"{v:015,e}", f"{v:09,.1%}")
print(format(1234, "08,"), format(1234, "+09_x"), f"{1234.5:0=12,.1f}", f"{1234.5:x=12,.1f}", f"{1e20:030,.1f}")
print(f"{float('inf'):010,}", f"{float('nan'):+010,f}", f"{1234.5:010,}")

# an unterminated string is reported at its opening quote (also after an escape or a newline)
for doc in ('[1, "abc', '"abc\\', '{"a":\n  "xy', '{"k\\n', '{"ok": "yes", "bad": "no'):
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(doc), e.msg, e.pos, e.lineno, e.colno, "|", e)

# a replacement that is a template for one rule and a function for another
rules = [("a", "A"), ("b", lambda m: m.group(0).upper() * 2), (r"(\d+)", r"<\1>"), (r"\s+", lambda m: "_")]
text = "abc 12 ba  7"
for pat, repl in rules:
    text = re.sub(pat, repl, text)
    print(text)
pattern = re.compile(r"x(\d)")
for repl in (r"[\1]", lambda m: str(int(m.group(1)) * 2)):
    print(pattern.sub(repl, "x1 x2 x3"), pattern.subn(repl, "x4 x5", count=1))

# pathlib bytes round trip
blob = Path("snapshot.bin")
print(blob.write_bytes(b"\x00\x01hi\n\xff"), blob.read_bytes(), len(blob.read_bytes()))
print(blob.write_bytes(bytearray(b"abc")), blob.read_bytes())
Path("note.txt").write_text("line\n")
print(Path("note.txt").read_bytes())
try:
    blob.write_bytes("text")
except TypeError as e:
    print("TypeError:", e)
try:
    Path("missing.bin").read_bytes()
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
blob.unlink()
Path("note.txt").unlink()

# time.fromisoformat (3.11 forms) and the wider datetime.fromisoformat times
for s in ("23:59:58", "T23:59", "12", "12:30:15.123", "12:30:15.1234", "123015", "T1230", "12:30:15,500", "12.5", "12:30.5"):
    t = time.fromisoformat(s)
    print(s, t, repr(t), t.isoformat())
for s in ("25:00", "", "12:3", "1230:15", "12:3015", "12:30:15.", "T"):
    try:
        time.fromisoformat(s)
    except ValueError as e:
        print("ValueError:", e)
print(datetime.fromisoformat("2024-01-01T12:30:15.1234567"), datetime.fromisoformat("20240101T123015"), datetime.fromisoformat("2024-01-01 1230"))

# timetuple of naive datetimes and dates: a struct_time
tt = datetime(2024, 3, 10, 12, 5, 7).timetuple()
print(tt, tt.tm_yday, tt.tm_wday, tt.tm_isdst, tt.tm_zone, tt[0], tt[-1], tt[2:4], len(tt), tuple(tt))
print(date(2024, 12, 31).timetuple(), date(2023, 1, 1).timetuple().tm_yday)
y, m, *rest = date(2024, 1, 1).timetuple()
print(y, m, rest, date(2024, 1, 1).timetuple() == (2024, 1, 1, 0, 0, 0, 0, 1, -1), str(tt) == repr(tt))
print([datetime(2024, mo, 1).timetuple().tm_yday for mo in range(1, 13)])
print(datetime.strptime("2024-02-29 23:00 +0100", "%Y-%m-%d %H:%M %z").timetuple())
