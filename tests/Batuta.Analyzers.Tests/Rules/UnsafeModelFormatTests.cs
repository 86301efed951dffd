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
