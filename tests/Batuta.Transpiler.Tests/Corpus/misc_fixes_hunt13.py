"""Odds and ends from the thirteenth hunt: module name in functions, chdir, aliasing fields, dict.get defaults."""
import os
import shutil
import tempfile
import textwrap

PRICES = {'apple': 0.5, 'pear': 0.75}
MOVES = {'a': ('b', 'c'), 'b': ('c', 'd')}


class Registry:
    def __init__(self, store, tags):
        self.store = store
        self.tags = tags

    def put(self, key, value):
        self.store[key] = value
        self.tags.append(key)


class Menu:
    def __init__(self):
        self.actions = {'show': self.show, 'add': self.add, 'help': self.help}

    def show(self, *what):
        print("show", what or "everything")

    def add(self, item=None, qty=1):
        print("add %s x%d" % (item, qty))

    def help(self):
        print("commands:", ", ".join(sorted(self.actions)))


def where_am_i():
    return "running as %s" % __name__


def main():
    print(where_am_i())
    print(PRICES.get('kiwi', 0), PRICES.get('apple', 0), PRICES.get('fig', 0) + 1)
    for k in 'abz':
        nxt = MOVES.get(k, ())
        print(k, nxt, len(nxt), 'c' in nxt)
    store = {'pi': 3.5}
    tags = ['start']
    reg = Registry(store, tags)
    reg.put('name', 'widget')
    reg.put('count', 7)
    print(store, tags, reg.store is store, reg.tags is tags)
    m = Menu()
    for line in ["show", "show a b", "add", "add bolt", "add nut 3", "help"]:
        verb, *rest = line.split()
        args = [int(x) if x.isdigit() else x for x in rest]
        m.actions[verb](*args)
    print(textwrap.indent("one\n\ntwo", "> ", lambda line: True))
    print(textwrap.indent("keep\nskip me\nkeep", "# ", lambda line: not line.startswith("skip")))
    print(b'id'.ljust(6, b'.') + b'|' + b'7'.rjust(3, b'0') + b'|' + b'x'.center(5) + b'|' + b'-3'.zfill(4))
    print(b'\x01\x02\x03\x04\x05'.hex(':', 2), b'\xde\xad\xbe\xef'.hex('-', -3), b'ab'.hex(' '))
    raw = [n.encode('utf-8') for n in ('héllo', 'x')]
    print([r.ljust(8, b'\0') for r in raw])
    root = tempfile.mkdtemp()
    old = os.getcwd()
    try:
        os.chdir(root)
        os.makedirs('sub')
        with open(os.path.join('sub', 'f.txt'), 'w') as fh:
            fh.write('data')
        print(sorted(os.listdir('.')), os.path.getsize('sub/f.txt'), os.path.basename(os.getcwd()) == os.path.basename(root))
        try:
            os.chdir('nowhere')
        except FileNotFoundError as e:
            print("FileNotFoundError:", e.filename)
    finally:
        os.chdir(old)
        shutil.rmtree(root)
    print(os.path.exists(root))
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
