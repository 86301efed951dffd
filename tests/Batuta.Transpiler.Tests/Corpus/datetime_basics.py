"""datetime: dates, datetimes and timedeltas: arithmetic, str/repr, strftime, strptime, sorting, dict keys."""
import datetime
from datetime import date, datetime as dt, timedelta

d = date(2024, 1, 31)
print(d, repr(d), d.year, d.month, d.day)
print(d + timedelta(days=1), d - timedelta(weeks=5))
e = date(2024, 3, 1)
print((e - d).days, e - d, repr(e - d), d < e, d == date(2024, 1, 31))
print(d.weekday(), d.isoweekday(), d.isocalendar(), d.strftime("%A %d %B %Y, day %j, week %U/%W"))
t = dt(2023, 12, 31, 23, 59, 30, 250)
print(t, repr(t), t + timedelta(seconds=45), t.date(), t.time())
print(t.isoformat(), t.strftime("%Y-%m-%d %H:%M:%S.%f %p %I"), f"{t:%d/%m/%y}", f"{d}")
p = dt.strptime("2024-02-29 13:45", "%Y-%m-%d %H:%M")
print(p, repr(p), p - t, (p - t).total_seconds())
print(datetime.datetime.fromisoformat("2021-05-06T07:08:09.123456"), datetime.date.fromisoformat("2020-02-02"))
td = timedelta(days=-1, hours=3, minutes=5, seconds=7.5)
print(td, repr(td), -td, abs(td), td * 3, 2 * td, td / 2, td // 4, timedelta(hours=5) / timedelta(minutes=30))
print(timedelta(0), timedelta(microseconds=-1), timedelta(days=2, seconds=1), timedelta(milliseconds=1.5))
dates = [date(2024, 5, 1), date(2023, 1, 1), date(2024, 1, 15)]
print(sorted(dates), max(dates), min(dates).isoformat())
counts = {}
for x in dates + [date(2023, 1, 1)]:
    counts[x.year] = counts.get(x.year, 0) + 1
print(counts)
seen = {date(2024, 1, 1): "ny", d: "end"}
print(seen[date(2024, 1, 31)], date(2024, 1, 1) in seen)
print(d.replace(day=1), t.replace(hour=0, minute=0), d.toordinal(), date.fromordinal(738000))
try:
    date(2023, 2, 29)
except ValueError as err:
    print("ValueError:", err)
try:
    dt.strptime("2024/01/01", "%Y-%m-%d")
except ValueError as err:
    print("ValueError:", err)
print(datetime.MAXYEAR, datetime.time(9, 30), (dt(2024, 1, 1) - dt(2023, 12, 25, 12)).days)
week = [d + timedelta(days=i) for i in range(7)]
print([w.strftime("%a") for w in week])
print(type(date.today()).__name__, type(dt.now()).__name__, date.today() <= date.today(), dt.now().year >= 2024)
values = [d, t, td, datetime.time(1, 2), 5, "2024-01-01"]
print([isinstance(v, date) for v in values], [isinstance(v, dt) for v in values])
print([isinstance(v, (timedelta, datetime.time)) for v in values], isinstance(t, datetime.date))
