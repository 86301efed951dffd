using System.Collections.Concurrent;
using System.Text;

namespace Batuta.Transpiler.Tests.Support;

/// <summary>One corpus program: a .py file (or a folder with main.py), optional .args and .stdin.</summary>
public sealed record CorpusProgram(string Name, string EntryPath, IReadOnlyList<(string Path, string Text)> Files, string[] Args, string? Stdin);

public sealed record ProgramOutcome(CorpusProgram Program, ProcessResult? Python, ProcessResult? Batuta, string? Failure, IReadOnlyList<TranspilerDiagnostic> Diagnostics);

/// <summary>
/// Runs the whole corpus once per test run: CPython on every program (in parallel), one transpile per
/// program, ONE Roslyn compilation of all of them, then each program in a child process.
/// </summary>
public class CorpusFixture : IDisposable
{
    /// <summary>The folder of programs (the numpy corpus reuses this fixture on its own folder).</summary>
    protected virtual string Root => Paths.Corpus;

    private readonly Lazy<IReadOnlyDictionary<string, ProgramOutcome>> _outcomes;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "batuta-corpus-" + Guid.NewGuid().ToString("N"));

    public CorpusFixture() => _outcomes = new(RunAll);

    public IReadOnlyDictionary<string, ProgramOutcome> Outcomes => _outcomes.Value;

    public static IReadOnlyList<CorpusProgram> Discover() => Discover(Paths.Corpus);

    public static IReadOnlyList<CorpusProgram> Discover(string root)
    {
        var list = new List<CorpusProgram>();
        foreach (var f in Directory.GetFiles(root, "*.py").OrderBy(x => x, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(f);
            list.Add(new CorpusProgram(name, name + ".py", new[] { (name + ".py", File.ReadAllText(f)) }, ReadArgs(Path.ChangeExtension(f, ".args")), ReadOptional(Path.ChangeExtension(f, ".stdin"))));
        }
        foreach (var d in Directory.GetDirectories(root).OrderBy(x => x, StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(d, "main.py")) && !File.Exists(Path.Combine(d, "main.sources"))) continue;
            var name = Path.GetFileName(d);
            // A program kept elsewhere (a sample's legacy/ folder) is named by main.sources instead of copied here.
            var pointer = Path.Combine(d, "main.sources");
            var sourceDir = File.Exists(pointer) ? Path.GetFullPath(Path.Combine(d, File.ReadAllText(pointer).Trim())) : d;
            var files = Directory.GetFiles(sourceDir, "*.py", SearchOption.AllDirectories).OrderBy(x => x, StringComparer.Ordinal)
                .Select(p => (Path.GetRelativePath(sourceDir, p).Replace('\\', '/'), File.ReadAllText(p))).ToList();
            list.Add(new CorpusProgram(name, "main.py", files, ReadArgs(Path.Combine(d, "main.args")), ReadOptional(Path.Combine(d, "main.stdin"))));
        }
        return list;
    }

    private static string[] ReadArgs(string path) => File.Exists(path) ? File.ReadAllText(path).Split(new[] { ' ', '\n' }, StringSplitOptions.RemoveEmptyEntries) : Array.Empty<string>();
    private static string? ReadOptional(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private static string Ident(string name) => "P_" + new string(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    private IReadOnlyDictionary<string, ProgramOutcome> RunAll()
    {
        var programs = Discover(Root);
        Directory.CreateDirectory(_work);

        // CPython side, in parallel with the transpile + compile below.
        var pythonTask = Task.Run(() =>
        {
            var results = new ConcurrentDictionary<string, ProcessResult>();
            Parallel.ForEach(programs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, p =>
            {
                var dir = Stage(p, "py");
                results[p.Name] = ProcessRunner.Run(CPythonFrontEnd.Python, new[] { "-B", p.EntryPath }.Concat(p.Args), dir, p.Stdin);
            });
            return results;
        });

        var allFiles = programs.SelectMany(p => p.Files.Select(f => (p.Name + "/" + f.Path, f.Text))).ToList();
        var parsed = CPythonFrontEnd.Parse(allFiles);
        var byProgram = parsed.GroupBy(m => m.Path.Split('/')[0]).ToDictionary(g => g.Key, g => g.ToList());

        var failures = new Dictionary<string, string>();
        var diagnostics = new Dictionary<string, IReadOnlyList<TranspilerDiagnostic>>();
        var sources = new Dictionary<string, List<(string Path, string Text)>>();
        foreach (var p in programs)
        {
            var modules = byProgram[p.Name].Select(m => m.Tree is null ? m : new ParsedModule(m.Path.Substring(p.Name.Length + 1), m.Tree, m.Errors)).ToList();
            var result = PythonTranspiler.Transpile(modules, new TranspileOptions { EntryModule = p.EntryPath, RootNamespace = "Corpus." + Ident(p.Name) });
            diagnostics[p.Name] = result.Diagnostics;
            if (result.HasErrors)
            {
                failures[p.Name] = "transpile errors:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == TranspilerSeverity.Error).Select(d => d.Format()));
                continue;
            }
            sources[p.Name] = result.Files.Select(f => (p.Name + "/" + f.Path, f.Text)).ToList();
            if (Environment.GetEnvironmentVariable("BATUTA_DUMP") is { Length: > 0 } dump)
                foreach (var f in result.Files)
                {
                    var target = Path.Combine(dump, p.Name, f.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.WriteAllText(target, f.Text);
                }
        }

        string dll = Path.Combine(_work, "bin", "corpus.dll");
        var included = sources.Keys.ToList();
        for (int attempt = 0; attempt < 4 && included.Count > 0; attempt++)
        {
            var trees = InMemoryCompiler.Parse(included.SelectMany(n => sources[n]).Append(("CorpusMain.cs", Dispatcher(included))));
            var compiled = InMemoryCompiler.Compile(trees, dll, mainTypeName: "CorpusMain");
            if (compiled.Success) break;
            var broken = compiled.Errors.Select(e => e.Location.SourceTree?.FilePath ?? "").Select(path => path.Split('/')[0]).Where(n => sources.ContainsKey(n)).Distinct().ToList();
            if (broken.Count == 0) throw new InvalidOperationException("corpus dispatcher failed to compile: " + string.Join("\n", compiled.Errors.Take(10)));
            foreach (var b in broken)
            {
                failures[b] = "C# compile errors:\n" + string.Join("\n", compiled.Errors.Where(e => (e.Location.SourceTree?.FilePath ?? "").StartsWith(b + "/", StringComparison.Ordinal)).Take(15).Select(e => e.ToString()));
                included.Remove(b);
            }
        }

        var batuta = new ConcurrentDictionary<string, ProcessResult>();
        if (included.Count > 0 && File.Exists(dll))
        {
            Parallel.ForEach(included, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, name =>
            {
                var p = programs.First(x => x.Name == name);
                var dir = Stage(p, "cs");
                batuta[name] = ProcessRunner.Run("dotnet", new[] { "exec", dll, name }.Concat(p.Args), dir, p.Stdin);
            });
        }
        var py = pythonTask.Result;
        return programs.ToDictionary(p => p.Name, p => new ProgramOutcome(p, py.GetValueOrDefault(p.Name), batuta.GetValueOrDefault(p.Name), failures.GetValueOrDefault(p.Name), diagnostics.GetValueOrDefault(p.Name) ?? Array.Empty<TranspilerDiagnostic>()));
    }

    /// <summary>A fresh working directory with the program's files (programs may read and write files).</summary>
    private string Stage(CorpusProgram p, string side)
    {
        var dir = Path.Combine(_work, side, p.Name);
        Directory.CreateDirectory(dir);
        foreach (var (path, text) in p.Files)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
        }
        var data = Path.Combine(Root, p.Name + ".data");
        if (Directory.Exists(data))
            foreach (var f in Directory.GetFiles(data)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)), true);
        return dir;
    }

    private static string Dispatcher(IEnumerable<string> names)
    {
        var sb = new StringBuilder();
        sb.AppendLine("public static class CorpusMain");
        sb.AppendLine("{");
        sb.AppendLine("    public static int Main(string[] args)");
        sb.AppendLine("    {");
        sb.AppendLine("        var rest = args[1..];");
        sb.AppendLine("        switch (args[0])");
        sb.AppendLine("        {");
        foreach (var n in names) sb.AppendLine($"            case \"{n}\": return Corpus.{Ident(n)}.Program.Main(rest);");
        sb.AppendLine("        }");
        sb.AppendLine("        return 99;");
        sb.AppendLine("    }");
        sb.AppendLine("}");
        return sb.ToString();
    }

    public virtual void Dispose()
    {
        try { if (Directory.Exists(_work)) Directory.Delete(_work, true); }
        catch (IOException) { }
    }
}
