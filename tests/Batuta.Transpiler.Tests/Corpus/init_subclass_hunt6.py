class Exporter:
    registry = {}
    formats = []

    def __init_subclass__(cls, ext=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = ext or cls.__name__.lower()
        Exporter.registry[key] = cls
        Exporter.formats.append(key)

    def export(self, rows):
        raise NotImplementedError

class CsvExporter(Exporter, ext="csv"):
    def export(self, rows):
        return "\n".join(",".join(str(v) for v in r) for r in rows)

class JsonLines(Exporter):
    def export(self, rows):
        return "\n".join(str(list(r)) for r in rows)

class TsvExporter(CsvExporter, ext="tsv"):
    def export(self, rows):
        return super().export(rows).replace(",", "\t")

print(Exporter.formats)
rows = [(1, "a"), (2, "b")]
for name in sorted(Exporter.registry):
    print(name, "->", Exporter.registry[name].__name__)
    print(Exporter.registry[name]().export(rows))


class Plugin:
    count = 0
    def __init_subclass__(cls):
        Plugin.count += 1
        cls.plugin_id = Plugin.count

class A(Plugin):
    pass

class B(Plugin):
    pass

print(A.plugin_id, B.plugin_id, Plugin.count)
