using System.Globalization;
using Batuta.Cli.Infrastructure;
using Batuta.Inference;
using Batuta.Inference.Chat;
using Batuta.Inference.Formats;
using Batuta.Inference.Generation;
using Batuta.Tensors.Gpu;

namespace Batuta.Cli.Commands;

/// <summary>
/// <c>batuta infer --model m.gguf --prompt "..."</c>: runs a GGUF LLaMA-family model with Batuta.Inference,
/// printing text as it is generated, then the prompt and generation speeds.
/// </summary>
public sealed class InferCommand : ICommand
{
    private static readonly HashSet<string> ValueOptions =
        ["--model", "--prompt", "--threads", "--ctx", "--max-tokens", "--temperature", "--top-k", "--top-p", "--repeat-penalty", "--seed", "--stop", "--template", "--gpu"];

    private static readonly HashSet<string> FlagOptions = ["--chat", "--allow-pickle"];

    public string Name => "infer";
    public string Summary => "Run a GGUF LLM (LLaMA family) in managed code: stream the text, then tokens/s";
    public string Usage =>
        "batuta infer --model <file.gguf> --prompt <text> [--max-tokens N] [--temperature T] [--top-k K] [--top-p P] " +
        "[--repeat-penalty R] [--seed S] [--stop TEXT] [--threads N] [--ctx N] [--chat] [--template NAME] [--gpu cpu|cuda|opencl|gpu]";

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, ValueOptions, FlagOptions);
        var (model, prompt) = Required(a);
        var generation = Generation(a);
        using var gpu = a.Option("--gpu") is { } kind ? Device(kind) : null;
        try
        {
            using var session = InferenceSession.Open(model, Options(a, gpu));
            console.Error.WriteLine($"{session.Model.Config}{(gpu is null ? "" : $"; matmuls on {gpu}")}");
            var pieces = a.Flag("--chat") ? session.ChatAsync([ChatMessage.User(prompt)], generation) : session.GenerateAsync(prompt, generation);
            Stream(pieces, console);
            console.Out.WriteLine();
            if (session.LastStats is { } stats) console.Error.WriteLine(Format(stats));
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is ModelFormatException or NotSupportedException or InvalidOperationException)
        {
            throw new CliFailureException(e.Message);
        }
        catch (ArgumentException e)
        {
            // An option the library refuses (an unknown --template, --top-p outside (0, 1], ...): a usage error.
            throw new UsageException(e.Message);
        }
    }

    private static (string Model, string Prompt) Required(CliArguments a)
    {
        if (a.Positionals.Count > 0) throw new UsageException($"unexpected argument '{a.Positionals[0]}'");
        string model = a.Option("--model") ?? throw new UsageException("name the model: --model <file.gguf>");
        string prompt = a.Option("--prompt") ?? throw new UsageException("give a prompt: --prompt <text>");
        if (!File.Exists(model)) throw new UsageException($"{model} does not exist");
        return (model, prompt);
    }

    private static InferenceOptions Options(CliArguments a, GpuDevice? gpu) => new()
    {
        Threads = Positive(a, "--threads"),
        ContextLength = Positive(a, "--ctx"),
        ChatTemplate = a.Option("--template"),
        Gpu = gpu,
        File = new ModelFileOptions { AllowPickle = a.Flag("--allow-pickle") },
    };

    private static void Stream(IAsyncEnumerable<string> pieces, CliConsole console)
    {
        var e = pieces.GetAsyncEnumerator();
        try
        {
            while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                console.Out.Write(e.Current);
                console.Out.Flush();
            }
        }
        finally
        {
            e.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static GenerationOptions Generation(CliArguments a)
    {
        var g = new GenerationOptions
        {
            MaxTokens = Int(a, "--max-tokens") ?? 128,
            Temperature = Float(a, "--temperature") ?? 0.8f,
            TopK = Int(a, "--top-k") ?? 40,
            TopP = Float(a, "--top-p") ?? 0.95f,
            RepetitionPenalty = Float(a, "--repeat-penalty") ?? 1.0f,
            Seed = a.Option("--seed") is { } s ? ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : throw new UsageException($"--seed needs a non-negative integer, not '{s}'") : null,
            StopSequences = a.Option("--stop") is { } stop ? [stop] : [],
        };
        Check(g);
        return g;
    }

    /// <summary>Values the sampler would take without complaint but that mean nothing: a usage error each.</summary>
    private static void Check(GenerationOptions g)
    {
        (bool Bad, string Message)[] checks =
        [
            (g.MaxTokens <= 0, "--max-tokens must be positive"),
            (!(g.Temperature >= 0), "--temperature must be 0 (greedy) or more"),
            (g.TopK < 0, "--top-k must be 0 (off) or more"),
            (!(g.TopP > 0 && g.TopP <= 1), "--top-p must be in (0, 1]"),
            (!(g.RepetitionPenalty > 0), "--repeat-penalty must be positive (1 = off)"),
        ];
        foreach (var (bad, message) in checks)
            if (bad) throw new UsageException(message);
    }

    private static GpuDevice Device(string kind)
    {
        try
        {
            return GpuDevice.Create(kind);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new UsageException(e.Message);
        }
    }

    internal static string Format(GenerationStats s) => string.Create(CultureInfo.InvariantCulture,
        $"prompt: {s.PromptTokensEvaluated} tokens in {s.PromptTime.TotalSeconds:0.00} s ({s.PromptTokensPerSecond:0.0} tokens/s); " +
        $"generation: {s.GeneratedTokens} tokens in {s.DecodeTime.TotalSeconds:0.00} s ({s.DecodeTokensPerSecond:0.0} tokens/s); stop: {s.StopReason}");

    private static int? Int(CliArguments a, string name) =>
        a.Option(name) is { } v ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"{name} needs an integer, not '{v}'") : null;

    private static int? Positive(CliArguments a, string name) =>
        Int(a, name) is { } v ? v > 0 ? v : throw new UsageException($"{name} must be positive") : null;

    private static float? Float(CliArguments a, string name) =>
        a.Option(name) is { } v ? float.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : throw new UsageException($"{name} needs a number, not '{v}'") : null;
}
