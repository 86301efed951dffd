import os
here = os.path.dirname(os.path.abspath(__file__))
print(os.path.basename(__file__), here == os.getcwd(), os.path.splitext(os.path.basename(__file__))[0])
data = os.path.join(here, "data.txt")
print(os.path.exists(data), __name__)
if __name__ == "__main__":
    print("main")
