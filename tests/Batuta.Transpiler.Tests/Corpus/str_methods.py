s = "  Hello World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), s.strip().lower().title())
t = "a,b,,c"
print(t.split(","), t.split(",", 1), t.rsplit(",", 1), "a b  c".split(), "".split(), " x ".split(" "))
print("one\ntwo\r\nthree".splitlines(), "x".zfill(4), "-7".zfill(4), "ab".ljust(5, ".") + "|", "ab".rjust(5) + "|")
print("hello".replace("l", "L", 1), "banana".count("an"), "banana".rfind("a"), "banana".index("n"))
print("abc".isalpha(), "123".isdigit(), "a1".isalnum(), "   ".isspace(), "ABC".isupper(), "abc".islower())
print("key=value=x".partition("="), "key=value=x".rpartition("="), "Hello".swapcase())
print("tab\tsep".expandtabs(4), "prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"))
print(ord("A"), chr(97), "é".upper(), "straße".upper(), len("héllo"))
print(",".join(map(str, [1, 2, 3])), "x".join("abc"), "abc" * 0, "%s" % "%")
print("The Quick".startswith(("The", "A")), "file.py".endswith((".py", ".txt")))
