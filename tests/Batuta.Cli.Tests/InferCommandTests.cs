using Batuta.Cli;
using Batuta.Cli.Infrastructure;
using Batuta.Inference;
using Batuta.Inference.Generation;
using Batuta.Inference.Quantization;
using Batuta.Inference.Testing;

namespace Batuta.Cli.Tests;

/// <summary><c>batuta infer</c> in-process on a small random-weight GGUF model written for the test.</summary>
public sealed class InferCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("batuta-infer-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(args, new CliConsole(o, e, new StringReader(""), false));
        return (code, o.ToString(), e.ToString());
    }

    private string Model()
    {
        string path = Path.Combine(_dir, "tiny.gguf");
        SyntheticModel.Write(new SyntheticModelSpec { Layers = 2, EmbeddingLength = 256, FeedForwardLength = 512, Heads = 4, KvHeads = 2, WeightType = GgmlType.Q4_K, Seed = 4 }, path);
        return path;
    }

    [Fact]
    public void Prints_the_greedy_text_of_the_library_then_the_speeds()
    {
        string model = Model();
        var (code, stdout, stderr) = Run("infer", "--model", model, "--prompt", "hello world", "--temperature", "0", "--max-tokens", "12", "--threads", "1");
        Assert.True(code == ExitCodes.Ok, stderr);
        using var session = InferenceSession.Open(model, new InferenceOptions { Threads = 1 });
        string expected = session.Generate("hello world", GenerationOptions.Greedy(12));
        Assert.Equal(expected + Environment.NewLine, stdout);
        Assert.Matches(@"prompt: \d+ tokens in [0-9.]+ s \([0-9.]+ tokens/s\); generation: \d+ tokens in [0-9.]+ s \([0-9.]+ tokens/s\); stop: ", stderr);
    }

    [Fact]
    public void Runs_the_matmuls_on_ilgpus_cpu_accelerator_with_gpu_cpu()
    {
        var (code, stdout, stderr) = Run("infer", "--model", Model(), "--prompt", "hi", "--temperature", "0", "--max-tokens", "4", "--gpu", "cpu");
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("matmuls on CPU", stderr, StringComparison.Ordinal);
        Assert.NotEmpty(stdout.Trim('\n', '\r'));
    }

    [Fact]
    public void Bad_arguments_exit_2_and_a_broken_model_exits_1_with_the_field_and_offset()
    {
        Assert.Equal(ExitCodes.Usage, Run("infer", "--prompt", "x").Code);
        Assert.Equal(ExitCodes.Usage, Run("infer", "--model", Path.Combine(_dir, "missing.gguf"), "--prompt", "x").Code);
        Assert.Equal(ExitCodes.Usage, Run("infer", "--model", Model(), "--prompt", "x", "--max-tokens", "many").Code);
        Assert.Equal(ExitCodes.Usage, Run("infer", "--model", Model(), "--prompt", "x", "--gpu", "tpu").Code);
        foreach (var bad in new[] { new[] { "--top-p", "5" }, ["--temperature", "-1"], ["--top-k", "-3"], ["--threads", "0"], ["--ctx", "0"], ["--repeat-penalty", "-2"] })
            Assert.Equal(ExitCodes.Usage, Run(["infer", "--model", Model(), "--prompt", "x", .. bad]).Code);
        var (templateCode, _, templateErr) = Run("infer", "--model", Model(), "--prompt", "x", "--chat", "--template", "nosuch");
        Assert.Equal(ExitCodes.Usage, templateCode);
        Assert.Contains("unknown chat template 'nosuch'", templateErr, StringComparison.Ordinal);

        string broken = Path.Combine(_dir, "broken.gguf");
        var bytes = File.ReadAllBytes(Model());
        File.WriteAllBytes(broken, bytes[..100]);
        var (code, _, stderr) = Run("infer", "--model", broken, "--prompt", "x");
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("offset", stderr, StringComparison.OrdinalIgnoreCase);
    }
}
