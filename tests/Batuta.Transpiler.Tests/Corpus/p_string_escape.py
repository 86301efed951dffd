s = 'He said "hi"\tand left\\n'
print(s)
print(repr(s))
print(len(s), s.count("\\"), "tab\there")
print(repr("line1\nline2"), repr("\x00\x7f"), repr("café"), "\u00e9" == "é")
print("a\\b", r"raw\n", 'single \'quoted\'')
