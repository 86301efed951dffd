using Batuta.Analyzers.Rules.Security;
using Batuta.Analyzers.Tests.Infrastructure;

namespace Batuta.Analyzers.Tests.Rules;

public class UnsafeModelFormatTests
{
    [Fact]
    public Task Pickle_paths_are_reported() => Verify.Analyzer<UnsafeModelFormatAnalyzer>("""
        class C
        {
            void M(string dir, string name)
            {
                var a = System.IO.File.OpenRead({|BATQ007:"model.pkl"|});
                var b = {|BATQ007:@"checkpoints\resnet50.pth"|};
                var c = {|BATQ007:"weights/encoder.pt"|};
                var d = {|BATQ007:"pytorch_model.bin"|};
                var e = {|BATQ007:$"{dir}/classifier.joblib"|};
                var f = {|BATQ007:$"{name}.ckpt"|};
            }
        }
        """);

    [Fact]
    public Task Safe_formats_extensions_and_unrelated_bin_files_are_not_reported() => Verify.Analyzer<UnsafeModelFormatAnalyzer>("""
        class C
        {
            string[] Unsafe = { ".pkl", ".pt", "*.pth" };
            void M(string dir)
            {
                var a = "model.safetensors";
                var b = "llama-7b.Q4_K_M.gguf";
                var c = "firmware.bin";
                var d = $"{dir}/model.gguf";
                var e = "report.txt";
            }
        }
        """);

    [Fact]
    public Task Known_unpickling_loaders_are_reported() =>
        new AnalyzerTest<UnsafeModelFormatAnalyzer>("""
            class C
            {
                object M(System.IO.Stream s, byte[] bytes)
                {
                    var u = new Razorvine.Pickle.Unpickler();
                    var a = {|BATQ007:u.load(s)|};
                    return {|BATQ007:u.loads(bytes)|};
                }
            }
            """)
            .WithSource("""
                namespace Razorvine.Pickle
                {
                    public class Unpickler
                    {
                        public object load(System.IO.Stream s) => s;
                        public object loads(byte[] b) => b;
                    }
                }
                """)
            .RunAsync();
}

public class TextScannerFuzzTests
{
    /// <summary>The string and comment scanners run on every literal and comment: no input may make them throw.</summary>
    [Fact]
    public void Scanners_survive_random_text()
    {
        var random = new Random(1234);
        const string alphabet = "abTODOFIXMEHACKXXX.pkl.pt.bin/\\:*?( \n\r\t<>{}_-0123456789";
        for (int i = 0; i < 20000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            Batuta.Analyzers.Rules.Security.UnsafeModelFormatAnalyzer.IsPicklePath(text, allowBareName: random.Next(2) == 0);
            foreach (var (start, length) in Batuta.Analyzers.Rules.Debt.DebtMarkers.Find(text, Batuta.Analyzers.Rules.Debt.TechnicalDebtCommentAnalyzer.DefaultTags, isXml: random.Next(2) == 0))
            {
                Assert.InRange(start, 0, text.Length);
                Assert.InRange(start + length, start, text.Length);
            }
        }
    }

    [Theory]
    [InlineData("https://api.example.com/", false)]
    [InlineData("dir.v2/model", false)]
    [InlineData("./model.pt", true)]
    [InlineData("C:\\models\\net.PTH", true)]
    [InlineData(".pkl", false)]
    [InlineData("", false)]
    public void Pickle_path_detection(string text, bool expected)
        => Assert.Equal(expected, Batuta.Analyzers.Rules.Security.UnsafeModelFormatAnalyzer.IsPicklePath(text));
}
