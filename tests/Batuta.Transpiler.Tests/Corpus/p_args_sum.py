import sys

nums = [float(a) for a in sys.argv[1:]]
print(len(nums), sum(nums), max(nums) if nums else None)
print(sys.argv[0].endswith(".py"))
