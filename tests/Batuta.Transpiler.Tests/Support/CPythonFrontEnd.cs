using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Batuta.Python.Ast;
using Batuta.Transpiler;

namespace Batuta.Transpiler.Tests.Support;

/// <summary>
/// Builds Batuta.Python AST nodes from CPython's own <c>ast</c> (Tools/dump_ast.py). The tests use it
/// while Batuta.Python's parser is being written; the trees are the same CPython-shaped nodes.
/// </summary>
public static partial class CPythonFrontEnd
{
    public const string Python = "/usr/bin/python3";

    private static readonly Dictionary<string, Type> NodeTypes = typeof(Node).Assembly.GetTypes()
        .Where(t => typeof(Node).IsAssignableFrom(t) && !t.IsAbstract)
        .ToDictionary(t => t.Name.ToLowerInvariant(), t => t);

    public static IReadOnlyList<ParsedModule> Parse(IReadOnlyList<(string Path, string Text)> files)
    {
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing: apt-get install -y python3");
        var dir = Path.Combine(Path.GetTempPath(), "batuta-ast-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var paths = new List<string>();
            foreach (var (p, text) in files)
            {
                var full = Path.Combine(dir, p);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text, new UTF8Encoding(false));
                paths.Add(full);
            }
            var psi = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tools", "dump_ast.py"));
            using var proc = Process.Start(psi)!;
            var stdinTask = Task.Run(() => { foreach (var p in paths) proc.StandardInput.WriteLine(p); proc.StandardInput.Close(); });
            var stderrTask = proc.StandardError.ReadToEndAsync();
            var result = new List<ParsedModule>();
            string? line;
            int i = 0;
            while ((line = proc.StandardOutput.ReadLine()) is not null)
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var rel = files[i++].Path;
                if (root.TryGetProperty("error", out var err))
                {
                    result.Add(ParsedModule.Failed(rel, err.GetProperty("msg").GetString()!, err.GetProperty("line").GetInt32(), err.GetProperty("col").GetInt32()));
                    continue;
                }
                result.Add(new ParsedModule(rel, (Batuta.Python.Ast.Module)Build(root.GetProperty("ast"), typeof(Batuta.Python.Ast.Module))!));
            }
            stdinTask.Wait();
            proc.WaitForExit();
            if (i != files.Count) throw new InvalidOperationException("dump_ast.py failed: " + stderrTask.Result);
            return result;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static object? Build(JsonElement e, Type target)
    {
        if (e.ValueKind == JsonValueKind.Null) return null;
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(NodeList<>))
        {
            var elem = underlying.GetGenericArguments()[0];
            var arr = Array.CreateInstance(elem, e.GetArrayLength());
            int k = 0;
            foreach (var x in e.EnumerateArray()) arr.SetValue(Build(x, elem), k++);
            return Activator.CreateInstance(underlying, arr);
        }
        if (underlying.IsEnum) return Enum.Parse(underlying, e.GetProperty("_t").GetString()!);
        if (underlying == typeof(string)) return e.GetString();
        if (underlying == typeof(int)) return e.GetInt32();
        if (underlying == typeof(bool)) return e.ValueKind == JsonValueKind.Number ? e.GetInt32() != 0 : e.GetBoolean();
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("_c", out _)) return Constant(e);
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("_t", out var t))
        {
            var type = NodeTypes[t.GetString()!.Replace("_", "").ToLowerInvariant()];
            var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First(c => type != typeof(Constant) || c.GetParameters().Length == 3);
            var ps = ctor.GetParameters();
            var args = new object?[ps.Length];
            for (int i = 0; i < ps.Length; i++)
            {
                var p = ps[i];
                if (p.ParameterType == typeof(SourceSpan))
                {
                    args[i] = e.TryGetProperty("_pos", out var pos)
                        ? new SourceSpan(pos[0].GetInt32(), pos[1].GetInt32(), pos[2].GetInt32(), pos[3].GetInt32())
                        : SourceSpan.None;
                    continue;
                }
                var field = Snake(p.Name!);
                args[i] = e.TryGetProperty(field, out var v) ? Build(v, p.ParameterType) : DefaultFor(p.ParameterType);
            }
            return ctor.Invoke(args);
        }
        throw new InvalidOperationException("cannot build " + target + " from " + e);
    }

    private static object? DefaultFor(Type t) => t.IsValueType ? Activator.CreateInstance(t) : null;

    private static object? Constant(JsonElement e)
    {
        var kind = e.GetProperty("_c").GetString();
        return kind switch
        {
            "None" => null,
            "bool" => e.GetProperty("v").GetBoolean(),
            "int" => BigInteger.Parse(e.GetProperty("v").GetString()!, CultureInfo.InvariantCulture),
            "float" => ParseFloat(e.GetProperty("v").GetString()!),
            "complex" => new Complex(e.GetProperty("v")[0].GetDouble(), e.GetProperty("v")[1].GetDouble()),
            "str" => Encoding.Unicode.GetString(Convert.FromHexString(e.GetProperty("v").GetString()!).AsSpan(2)),
            "bytes" => new PythonBytes(Convert.FromHexString(e.GetProperty("v").GetString()!)),
            "Ellipsis" => PythonEllipsis.Value,
            _ => throw new InvalidOperationException(kind),
        };
    }

    private static double ParseFloat(string s) => s switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" => double.NaN,
        _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static string Snake(string camel) => CamelRegex().Replace(camel, m => "_" + m.Value.ToLowerInvariant());

    [GeneratedRegex("[A-Z]")]
    private static partial Regex CamelRegex();
}
