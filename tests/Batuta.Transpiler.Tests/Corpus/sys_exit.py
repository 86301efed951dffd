import sys

print("starting")
if len(sys.argv) > 1:
    print("args:", sys.argv[1:])
sys.exit(3)
