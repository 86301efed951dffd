import os
import sys
import tempfile
import shutil
import glob
from pathlib import Path

def build(root):
    spec = {
        'src/main.py': 'print("hi")\n' * 3,
        'src/util/helpers.py': '# helpers\n',
        'src/util/__init__.py': '',
        'docs/readme.md': '# Title\n\nSome text here.\n',
        'docs/img/logo.svg': '<svg/>' * 20,
        'build/out.o': '\x00' * 64,
        '.hidden/secret.txt': 'shh',
        'data.csv': 'a,b\n1,2\n',
    }
    for rel, content in spec.items():
        p = os.path.join(root, *rel.split('/'))
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'w') as f:
            f.write(content)

def human(n):
    for unit in ('B', 'KB', 'MB'):
        if n < 1024:
            return f"{n:.0f}{unit}" if unit == 'B' else f"{n:.1f}{unit}"
        n /= 1024
    return f"{n:.1f}GB"

def summarize(root, skip_hidden=True):
    totals = {}
    ext_count = {}
    lines = []
    for dirpath, dirnames, filenames in os.walk(root, topdown=True):
        if skip_hidden:
            dirnames[:] = [d for d in dirnames if not d.startswith('.')]
        dirnames.sort()
        rel = os.path.relpath(dirpath, root)
        depth = 0 if rel == '.' else rel.count(os.sep) + 1
        size = 0
        for fn in sorted(filenames):
            fp = os.path.join(dirpath, fn)
            sz = os.path.getsize(fp)
            size += sz
            ext = os.path.splitext(fn)[1] or '<none>'
            ext_count[ext] = ext_count.get(ext, 0) + 1
            lines.append('    ' * (depth + 1) + f"{fn} ({human(sz)})")
        totals[rel] = size
        lines.append('    ' * depth + f"{os.path.basename(dirpath) if rel != '.' else '.'}/ [{len(filenames)} files, {human(size)}]")
    return totals, ext_count, lines

root = tempfile.mkdtemp()
try:
    build(root)
    totals, exts, lines = summarize(root)
    print("\n".join(lines))
    for d, s in sorted(totals.items()):
        print(f"{d:<12}{s:>6}")
    print(sorted(exts.items(), key=lambda kv: (-kv[1], kv[0])))
    print(sum(totals.values()))
    old = os.getcwd()
    os.chdir(root)
    print(sorted(glob.glob('src/**/*.py', recursive=True)))
    print(sorted(glob.glob('*')), sorted(glob.glob('docs/*.md')), glob.glob('nothing*'))
    os.chdir(old)
    p = Path(root)
    print(sorted(x.relative_to(p).as_posix() for x in p.rglob('*.py')))
    print(sorted(x.name for x in (p / 'src').iterdir()))
    f = p / 'docs' / 'readme.md'
    print(f.suffix, f.stem, f.parent.name, f.exists(), f.is_file(), f.is_dir(), f.read_text().splitlines()[0])
    print(Path('a/b/c.tar.gz').suffixes, Path('a/b/c.tar.gz').with_suffix('.zip').as_posix(), Path('/x/y').parts)
    (p / 'new').mkdir()
    (p / 'new' / 'n.txt').write_text('abc')
    print((p / 'new' / 'n.txt').stat().st_size, os.path.isdir(os.path.join(root, 'new')))
    print(os.path.join('a', 'b', '/c'), os.path.split('/a/b/c.txt'), os.path.splitext('x.tar.gz'), os.path.basename('/a/b/'))
    print(os.path.normpath('a/./b/../c//d'), os.path.commonprefix(['/usr/lib', '/usr/local']), os.path.commonpath(['/usr/lib', '/usr/local']))
    os.rename(os.path.join(root, 'data.csv'), os.path.join(root, 'data2.csv'))
    print(sorted(e.name for e in os.scandir(root) if e.is_file()))
    with os.scandir(os.path.join(root, 'docs')) as it:
        print(sorted((e.name, e.is_dir()) for e in it))
    shutil.rmtree(os.path.join(root, 'build'))
    print(sorted(os.listdir(root)))
finally:
    shutil.rmtree(root, ignore_errors=True)
print(os.path.isdir(root), os.sep, os.path.isabs('/x'), os.path.expanduser('~') != '~')
sys.exit(0)
