# Static-site builder: pathlib for the path algebra and the file work (listings sorted: the file system's order varies).
from pathlib import Path

p = Path("a/b/c.txt")
print(p.name, p.suffix)
print(p, repr(p), p.stem, p.parent, p.parent.parent, p.parent.parent.parent, p.parts)
print(Path("archive.tar.gz").suffixes, Path(".bashrc").suffix, Path(".bashrc").stem, Path("x.").suffix)
print(Path("a//b/./c/"), Path(""), Path("/"), Path("/usr/lib").parts, Path("/usr") / "lib" / "x.so")
print(Path("a", "b", "/abs", "c"), Path("a") / "b" / Path("c/d"), Path("docs").joinpath("x", "y.md"))
print(p.with_suffix(".md"), p.with_suffix(""), p.with_name("d.csv"), p.with_stem("e"))
print(list(p.parents), Path("/x/y").is_absolute(), p.is_absolute())
print(Path("site/posts/a.md").relative_to("site"), Path("a") == Path("a/"), Path("a") < Path("b"))
print(sorted([Path("b/x"), Path("a/z"), Path("a")]), len({Path("a/b"), Path("a//b")}))
print(Path("src/app/main.py").match("*.py"), Path("src/app/main.py").match("app/*.py"), Path("src/main.py").match("lib/*.py"))

root = Path("site")
(root / "posts" / "2024").mkdir(parents=True, exist_ok=True)
(root / "static").mkdir(exist_ok=True)
n = (root / "posts" / "hello.md").write_text("# Hello\nFirst post.\n")
(root / "posts" / "2024" / "recap.md").write_text("# Recap\n")
(root / "static" / "style.css").write_text("body{}\n")
(root / "index.html").write_text("<html></html>\n")
print("wrote", n)
print((root / "posts" / "hello.md").read_text().splitlines())
print(root.exists(), root.is_dir(), (root / "index.html").is_file(), (root / "nope").exists())
print(sorted(x.name for x in root.iterdir()))
print(sorted(str(x) for x in root.glob("*.html")))
print(sorted(str(x) for x in root.glob("posts/*.md")))
print(sorted(str(x) for x in root.rglob("*.md")))
print(sorted(str(x.relative_to(root)) for x in root.glob("**/*")))
for md in sorted(root.rglob("*.md")):
    out = md.with_suffix(".html")
    title = md.read_text().splitlines()[0].lstrip("# ")
    out.write_text(f"<h1>{title}</h1>\n")
    print(md.relative_to(root), "->", out.name, out.stat if False else "")
with open(root / "index.html") as fh:
    print(fh.read().strip())
(root / "index.html").unlink()
print((root / "index.html").exists())
(root / "gone.txt").unlink(missing_ok=True)

try:
    Path("site/posts").mkdir()
except FileExistsError as exc:
    print("FileExistsError:", exc)
try:
    Path("x/y/z").mkdir()
except FileNotFoundError as exc:
    print("FileNotFoundError:", exc)
try:
    Path("missing.txt").read_text()
except FileNotFoundError as exc:
    print("FileNotFoundError:", exc)
try:
    Path("a/b").relative_to("c")
except ValueError as exc:
    print("ValueError:", exc)
try:
    p.with_suffix("md")
except ValueError as exc:
    print("ValueError:", exc)
