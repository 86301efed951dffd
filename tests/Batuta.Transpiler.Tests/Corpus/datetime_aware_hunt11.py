"""Meeting scheduler from an ops toolbox: fixed-offset zones, UTC normalisation, and the datetime range limits."""
import datetime
from datetime import date, datetime as dt, time, timedelta, timezone

UTC = timezone.utc
EST = timezone(timedelta(hours=-5), "EST")
IST = timezone(timedelta(hours=5, minutes=30), "IST")
NPT = timezone(timedelta(hours=5, minutes=45))

print(UTC, repr(UTC), EST, repr(EST), repr(NPT), NPT, timezone(timedelta(0)), repr(timezone(timedelta(0), "Z")))
print(timezone.min, timezone.max, UTC.utcoffset(None), EST.tzname(None), IST.dst(None), EST == timezone(timedelta(hours=-5)))

meetings = [
    ("standup", dt(2024, 3, 10, 9, 0, tzinfo=EST)),
    ("review", dt(2024, 3, 10, 19, 45, tzinfo=IST)),
    ("retro", dt(2024, 3, 10, 13, 30, tzinfo=UTC)),
    ("launch", dt(2024, 3, 10, 20, 0, 0, 0, NPT)),
]
for name, when in sorted(meetings, key=lambda m: m[1]):
    print("%-8s %s | %s | utc %s | %s %s" % (name, when, when.isoformat(), when.astimezone(UTC), when.tzname(), when.utcoffset()))

standup = meetings[0][1]
retro = meetings[2][1]
print(retro - standup, standup - retro, standup < retro, standup.astimezone(IST), standup.astimezone(UTC) == standup)
print(repr(standup), repr(standup.astimezone(UTC)))
print(standup.strftime("%Y-%m-%d %H:%M %z %Z"), f"{retro:%H:%M %Z}", retro.timestamp(), standup.timestamp())
print(hash(standup) == hash(standup.astimezone(IST)), {standup: "x"}[standup.astimezone(UTC)])
print(standup.replace(tzinfo=None), standup.replace(tzinfo=UTC), standup.replace(hour=11).isoformat(timespec="minutes"))
print(standup + timedelta(hours=20), repr(standup - timedelta(days=1)), standup.date(), standup.time())
print(standup.utctimetuple(), standup.timetuple().tm_isdst, standup.dst(), IST.fromutc(dt(2024, 1, 1, tzinfo=IST)))

naive = dt(2024, 3, 10, 14, 0)
print(naive == retro, naive.utcoffset(), naive.tzname(), naive.tzinfo, retro.tzinfo, standup.tzinfo)
for op in ("<", "-"):
    try:
        print(naive < retro if op == "<" else naive - retro)
    except TypeError as e:
        print("TypeError:", e)

print(dt.fromtimestamp(1700000000, tz=UTC), dt.fromtimestamp(1700000000, IST), dt.utcfromtimestamp(86400))
print(repr(dt.fromisoformat("2024-05-06T07:08:09+00:00")), dt.fromisoformat("2024-05-06T07:08:09-03:30"), dt.fromisoformat("2024-05-06 07:08Z"))
print(repr(dt.strptime("2024-01-02 03:04 +0000", "%Y-%m-%d %H:%M %z")))
now = dt.now(UTC)
print(now.tzinfo, now.utcoffset(), now.isoformat().endswith("+00:00"), dt.now(tz=EST).tzname(), datetime.datetime.now(datetime.timezone.utc).tzinfo is not None)

try:
    timezone(timedelta(hours=24))
except ValueError as e:
    print("ValueError:", e)
for bad in [lambda: timezone(5), lambda: dt(2024, 1, 1, tzinfo="UTC")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

# the range limits are class attributes
print(date.min, date.max, dt.min, dt.max, time.min, time.max)
print(timedelta.max, timedelta.min, timedelta.resolution, date.resolution, dt.resolution)
print(repr(date.min), repr(timedelta.max), repr(dt.max), datetime.MINYEAR, datetime.MAXYEAR, datetime.UTC)
best = timedelta.max
for gap in [timedelta(hours=3), timedelta(minutes=50), timedelta(days=1)]:
    if gap < best:
        best = gap
print("shortest gap:", best, dt.max - dt.min, date.max - date.min, max([date(2020, 1, 1)], default=date.min))
try:
    date.max + timedelta(days=1)
except OverflowError as e:
    print("OverflowError:", e)
for d in [dt(2000, 1, 1), dt(2024, 12, 31), dt(2023, 1, 1), dt(999, 7, 4)]:
    print(d.strftime("%j %U %W %w %u %C %y %G %V"))
