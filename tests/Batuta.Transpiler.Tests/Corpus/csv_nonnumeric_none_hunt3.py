"""csv.QUOTE_NONNUMERIC: None is an empty quoted field, numbers stay bare."""
import csv, sys
csv.writer(sys.stdout, quoting=csv.QUOTE_NONNUMERIC).writerow([1, "a", None])
