using Batuta.Cli.Infrastructure;
using Batuta.Python;

namespace Batuta.Cli.Commands;

/// <summary>
/// <c>batuta python ast-dump FILE</c>: prints exactly what CPython 3.11's
/// <c>ast.dump(ast.parse(source))</c> prints, which makes CPython a test oracle for the parser.
/// A syntax error exits with 1 and the diagnostic, as <c>ast.parse</c> would raise.
/// </summary>
public sealed class PythonCommand : ICommand
{
    public string Name => "python";
    public string Summary => "Python front-end tools: ast-dump FILE (CPython's ast.dump format)";
    public string Usage => "batuta python ast-dump FILE";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, new HashSet<string>(), new HashSet<string>());
        if (a.Positionals.Count != 2 || a.Positionals[0] != "ast-dump")
            throw new UsageException("expected: python ast-dump FILE");
        var path = a.Positionals[1];
        byte[] bytes;
        try
        {
            bytes = path == "-" ? System.Text.Encoding.UTF8.GetBytes(console.In.ReadToEnd()) : File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException($"cannot read '{path}': {e.Message}");
        }

        var result = PythonParser.Parse(bytes, path);
        if (result.Dump() is { } dump)
        {
            console.Out.WriteLine(dump);
            return ExitCodes.Ok;
        }
        foreach (var d in result.Errors) console.Error.WriteLine(d.Format());
        return ExitCodes.Failed;
    }
}
