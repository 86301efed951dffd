"""string.Template (substitute, safe_substitute, errors) and textwrap.TextWrapper with options changed between calls."""
import textwrap
from string import Template

t = Template("Dear $name, you owe $$${amount} for ${item}s.")
print(t.substitute(name="Ann", amount=12.5, item="book"))
print(t.substitute({"name": "Bo", "amount": 3, "item": "pen"}, amount=4))
print(t.safe_substitute(name="Cy"))
print(t.template)
for bad in [Template("cost: $5"), Template("ok\nline two $ x")]:
    try:
        bad.substitute(x=1)
    except ValueError as e:
        print("ValueError:", e)
try:
    t.substitute(name="Di")
except KeyError as e:
    print("KeyError:", e)

text = "The quick brown fox jumps over the lazy dog; well-known pangrams exercise every letter."
w = textwrap.TextWrapper(width=24, initial_indent="* ", subsequent_indent="  ")
print(w.fill(text))
w.width = 40
for line in w.wrap(text):
    print(repr(line))
narrow = textwrap.TextWrapper(width=6, break_long_words=False)
print(narrow.wrap("supercalifragilistic is long"))
