import textwrap

TEXT = """The quick brown fox jumps over the lazy dog. Well-known pangrams are
used to display typefaces and to test equipment; a self-referential, hyphen-heavy
sentence checks the break-on-hyphens rule of the wrapper."""

for width in (20, 33, 50):
    print(f"--- {width}")
    for line in textwrap.wrap(TEXT, width):
        print(f"|{line}|")
print(textwrap.fill(TEXT, 40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10))
code = """
    def hello():
        print("hi")

    hello()
"""
print(textwrap.dedent(code))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.shorten("Hello  world, this is a longer sentence", width=25))
print(textwrap.shorten("short", width=25))
