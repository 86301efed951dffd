# Access-log timestamps with UTC offsets: strptime %z gives aware datetimes that compare as instants.
from datetime import datetime, timedelta

lines = [
    "10/Mar/2024:13:55:36 +0000",
    "10/Mar/2024:15:10:02 +0200",
    "09/Mar/2024:23:59:59 -0530",
    "11/Mar/2024:00:00:00 +05:45",
]
stamps = [datetime.strptime(s, "%d/%b/%Y:%H:%M:%S %z") for s in lines]
for t in stamps:
    print(t, "|", t.isoformat(), "|", t.strftime("%Y-%m-%d %H:%M %z %Z"), "|", t.utcoffset(), "|", t.tzinfo)
print(repr(stamps[0]))
print(repr(stamps[1]))
print(repr(stamps[2]))
print(stamps[1] - stamps[0])
print(stamps[0] - stamps[2])
print(sorted(stamps)[0], max(stamps))
print(stamps[0] + timedelta(hours=1, minutes=30))
print(stamps[0] == datetime.strptime("2024-03-10T15:55:36+02:00", "%Y-%m-%dT%H:%M:%S%z"))
z = datetime.strptime("2024-01-01 12:00:00Z", "%Y-%m-%d %H:%M:%S%z")
print(z, z.tzname(), z.timestamp())
print(datetime.strptime("2024-01-01 12:00", "%Y-%m-%d %H:%M").tzinfo)
print(datetime.strptime("2024-01-01 12:00", "%Y-%m-%d %H:%M").strftime("[%z][%Z]"))

naive = datetime(2024, 3, 10, 13, 55, 36)
print(naive == stamps[0])
try:
    print(naive < stamps[0])
except TypeError as exc:
    print("TypeError:", exc)
try:
    print(stamps[0] - naive)
except TypeError as exc:
    print("TypeError:", exc)
try:
    datetime.strptime("2024-01-01 +01:0030", "%Y-%m-%d %z")
except ValueError as exc:
    print("ValueError:", exc)
