import calendar
from datetime import date, datetime, timedelta, time

HOLIDAYS = {date(2024, 1, 1), date(2024, 5, 27), date(2024, 7, 4), date(2024, 12, 25)}

def business_days(start, n):
    d = start
    out = []
    while len(out) < n:
        d += timedelta(days=1)
        if d.weekday() < 5 and d not in HOLIDAYS:
            out.append(d)
    return out

def nth_weekday(year, month, weekday, n):
    c = calendar.Calendar()
    days = [d for d in c.itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
    return days[n] if n >= 0 else days[n]

def recurring(start, every, until):
    cur = start
    while cur <= until:
        yield cur
        cur += every

print(calendar.month(2024, 2))
print(calendar.isleap(2024), calendar.leapdays(2000, 2025), calendar.monthrange(2024, 2))
print(calendar.weekday(2024, 7, 4), calendar.day_name[calendar.weekday(2024, 7, 4)], calendar.month_abbr[7])
print(list(calendar.day_abbr))
for d in business_days(date(2024, 12, 20), 5):
    print(d.isoformat(), d.strftime('%a %d %b'), d.isocalendar()[1])
print("Thanksgiving:", nth_weekday(2024, 11, calendar.THURSDAY, 3))
print("Memorial day:", nth_weekday(2024, 5, calendar.MONDAY, -1))
meet = datetime(2024, 3, 9, 22, 30)
for when in recurring(meet, timedelta(hours=7, minutes=45), meet + timedelta(days=1)):
    print(when, when.strftime('%Y-%m-%d %I:%M %p'), when.time())
delta = datetime(2024, 12, 25, 8) - datetime(2024, 2, 29, 17, 15, 30)
print(delta, delta.days, delta.seconds, repr(delta))
print(timedelta(weeks=1, days=-1, hours=25, milliseconds=1500))
print(timedelta(seconds=-1), -timedelta(hours=1), timedelta(days=1) / 3, timedelta(hours=3) // timedelta(minutes=50))
print(abs(timedelta(days=-2)), timedelta(minutes=90) * 2.5, timedelta(hours=1) % timedelta(minutes=25))
print(date.fromisoformat('2024-02-29') + timedelta(days=365), date(2024, 1, 31).replace(month=4, day=30))
print(datetime.fromisoformat('2024-06-01T12:34:56.789'), datetime.strptime('03/15/24 7:05', '%m/%d/%y %H:%M'))
print(datetime.combine(date(2024, 1, 2), time(9, 30)).isoformat(' '), time(23, 59, 59, 999).isoformat())
print(date(2024, 3, 10).toordinal(), date.fromordinal(738955), date(2024, 3, 10).isoweekday())
print(repr(date(2024, 3, 10)), repr(datetime(2024, 3, 10, 5)), repr(time(1, 2)))
print(f"{date(2024, 3, 10):%B %d, %Y} {datetime(2024, 3, 10, 5, 6):%H%M} {date(2024, 1, 1):%j %U %W}")
print(sorted([date(2024, 5, 1), date(2023, 5, 1), date(2024, 1, 1)], reverse=True))
print(max(HOLIDAYS) - min(HOLIDAYS))
schedule = {}
for i, d in enumerate(business_days(date(2024, 7, 1), 8)):
    schedule.setdefault(d.strftime('%A'), []).append(d.day)
for k in sorted(schedule, key=lambda k: list(calendar.day_name).index(k)):
    print(f"{k:<10}{schedule[k]}")
print(calendar.monthcalendar(2024, 7)[0])
tc = calendar.TextCalendar(calendar.SUNDAY)
print(tc.formatmonth(2024, 7, w=3))
print(date.min, date.max, timedelta.max)
try:
    date(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
