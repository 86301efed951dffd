# Import feeds from suppliers who each send a different CSV flavour: sniff the dialect, detect a header, load rows.
import csv
import io

FEEDS = {
    "acme": "sku|name|qty\nA1|bolt|100\nA2|nut|250\nA3|washer|75\n",
    "globex": "\"sku\";\"name\";\"qty\"\n\"G1\";\"gear, small\";\"12\"\n\"G2\";\"gear, large\";\"7\"\n",
    "initech": "I1, stapler, 3\nI2, printer, 1\nI3, \"paper, A4\", 40\n",
    "umbrella": "code\tlabel\tcount\nU1\tmask\t500\nU2\tgloves\t1200\n",
    "hooli": "id,comment\n1,\"said \"\"great\"\"\"\n2,\"fine\"\n",
}

sniffer = csv.Sniffer()
totals = {}
for supplier in sorted(FEEDS):
    text = FEEDS[supplier]
    dialect = sniffer.sniff(text)
    header = sniffer.has_header(text)
    print("%-9s delimiter=%r quotechar=%r doublequote=%s skipinitialspace=%s header=%s"
          % (supplier, dialect.delimiter, dialect.quotechar, dialect.doublequote, dialect.skipinitialspace, header))
    rows = list(csv.reader(io.StringIO(text), dialect))
    if header:
        names, rows = rows[0], rows[1:]
    else:
        names = ["col%d" % (i + 1) for i in range(len(rows[0]))]
    print("   columns:", names)
    for row in rows:
        print("   ", dict(zip(names, row)))
    last = [r[-1] for r in rows]
    totals[supplier] = sum(int(v) for v in last if v.strip().isdigit())
print("totals:", totals)

restricted = sniffer.sniff("a,b;c\n1,2;3\n4,5;6\n", delimiters=";")
print("restricted:", repr(restricted.delimiter))
for bad in ("plain text\nwithout any delimiter\n", ""):
    try:
        sniffer.sniff(bad)
    except csv.Error as exc:
        print("csv.Error:", exc)
print(sniffer.has_header("name,score\nann,10\nbob,12\n"), sniffer.has_header("1,2\n3,4\n5,6\n"))
