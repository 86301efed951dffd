using System.Security.Cryptography;
using Batuta.ML.Cluster;
using Batuta.ML.Ensemble;
using Batuta.ML.LinearModel;
using Batuta.ML.Neighbors;
using Batuta.ML.Persistence;
using Batuta.ML.Pipelines;
using Batuta.ML.Preprocessing;
using Batuta.ML.Tree;

namespace Batuta.ML.Tests.Persistence;

/// <summary>.apr files: every estimator round-trips to identical predictions; corrupt, truncated, tampered,
/// wrongly keyed or pickle files are refused with a clear error; the loader survives fuzzing.</summary>
public class ModelFileTests
{
    private static (Tensor<double> X, Tensor<double> YClass, Tensor<double> YReg) Data(int n = 120, int p = 5)
    {
        var rng = new Tensors.RandomState(7);
        var x = rng.Randn(n, p);
        var xs = x.ToArray();
        var yc = new double[n];
        var yr = new double[n];
        for (int i = 0; i < n; i++)
        {
            yr[i] = 2 * xs[i * p] - xs[i * p + 1] + 0.1 * rng.StandardNormal();
            yc[i] = yr[i] > 0.3 ? 2 : yr[i] > -0.5 ? 1 : 0;
        }
        return (x, Tensor.FromArray(yc, n), Tensor.FromArray(yr, n));
    }

    public static TheoryData<string> Estimators => new()
    {
        "LinearRegression", "Ridge", "Lasso", "ElasticNet", "LogisticRegression", "DecisionTreeClassifier", "DecisionTreeRegressor",
        "RandomForestClassifier", "RandomForestRegressor", "GradientBoostingClassifier", "GradientBoostingRegressor", "KMeans", "DBSCAN",
        "IsolationForest", "KNeighborsClassifier", "KNeighborsRegressor", "StandardScaler", "MinMaxScaler", "OneHotEncoder", "Pipeline",
    };

    private static Estimator Make(string name) => name switch
    {
        "LinearRegression" => new LinearRegression(),
        "Ridge" => new Ridge(alpha: 0.3),
        "Lasso" => new Lasso(alpha: 0.01),
        "ElasticNet" => new ElasticNet(alpha: 0.01, l1Ratio: 0.3),
        "LogisticRegression" => new LogisticRegression(c: 0.5, classWeight: new Dictionary<double, double> { [0] = 2.0 }),
        "DecisionTreeClassifier" => new DecisionTreeClassifier(maxDepth: 4, randomState: 0),
        "DecisionTreeRegressor" => new DecisionTreeRegressor(maxLeafNodes: 9, randomState: 0),
        "RandomForestClassifier" => new RandomForestClassifier(nEstimators: 7, randomState: 1),
        "RandomForestRegressor" => new RandomForestRegressor(nEstimators: 6, maxFeatures: 0.6, randomState: 1),
        "GradientBoostingClassifier" => new GradientBoostingClassifier(nEstimators: 8, randomState: 1),
        "GradientBoostingRegressor" => new GradientBoostingRegressor(nEstimators: 8, subsample: 0.8, randomState: 1),
        "KMeans" => new KMeans(nClusters: 3, nInit: 2, randomState: 0),
        "DBSCAN" => new DBSCAN(eps: 1.2, minSamples: 4),
        "IsolationForest" => new IsolationForest(nEstimators: 10, maxFeatures: 0.8, randomState: 0),
        "KNeighborsClassifier" => new KNeighborsClassifier(nNeighbors: 4, weights: "distance"),
        "KNeighborsRegressor" => new KNeighborsRegressor(nNeighbors: 3),
        "StandardScaler" => new StandardScaler(),
        "MinMaxScaler" => new MinMaxScaler(-1, 1),
        "OneHotEncoder" => new OneHotEncoder(drop: "if_binary"),
        _ => PipelineFactory.MakePipeline(new StandardScaler(), new LogisticRegression()),
    };

    private static double[] Outputs(Estimator e, Tensor<double> X) => e switch
    {
        IClassifier c => c.PredictProba(X).ToArray(),
        IsolationForest f => f.ScoreSamples(X).ToArray(),
        KMeans k => k.Transform(X).ToArray(),
        DBSCAN d => d.Labels.ToArray().Select(v => (double)v).ToArray(),
        ITransformer t => t.Transform(X).ToArray(),
        IPredictor p => p.Predict(X).ToArray(),
        _ => throw new ArgumentException(e.Name),
    };

    [Theory]
    [MemberData(nameof(Estimators))]
    public void EveryEstimatorRoundTripsToIdenticalOutputs(string name)
    {
        var (X, yc, yr) = Data();
        var model = Make(name);
        using (MLWarnings.Capture())
        {
            if (name == "OneHotEncoder") model.Fit(Tensor.FromArray(X.ToArray().Select(v => Math.Round(v)).ToArray(), X.Shape[0], X.Shape[1]));
            else model.Fit(X, model is IClassifier ? yc : yr);
        }
        using var Xq = name == "OneHotEncoder" ? Tensor.FromArray(X.ToArray().Select(v => Math.Round(v)).ToArray(), X.Shape[0], X.Shape[1]) : X.Clone();
        var bytes = ModelFile.ToBytes(model);
        var loaded = ModelFile.FromBytes(bytes);
        Assert.Equal(model.GetType(), loaded.GetType());
        Assert.Equal(model.ToString(), loaded.ToString());
        Assert.Equal(model.NFeaturesIn, loaded.NFeaturesIn);
        Assert.Equal(Outputs(model, Xq), Outputs(loaded, Xq));
        // Writing is deterministic: the same model gives the same bytes.
        Assert.Equal(bytes, ModelFile.ToBytes(loaded));
    }

    private static byte[] SampleFile(AprSaveOptions? options = null)
    {
        var (X, _, yr) = Data(40, 3);
        return ModelFile.ToBytes(new Ridge().Fit(X, yr), options);
    }

    [Fact]
    public void SavesToDiskAndInspects()
    {
        var path = Path.Combine(Path.GetTempPath(), $"batuta-ml-{Guid.NewGuid():N}.apr");
        try
        {
            var (X, _, yr) = Data(40, 3);
            var model = new LinearRegression().Fit(X, yr);
            model.Save(path, new AprSaveOptions { Metadata = new Dictionary<string, string> { ["dataset"] = "synthetic" } });
            var info = ModelFile.Inspect(path);
            Assert.Equal(1, info.MajorVersion);
            Assert.False(info.Encrypted);
            Assert.Contains("\"type\":\"LinearRegression\"", info.Schema);
            Assert.Contains("\"dataset\":\"synthetic\"", info.Schema);
            var loaded = ModelFile.Load<LinearRegression>(path);
            Assert.Equal(model.Coef.ToArray(), loaded.Coef.ToArray());
            Assert.Throws<AprFormatException>(() => ModelFile.Load<Ridge>(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EveryFlippedByteIsDetected()
    {
        var file = SampleFile();
        for (int i = 0; i < file.Length; i++)
        {
            var copy = (byte[])file.Clone();
            copy[i] ^= 0x20;
            Assert.Throws<AprFormatException>(() => ModelFile.FromBytes(copy));
        }
    }

    [Fact]
    public void TruncatedAndExtendedFilesAreRefused()
    {
        var file = SampleFile();
        for (int len = 0; len < file.Length; len += Math.Max(1, file.Length / 97))
        {
            var e = Assert.Throws<AprFormatException>(() => ModelFile.FromBytes(file.AsSpan(0, len)));
            Assert.True(e.Message.Contains("truncated", StringComparison.Ordinal) || e.Message.Contains("magic", StringComparison.Ordinal), e.Message);
        }
        var longer = file.Concat(new byte[] { 0 }).ToArray();
        Assert.Contains("unexpected bytes", Assert.Throws<AprFormatException>(() => ModelFile.FromBytes(longer)).Message);
    }

    [Fact]
    public void ChecksumMismatchSaysSo()
    {
        var file = SampleFile();
        file[ModelFile.HeaderSize + 20] ^= 1;
        Assert.Contains("BLAKE3 checksum mismatch", Assert.Throws<AprFormatException>(() => ModelFile.FromBytes(file)).Message);
    }

    [Fact]
    public void SignedFilesVerifyAndRejectTamperingAndOtherKeys()
    {
        using var key = AprSigningKey.Create();
        using var other = AprSigningKey.Create();
        var file = SampleFile(new AprSaveOptions { SigningKey = key });
        Assert.IsType<Ridge>(ModelFile.FromBytes(file, new AprLoadOptions { TrustedPublicKey = key.PublicKey }));
        Assert.Contains("different key", Assert.Throws<AprFormatException>(() => ModelFile.FromBytes(file, new AprLoadOptions { TrustedPublicKey = other.PublicKey })).Message);
        // Re-computing the checksum after an edit does not help: the signature covers it.
        var forged = (byte[])file.Clone();
        int bodyEnd = forged.Length - ModelFile.ChecksumSize - ModelFile.PublicKeySize - ModelFile.SignatureSize;
        forged[ModelFile.HeaderSize + 30] ^= 4;
        Blake3.Hasher.Hash(forged.AsSpan(0, bodyEnd)).AsSpan().CopyTo(forged.AsSpan(bodyEnd));
        Assert.Contains("signature does not verify", Assert.Throws<AprFormatException>(() => ModelFile.FromBytes(forged)).Message);
        Assert.Contains("not signed", Assert.Throws<AprFormatException>(() => ModelFile.FromBytes(SampleFile(), new AprLoadOptions { RequireSignature = true })).Message);
        // A key survives export and import.
        using var again = AprSigningKey.Import(key.ExportPrivateKey());
        Assert.Equal(key.PublicKey, again.PublicKey);
    }

    [Theory]
    [InlineData(AprCipher.Aes256Gcm)]
    [InlineData(AprCipher.ChaCha20Poly1305)]
    public void EncryptedFilesNeedTheRightKey(AprCipher cipher)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var file = SampleFile(new AprSaveOptions { Cipher = cipher, EncryptionKey = key });
        Assert.IsType<Ridge>(ModelFile.FromBytes(file, new AprLoadOptions { DecryptionKey = key }));
        Assert.Contains("pass AprLoadOptions.DecryptionKey", Assert.Throws<AprFormatException>(() => ModelFile.FromBytes(file)).Message);
        var wrong = (byte[])key.Clone();
        wrong[0] ^= 1;
        Assert.Contains("decryption failed", Assert.Throws<AprFormatException>(() => ModelFile.FromBytes(file, new AprLoadOptions { DecryptionKey = wrong })).Message);
        // The plaintext schema is not visible in the encrypted file.
        Assert.DoesNotContain("Ridge"u8.ToArray(), file.Chunk(5).Select(c => c.ToArray()));
        Assert.True(file.AsSpan().IndexOf("Ridge"u8) < 0);
    }

    [Fact]
    public void PasswordEncryptionAndSigningCombine()
    {
        using var key = AprSigningKey.Create();
        var file = SampleFile(new AprSaveOptions { Cipher = AprCipher.Aes256Gcm, Password = "correct horse", PasswordIterations = 10_000, SigningKey = key });
        Assert.IsType<Ridge>(ModelFile.FromBytes(file, new AprLoadOptions { Password = "correct horse", TrustedPublicKey = key.PublicKey }));
        Assert.Contains("decryption failed", Assert.Throws<AprFormatException>(() => ModelFile.FromBytes(file, new AprLoadOptions { Password = "wrong" })).Message);
    }

    [Fact]
    public void PickleIsNeverRead()
    {
        // A protocol-4 pickle header, as joblib.dump writes.
        byte[] pickle = [0x80, 0x04, 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, (byte)'c', (byte)'o', (byte)'s', (byte)'\n'];
        var e = Assert.Throws<AprFormatException>(() => ModelFile.FromBytes(pickle));
        Assert.Contains("never reads pickle", e.Message);
    }

    [Fact]
    public void UnfittedModelsCannotBeSaved() =>
        Assert.Throws<NotFittedException>(() => ModelFile.ToBytes(new Ridge()));

    [Fact]
    public void FuzzedFilesNeverCrashTheLoader()
    {
        // Mutations are re-checksummed so they get past the BLAKE3 check and reach the schema and array parsers.
        var (X, yc, _) = Data(60, 4);
        var seeds = new[]
        {
            ModelFile.ToBytes(PipelineFactory.MakePipeline(new StandardScaler(), new LogisticRegression()).Fit(X, yc)),
            ModelFile.ToBytes(new RandomForestClassifier(nEstimators: 2, randomState: 0).Fit(X, yc)),
        };
        var rng = new Tensors.RandomState(123);
        int refused = 0, loaded = 0;
        foreach (var seed in seeds)
        {
            for (int round = 0; round < 400; round++)
            {
                var f = (byte[])seed.Clone();
                int edits = 1 + (int)rng.RandInt(4);
                for (int e = 0; e < edits; e++)
                {
                    int at = ModelFile.HeaderSize + (int)rng.RandInt(f.Length - ModelFile.HeaderSize - ModelFile.ChecksumSize);
                    f[at] = (byte)rng.RandInt(256);
                }
                int bodyEnd = f.Length - ModelFile.ChecksumSize;
                Blake3.Hasher.Hash(f.AsSpan(0, bodyEnd)).AsSpan().CopyTo(f.AsSpan(bodyEnd));
                try
                {
                    var model = ModelFile.FromBytes(f);
                    loaded++;
                    _ = model.ToString();
                }
                catch (AprFormatException)
                {
                    refused++;
                }
            }
        }
        Assert.Equal(800, refused + loaded);
        Assert.True(refused > 0);
    }
}
