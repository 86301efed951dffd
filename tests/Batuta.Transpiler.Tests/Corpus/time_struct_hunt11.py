"""Log rotation script: epoch stamps to struct_time and back, file names from strftime, parsing with strptime."""
import calendar
import time
from time import gmtime, strftime, strptime

STAMPS = [0, 86399, 951782400, 1700000000, 1709649000, 2147483647, -1]

print(time.gmtime(0))
for ts in STAMPS:
    t = time.gmtime(ts)
    print(ts, t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst, t.tm_zone, t.tm_gmtoff)
    print("   ", strftime("%Y-%m-%d %H:%M:%S %a %b %j %U %W %C %y %e %I %p %Z %z", t), time.asctime(t))

t = gmtime(1700000000)
print(t[0], t[:3], t[-1], len(t), tuple(t), list(t)[6:])
year, month, day = t[:3]
print("log-%04d%02d%02d.txt" % (year, month, day), strftime("archive_%Y%m%d_%H%M.tgz", t))
print(gmtime(1.999).tm_sec, gmtime(-0.5).tm_sec, gmtime(10 ** 10).tm_year)
print(t == (2023, 11, 14, 22, 13, 20, 1, 318, 0), isinstance(t, time.struct_time), isinstance((1, 2), time.struct_time))

# calendar.timegm is gmtime's inverse
print([calendar.timegm(gmtime(ts)) == ts for ts in STAMPS], calendar.timegm((2024, 2, 30, 25, 61, 0)))
print(time.timezone == -time.localtime(0).tm_gmtoff or time.daylight == 1, len(time.tzname), type(time.altzone).__name__)

# local time round trips through mktime, whatever the zone
for ts in [0, 1000000000, 1700000000]:
    lt = time.localtime(ts)
    print("mktime:", time.mktime(lt) == ts, time.ctime(ts) == time.asctime(lt))

# mktime normalises out-of-range fields as C does
base = time.mktime((2024, 1, 1, 0, 0, 0, 0, 1, -1))
print(time.mktime((2024, 13, 40, 25, 0, 0, 0, 1, -1)) - base, time.mktime((2023, 14, 1, 0, 0, 0, 0, 1, -1)) - base)

p = strptime("2024-03-05 14:30:00", "%Y-%m-%d %H:%M:%S")
print(p)
print(p.tm_yday, p.tm_wday, p.tm_zone, strftime("%d/%m/%Y %H.%M", p))
print(strptime("Tue Nov 14 22:13:20 2023"))
print(strptime("+0130 2020", "%z %Y").tm_gmtoff, strptime("12 Feb 99", "%d %b %y")[:3])

# a plain 9-tuple works where a struct_time does; the weekday and day of year are taken as given
print(strftime("%a %A %j", (2024, 1, 1, 0, 0, 0, 3, 100, 0)), time.asctime((2024, 1, 1, 0, 0, 0, 3, 100, 0)))
print(strftime("%Y-%m-%d", (2024, 0, 0, 0, 0, 0, 0, 0, 0)), strftime("%a", (2024, 1, 1, 0, 0, 0, -1, 1, 0)))
print(time.struct_time((2020, 5, 17, 8, 0, 0, 6, 138, 0)))

for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 24, 0, 0, 0, 1, 0), (2024, 1, 1, 0, 0, 0, 0, 367, 0), (1, 2), "2024"]:
    try:
        print(strftime("%Y", bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    strptime("2024/03/05", "%Y-%m-%d")
except ValueError as e:
    print("ValueError:", e)
print(time.localtime().tm_year >= 2024, len(time.ctime()) == 24, len(time.strftime("%H:%M")) == 5)
