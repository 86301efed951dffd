using System.Globalization;
using Batuta.Inference.Formats;
using Batuta.Inference.Formats.Gguf;
using Batuta.Inference.Formats.SafeTensors;
using Batuta.Inference.Model;
using Batuta.Inference.Quantization;
using Batuta.Inference.Testing;
using Batuta.Inference.Tokenization;
using Xunit.Abstractions;

namespace Batuta.Inference.Tests.Formats;

/// <summary>
/// Mutation fuzzing of the readers (and of model and tokenizer loading on top of them): every mutated
/// file must either load, with every tensor byte and metadata value readable, or be rejected with a
/// <see cref="ModelFormatException"/>. Any other exception, or a crash, fails.
/// CI runs a fixed seed and a modest count; a long run:
/// <c>BATUTA_FUZZ_ITERATIONS=200000 BATUTA_FUZZ_SEED=7 dotnet test tests/Batuta.Inference.Tests --filter FullyQualifiedName~ReaderFuzz</c>.
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("BATUTA_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 800;
    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("BATUTA_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : 20240601;

    private static byte[] SeedGguf(string tokenizer) => SyntheticModel.ToBytes(new SyntheticModelSpec
    {
        EmbeddingLength = 256,
        Layers = 1,
        Heads = 4,
        KvHeads = 2,
        FeedForwardLength = 256,
        VocabSize = tokenizer == "gpt2" ? SyntheticVocabulary.BytePairs().Tokens.Length : 300,
        ContextLength = 32,
        WeightType = GgmlType.Q4_K,
        OutputType = GgmlType.Q8_0,
        EmbeddingType = GgmlType.F16,
        Tokenizer = tokenizer,
        ChatTemplate = "{% for m in messages %}<|im_start|>{{ m.role }}{% endfor %}",
    });

    private static byte[] SeedSafeTensors()
    {
        using var ms = new MemoryStream();
        SafeTensorsFile.Write(ms, [
            ("embed", SafeTensorsDType.F32, [4, 8], new byte[128]),
            ("norm", SafeTensorsDType.BF16, [8], Enumerable.Range(0, 16).Select(i => (byte)i).ToArray()),
            ("ids", SafeTensorsDType.I64, [3], new byte[24]),
        ], new Dictionary<string, string> { ["format"] = "pt" });
        return ms.ToArray();
    }

    /// <summary>One mutation: flips, interesting values, length fields, truncation, insertion, deletion or a spliced chunk.</summary>
    private static byte[] Mutate(byte[] seed, Random rng)
    {
        var b = (byte[])seed.Clone();
        int rounds = 1 + rng.Next(4);
        for (int r = 0; r < rounds; r++)
        {
            // Headers live near the start; bias positions there so mutations hit fields, not weights.
            int Pos(int len) => len == 0 ? 0 : rng.Next(4) == 0 ? rng.Next(len) : rng.Next(Math.Min(len, 4096));
            switch (rng.Next(8))
            {
                case 0:
                    if (b.Length > 0) b[Pos(b.Length)] ^= (byte)(1 << rng.Next(8));
                    break;
                case 1:
                    if (b.Length > 0) b[Pos(b.Length)] = new byte[] { 0, 0xFF, 0x7F, 0x80, 1, 0xFE, (byte)'{', (byte)'"' }[rng.Next(8)];
                    break;
                case 2:
                    if (b.Length >= 8)
                    {
                        int at = Pos(b.Length - 7) & ~3;
                        ulong v = new ulong[] { 0, 1, 0xFFFFFFFF, ulong.MaxValue, 1UL << 31, 1UL << 40, (ulong)rng.Next(64), long.MaxValue }[rng.Next(8)];
                        BitConverter.TryWriteBytes(b.AsSpan(Math.Min(at, b.Length - 8)), v);
                    }
                    break;
                case 3:
                    b = b[..rng.Next(b.Length + 1)];
                    break;
                case 4:
                {
                    int at = Pos(b.Length + 1);
                    var extra = new byte[1 + rng.Next(16)];
                    rng.NextBytes(extra);
                    b = [.. b[..at], .. extra, .. b[at..]];
                    break;
                }
                case 5:
                    if (b.Length > 1)
                    {
                        int at = Pos(b.Length);
                        int len = Math.Min(b.Length - at, 1 + rng.Next(16));
                        b = [.. b[..at], .. b[(at + len)..]];
                    }
                    break;
                case 6:
                    if (b.Length > 32)
                    {
                        int from = Pos(b.Length - 16), to = Pos(b.Length - 16), len = 1 + rng.Next(16);
                        Array.Copy(b, from, b, to, Math.Min(len, b.Length - Math.Max(from, to)));
                    }
                    break;
                default:
                    if (b.Length > 0) b[Pos(b.Length)] = (byte)rng.Next(256);
                    break;
            }
        }
        return b;
    }

    private static void Touch(ReadOnlySpan<byte> bytes, ref long sum)
    {
        foreach (var x in bytes) sum += x;
    }

    [Fact]
    public void MutatedGgufFilesLoadOrFailCleanly()
    {
        var seeds = new[] { SeedGguf("llama"), SeedGguf("gpt2") };
        var rng = new Random(Seed);
        int accepted = 0, rejected = 0, models = 0;
        long sum = 0;
        for (int i = 0; i < Iterations; i++)
        {
            var bytes = Mutate(seeds[i % seeds.Length], rng);
            try
            {
                using var file = GgufFile.Parse(bytes);
                foreach (var t in file.Tensors) Touch(file.TensorBytes(t), ref sum);
                foreach (var (_, v) in file.Metadata) sum += v.ToString().Length;
                accepted++;
                try
                {
                    var tokenizer = Tokenizer.FromGguf(file);
                    tokenizer.Decode(tokenizer.Encode("hello world, <|im_start|>x", parseSpecial: true));
                    using var model = LlamaModel.Load(file, new ModelOptions { Threads = 1, ContextLength = 8, BatchSize = 2, RepackWeights = i % 2 == 0 });
                    using var cache = model.CreateCache();
                    model.Forward([0, Math.Min(5, model.VocabSize - 1)], cache, new float[model.VocabSize]);
                    models++;
                }
                catch (ModelFormatException)
                {
                }
            }
            catch (ModelFormatException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                string path = Path.Combine(Path.GetTempPath(), $"batuta-fuzz-gguf-{Seed}-{i}.gguf");
                File.WriteAllBytes(path, bytes);
                Assert.Fail($"iteration {i} (seed {Seed}) threw {e.GetType().Name} instead of ModelFormatException; input saved to {path}\n{e}");
            }
        }
        output.WriteLine($"{Iterations} mutated GGUF files: {accepted} parsed ({models} ran a forward pass), {rejected} rejected with ModelFormatException; checksum {sum}");
        Assert.True(rejected > 0 && accepted > 0, "the mutations should produce both valid and invalid files");
    }

    [Fact]
    public void MutatedSafeTensorsFilesLoadOrFailCleanly()
    {
        var seed = SeedSafeTensors();
        var rng = new Random(Seed + 1);
        int accepted = 0, rejected = 0;
        long sum = 0;
        for (int i = 0; i < Iterations; i++)
        {
            var bytes = Mutate(seed, rng);
            try
            {
                using var file = SafeTensorsFile.Parse(bytes);
                foreach (var t in file.Tensors) Touch(file.TensorBytes(t), ref sum);
                accepted++;
            }
            catch (ModelFormatException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                string path = Path.Combine(Path.GetTempPath(), $"batuta-fuzz-st-{Seed}-{i}.safetensors");
                File.WriteAllBytes(path, bytes);
                Assert.Fail($"iteration {i} (seed {Seed}) threw {e.GetType().Name} instead of ModelFormatException; input saved to {path}\n{e}");
            }
        }
        output.WriteLine($"{Iterations} mutated safetensors files: {accepted} parsed, {rejected} rejected with ModelFormatException; checksum {sum}");
        Assert.True(rejected > 0 && accepted > 0);
    }

    [Fact]
    public void MutatedFilesOnDiskAreMappedSafely()
    {
        // The same checks through real memory-mapped files, including empty and one-byte files.
        var seed = SeedGguf("llama");
        var rng = new Random(Seed + 2);
        using var dir = new Support.TempDirectory();
        for (int i = 0; i < 60; i++)
        {
            var bytes = i switch { 0 => [], 1 => [0x47], _ => Mutate(seed, rng) };
            string path = dir.File($"m{i}.gguf");
            File.WriteAllBytes(path, bytes);
            try
            {
                using var file = GgufFile.Open(path);
                long sum = 0;
                foreach (var t in file.Tensors) Touch(file.TensorBytes(t), ref sum);
            }
            catch (ModelFormatException)
            {
            }
        }
    }
}
