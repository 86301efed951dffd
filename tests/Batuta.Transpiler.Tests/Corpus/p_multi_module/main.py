from geometry import Circle, area_sum
import formatting
from formatting import banner

shapes = [Circle(1.0), Circle(2.5)]
print(banner("shapes"))
print(formatting.fmt_float(area_sum(shapes)))
print(formatting.PRECISION, len(shapes))
