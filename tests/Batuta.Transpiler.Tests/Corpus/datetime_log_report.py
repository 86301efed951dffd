"""datetime in a log report: strptime, session lengths, grouping by day, ISO formats, time and combine."""
from datetime import date, datetime, timedelta, time
import datetime as dtm

log = """2024-03-05 08:15:00 login alice
2024-03-05 17:45:30 logout alice
2024-03-06 09:00:05 login bob
2024-03-07 18:20:00 logout bob"""
events = []
for line in log.splitlines():
    day, clock, action, user = line.split()
    events.append((datetime.strptime(day + " " + clock, "%Y-%m-%d %H:%M:%S"), action, user))
sessions = {}
for when, action, user in events:
    if action == "login":
        sessions[user] = when
    else:
        spent = when - sessions.pop(user)
        print(f"{user:<6} {str(spent):>16} {spent.total_seconds():>10.1f}s {spent.days}d {spent.seconds}s")
print(datetime.strptime("Mar 7 2024 3:04PM", "%b %d %Y %I:%M%p"))
print(datetime.strptime("Tuesday, 05 March 24", "%A, %d %B %y"))
print(datetime.strptime("2024 066", "%Y %j").date())
print(datetime.strptime("12/31/99 23:59:59.5", "%m/%d/%y %H:%M:%S.%f"))
try:
    datetime.strptime("2024-03-05 extra", "%Y-%m-%d")
except ValueError as e:
    print(e)
try:
    print(date(2024, 1, 1) < datetime(2024, 1, 1))
except TypeError as e:
    print("TypeError:", e)
print(date(2024, 1, 1) == datetime(2024, 1, 1))
print(timedelta(hours=1.5), timedelta(hours=1) < timedelta(minutes=61), timedelta(days=1) == timedelta(hours=24))
print(timedelta(seconds=-0.5), timedelta(days=3).total_seconds(), timedelta(weeks=1, days=-8))
d = date(2024, 2, 29)
print(d.strftime("%c | %x | %X | %e | %y | %G-W%V-%u | %%"), d.ctime())
print(type(d).__name__, type(datetime(2020, 1, 1)).__name__, type(timedelta(1)).__name__)
by_day = {}
for when, action, user in events:
    by_day.setdefault(when.date(), []).append(user)
for k in sorted(by_day):
    print(k.isoformat(), by_day[k], k.strftime("%a"))
stamp = datetime(2024, 3, 5, 8, 15)
print(stamp.isoformat(sep=" "), stamp.isoformat(timespec="minutes"), time(7, 5).isoformat(), time(23, 0, 0, 1500))
print(dtm.datetime.combine(dtm.date(2020, 6, 1), dtm.time(12, 30)), dtm.timedelta(minutes=90) // dtm.timedelta(minutes=7))
print(sum([timedelta(minutes=m) for m in (15, 30, 45)], timedelta()), timedelta(days=7) % timedelta(days=3))
print(bool(timedelta(0)), bool(timedelta(microseconds=1)))
first = date(2024, 1, 1)
months = [first.replace(month=m) for m in range(1, 13)]
print([(m - first).days for m in months])
print(f"{stamp:%H:%M} {first:%B}", "{:%Y}".format(first), "%s" % first)
